// Errors a client can act on: a status, a stable code and a plain message. Never a stack trace.
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** 429 with the wait in the message and in Retry-After; `what` says what was limited. */
export function tooManyRequests(waitMs: number, what = "Too many requests from this link."): HttpError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new HttpError(429, "rate_limited", `${what} Try again in ${seconds} s.`, { "Retry-After": String(seconds) });
}

export const notFound = (what: string): HttpError => new HttpError(404, "not_found", `${what} not found.`);

/** The answer to a write while storage refuses writes: the request changed nothing and can be sent again. */
export function storageUnavailable(cause?: unknown): HttpError {
  const error = new HttpError(
    503,
    "storage_unavailable",
    "Changes can't be saved right now, so nothing was changed. Try again in a moment.",
    { "Retry-After": "5" },
  );
  if (cause !== undefined) error.cause = cause;
  return error;
}
