// Briefly highlights text the model just changed. Remote changes arrive as whole-doc replacements
// from y-tiptap; when the model is at work on this canvas (or the user just asked for an undo or a
// restore), the changed spans are computed and flashed, and remembered so "show me" links can scroll there.
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, type EditorState } from "@tiptap/pm/state";
import { Decoration, DecorationSet, type EditorView } from "@tiptap/pm/view";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { changedRanges, type Range } from "./changedRanges.ts";

export interface AiHighlightOptions {
  /** Whether a remote change arriving now is the model's (or an AI undo/restore the user asked for). */
  isAiChange: () => boolean;
  /** Called with the changed spans after an AI change, e.g. to remember them for "show me". */
  onAiChange: (ranges: Range[]) => void;
  flashMs: number;
}

interface FlashState {
  decorations: DecorationSet;
  last: Range[];
}

const aiHighlightKey = new PluginKey<FlashState>("aiHighlight");

type Meta = { clear: true } | { flash: Range[] };

function decorate(state: EditorState, ranges: Range[]): DecorationSet {
  const size = state.doc.content.size;
  const decorations = ranges
    .map((range) => ({ from: Math.max(0, Math.min(range.from, size)), to: Math.max(0, Math.min(range.to, size)) }))
    .filter((range) => range.to > range.from)
    .map((range) => Decoration.inline(range.from, range.to, { class: "ai-change" }));
  return DecorationSet.create(state.doc, decorations);
}

export const AiHighlight = Extension.create<AiHighlightOptions>({
  name: "aiHighlight",
  addOptions() {
    return { isAiChange: () => false, onAiChange: () => undefined, flashMs: 2_600 };
  },
  addProseMirrorPlugins() {
    const options = this.options;
    let timer: ReturnType<typeof setTimeout> | null = null;
    return [
      new Plugin<FlashState>({
        key: aiHighlightKey,
        state: {
          init: () => ({ decorations: DecorationSet.empty, last: [] }),
          apply(tr, value, _old, state) {
            const meta = tr.getMeta(aiHighlightKey) as Meta | undefined;
            if (meta && "clear" in meta) return { decorations: DecorationSet.empty, last: value.last };
            if (meta && "flash" in meta) return { decorations: decorate(state, meta.flash), last: meta.flash };
            if (!tr.docChanged) return value;
            const sync = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
            if (sync?.isChangeOrigin && options.isAiChange()) {
              const ranges = changedRanges(tr.before, tr.doc);
              if (ranges.length) return { decorations: decorate(state, ranges), last: ranges };
            }
            const last = value.last.map((range) => ({
              from: tr.mapping.map(range.from, 1),
              to: tr.mapping.map(range.to, -1),
            }));
            return { decorations: value.decorations.map(tr.mapping, tr.doc), last };
          },
        },
        props: {
          decorations: (state) => aiHighlightKey.getState(state)?.decorations ?? DecorationSet.empty,
        },
        view: () => ({
          update(view: EditorView, previous: EditorState) {
            const now = aiHighlightKey.getState(view.state);
            const before = aiHighlightKey.getState(previous);
            if (!now || now.decorations === before?.decorations || now.decorations === DecorationSet.empty) return;
            if (now.last !== before?.last) options.onAiChange(now.last);
            if (timer) clearTimeout(timer);
            timer = setTimeout(() => {
              timer = null;
              if (!view.isDestroyed)
                view.dispatch(view.state.tr.setMeta(aiHighlightKey, { clear: true }).setMeta("addToHistory", false));
            }, options.flashMs);
          },
          destroy() {
            if (timer) clearTimeout(timer);
          },
        }),
      }),
    ];
  },
});

/** Flash and scroll to the last AI change in this editor; false when there is none. */
export function flashLastAiChange(view: EditorView): boolean {
  const last = aiHighlightKey.getState(view.state)?.last ?? [];
  const first = last[0];
  if (!first) return false;
  const size = view.state.doc.content.size;
  view.dispatch(view.state.tr.setMeta(aiHighlightKey, { flash: last }).setMeta("addToHistory", false));
  const coords = view.coordsAtPos(Math.min(first.from, size));
  const scroller = view.dom.closest(".canvas-scroll");
  if (scroller) {
    const box = scroller.getBoundingClientRect();
    scroller.scrollTo({ top: scroller.scrollTop + coords.top - box.top - box.height / 3, behavior: "smooth" });
  }
  return true;
}
