// The live preview beside a code canvas: a sandboxed iframe (scripts only: no same-origin, so no access
// to this page, its storage or cookies; a CSP of its own blocks the network) that renders the source
// as everyone types. Runtime errors are listed under it, each with one click to ask the model to fix it.
import { useEffect, useRef, useState } from "react";
import { fromFrame, MAX_PREVIEW_SOURCE, type PreviewKind } from "../preview/protocol.ts";
import { PREVIEW_LABELS } from "../lib/previewKind.ts";

export interface PreviewError {
  message: string;
  where: string | null;
}

export interface PreviewPaneProps {
  kind: PreviewKind;
  source: string;
  title: string;
  canAsk: boolean;
  onAskFix: (error: PreviewError) => void;
}

const MAX_ERRORS = 20;

export function PreviewPane({ kind, source, title, canAsk, onAskFix }: PreviewPaneProps) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [ready, setReady] = useState(false);
  const [errors, setErrors] = useState<PreviewError[]>([]);
  const [reloads, setReloads] = useState(0);
  const renderId = useRef(0);
  const tooLarge = source.length > MAX_PREVIEW_SOURCE;

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      // Only our frame, and only messages of the agreed shapes; their text is shown as text.
      if (!frame.current || event.source !== frame.current.contentWindow) return;
      const parsed = fromFrame.safeParse(event.data);
      if (!parsed.success) return;
      const message = parsed.data;
      if (message.type === "ready") setReady(true);
      else if (message.type === "error" && (message.renderId === null || message.renderId === renderId.current))
        setErrors((current) =>
          current.some((entry) => entry.message === message.message) || current.length >= MAX_ERRORS
            ? current
            : [...current, { message: message.message, where: message.where }],
        );
    };
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, []);

  useEffect(() => {
    const target = frame.current?.contentWindow;
    if (!ready || !target || tooLarge) return;
    renderId.current++;
    setErrors([]);
    // The frame's origin is opaque, so "*" is the only target origin; the window itself is the address.
    target.postMessage({ type: "render", renderId: renderId.current, kind, source }, "*");
  }, [ready, kind, source, tooLarge, reloads]);

  return (
    <section className="preview-pane" aria-label={`Live preview: ${PREVIEW_LABELS[kind]}`}>
      <header className="preview-header">
        <span className="preview-label">
          <span className="live-dot" aria-hidden="true" /> Live preview · {PREVIEW_LABELS[kind]}
        </span>
        <button
          type="button"
          className="button small ghost"
          onClick={() => {
            setReady(false);
            setReloads((count) => count + 1);
          }}
          title="Run the preview again from a fresh page"
        >
          ↻ Reload
        </button>
      </header>
      {tooLarge ? (
        <p className="preview-note">
          This canvas is too large to preview ({Math.round(source.length / 1000)} k characters; the preview takes up to{" "}
          {MAX_PREVIEW_SOURCE / 1000} k).
        </p>
      ) : (
        <iframe
          key={reloads}
          ref={frame}
          className="preview-frame"
          title={`Preview of ${title}`}
          src="/preview/frame.html"
          sandbox="allow-scripts"
          referrerPolicy="no-referrer"
        />
      )}
      {errors.length > 0 && (
        <div className="preview-errors" role="alert">
          <h3>
            {errors.length} error{errors.length === 1 ? "" : "s"} in the preview
          </h3>
          <ul>
            {errors.map((error) => (
              <li key={error.message}>
                <code className="preview-error-text">
                  {error.message}
                  {error.where ? ` (${error.where})` : ""}
                </code>
                {canAsk && (
                  <button type="button" className="button small accent" onClick={() => onAskFix(error)}>
                    ✦ Ask AI to fix
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
