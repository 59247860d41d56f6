// The preview runtime: runs inside a sandboxed iframe (allow-scripts, no same-origin, a CSP with
// connect-src 'none', served by server/preview). The app posts the canvas source; this renders it
// and posts back errors. Renderers are loaded on first use, so an HTML preview never downloads
// Mermaid or the transpiler.
import { fromFrame, toFrame, type FromFrame, type ToFrame } from "./protocol.ts";

const stage = document.getElementById("stage")!;
let current = 0;

function post(message: FromFrame): void {
  // The parent's origin is not ours to know (ours is opaque): "*" is the only target that works, and
  // the message carries nothing secret — the app validates and shows it as text.
  window.parent.postMessage(fromFrame.parse(message), "*");
}

export function reportError(renderId: number | null, error: unknown, where: string | null = null): void {
  const message =
    error instanceof Error ? `${error.name === "Error" ? "" : `${error.name}: `}${error.message}` : String(error);
  post({ type: "error", renderId, message: message.slice(0, 2_000) || "Unknown error", where });
}

window.addEventListener("error", (event) => {
  reportError(current, event.error ?? event.message, event.lineno ? `line ${event.lineno}:${event.colno}` : null);
});
window.addEventListener("unhandledrejection", (event) => reportError(current, event.reason));

async function render(message: ToFrame): Promise<void> {
  current = message.renderId;
  stage.replaceChildren();
  stage.className = "";
  try {
    switch (message.kind) {
      case "html": {
        const { renderHtml } = await import("./renderHtml.ts");
        renderHtml(stage, message.source, (text, where) => reportError(message.renderId, text, where));
        break;
      }
      case "svg": {
        const { renderSvg } = await import("./renderSvg.ts");
        renderSvg(stage, message.source);
        break;
      }
      case "mermaid": {
        const { renderMermaid } = await import("./renderMermaid.ts");
        await renderMermaid(stage, message.source, message.renderId);
        break;
      }
      case "react": {
        const { renderReact } = await import("./renderReact.ts");
        renderReact(stage, message.source, (error) => reportError(message.renderId, error));
        break;
      }
      default:
        message.kind satisfies never;
    }
    if (current === message.renderId) post({ type: "rendered", renderId: message.renderId });
  } catch (error) {
    if (current === message.renderId) reportError(message.renderId, error);
  }
}

window.addEventListener("message", (event) => {
  // Only the app (our parent) drives the preview; pages inside an HTML preview talk through renderHtml.
  if (event.source !== window.parent) return;
  const parsed = toFrame.safeParse(event.data);
  if (parsed.success) void render(parsed.data);
});

post({ type: "ready" });
