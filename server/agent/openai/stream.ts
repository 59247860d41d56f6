// One streaming chat completion request, with the guards the SDK leaves to us: its timeout covers
// only the wait for response headers, so a stream that goes quiet mid-answer is stopped by an idle
// timer here; a cancelled stream ends silently in the SDK, so it is turned into an error here; and
// the SDK's retry back-off sleeps ignore the signal, so the request is raced against it.
import type OpenAI from "openai";
import type { ChatCompletionChunk, ChatCompletionCreateParamsStreaming } from "openai/resources/chat/completions";
import { cancelledError, toProviderError, type FailureContext } from "./errors.ts";

export interface StreamOptions {
  signal: AbortSignal;
  timeoutMs: number;
  /** Names and limits for error messages. */
  context: Omit<FailureContext, "signal" | "stalled" | "timeoutMs">;
}

/** Yields the completion's chunks; every failure is thrown as a ProviderError. */
export async function* streamChunks(
  client: OpenAI,
  body: ChatCompletionCreateParamsStreaming,
  options: StreamOptions,
): AsyncGenerator<ChatCompletionChunk> {
  const { signal, timeoutMs } = options;
  if (signal.aborted) throw cancelledError();
  const controller = new AbortController();
  const failure: FailureContext = { ...options.context, signal, timeoutMs, stalled: false };
  const onAbort = () => controller.abort();
  signal.addEventListener("abort", onAbort, { once: true });
  let idle: ReturnType<typeof setTimeout> | undefined;
  const armIdleTimer = () => {
    clearTimeout(idle);
    idle = setTimeout(() => {
      failure.stalled = true;
      controller.abort();
    }, timeoutMs);
  };
  try {
    const stream = await untilAborted(
      client.chat.completions.create(body, { signal: controller.signal }),
      controller.signal,
    );
    armIdleTimer();
    for await (const chunk of stream) {
      armIdleTimer();
      yield chunk;
    }
    // The SDK ends an aborted stream without an error.
    if (controller.signal.aborted) throw new Error("stream aborted");
  } catch (error) {
    throw toProviderError(error, failure);
  } finally {
    clearTimeout(idle);
    signal.removeEventListener("abort", onAbort);
    controller.abort();
  }
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  // The request notices the aborted signal itself once its back-off sleep ends; keep that quiet.
  promise.catch(() => undefined);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Error("aborted while waiting for the provider"));
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
