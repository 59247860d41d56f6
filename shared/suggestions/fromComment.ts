// "Apply suggestion" on a comment: the comment's suggestion becomes a suggestion record over the
// comment's passage (the same anchors, the same outdated rule), which the caller then accepts like any
// other, so it is undoable the same way.
import type * as Y from "yjs";
import { canvasFragment, canvasesMap, type CommentRecord } from "../room.ts";
import { readCanvasView } from "../markdown/index.ts";
import type { Author, ToolCallOrigin } from "../origins.ts";
import { EngineResult, type Applied, type EngineFailure } from "../engine/result.ts";
import { resolveAnchorRange } from "./anchor.ts";
import { proposePassages } from "./propose.ts";

/** Propose a comment's suggestion over the text it quotes; refused when that text has changed or is gone. */
export function proposeFromComment(
  doc: Y.Doc,
  comment: CommentRecord,
  changeId: string,
  origin: ToolCallOrigin,
  author: Author,
): Applied | EngineFailure {
  const meta = canvasesMap(doc).get(comment.canvasId);
  if (!meta || comment.suggestion === null)
    return EngineResult.fail(comment.canvasId, [
      { code: "invalid", message: "This comment has no suggestion to apply." },
    ]);
  const view = readCanvasView(canvasFragment(doc, meta.id), meta.kind);
  // A comment's anchor covers the quote's text; the quote may add markup around it ("**word**").
  const inner = resolveAnchorRange(doc, view, { ...comment.anchor, lead: 0, trail: 0 });
  const text = inner ? view.text.slice(inner.from, inner.to) : null;
  const lead = text ? comment.quote.indexOf(text) : -1;
  const from = inner && lead >= 0 ? inner.from - lead : -1;
  const to = from + comment.quote.length;
  if (from < 0 || view.text.slice(from, to) !== comment.quote) {
    const now = text === null ? "has been deleted" : `now reads "${text}"`;
    return EngineResult.fail(meta.id, [
      {
        code: "not_found",
        message: `The text this comment quotes was changed since ("${comment.quote}" ${now}). Nothing was applied; edit it by hand.`,
      },
    ]);
  }
  return proposePassages(
    doc,
    meta,
    [{ from, to, insert: comment.suggestion }],
    { changeId, origin, author, commentId: comment.id },
    "Applied a comment's suggestion",
  );
}
