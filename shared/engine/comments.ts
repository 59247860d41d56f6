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
      const record = commentRecord(meta.id, range, { ...comment, body: comment.comment }, origin, author, changeId);
      commentsMap(doc).set(record.id, record);
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

function commentRecord(
  canvasId: string,
  range: YRange,
  comment: Pick<CommentRecord, "quote" | "body" | "severity" | "suggestion">,
  origin: ToolCallOrigin,
  author: Author,
  changeId: string | null,
): CommentRecord {
  return {
    id: newId(),
    canvasId,
    anchor: {
      start: encodePosition(Y.createRelativePositionFromTypeIndex(range.start.type, range.start.index, 0)),
      end: encodePosition(Y.createRelativePositionFromTypeIndex(range.end.type, range.end.index, -1)),
    },
    ...comment,
    author: author.id,
    authorName: author.name,
    resolved: false,
    replies: [],
    createdAt: Date.now(),
    runId: origin.source === "agent" ? origin.runId : null,
    changeId,
  };
}

/** A person's edit that a streamed write could not place in its result: its text before and after, and where. */
export interface KeptEdit {
  /** Offset in the canvas text (as it is now) of the place it was made. */
  at: number;
  before: string;
  after: string;
}

/** How much of a block a kept-edit comment anchors to. */
const KEPT_EDIT_QUOTE_CHARS = 80;

/**
 * Keep people's edits that a streamed write could not place: each becomes a comment, anchored to the
 * start of the block nearest to where it was made, that quotes it verbatim and says why it is there.
 * Returns how many comments were left. Call it after the write, with the same origin.
 */
export function addKeptEditComments(
  doc: Y.Doc,
  meta: CanvasMeta,
  edits: readonly KeptEdit[],
  origin: ToolCallOrigin,
  author: Author,
  changeId: string | null,
): number {
  const kept = edits.filter((edit) => edit.after.trim() || edit.before.trim());
  if (!kept.length) return 0;
  const view = readCanvasView(canvasFragment(doc, meta.id), meta.kind);
  const anchored = view.blocks.filter((block) => block.text.trim());
  let count = 0;
  doc.transact(() => {
    for (const edit of kept) {
      const near = nearestBlock(anchored, edit.at);
      const range = near ? textRangeToY(view, near.from, Math.min(near.to, near.from + KEPT_EDIT_QUOTE_CHARS)) : null;
      if (!near || !range) continue;
      const quote = view.text.slice(near.from, Math.min(near.to, near.from + KEPT_EDIT_QUOTE_CHARS));
      const body = !edit.before.trim()
        ? `Typed while ${author.name} was writing here; it could not be placed in the new text, so it is kept verbatim:\n\n${edit.after}`
        : `Edited while ${author.name} was writing here; it could not be placed in the new text. The passage\n\n${edit.before}\n\nwas changed to:\n\n${edit.after || "(deleted)"}`;
      const record = commentRecord(
        meta.id,
        range,
        { quote, body, severity: "issue", suggestion: null },
        origin,
        author,
        changeId,
      );
      commentsMap(doc).set(record.id, record);
      count++;
    }
  }, origin);
  return count;
}

function nearestBlock<T extends { from: number; to: number }>(blocks: readonly T[], at: number): T | null {
  let best: T | null = null;
  let distance = Infinity;
  for (const block of blocks) {
    const d = at < block.from ? block.from - at : at > block.to ? at - block.to : 0;
    if (d < distance) {
      best = block;
      distance = d;
    }
  }
  return best;
}

/** An encoded Y.RelativePosition in base64, as anchors store it. */
export function encodePosition(position: Y.RelativePosition): string {
  return toBase64(Y.encodeRelativePosition(position));
}

/** A base64 anchor position back as a Y.RelativePosition, or null when it cannot be read. */
export function decodePosition(encoded: string): Y.RelativePosition | null {
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
