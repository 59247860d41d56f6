// Provider failures as one error type with a kind and a sentence a person can act on. The run loop
// shows `userMessage` in the chat; `kind` lets code and tests tell failures apart.
import OpenAI from "openai";
import { MAX_RETRY_WAIT_MS, retryAfterMs } from "./retryAfter.ts";
import { redactSecrets } from "../../redact.ts";

export type ProviderErrorKind =
  "auth" | "model_not_found" | "rate_limited" | "server" | "timeout" | "stream" | "bad_request" | "cancelled";

export class ProviderError extends Error {
  override readonly name = "ProviderError";
  /** Plain words: what happened and what to do next; never a key or a URL password (it is shown to everyone). */
  readonly userMessage: string;
  constructor(
    readonly kind: ProviderErrorKind,
    userMessage: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    const shown = redactSecrets(userMessage);
    super(shown, options);
    this.userMessage = shown;
  }
}

/** What the messages need to say where and how a request failed. */
export interface FailureContext {
  model: string;
  baseURL: string;
  maxRetries: number;
  timeoutMs: number;
  /** The caller's signal: aborted means the user cancelled. */
  signal: AbortSignal;
  /** Set when our own idle timer stopped a stream that had gone quiet. */
  stalled: boolean;
}

export function cancelledError(cause?: unknown): ProviderError {
  return new ProviderError(
    "cancelled",
    "The run was cancelled. The canvas keeps only changes that were complete.",
    undefined,
    { cause },
  );
}

export function brokenStreamError(detail: string, cause?: unknown): ProviderError {
  return new ProviderError(
    "stream",
    `The model's response stream broke off before the answer was complete (${detail}). Try again.`,
    undefined,
    { cause },
  );
}

/** A connection that broke before any output may work the second time; data that is not JSON will not. */
export function isRetryableStreamError(error: unknown): boolean {
  return error instanceof ProviderError && error.kind === "stream" && !(error.cause instanceof SyntaxError);
}

/** Turns whatever the SDK or the stream threw into a ProviderError. */
export function toProviderError(error: unknown, context: FailureContext): ProviderError {
  if (error instanceof ProviderError) return error;
  if (context.signal.aborted) return cancelledError(error);
  const seconds = formatSeconds(context.timeoutMs);
  if (context.stalled) {
    return new ProviderError(
      "timeout",
      `The model stopped sending for ${seconds} in the middle of its answer. Try again; if it keeps happening, raise CANVAS_REQUEST_TIMEOUT_MS.`,
      undefined,
      { cause: error },
    );
  }
  if (error instanceof OpenAI.APIUserAbortError) return cancelledError(error);
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return new ProviderError(
      "timeout",
      `No response from the model within ${seconds}${triedTimes(context.maxRetries)}. The provider may be overloaded: try again in a moment, or raise CANVAS_REQUEST_TIMEOUT_MS.`,
      undefined,
      { cause: error },
    );
  }
  if (error instanceof OpenAI.APIConnectionError) {
    return new ProviderError(
      "server",
      `Could not reach the model provider at ${context.baseURL}${triedTimes(context.maxRetries)}. Check OPENAI_BASE_URL and that the server is running.`,
      undefined,
      { cause: error },
    );
  }
  if (error instanceof OpenAI.APIError) return fromStatus(error, context);
  if (error instanceof SyntaxError) {
    return new ProviderError(
      "stream",
      `The model's response stream contained data that is not valid JSON (${error.message.slice(0, 120)}). The provider may not be fully OpenAI-compatible; try again or check OPENAI_BASE_URL.`,
      undefined,
      { cause: error },
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  // undici says "terminated" when the connection closes inside a response body.
  return brokenStreamError(
    detail === "terminated" || detail === "" ? "the connection closed" : detail.slice(0, 120),
    error,
  );
}

function fromStatus(error: InstanceType<typeof OpenAI.APIError>, context: FailureContext): ProviderError {
  const status = error.status;
  const detail = providerDetail(error);
  const options = { cause: error };
  if (status === undefined) {
    // An error event inside an otherwise good stream.
    return new ProviderError(
      "server",
      `The provider reported an error in the middle of the answer${detail}. Try again.`,
      undefined,
      options,
    );
  }
  if (status === 401 || status === 403) {
    const what = status === 401 ? "rejected the API key" : "refused access with this API key";
    return new ProviderError(
      "auth",
      `The model provider ${what} (${status}). Check OPENAI_API_KEY${detail}.`,
      status,
      options,
    );
  }
  if (status === 404) {
    return new ProviderError(
      "model_not_found",
      `Model '${context.model}' was not found (404) at ${context.baseURL}. Check CANVAS_MODEL (and OPENAI_BASE_URL)${detail}.`,
      status,
      options,
    );
  }
  if (status === 429) {
    if (errorCode(error) === "insufficient_quota") {
      return new ProviderError(
        "rate_limited",
        `The provider says this account has no quota left (429). Check the billing of OPENAI_API_KEY${detail}.`,
        status,
        options,
      );
    }
    const wait = retryAfterMs(error.headers);
    if (wait !== null && wait > MAX_RETRY_WAIT_MS) {
      return new ProviderError(
        "rate_limited",
        `Rate limited by the provider (429); it asks to wait ${formatWait(wait)} before the next request. Try again then.`,
        status,
        options,
      );
    }
    return new ProviderError(
      "rate_limited",
      `Rate limited by the provider (429); retried ${context.maxRetries} ${context.maxRetries === 1 ? "time" : "times"}. Try again in a minute.`,
      status,
      options,
    );
  }
  if (status >= 500) {
    return new ProviderError(
      "server",
      `The provider had an error (${status})${triedTimes(context.maxRetries)}${detail}. This is usually temporary: try again in a moment.`,
      status,
      options,
    );
  }
  return new ProviderError(
    "bad_request",
    `The provider refused the request (${status})${detail}. The model '${context.model}' may not support tool calls or streaming, or the conversation is too long.`,
    status,
    options,
  );
}

function providerDetail(error: InstanceType<typeof OpenAI.APIError>): string {
  const body: unknown = error.error;
  const message =
    typeof body === "object" && body !== null && "message" in body && typeof body.message === "string"
      ? body.message
      : null;
  return message ? `: "${message.slice(0, 200)}"` : "";
}

function errorCode(error: InstanceType<typeof OpenAI.APIError>): string | null {
  return typeof error.code === "string" ? error.code : null;
}

function triedTimes(maxRetries: number): string {
  return maxRetries > 0 ? ` (tried ${maxRetries + 1} times)` : "";
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

function formatWait(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return seconds < 120 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}
