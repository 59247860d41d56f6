// comment_canvas: each quote is located like an edit's `find` and anchored with Yjs relative positions,
// so the comment follows its text while people and the model edit around it. Any quote that cannot
// be placed refuses the whole call: never a comment on the wrong text.
import * as Y from "yjs";
import { fromBase64, toBase64 } from "lib0/buffer";
import { canvasFragment, canvasesMap, commentsMap, newId, type CanvasMeta, type CommentRecord } from "../room.ts";
import { MAX_COMMENT_QUOTE_CHARS, QUOTE_TOO_LONG_HINT, type CommentCanvasArgs } from "../tools.ts";
import { readCanvasView } from "../markdown/index.ts";
import type { Author, ToolCallOrigin } from "../origins.ts";
import { planEdits } from "./planEdits.ts";
import { textRangeToY, yPositionToPm, type YRange } from "./textMap.ts";
import { EngineResult, type Applied, type AppliedChange, type EngineError, type EngineFailure } from "./result.ts";
import { canvasSchema } from "../schema.ts";
import { Fragment } from "@tiptap/pm/model";

export function addComments(
  doc: Y.Doc,
  meta: CanvasMeta,
  args: CommentCanvasArgs,
  origin: ToolCallOrigin,
  author: Author,
  changeId: string | null = null,
): Applied | EngineFailure {
  const view = readCanvasView(canvasFragment(doc, meta.id), meta.kind);
  const errors: EngineError[] = [];
  const placed: { range: YRange; applied: AppliedChange }[] = [];
  args.comments.forEach((comment, index) => {
    // Callers that skip the schema (scripts, future tools) get the same limit: a comment anchors to a defect.
    if (comment.quote.length > MAX_COMMENT_QUOTE_CHARS) {
      errors.push({
        code: "too_large",
        editIndex: index,
        message: `Comment ${index + 1}: the quote is ${comment.quote.length} characters; ${QUOTE_TOO_LONG_HINT}.`,
      });
      return;
    }
    // Locating a quote is locating a `find` that must match once; reuse the edit planner's messages.
    const plan = planEdits(view.text, [{ find: comment.quote, replace: comment.quote, all: false }], meta.kind);
    if (!plan.ok) {
      for (const error of plan.errors) {
        errors.push({
          ...error,
          editIndex: index,
          message: error.message.replace(/^The edit: `find` text/, `Comment ${index + 1}: quote`),
        });
      }
      return;
    }
    const change = plan.applied[0]!;
    const range = textRangeToY(view, change.from, change.to);
    if (!range) {
      errors.push({
        code: "invalid",
        editIndex: index,
        message: `Comment ${index + 1}: the quote "${change.before}" is only markup, with no text to anchor to. Quote the words the comment is about.`,
      });
      return;
    }
    placed.push({ range, applied: { ...change, index } });
  });
  if (errors.length) return EngineResult.fail(meta.id, errors);

  doc.transact(() => {
    placed.forEach(({ range }, index) => {
      const comment = args.comments[index]!;
      const id = newId();
      const record: CommentRecord = {
        id,
        canvasId: meta.id,
        anchor: {
          start: encodePosition(Y.createRelativePositionFromTypeIndex(range.start.type, range.start.index, 0)),
          end: encodePosition(Y.createRelativePositionFromTypeIndex(range.end.type, range.end.index, -1)),
        },
        quote: comment.quote,
        body: comment.comment,
        severity: comment.severity,
        suggestion: comment.suggestion,
        author: author.id,
        authorName: author.name,
        resolved: false,
        replies: [],
        createdAt: Date.now(),
        runId: origin.source === "agent" ? origin.runId : null,
        changeId,
      };
      commentsMap(doc).set(id, record);
    });
  }, origin);
  const count = placed.length;
  return {
    ok: true,
    canvasId: meta.id,
    applied: placed.map((item) => item.applied),
    summary: `Left ${count} ${count === 1 ? "comment" : "comments"}`,
    inserted: 0,
    deleted: 0,
  };
}

function encodePosition(position: Y.RelativePosition): string {
  return toBase64(Y.encodeRelativePosition(position));
}

function decodePosition(encoded: string): Y.RelativePosition | null {
  try {
    return Y.decodeRelativePosition(fromBase64(encoded));
  } catch {
    return null;
  }
}

/**
 * A comment's current span: ProseMirror positions in its canvas (for highlights) and the text it
 * covers now. Null when the text was deleted or the anchor cannot be read.
 */
export function resolveCommentRange(
  doc: Y.Doc,
  comment: CommentRecord,
): { from: number; to: number; text: string } | null {
  const meta = canvasesMap(doc).get(comment.canvasId);
  if (!meta) return null;
  const fragment = canvasFragment(doc, comment.canvasId);
  const start = decodePosition(comment.anchor.start);
  const end = decodePosition(comment.anchor.end);
  if (!start || !end) return null;
  const absStart = Y.createAbsolutePositionFromRelativePosition(start, doc);
  const absEnd = Y.createAbsolutePositionFromRelativePosition(end, doc);
  if (!absStart || !absEnd) return null;
  const from = yPositionToPm(fragment, absStart.type, absStart.index);
  const to = yPositionToPm(fragment, absEnd.type, absEnd.index);
  if (from === null || to === null || to <= from) return null;
  const view = readCanvasView(fragment, meta.kind);
  const pmDoc = canvasSchema().topNodeType.create(null, Fragment.fromArray(view.blocks.map((block) => block.node)));
  if (to > pmDoc.content.size) return null;
  const text = pmDoc.textBetween(from, to, "\n", "\n");
  return text ? { from, to, text } : null;
}
