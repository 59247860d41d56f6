// Meters one case's turn: a pass-through TurnEngine around the real one that counts every request's
// input tokens (the provider's prompt_tokens when it reports usage, else chars/4 of the messages and
// tools sent) and calls. The turn itself runs unchanged through runTurnOnDoc.
import { estimateTokens } from "./graders/usage.ts";
import type { ModelEvent, ModelRequest, TurnEngine } from "../server/agent/types.ts";
import { estimateRequestTokens } from "../server/agent/budget.ts";

export interface Meter {
  engine: TurnEngine;
  /** Totals so far (output tokens are the turn's own count, TurnTrace.outputTokens). */
  readonly totals: { inputTokens: number; calls: number };
}

/** What a request would cost a model in prompt tokens, estimated as characters / 4 (the turn's own estimate). */
export const estimateInputTokens = estimateRequestTokens;

export function meter(inner: TurnEngine): Meter {
  const totals = { inputTokens: 0, calls: 0 };
  const predicted = inner.predictedRewrite;
  const engine: TurnEngine = {
    kind: inner.kind,
    model: inner.model,
    async *stream(request: ModelRequest): AsyncIterable<ModelEvent> {
      totals.calls++;
      let reported: number | null = null;
      try {
        for await (const event of inner.stream(request)) {
          if (event.type === "done") reported = event.inputTokens ?? null;
          yield event;
        }
      } finally {
        // A turn that stops reading early (the Predicted Outputs path) was still sent the whole prompt.
        totals.inputTokens += reported ?? estimateInputTokens(request);
      }
    },
    ...(predicted
      ? {
          predictedRewrite: (request: Parameters<typeof predicted>[0]): AsyncIterable<string> => {
            totals.calls++;
            // The prediction is billed like input (the turn counts the rewrite's text as output).
            totals.inputTokens +=
              estimateInputTokens({ messages: request.messages, tools: [] }) + estimateTokens(request.currentText);
            return predicted(request);
          },
        }
      : {}),
  };
  return { engine, totals };
}
