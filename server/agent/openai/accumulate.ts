// Folds streamed chat completion chunks into ModelEvents: text deltas as they come, tool calls
// accumulated by index (id and name arrive first, then the arguments in small pieces).
import { randomUUID } from "node:crypto";
import type { ChatCompletionChunk } from "openai/resources/chat/completions";
import type { CompletedToolCall, ModelEvent } from "../types.ts";

interface PendingToolCall {
  id: string | null;
  name: string;
  arguments: string;
  started: boolean;
}

export class CompletionAccumulator {
  private text = "";
  private readonly calls = new Map<number, PendingToolCall>();
  private completionTokens: number | null = null;
  private promptTokens: number | null = null;
  private cachedTokens: number | null = null;
  /** The finish reason of the first choice; null while the model is still answering. */
  finishReason: string | null = null;
  /** True once a usage chunk arrived (some servers send it instead of a finish reason). */
  sawUsage = false;

  /** The events this chunk adds. */
  apply(chunk: ChatCompletionChunk): ModelEvent[] {
    const events: ModelEvent[] = [];
    if (chunk.usage) {
      this.sawUsage = true;
      this.completionTokens = chunk.usage.completion_tokens;
      this.promptTokens = chunk.usage.prompt_tokens;
      this.cachedTokens = chunk.usage.prompt_tokens_details?.cached_tokens ?? null;
    }
    // parallel_tool_calls is off and n is 1: only the first choice matters.
    const choice = chunk.choices?.find((candidate) => candidate.index === 0) ?? chunk.choices?.[0];
    if (!choice) return events;
    const delta = choice.delta;
    if (typeof delta?.content === "string" && delta.content !== "") {
      this.text += delta.content;
      events.push({ type: "text", delta: delta.content });
    }
    for (const part of delta?.tool_calls ?? []) {
      const call = this.calls.get(part.index) ?? { id: null, name: "", arguments: "", started: false };
      this.calls.set(part.index, call);
      if (part.id && call.id === null) call.id = part.id;
      const name = part.function?.name;
      // Some servers repeat the whole name in every chunk instead of sending it once.
      if (name && name !== call.name) call.name += name;
      if (!call.started && call.name !== "") {
        call.id ??= `call_${part.index}_${randomUUID().slice(0, 8)}`;
        call.started = true;
        events.push({ type: "tool_call_start", id: call.id, name: call.name });
      }
      const piece = part.function?.arguments;
      if (piece) {
        call.arguments += piece;
        if (call.started && call.id !== null)
          events.push({ type: "tool_call_delta", id: call.id, argumentsSoFar: call.arguments });
      }
    }
    if (choice.finish_reason) this.finishReason = choice.finish_reason;
    return events;
  }

  /** Whether anything (text or a tool call) has been produced. */
  hasOutput(): boolean {
    return this.text !== "" || this.calls.size > 0;
  }

  /** True when the stream ended the way a complete answer ends. */
  isComplete(): boolean {
    return this.finishReason !== null || this.sawUsage;
  }

  done(): Extract<ModelEvent, { type: "done" }> {
    const toolCalls: CompletedToolCall[] = [...this.calls.entries()]
      .sort(([a], [b]) => a - b)
      .filter(([, call]) => call.name !== "")
      .map(([index, call]) => ({ id: call.id ?? `call_${index}`, name: call.name, arguments: call.arguments }));
    const written = this.text.length + toolCalls.reduce((sum, call) => sum + call.arguments.length, 0);
    return {
      type: "done",
      text: this.text,
      toolCalls,
      outputTokens: this.completionTokens ?? Math.ceil(written / 4),
      ...(this.promptTokens !== null ? { inputTokens: this.promptTokens } : {}),
      ...(this.cachedTokens !== null ? { cachedTokens: this.cachedTokens } : {}),
    };
  }
}
