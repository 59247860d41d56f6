// The SDK sleeps for whatever retry-after a provider sends, even an hour, with the user watching a
// spinner. Waits longer than a run should block are turned into "do not retry": the run fails at once
// with a rate-limit message that says how long the provider asked to wait.

/** The longest provider-requested wait the SDK may sleep through before retrying. */
export const MAX_RETRY_WAIT_MS = 30_000;

export function retryAfterMs(headers: Headers | undefined): number | null {
  const millis = Number.parseFloat(headers?.get("retry-after-ms") ?? "");
  if (!Number.isNaN(millis)) return millis;
  const value = headers?.get("retry-after");
  if (!value) return null;
  const seconds = Number.parseFloat(value);
  if (!Number.isNaN(seconds)) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** A fetch that marks responses asking for a wait over `maxWaitMs` as not retryable (x-should-retry). */
export function fetchWithRetryCap(maxWaitMs: number = MAX_RETRY_WAIT_MS, inner: Fetch = fetch): Fetch {
  return async (input, init) => {
    const response = await inner(input, init);
    const wait = response.ok ? null : retryAfterMs(response.headers);
    if (wait === null || wait <= maxWaitMs) return response;
    const headers = new Headers(response.headers);
    headers.set("x-should-retry", "false");
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}
