// Highlights the text each open comment is anchored to, coloured by severity, and keeps the spans
// the comments rail aligns its cards with. Local typing maps the spans; remote changes (which
// y-tiptap delivers as whole-doc replacements) re-resolve them from their Yjs anchors.
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, type EditorState, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import type { CommentRecord } from "../../shared/room.ts";
import { resolveAnchor } from "./anchors.ts";

export interface CommentSpan {
  id: string;
  from: number;
  to: number;
}

interface CommentState {
  comments: CommentRecord[];
  activeId: string | null;
  spans: CommentSpan[];
  decorations: DecorationSet;
}

export const commentHighlightsKey = new PluginKey<CommentState>("commentHighlights");

interface CommentMeta {
  comments?: CommentRecord[];
  activeId?: string | null;
}

function build(
  state: EditorState,
  comments: CommentRecord[],
  activeId: string | null,
): Pick<CommentState, "spans" | "decorations"> {
  const spans: CommentSpan[] = [];
  const decorations: Decoration[] = [];
  for (const comment of comments) {
    if (comment.resolved) continue;
    const range = resolveAnchor(state, comment.anchor);
    if (!range) continue;
    spans.push({ id: comment.id, ...range });
    const classes = `comment-mark mark-${comment.severity}${comment.id === activeId ? " mark-active" : ""}`;
    decorations.push(Decoration.inline(range.from, range.to, { class: classes, "data-comment-id": comment.id }));
  }
  spans.sort((a, b) => a.from - b.from);
  return { spans, decorations: DecorationSet.create(state.doc, decorations) };
}

function mapped(value: CommentState, tr: Transaction): CommentState {
  const spans = value.spans
    .map((span) => ({ id: span.id, from: tr.mapping.map(span.from, 1), to: tr.mapping.map(span.to, -1) }))
    .filter((span) => span.to > span.from);
  return { ...value, spans, decorations: value.decorations.map(tr.mapping, tr.doc) };
}

export const CommentHighlights = Extension.create({
  name: "commentHighlights",
  addProseMirrorPlugins() {
    return [
      new Plugin<CommentState>({
        key: commentHighlightsKey,
        state: {
          init: () => ({ comments: [], activeId: null, spans: [], decorations: DecorationSet.empty }),
          apply(tr, value, _old, state) {
            const meta = tr.getMeta(commentHighlightsKey) as CommentMeta | undefined;
            const syncMeta: unknown = tr.getMeta(ySyncPluginKey);
            if (!meta && !syncMeta) return tr.docChanged ? mapped(value, tr) : value;
            const comments = meta?.comments ?? value.comments;
            const activeId = meta?.activeId !== undefined ? meta.activeId : value.activeId;
            return { comments, activeId, ...build(state, comments, activeId) };
          },
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state)?.decorations ?? DecorationSet.empty,
        },
      }),
    ];
  },
});

export function commentSpans(state: EditorState): CommentSpan[] {
  return commentHighlightsKey.getState(state)?.spans ?? [];
}
