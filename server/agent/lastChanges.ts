// The last AI change per canvas, for "Show changes" and the context of undo feedback: the canvas
// before and after the run and its summary. Bounded: each entry holds two copies of a canvas.
import { isNavigationTool } from "../../shared/tools.ts";
import type { ToolCallTrace, TurnTrace } from "./types.ts";

const MAX_LAST_CHANGES = 500;

export interface LastChange {
  runId: string;
  canvasId: string;
  before: string;
  after: string;
  summary: string;
}

export class LastChanges {
  private readonly changes = new Map<string, LastChange>();

  get(roomId: string, canvasId: string): LastChange | null {
    return this.changes.get(`${roomId}/${canvasId}`) ?? null;
  }

  /** Remember what a finished run changed, if it changed a canvas (`canvasBefore`: its canvas at the start). */
  recordRun(roomId: string, runId: string, canvasId: string | null, canvasBefore: string | null, trace: TurnTrace) {
    const changedCanvas = trace.createdCanvas?.id ?? canvasId;
    if (!changedCanvas || trace.canvasAfter === null) return;
    if (trace.canvasAfter === (trace.createdCanvas ? null : canvasBefore)) return;
    // The first change the run made (reads and searches ran, but changed nothing).
    const applied = trace.toolCalls.find((call) => call.applied && !isNavigationTool(call.name));
    const key = `${roomId}/${changedCanvas}`;
    this.changes.delete(key);
    // Most recently changed canvases only.
    while (this.changes.size >= MAX_LAST_CHANGES) this.changes.delete(this.changes.keys().next().value!);
    this.changes.set(key, {
      runId,
      canvasId: changedCanvas,
      before: trace.createdCanvas ? "" : (canvasBefore ?? ""),
      after: trace.canvasAfter,
      summary: applied ? summaryOf(applied) : "",
    });
  }
}

function summaryOf(call: ToolCallTrace): string {
  const args = call.arguments as { summary?: unknown; title?: unknown } | null;
  if (args && typeof args.summary === "string") return args.summary;
  if (args && typeof args.title === "string") return `Created "${args.title}"`;
  return call.name;
}
