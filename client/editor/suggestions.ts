// Suggestions inline: the passage a suggestion would replace is struck through and the new text sits
// beside it, with who proposed it, for everyone in the room while they keep typing. Like comment
// highlights, local typing maps the spans and remote changes re-resolve them from their Yjs anchors.
// The keymap reviews them from the keyboard (next, previous, accept, reject) and lets Ctrl+Z undo the
// person's own last accept or reject when it is newer than their last keystroke.
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from "@tiptap/pm/state";
import type { Node as PMNode } from "@tiptap/pm/model";
import { Decoration, DecorationSet, type EditorView } from "@tiptap/pm/view";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import type { SuggestionRecord } from "../../shared/suggestions/record.ts";
import { resolveAnchor } from "./anchors.ts";

export interface SuggestionSpan {
  id: string;
  from: number;
  to: number;
  outdated: boolean;
}

interface SuggestionState {
  suggestions: SuggestionRecord[];
  activeId: string | null;
  spans: SuggestionSpan[];
  decorations: DecorationSet;
  /** When this person last typed into the canvas (for Ctrl+Z: their keystroke or their review). */
  lastLocalEdit: number;
}

interface SuggestionMeta {
  suggestions?: SuggestionRecord[];
  activeId?: string | null;
}

export const suggestionsKey = new PluginKey<SuggestionState>("suggestions");

/** What the keymap asks the room to do; set by the React side, read at key time. */
export interface SuggestionCommands {
  decide(id: string, decision: "accept" | "reject"): void;
  /** Undo (or redo) this person's last review when it is newer than `since`; true when it did. */
  undoReview(since: number): boolean;
  redoReview(since: number): boolean;
}

const MAX_TRIM_POSITIONS = 4_000;

/** The position `count` characters of text (blocks joined by "\n") after `from`, within [from, to]. */
function positionAfter(doc: PMNode, from: number, to: number, count: number): number {
  let pos = from;
  while (pos < to && doc.textBetween(from, pos, "\n", "\n").length < count) pos++;
  return pos;
}

/** The part of the span that changes: drop the text the passage and its replacement share at their edges. */
function changedPart(
  doc: PMNode,
  from: number,
  to: number,
  replacement: string,
): { from: number; to: number; insert: string } {
  const current = doc.textBetween(from, to, "\n", "\n");
  if (to - from > MAX_TRIM_POSITIONS) return { from, to, insert: replacement };
  const limit = Math.min(current.length, replacement.length);
  let prefix = 0;
  while (prefix < limit && current[prefix] === replacement[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < limit - prefix &&
    current[current.length - 1 - suffix] === replacement[replacement.length - 1 - suffix]
  )
    suffix++;
  const start = positionAfter(doc, from, to, prefix);
  const end = positionAfter(doc, from, to, current.length - suffix);
  return { from: start, to: Math.max(start, end), insert: replacement.slice(prefix, replacement.length - suffix) };
}

function label(suggestion: SuggestionRecord, outdated: boolean): string {
  const by = suggestion.author.name || "Someone";
  const run = suggestion.runId ? ` · run ${suggestion.runId}` : "";
  return `Suggested by ${by}${run}${outdated ? " · outdated: the text changed since" : ""}`;
}

function insertion(text: string, suggestion: SuggestionRecord, active: boolean, outdated: boolean): HTMLElement {
  const span = document.createElement("span");
  span.className = `suggestion-ins${active ? " suggestion-active" : ""}${outdated ? " suggestion-outdated" : ""}`;
  span.dataset.suggestionId = suggestion.id;
  span.title = label(suggestion, outdated);
  span.textContent = text;
  span.contentEditable = "false";
  return span;
}

function build(
  state: EditorState,
  suggestions: SuggestionRecord[],
  activeId: string | null,
): Pick<SuggestionState, "spans" | "decorations"> {
  const spans: SuggestionSpan[] = [];
  const decorations: Decoration[] = [];
  for (const suggestion of suggestions) {
    if (suggestion.status !== "pending") continue;
    const range = resolveAnchor(state, suggestion.anchor);
    if (!range) continue;
    const shown = state.doc.textBetween(range.from, range.to, "\n", "\n");
    const outdated = shown !== suggestion.display.quote;
    spans.push({ id: suggestion.id, ...range, outdated });
    const active = suggestion.id === activeId;
    const part = outdated
      ? { ...range, insert: suggestion.display.replacement }
      : changedPart(state.doc, range.from, range.to, suggestion.display.replacement);
    const attrs = {
      "data-suggestion-id": suggestion.id,
      title: label(suggestion, outdated),
    };
    if (part.to > part.from)
      decorations.push(
        Decoration.inline(part.from, part.to, {
          ...attrs,
          class: `suggestion-del${active ? " suggestion-active" : ""}${outdated ? " suggestion-outdated" : ""}`,
        }),
      );
    else
      decorations.push(
        Decoration.inline(range.from, range.to, {
          ...attrs,
          class: `suggestion-anchor${active ? " suggestion-active" : ""}`,
        }),
      );
    if (part.insert)
      decorations.push(
        Decoration.widget(part.to, () => insertion(part.insert, suggestion, active, outdated), {
          side: 1,
          key: `${suggestion.id}:${active ? 1 : 0}:${outdated ? 1 : 0}:${part.insert}`,
          ignoreSelection: true,
        }),
      );
  }
  spans.sort((a, b) => a.from - b.from);
  return { spans, decorations: DecorationSet.create(state.doc, decorations) };
}

function mapped(value: SuggestionState, tr: Transaction): SuggestionState {
  const spans = value.spans
    .map((span) => ({ ...span, from: tr.mapping.map(span.from, 1), to: tr.mapping.map(span.to, -1) }))
    .filter((span) => span.to > span.from);
  return { ...value, spans, decorations: value.decorations.map(tr.mapping, tr.doc) };
}

/** The pending suggestions on screen, in document order. */
export function suggestionSpans(state: EditorState): SuggestionSpan[] {
  return suggestionsKey.getState(state)?.spans ?? [];
}

export function activeSuggestionId(state: EditorState): string | null {
  return suggestionsKey.getState(state)?.activeId ?? null;
}

/** The suggestion the keyboard acts on: the active one, else the one the caret is in. */
export function currentSuggestion(state: EditorState): SuggestionSpan | null {
  const spans = suggestionSpans(state);
  const active = activeSuggestionId(state);
  const { from } = state.selection;
  return spans.find((span) => span.id === active) ?? spans.find((span) => span.from <= from && from <= span.to) ?? null;
}

/** Show suggestions (and which one is active) in the editor. */
export function setSuggestions(view: EditorView, meta: SuggestionMeta): void {
  view.dispatch(view.state.tr.setMeta(suggestionsKey, meta));
}

/** Move to the next (1) or previous (-1) suggestion after the caret, wrapping; returns its id. */
export function moveToSuggestion(view: EditorView, direction: 1 | -1): string | null {
  const spans = suggestionSpans(view.state);
  if (!spans.length) return null;
  const active = activeSuggestionId(view.state);
  const index = spans.findIndex((span) => span.id === active);
  const head = view.state.selection.from;
  let target: SuggestionSpan;
  if (index >= 0) target = spans[(index + direction + spans.length) % spans.length]!;
  else if (direction === 1) target = spans.find((span) => span.from > head) ?? spans[0]!;
  else target = [...spans].reverse().find((span) => span.to < head) ?? spans[spans.length - 1]!;
  const tr = view.state.tr
    .setMeta(suggestionsKey, { activeId: target.id } satisfies SuggestionMeta)
    .setSelection(TextSelection.create(view.state.doc, target.from))
    .scrollIntoView();
  view.dispatch(tr);
  return target.id;
}

/** The review keys; before the collaboration keymap, so Ctrl+Z can undo a review first. */
// A getter, not a ref object: Tiptap deep-merges options, which would copy a ref's value at configure time.
export const SuggestionKeys = Extension.create<{ commands: () => SuggestionCommands | null }>({
  name: "suggestionKeys",
  priority: 1_000,
  addOptions() {
    return { commands: () => null };
  },
  addKeyboardShortcuts() {
    const since = (): number => suggestionsKey.getState(this.editor.state)?.lastLocalEdit ?? 0;
    const decide = (decision: "accept" | "reject"): boolean => {
      const current = currentSuggestion(this.editor.state);
      const commands = this.options.commands();
      if (!current || !commands) return false;
      commands.decide(current.id, decision);
      return true;
    };
    return {
      "Alt-n": () => moveToSuggestion(this.editor.view, 1) !== null,
      "Alt-p": () => moveToSuggestion(this.editor.view, -1) !== null,
      "Alt-Enter": () => decide("accept"),
      "Alt-Backspace": () => decide("reject"),
      "Mod-z": () => this.options.commands()?.undoReview(since()) ?? false,
      "Mod-Shift-z": () => this.options.commands()?.redoReview(since()) ?? false,
      "Mod-y": () => this.options.commands()?.redoReview(since()) ?? false,
    };
  },
});

/**
 * The inline rendering. At the default priority, after the collaboration plugin: its state (the Yjs
 * binding the anchors resolve through) is computed first.
 */
export const Suggestions = Extension.create({
  name: "suggestions",
  addProseMirrorPlugins() {
    return [
      new Plugin<SuggestionState>({
        key: suggestionsKey,
        state: {
          init: () => ({
            suggestions: [],
            activeId: null,
            spans: [],
            decorations: DecorationSet.empty,
            lastLocalEdit: 0,
          }),
          apply(tr, value, _old, state) {
            const meta = tr.getMeta(suggestionsKey) as SuggestionMeta | undefined;
            const syncMeta: unknown = tr.getMeta(ySyncPluginKey);
            const local = tr.docChanged && !syncMeta;
            const lastLocalEdit = local ? Date.now() : value.lastLocalEdit;
            if (!meta && !syncMeta) return tr.docChanged ? { ...mapped(value, tr), lastLocalEdit } : value;
            const suggestions = meta?.suggestions ?? value.suggestions;
            const activeId = meta?.activeId !== undefined ? meta.activeId : value.activeId;
            return { suggestions, activeId, lastLocalEdit, ...build(state, suggestions, activeId) };
          },
        },
        props: {
          decorations: (state) => suggestionsKey.getState(state)?.decorations ?? DecorationSet.empty,
        },
        // After the person's own typing, re-resolve once the binding has written it to Yjs (the sync
        // plugin's view runs after this one), so a passage they typed into shows as outdated at once.
        view: () => ({
          update(view, previous) {
            if (view.state.doc === previous.doc || suggestionSpans(view.state).length === 0) return;
            const state = suggestionsKey.getState(view.state);
            if (!state || state.lastLocalEdit === suggestionsKey.getState(previous)?.lastLocalEdit) return;
            queueMicrotask(() => {
              if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(suggestionsKey, {}));
            });
          },
        }),
      }),
    ];
  },
});
