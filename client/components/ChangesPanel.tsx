// "Show changes": the diff of the last AI change to this canvas, with "Undo AI change".
import { useEffect, useState } from "react";
import type { Api, LastChange } from "../lib/api.ts";
import type { CanvasMeta } from "../../shared/room.ts";
import { DiffView } from "./DiffView.tsx";

export interface ChangesPanelProps {
  api: Api;
  canvas: CanvasMeta;
  canWrite: boolean;
  /** Bumped when the chat shows a new AI change, so an open panel refreshes. */
  version: number;
  onUndo: () => Promise<boolean>;
  onClose: () => void;
}

export function ChangesPanel({ api, canvas, canWrite, version, onUndo, onClose }: ChangesPanelProps) {
  const [change, setChange] = useState<LastChange | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    void api.lastChange(canvas.id).then((result) => {
      if (!live) return;
      if (result.ok) {
        setChange(result.value);
        setError(null);
      } else setError(result.message);
    });
    return () => {
      live = false;
    };
  }, [api, canvas.id, version, reload]);

  return (
    <aside className="side-panel" aria-label="Last AI change">
      <header className="side-panel-header">
        <h2>Last AI change</h2>
        <button type="button" className="icon-button" aria-label="Close changes" onClick={onClose}>
          ✕
        </button>
      </header>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {change === undefined && !error && <p className="muted">Loading…</p>}
      {change === null && <p className="muted">Canvas AI has not changed this canvas yet.</p>}
      {change && (
        <>
          {change.summary && <p className="change-summary">{change.summary}</p>}
          <DiffView before={change.before} after={change.after} code={canvas.kind === "code"} />
          {canWrite && (
            <button
              type="button"
              className="button danger-outline"
              disabled={busy}
              onClick={() => {
                setBusy(true);
                void onUndo().then(() => {
                  setBusy(false);
                  setReload((count) => count + 1);
                });
              }}
            >
              ↶ Undo AI change
            </button>
          )}
        </>
      )}
    </aside>
  );
}
