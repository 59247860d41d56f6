// A validated tool call applied to a room's Y.Doc: one transaction with the agent's origin, all or
// nothing, and a result value the model can act on.
import type * as Y from "yjs";
import { canvasesMap, canvasFragment, newId, type CanvasMeta } from "../room.ts";
import {
  exhaustiveTool,
  type CreateCanvasArgs,
  type EditCanvasArgs,
  type RewriteCanvasArgs,
  type ToolCall,
} from "../tools.ts";
import { readCanvasView } from "../markdown/index.ts";
import { addComments } from "./comments.ts";
import type { AgentOrigin } from "./origin.ts";
import { planEdits } from "./planEdits.ts";
import { failure, type AppliedChange, type EngineResult } from "./types.ts";
import { writeCanvasText } from "./writeText.ts";

export interface ApplyContext {
  canvasId: string | null;
  origin: AgentOrigin;
  author?: { id: string; name: string };
}

export function applyToolCall(doc: Y.Doc, call: ToolCall, ctx: ApplyContext): EngineResult {
  switch (call.name) {
    case "create_canvas":
      ctx.origin.beginStep();
      return createCanvas(doc, call.arguments, ctx.origin);
    case "edit_canvas":
      ctx.origin.beginStep();
      return editCanvas(doc, call.arguments, ctx);
    case "rewrite_canvas":
      ctx.origin.beginStep();
      return rewriteCanvas(doc, call.arguments, ctx);
    case "comment_canvas":
      ctx.origin.beginStep();
      return addComments(doc, call.arguments, ctx);
    default:
      return exhaustiveTool(call);
  }
}

export function openCanvas(doc: Y.Doc, canvasId: string | null): { meta: CanvasMeta } | { error: EngineResult } {
  const meta = canvasId ? canvasesMap(doc).get(canvasId) : undefined;
  if (!meta) {
    const ids = [...canvasesMap(doc).keys()];
    const message = canvasId
      ? `There is no canvas "${canvasId}" in this room${ids.length ? ` (canvases: ${ids.join(", ")})` : ""}. Use create_canvas to start one.`
      : "No canvas is open. Use create_canvas to start one, or answer in the chat.";
    return { error: failure(canvasId, [{ code: "no_canvas", message }]) };
  }
  return { meta };
}

function createCanvas(doc: Y.Doc, args: CreateCanvasArgs, origin: AgentOrigin): EngineResult {
  const canvasId = newId();
  const language = args.kind === "code" ? args.language : null;
  const meta: CanvasMeta = { id: canvasId, title: args.title, kind: args.kind, language, createdAt: Date.now() };
  doc.transact(() => {
    canvasesMap(doc).set(canvasId, meta);
    const view = readCanvasView(canvasFragment(doc, canvasId), args.kind);
    writeCanvasText(doc, view, args.content, null, language);
  }, origin);
  return wholeResult(canvasId, "", args.content, `Created "${args.title}"`);
}

function editCanvas(doc: Y.Doc, args: EditCanvasArgs, ctx: ApplyContext): EngineResult {
  const opened = openCanvas(doc, ctx.canvasId);
  if ("error" in opened) return opened.error;
  const { meta } = opened;
  const view = readCanvasView(canvasFragment(doc, meta.id), meta.kind);
  const plan = planEdits(view.text, args.edits, meta.kind);
  if (!plan.ok) return failure(meta.id, plan.errors);
  doc.transact(() => writeCanvasText(doc, view, () => plan.text, plan.changes, meta.language), ctx.origin);
  const inserted = plan.applied.reduce((sum, change) => sum + change.inserted, 0);
  const deleted = plan.applied.reduce((sum, change) => sum + change.deleted, 0);
  const passages = plan.applied.length === 1 ? "1 passage" : `${plan.applied.length} passages`;
  const summary =
    `${args.summary ? `${args.summary} ` : ""}(changed ${passages}: +${inserted} −${deleted} characters)`.trim();
  return { ok: true, canvasId: meta.id, applied: plan.applied, errors: [], summary, inserted, deleted };
}

function rewriteCanvas(doc: Y.Doc, args: RewriteCanvasArgs, ctx: ApplyContext): EngineResult {
  const opened = openCanvas(doc, ctx.canvasId);
  if ("error" in opened) return opened.error;
  const { meta } = opened;
  const view = readCanvasView(canvasFragment(doc, meta.id), meta.kind);
  doc.transact(() => writeCanvasText(doc, view, args.content, null, meta.language), ctx.origin);
  return wholeResult(meta.id, view.text, args.content, args.summary || "Rewrote the canvas");
}

/** A whole-content change, reported as the span between the common prefix and suffix. */
export function wholeResult(canvasId: string, before: string, after: string, summary: string): EngineResult {
  let prefix = 0;
  const limit = Math.min(before.length, after.length);
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < limit - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  )
    suffix++;
  const change: AppliedChange = {
    index: 0,
    from: prefix,
    to: before.length - suffix,
    newFrom: prefix,
    newTo: after.length - suffix,
    before: before.slice(prefix, before.length - suffix),
    after: after.slice(prefix, after.length - suffix),
    inserted: after.length - suffix - prefix,
    deleted: before.length - suffix - prefix,
    tier: "whole",
  };
  return {
    ok: true,
    canvasId,
    applied: [change],
    errors: [],
    summary,
    inserted: change.inserted,
    deleted: change.deleted,
  };
}
