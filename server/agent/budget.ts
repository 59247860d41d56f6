// What a turn may spend: steps (tool calls) and tokens (every request's input plus output). A turn
// checks before each follow-up request and stops with a message the person can act on; the steps it
// finished stay.
import type { ModelRequest } from "./types.ts";

/** Tokens of a text a provider did not count for us: characters / 4. */
export const estimateTokens = (text: string): number => Math.ceil(text.length / 4);

/** What a request would cost in prompt tokens, estimated as characters / 4 of its messages and tools. */
export function estimateRequestTokens(request: Pick<ModelRequest, "messages" | "tools">): number {
  const messages = request.messages.reduce((sum, message) => {
    const calls = "tool_calls" in message ? JSON.stringify(message.tool_calls ?? []) : "";
    return sum + estimateTokens(`${message.content ?? ""}${calls}`) + 4;
  }, 0);
  return messages + (request.tools.length ? estimateTokens(JSON.stringify(request.tools)) : 0);
}

export interface TurnLimits {
  /** Most tool calls one turn takes (CANVAS_MAX_STEPS). */
  maxSteps?: number;
  /** Most tokens (input + output, over every request) one turn spends (CANVAS_TURN_TOKENS). */
  turnTokens?: number;
}

/** Why a turn stopped before the model finished, as the person reads it. */
export function stepBudgetMessage(steps: number, maxSteps: number): string {
  return `I stopped after ${steps} steps, the most one turn may take (CANVAS_MAX_STEPS=${maxSteps}). What I did so far is kept; ask me to continue.`;
}

export function tokenBudgetMessage(used: number, next: number, budget: number): string {
  return `I stopped here: the next step would bring this turn to about ${(used + next).toLocaleString("en")} tokens, over its budget of ${budget.toLocaleString("en")} tokens (CANVAS_TURN_TOKENS). What I did so far is kept; ask me to continue.`;
}
