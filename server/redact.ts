// Secrets never reach users or logs: text from a provider (which may echo the API key) and URLs
// (which may carry a password) pass through here before they are shown or written to the log.

const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)[^/\s:@]*:?[^/\s@]*@/gi;
// OpenAI-style keys (sk-…, sk-proj-…), bearer tokens, and long opaque runs of key characters.
const KEY_LIKE = /\b(?:sk|pk|rk)-[A-Za-z0-9_-]{8,}|\bBearer\s+[A-Za-z0-9._~+/=-]{8,}|\b[A-Za-z0-9_-]{32,}\b/g;

/** `text` with URL credentials and key-like strings replaced by "[redacted]". */
export function redactSecrets(text: string): string {
  return text.replace(URL_CREDENTIALS, "$1[redacted]@").replace(KEY_LIKE, "[redacted]");
}
