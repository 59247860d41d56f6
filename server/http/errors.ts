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

export const notFound = (what: string): HttpError => new HttpError(404, "not_found", `${what} not found.`);
