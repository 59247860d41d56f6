// HTML preview: the page runs in a nested srcdoc iframe (itself sandboxed, and under this frame's CSP,
// which srcdoc documents inherit), rebuilt on every change like a page reload. A small script at the
// top of the page reports its errors to us; we relay them to the app.
const REPORTER = `<script>(() => {
  const send = (message, where) => parent.postMessage({ canvasPreviewError: String(message).slice(0, 2000), where }, "*");
  addEventListener("error", (e) => send(e.error && e.error.message ? e.error.message : e.message, e.lineno ? "line " + e.lineno + ":" + e.colno : null));
  addEventListener("unhandledrejection", (e) => send(e.reason && e.reason.message ? e.reason.message : e.reason, null));
  addEventListener("securitypolicyviolation", (e) => send("Blocked by the preview sandbox: " + e.violatedDirective + " " + (e.blockedURI || ""), null));
})();</script>`;

let frame: HTMLIFrameElement | null = null;
let listening = false;
let onError: (message: string, where: string | null) => void = () => undefined;

function withReporter(source: string): string {
  // After <head> or <html> when there is one, so the page's own doctype stays first.
  const head = /<head[^>]*>/i.exec(source);
  if (head) return source.slice(0, head.index + head[0].length) + REPORTER + source.slice(head.index + head[0].length);
  const html = /<html[^>]*>/i.exec(source);
  if (html) return source.slice(0, html.index + html[0].length) + REPORTER + source.slice(html.index + html[0].length);
  return REPORTER + source;
}

export function renderHtml(
  stage: HTMLElement,
  source: string,
  report: (message: string, where: string | null) => void,
): void {
  onError = report;
  if (!listening) {
    window.addEventListener("message", (event) => {
      if (!frame || event.source !== frame.contentWindow) return;
      const data: unknown = event.data;
      if (data && typeof data === "object" && "canvasPreviewError" in data) {
        const where = "where" in data && typeof data.where === "string" ? data.where : null;
        onError(String(data.canvasPreviewError), where);
      }
    });
    listening = true;
  }
  stage.className = "page";
  frame = document.createElement("iframe");
  frame.setAttribute("sandbox", "allow-scripts");
  frame.title = "HTML preview";
  frame.srcdoc = withReporter(source);
  stage.append(frame);
}
