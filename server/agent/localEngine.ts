// The offline engine as a TurnEngine: it streams its decision the way a model would (text, then a
// tool call whose arguments arrive in pieces), so the run loop, the canvas streaming and the evals
// exercise the same path with and without a model.
import { decideLocal } from "./local/index.ts";
import type { ModelEvent, ModelRequest, TurnEngine } from "./types.ts";

const ARGUMENT_CHUNK = 64;

/** Give the event loop a turn, as a network stream would: collaborators see the answer arrive. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function createLocalEngine(): TurnEngine {
  return {
    kind: "local",
    model: "offline-rules",
    async *stream(request: ModelRequest): AsyncIterable<ModelEvent> {
      if (request.attempt > 0) {
        // Rules cannot correct a refused call; the run loop reports the engine's error to the user.
        const text =
          "The offline engine could not apply that change. A model (OPENAI_API_KEY) can handle this request.";
        yield { type: "text", delta: text };
        yield { type: "done", text, toolCalls: [], outputTokens: 0 };
        return;
      }
      const decision = await decideLocal(request.input);
      for (const word of decision.text.match(/\S+\s*/g) ?? []) {
        if (request.signal.aborted) return;
        yield { type: "text", delta: word };
        await nextTurn();
      }
      const toolCalls = [];
      if (decision.toolCall) {
        const id = "local-call-1";
        const args = JSON.stringify(decision.toolCall.arguments);
        yield { type: "tool_call_start", id, name: decision.toolCall.name };
        for (let end = ARGUMENT_CHUNK; end < args.length + ARGUMENT_CHUNK; end += ARGUMENT_CHUNK) {
          if (request.signal.aborted) return;
          yield { type: "tool_call_delta", id, argumentsSoFar: args.slice(0, end) };
          await nextTurn();
        }
        toolCalls.push({ id, name: decision.toolCall.name, arguments: args });
      }
      const outputTokens = Math.ceil((decision.text.length + (toolCalls[0]?.arguments.length ?? 0)) / 4);
      yield { type: "done", text: decision.text, toolCalls, outputTokens };
    },
  };
}
