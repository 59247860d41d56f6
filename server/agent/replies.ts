// What the chat says about a tool call: the activity card under the reply, the reply written for the
// model when it said nothing itself, and the wording of refusals.
import type * as Y from "yjs";
import { canvasesMap, type ToolActivity } from "../../shared/room.ts";
import type { EngineFailure, EngineSuccess } from "../../shared/engine/index.ts";

/** What the engine refused, as sent back to the model. */
export function errorText(result: EngineFailure): string {
  return result.errors.map((item) => item.message).join("\n");
}

/** The card under the reply for an applied call. */
export function activityFor(result: EngineSuccess, canvasId: string | null): ToolActivity {
  return { ...activityOf(result, canvasId), changeId: result.change.id };
}

function activityOf(result: EngineSuccess, canvasId: string | null): ToolActivity {
  const { call } = result;
  if (result.suggestionIds)
    return {
      tool: call.name,
      canvasId,
      ok: true,
      summary: result.summary,
      count: result.suggestionIds.length,
      suggested: true,
    };
  switch (call.name) {
    case "create_canvas":
      return { tool: call.name, canvasId, ok: true, summary: `Created "${call.arguments.title}"`, count: 1 };
    case "edit_canvas":
      return {
        tool: call.name,
        canvasId,
        ok: true,
        summary: call.arguments.summary || result.summary,
        count: call.arguments.edits.length,
      };
    case "rewrite_canvas":
      return { tool: call.name, canvasId, ok: true, summary: call.arguments.summary || result.summary, count: 1 };
    case "comment_canvas":
      return { tool: call.name, canvasId, ok: true, summary: result.summary, count: call.arguments.comments.length };
    default:
      return call satisfies never;
  }
}

/** The chat reply for an applied call, when the model wrote none itself. */
export function replyFor(result: EngineSuccess, doc: Y.Doc, canvasId: string | null): string {
  const { call } = result;
  const title = canvasId ? (canvasesMap(doc).get(canvasId)?.title ?? "the canvas") : "the canvas";
  if (result.suggestionIds) {
    const count = result.suggestionIds.length;
    return `I suggested ${count} ${count === 1 ? "change" : "changes"} in "${title}": accept or reject them in the canvas.`;
  }
  switch (call.name) {
    case "create_canvas":
      return `I opened "${call.arguments.title}" in a canvas.`;
    case "edit_canvas": {
      const count = call.arguments.edits.length;
      return `${call.arguments.summary || result.summary} (${count} ${count === 1 ? "passage" : "passages"} in "${title}").`;
    }
    case "rewrite_canvas":
      return `${call.arguments.summary || result.summary} (rewrote "${title}").`;
    case "comment_canvas": {
      const count = call.arguments.comments.length;
      return `I left ${count} ${count === 1 ? "comment" : "comments"} on "${title}".`;
    }
    default:
      return call satisfies never;
  }
}

/** The card of a refused call. */
export function refusedActivity(tool: string, canvasId: string | null, error: string): ToolActivity {
  return { tool, canvasId, ok: false, summary: error, count: 0 };
}

/** What the person reads when every attempt was refused. */
export function retriesExhausted(attempts: number, error: string | null): string {
  return `I couldn't apply my change after ${attempts} attempts, so the canvas is unchanged. Last problem: ${firstLine(error)}`;
}

function firstLine(text: string | null): string {
  return (text ?? "").split("\n")[0]!.slice(0, 300);
}
