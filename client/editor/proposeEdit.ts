// A person's "Suggest edit" as the find/replace the suggestions route takes. The person edits the text
// the editor shows; the route finds canvas text (markdown, or source on a code canvas). So the selection
// is mapped to its canvas text through Yjs anchors (the same path comments and suggestions use), only the
// part the person changed is replaced (markup around it, "**bold**" or a link, stays), and the passage
// grows by whole words until it reads once in the canvas: the route then finds exactly what was selected,
// never an earlier copy of the same words. Loaded when a person first suggests (it brings the markdown
// reader along).
import type * as Y from "yjs";
import type { Node as PMNode } from "@tiptap/pm/model";
import type { EditorState } from "@tiptap/pm/state";
import { readCanvasView } from "../../shared/markdown/index.ts";
import { resolveAnchorRange } from "../../shared/suggestions/anchor.ts";
import type { CanvasKind } from "../../shared/tools.ts";
import { anchorForRange, bindingOf, resolveAnchor } from "./anchors.ts";
import { shownText, type SuggestionTarget } from "./suggestionTarget.ts";

/** The route's limit on `find` and `replace` (server/suggestions/routes.ts). */
export const MAX_SUGGESTION_CHARS = 20_000;

export type EditProposal = { ok: true; find: string; replace: string } | { ok: false; message: string };

/**
 * The position in [from, to] where `count` characters of shown text lie before it: just before the
 * character at `count` ("start") or just after the one before it ("end"). Shown text only grows with the
 * position, so a binary search finds it with a few textBetween calls on any selection.
 */
function positionAt(doc: PMNode, from: number, to: number, count: number, side: "start" | "end"): number {
  let low = from;
  let high = to;
  while (low < high) {
    if (side === "start") {
      const mid = Math.ceil((low + high) / 2);
      if (shownText(doc, from, mid).length <= count) low = mid;
      else high = mid - 1;
    } else {
      const mid = Math.floor((low + high) / 2);
      if (shownText(doc, from, mid).length >= count) high = mid;
      else low = mid + 1;
    }
  }
  return low;
}

/** The canvas-text range PM [from, to) shows (markup at its edges left out), or null. */
function canvasRange(
  state: EditorState,
  view: ReturnType<typeof readCanvasView>,
  doc: Y.Doc,
  from: number,
  to: number,
): { from: number; to: number } | null {
  const anchor = anchorForRange(state, from, to);
  return anchor && resolveAnchorRange(doc, view, { ...anchor, lead: 0, trail: 0 });
}

/** Grow [from, to) by one word on each side (whitespace, then the word). */
function widen(text: string, from: number, to: number): { from: number; to: number } {
  let start = from;
  while (start > 0 && /\s/.test(text[start - 1]!)) start--;
  while (start > 0 && !/\s/.test(text[start - 1]!)) start--;
  let end = to;
  while (end < text.length && /\s/.test(text[end]!)) end++;
  while (end < text.length && !/\s/.test(text[end]!)) end++;
  return { from: start, to: end };
}

function readsOnce(text: string, passage: string): boolean {
  const first = text.indexOf(passage);
  return first >= 0 && text.indexOf(passage, first + 1) < 0;
}

/** Turn the selection, edited by the person into `edited`, into a find/replace on the canvas text. */
export function proposeEdit(
  state: EditorState,
  kind: CanvasKind,
  target: SuggestionTarget,
  edited: string,
): EditProposal {
  if (edited === target.text) return { ok: false, message: "Change the text first: it still reads as selected." };
  const range = resolveAnchor(state, target.anchor);
  const now = range ? shownText(state.doc, range.from, range.to) : null;
  if (!range || now !== target.text) {
    const what = now?.trim() ? "changed this passage" : "deleted this passage";
    return {
      ok: false,
      message: `Someone ${what} while you were writing. Your text is kept: select the passage again to suggest it there.`,
    };
  }
  const binding = bindingOf(state);
  if (!binding) return { ok: false, message: "The canvas is still loading. Try again in a moment." };
  const view = readCanvasView(binding.type, kind);
  const text = view.text;
  const whole = canvasRange(state, view, binding.doc, range.from, range.to);
  if (!whole) return { ok: true, find: target.text, replace: edited };

  // The part the person changed: what their text and the selection do not share at the edges.
  const original = target.text;
  const limit = Math.min(original.length, edited.length);
  let prefix = 0;
  while (prefix < limit && original[prefix] === edited[prefix]) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && original[original.length - 1 - suffix] === edited[edited.length - 1 - suffix])
    suffix++;
  // A pure insertion takes a neighbouring character with it, so the changed part has text to anchor.
  if (prefix + suffix === original.length) {
    if (prefix > 0) prefix--;
    else suffix--;
  }
  const changedFrom = positionAt(state.doc, range.from, range.to, prefix, "start");
  const changedTo = positionAt(state.doc, range.from, range.to, original.length - suffix, "end");
  const changed = changedTo > changedFrom ? canvasRange(state, view, binding.doc, changedFrom, changedTo) : null;
  // When the changed part cannot be mapped on its own (it starts at a line break), the whole selection is.
  const inner = changed && changed.from >= whole.from && changed.to <= whole.to ? changed : null;
  const middle = inner ? edited.slice(prefix, edited.length - suffix) : edited;
  const cut = inner ?? whole;

  let passage = { from: whole.from, to: whole.to };
  while (!readsOnce(text, text.slice(passage.from, passage.to))) {
    const wider = widen(text, passage.from, passage.to);
    if (wider.from === passage.from && wider.to === passage.to) break;
    passage = wider;
  }
  const find = text.slice(passage.from, passage.to);
  const replace = text.slice(passage.from, cut.from) + middle + text.slice(cut.to, passage.to);
  if (find.length > MAX_SUGGESTION_CHARS || replace.length > MAX_SUGGESTION_CHARS)
    return {
      ok: false,
      message: `That is too long for one suggestion (at most ${MAX_SUGGESTION_CHARS.toLocaleString("en")} characters). Select a shorter passage.`,
    };
  return { ok: true, find, replace };
}
