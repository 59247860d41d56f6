// Hand-made agent turn traces for grader tests: what runTurnOnDoc would return for a given outcome.
import type { CommentTrace, ToolCallTrace, TurnTrace } from "../../server/agent/types.ts";

export function makeTrace(overrides: Partial<TurnTrace> = {}): TurnTrace {
  return {
    text: "",
    toolCalls: [],
    retries: 0,
    steps: 0,
    requests: 0,
    inputTokens: 0,
    cachedTokens: 0,
    stopped: null,
    canvasBefore: null,
    canvasAfter: null,
    createdCanvas: null,
    comments: [],
    outputTokens: 10,
    latencyMs: 5,
    error: null,
    ...overrides,
  };
}

export function call(name: string, options: Partial<ToolCallTrace> = {}): ToolCallTrace {
  return { name, arguments: {}, valid: true, applied: true, error: null, ...options };
}

/** A comment anchored on the first occurrence of `quote` in `canvas` (or a lost anchor when absent). */
export function commentOn(canvas: string, quote: string, severity = "issue"): CommentTrace {
  const start = canvas.indexOf(quote);
  return {
    quote,
    resolvedText: start >= 0 ? quote : null,
    start,
    end: start >= 0 ? start + quote.length : -1,
    severity,
    comment: "Check this.",
    suggestion: null,
  };
}
