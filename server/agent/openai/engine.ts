// The TurnEngine for any OpenAI-compatible endpoint, through the real `openai` SDK: streams text and
// tool calls as ModelEvents and turns every failure into a ProviderError with a message to act on.
import OpenAI from "openai";
import type { ChatCompletionCreateParamsStreaming } from "openai/resources/chat/completions";
import type { ModelEvent, ModelRequest, TurnEngine } from "../types.ts";
import { CompletionAccumulator } from "./accumulate.ts";
import { createResponseCache, replayEvents, responseCacheKey, type ResponseCache } from "./cache.ts";
import { brokenStreamError, isRetryableStreamError, ProviderError } from "./errors.ts";
import { predictedRewrite, type PredictedRewriteRequest } from "./predicted.ts";
import { fetchWithRetryCap } from "./retryAfter.ts";
import { streamChunks, type StreamOptions } from "./stream.ts";

export { ProviderError, type ProviderErrorKind } from "./errors.ts";
export type { PredictedRewriteRequest } from "./predicted.ts";

export const OPENAI_DEFAULT_BASE_URL = "https://api.openai.com/v1";

export interface OpenAIEngineOptions {
  apiKey: string;
  baseURL?: string;
  model: string;
  /** Per attempt: the wait for the response to start, and the longest silence inside a stream. */
  timeoutMs: number;
  /** Retries the SDK makes on 429, 5xx, timeouts and connection errors. */
  maxRetries: number;
  predictedOutputs?: boolean;
  /** Directory of the eval response cache; null or absent: no cache. */
  cacheDir?: string | null;
}

export interface OpenAIEngine extends TurnEngine {
  readonly kind: "openai";
  /** Present when Predicted Outputs are on: streams a rewrite with the current text as prediction. */
  readonly predictedRewrite?: (request: PredictedRewriteRequest) => AsyncIterable<string>;
}

export function createOpenAIEngine(options: OpenAIEngineOptions): OpenAIEngine {
  const baseURL = options.baseURL ?? OPENAI_DEFAULT_BASE_URL;
  const client = new OpenAI({
    apiKey: options.apiKey,
    baseURL,
    timeout: options.timeoutMs,
    maxRetries: options.maxRetries,
    fetch: fetchWithRetryCap(),
    // Failures reach the user as ProviderErrors; the SDK's own console output would only be noise.
    logLevel: "off",
  });
  const context: StreamOptions["context"] = { model: options.model, baseURL, maxRetries: options.maxRetries };
  const cache = options.cacheDir ? createResponseCache(options.cacheDir) : null;

  const engine: OpenAIEngine = {
    kind: "openai",
    model: options.model,
    stream: (request) => streamTurn(client, options, context, cache, request),
    ...(options.predictedOutputs
      ? {
          predictedRewrite: (request: PredictedRewriteRequest) =>
            predictedRewrite(client, { model: options.model, timeoutMs: options.timeoutMs, context }, request),
        }
      : {}),
  };
  return engine;
}

async function* streamTurn(
  client: OpenAI,
  options: OpenAIEngineOptions,
  context: StreamOptions["context"],
  cache: ResponseCache | null,
  request: ModelRequest,
): AsyncGenerator<ModelEvent> {
  const key = cache ? responseCacheKey(options.model, request.messages, request.tools) : null;
  if (cache && key) {
    const hit = await cache.get(key);
    if (hit) {
      yield* replayEvents(hit);
      return;
    }
  }
  let body: ChatCompletionCreateParamsStreaming = {
    model: options.model,
    messages: request.messages,
    stream: true,
    stream_options: { include_usage: true },
    // Some servers reject parallel_tool_calls when no tools are offered.
    ...(request.tools.length > 0
      ? { tools: request.tools, tool_choice: "auto" as const, parallel_tool_calls: false }
      : {}),
  };
  let streamRetried = false;
  while (true) {
    const accumulator = new CompletionAccumulator();
    try {
      for await (const chunk of streamChunks(client, body, {
        signal: request.signal,
        timeoutMs: options.timeoutMs,
        context,
      })) {
        yield* accumulator.apply(chunk);
      }
      if (!accumulator.isComplete()) throw brokenStreamError("the connection closed before the model finished");
    } catch (error) {
      if (request.signal.aborted) throw error;
      // A stream that breaks before it produced anything is retried once; after that the user has
      // already seen part of the answer, and a second answer could differ from it.
      if (isRetryableStreamError(error) && !accumulator.hasOutput() && !streamRetried) {
        streamRetried = true;
        continue;
      }
      const lighter = withoutRejectedOption(body, error);
      if (lighter) {
        body = lighter;
        continue;
      }
      throw error;
    }
    const done = accumulator.done();
    if (cache && key) await cache.set(key, done);
    yield done;
    return;
  }
}

// Optional extras some OpenAI-compatible servers refuse with a 400 that names them (older vLLM,
// Azure API versions, llama.cpp). Without them the answer is the same, only less well metered.
const OPTIONAL_PARAMETERS = ["stream_options", "parallel_tool_calls"] as const;

function withoutRejectedOption(
  body: ChatCompletionCreateParamsStreaming,
  error: unknown,
): ChatCompletionCreateParamsStreaming | null {
  if (!(error instanceof ProviderError) || error.kind !== "bad_request") return null;
  const rejected = OPTIONAL_PARAMETERS.find((name) => name in body && error.userMessage.includes(name));
  if (!rejected) return null;
  const lighter = { ...body };
  delete lighter[rejected];
  return lighter;
}
