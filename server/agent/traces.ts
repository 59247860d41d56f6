// The trace of a turn: everything it did, in the shape the evals grade and the tests assert on.
import type * as Y from "yjs";
import { canvasesMap, commentsMap } from "../../shared/room.ts";
import { canvasText } from "../../shared/markdown/index.ts";
import { resolveCommentRange } from "../../shared/engine/index.ts";
import type { AgentOrigin } from "../../shared/origins.ts";
import type { CommentTrace, TurnTrace } from "./types.ts";

/** A turn that has not done anything yet, on `canvasId` as it is now. */
export function startTrace(doc: Y.Doc, canvasId: string | null): TurnTrace {
  return {
    text: "",
    toolCalls: [],
    retries: 0,
    steps: 0,
    requests: 0,
    inputTokens: 0,
    cachedTokens: 0,
    stopped: null,
    canvasBefore: canvasId && canvasesMap(doc).has(canvasId) ? canvasText(doc, canvasId) : null,
    canvasAfter: null,
    createdCanvas: null,
    comments: [],
    outputTokens: 0,
    latencyMs: 0,
    error: null,
  };
}

/** Fill in what the turn left behind: the canvas after it and the comments of its run. */
export function endTrace(trace: TurnTrace, doc: Y.Doc, canvasId: string | null, origin: AgentOrigin, started: number) {
  trace.canvasAfter = canvasId && canvasesMap(doc).has(canvasId) ? canvasText(doc, canvasId) : null;
  trace.comments = commentTraces(doc, origin, trace.canvasAfter);
  trace.latencyMs = Date.now() - started;
}

function commentTraces(doc: Y.Doc, origin: AgentOrigin, canvasAfter: string | null): CommentTrace[] {
  const traces: CommentTrace[] = [];
  for (const comment of commentsMap(doc).values()) {
    if (comment.runId !== origin.runId) continue;
    const resolved = resolveCommentRange(doc, comment);
    const resolvedText = resolved?.text ?? null;
    // Anchors resolve to plain text while the canvas is markdown: fall back to the quote as written.
    const located =
      resolvedText && canvasAfter
        ? [resolvedText, comment.quote].find((text) => canvasAfter.includes(text))
        : undefined;
    const start = located && canvasAfter ? canvasAfter.indexOf(located) : -1;
    traces.push({
      quote: comment.quote,
      resolvedText,
      start,
      end: located && start >= 0 ? start + located.length : -1,
      severity: comment.severity,
      comment: comment.body,
      suggestion: comment.suggestion,
    });
  }
  return traces;
}

/** Raw arguments as received: parsed when they are JSON, else the text. */
export function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
