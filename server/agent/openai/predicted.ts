// The fast rewrite path: once the model has decided to rewrite, a second call without tools streams
// the new text with the current canvas as a Predicted Output, so unchanged stretches come back fast.
import type OpenAI from "openai";
import type { ChatCompletionCreateParamsStreaming } from "openai/resources/chat/completions";
import type { ModelMessage } from "../types.ts";
import { brokenStreamError } from "./errors.ts";
import { streamChunks, type StreamOptions } from "./stream.ts";

export interface PredictedRewriteRequest {
  /** The conversation ending with an instruction to answer with the whole new text only. */
  messages: ModelMessage[];
  /** The canvas as it is now: the prediction. */
  currentText: string;
  signal: AbortSignal;
}

export interface PredictedRewriteSettings {
  model: string;
  timeoutMs: number;
  context: StreamOptions["context"];
}

/** Streams the rewritten text; throws a ProviderError on failure, like the engine. */
export async function* predictedRewrite(
  client: OpenAI,
  settings: PredictedRewriteSettings,
  request: PredictedRewriteRequest,
): AsyncGenerator<string> {
  const body: ChatCompletionCreateParamsStreaming = {
    model: settings.model,
    messages: request.messages,
    stream: true,
    stream_options: { include_usage: true },
    prediction: { type: "content", content: request.currentText },
  };
  let finished = false;
  for await (const chunk of streamChunks(client, body, {
    signal: request.signal,
    timeoutMs: settings.timeoutMs,
    context: settings.context,
  })) {
    const choice = chunk.choices?.[0];
    const content = choice?.delta?.content;
    if (typeof content === "string" && content !== "") yield content;
    if (choice?.finish_reason || chunk.usage) finished = true;
  }
  if (!finished) throw brokenStreamError("the rewrite ended before the model finished");
}
