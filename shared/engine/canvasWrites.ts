// The three ways a tool call changes canvas text: create, targeted edit, whole rewrite. Each is one
// transaction with the writer's origin, through the same minimal-diff block writer. The seam
// (toolCall.ts) picks one per call; nothing else calls them.
import type * as Y from "yjs";
import { canvasesMap, canvasFragment, type CanvasMeta } from "../room.ts";
import type { CreateCanvasArgs, EditCanvasArgs, RewriteCanvasArgs } from "../tools.ts";
import { readCanvasView } from "../markdown/index.ts";
import type { ToolCallOrigin } from "../origins.ts";
import { planEdits } from "./planEdits.ts";
import { EngineResult, wholeChange, type Applied, type EngineFailure } from "./result.ts";
import { rawHtmlFor, writeCanvasText } from "./writeText.ts";

/** What a canvas is before it has content: a create_canvas call without its `content`. */
export type CanvasHeader = Omit<CreateCanvasArgs, "content">;

/** A new canvas's metadata: the one place a canvas is made, so every writer gets the same language rule. */
function canvasMeta(id: string, header: CanvasHeader, createdAt = Date.now(), crlf = false): CanvasMeta {
  const language = header.kind === "code" ? header.language : null;
  return { id, title: header.title, kind: header.kind, language, createdAt, ...(crlf ? { lineEnding: "crlf" } : {}) };
}

/** create_canvas: metadata and content in one transaction. A streamed create passes the canvas it already made. */
export function createCanvas(
  doc: Y.Doc,
  args: CreateCanvasArgs,
  canvasId: string,
  origin: ToolCallOrigin,
  createdAt?: number,
): Applied {
  // A file written with CRLF line ends is edited with LF and exported with CRLF again (meta.lineEnding).
  const crlf = args.content.includes("\r\n");
  const content = args.content.includes("\r") ? args.content.replace(/\r\n?/g, "\n") : args.content;
  const meta = canvasMeta(canvasId, args, createdAt, crlf);
  doc.transact(() => {
    canvasesMap(doc).set(canvasId, meta);
    const view = readCanvasView(canvasFragment(doc, canvasId), meta.kind);
    writeCanvasText(doc, view, content, null, meta.language, rawHtmlFor(origin));
  }, origin);
  return wholeChange(canvasId, "", content, `Created "${args.title}"`);
}

/** edit_canvas: every edit is located first; one problem refuses the whole call and nothing is written. */
export function editCanvas(
  doc: Y.Doc,
  meta: CanvasMeta,
  args: EditCanvasArgs,
  origin: ToolCallOrigin,
): Applied | EngineFailure {
  const view = readCanvasView(canvasFragment(doc, meta.id), meta.kind);
  const plan = planEdits(view.text, args.edits, meta.kind);
  if (!plan.ok) return EngineResult.fail(meta.id, plan.errors);
  doc.transact(
    () => writeCanvasText(doc, view, () => plan.text, plan.changes, meta.language, rawHtmlFor(origin)),
    origin,
  );
  const inserted = plan.applied.reduce((sum, change) => sum + change.inserted, 0);
  const deleted = plan.applied.reduce((sum, change) => sum + change.deleted, 0);
  const passages = plan.applied.length === 1 ? "1 passage" : `${plan.applied.length} passages`;
  const summary =
    `${args.summary ? `${args.summary} ` : ""}(changed ${passages}: +${inserted} −${deleted} characters)`.trim();
  return { ok: true, canvasId: meta.id, applied: plan.applied, summary, inserted, deleted };
}

/**
 * Make a canvas hold `text` (not a tool call: an undo, a restore), in one transaction with `origin`.
 * Only the span between the common prefix and suffix is re-parsed and written, so a change to one
 * passage of a long canvas costs about what a targeted edit costs.
 */
export function writeText(doc: Y.Doc, meta: CanvasMeta, text: string, origin: unknown): void {
  const view = readCanvasView(canvasFragment(doc, meta.id), meta.kind);
  if (view.text === text) return;
  const span = wholeChange(meta.id, view.text, text, "").applied[0]!;
  const change = { index: 0, from: span.from, to: span.to, insert: span.after, tier: "exact" as const };
  // The text is the canvas's own (an earlier state of it): what it holds is kept as it was.
  doc.transact(() => writeCanvasText(doc, view, text, [change], meta.language, "keep"), origin);
}

/**
 * rewrite_canvas: the whole content, written block by block so unchanged blocks keep their Yjs items.
 * `base` is the text the change is reported against: the canvas when a stream started, else now.
 */
export function rewriteCanvas(
  doc: Y.Doc,
  meta: CanvasMeta,
  args: RewriteCanvasArgs,
  origin: ToolCallOrigin,
  base?: string,
): Applied {
  const view = readCanvasView(canvasFragment(doc, meta.id), meta.kind);
  doc.transact(() => writeCanvasText(doc, view, args.content, null, meta.language, rawHtmlFor(origin)), origin);
  return wholeChange(meta.id, base ?? view.text, args.content, args.summary || "Rewrote the canvas");
}
