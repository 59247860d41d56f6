// "AI changes": the canvas's AI changes, newest first, each with its status; the one picked (by its
// chat card's "Show", else the newest) shows its diff and its own undo. Undo asks the server to undo
// exactly that change; a later change in the way is named in the answer, and nothing is half undone.
import { useEffect, useState } from "react";
import type { Api } from "../lib/api.ts";
import type { CanvasMeta } from "../../shared/room.ts";
import { DIFF_DROPPED_MESSAGE, type ChangeDetail, type ChangeSummary } from "../../shared/changes.ts";
import { DiffView } from "./DiffView.tsx";

export interface ChangesPanelProps {
  api: Api;
  canvas: CanvasMeta;
  canWrite: boolean;
  /** The change to show (a chat card's "Show"); null: the newest. */
  changeId: string | null;
  /** Bumped when the chat shows a new AI change, so an open panel refreshes. */
  version: number;
  onSelect: (changeId: string) => void;
  /** Undo this change; resolves true when it was undone (failures are reported by the caller). */
  onUndo: (changeId: string) => Promise<boolean>;
  onClose: () => void;
}

const STATUS_LABEL: Record<ChangeSummary["status"], string> = {
  applied: "applied",
  undone: "undone",
  suggested: "suggested",
};

export function ChangesPanel({
  api,
  canvas,
  canWrite,
  changeId,
  version,
  onSelect,
  onUndo,
  onClose,
}: ChangesPanelProps) {
  const [list, setList] = useState<ChangeSummary[] | undefined>(undefined);
  const [detail, setDetail] = useState<ChangeDetail | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    void api.changes(canvas.id).then(async (result) => {
      if (!live) return;
      if (!result.ok) return setError(result.message);
      setList(result.value);
      setError(null);
      const shown = changeId ?? result.value[0]?.id ?? null;
      if (!shown) return setDetail(null);
      const found = await api.change(shown);
      if (!live) return;
      if (found.ok) setDetail(found.value);
      else setError(found.message);
    });
    return () => {
      live = false;
    };
  }, [api, canvas.id, changeId, version, reload]);

  return (
    <aside className="side-panel" aria-label="AI changes">
      <header className="side-panel-header">
        <h2>AI changes</h2>
        <button type="button" className="icon-button" aria-label="Close changes" onClick={onClose}>
          ✕
        </button>
      </header>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {list === undefined && !error && <p className="muted">Loading…</p>}
      {list?.length === 0 && <p className="muted">Canvas AI has not changed this canvas yet.</p>}
      {detail && (
        <section className="change-detail" data-change-id={detail.id} data-status={detail.status}>
          <p className="change-summary">
            {detail.summary} <span className={`change-status ${detail.status}`}>{STATUS_LABEL[detail.status]}</span>
          </p>
          {detail.textsKept ? (
            <DiffView before={detail.before} after={detail.after} code={canvas.kind === "code"} />
          ) : (
            <p className="muted">{DIFF_DROPPED_MESSAGE}</p>
          )}
          {canWrite && detail.status === "applied" && (
            <button
              type="button"
              className="button danger-outline"
              disabled={busy}
              onClick={() => {
                setBusy(true);
                void onUndo(detail.id).then(() => {
                  setBusy(false);
                  setReload((count) => count + 1);
                });
              }}
            >
              ↶ Undo this change
            </button>
          )}
        </section>
      )}
      {list && list.length > 1 && (
        <ol className="change-list" aria-label="Changes to this canvas">
          {list.map((change) => (
            <li key={change.id}>
              <button
                type="button"
                className={`link-button${change.id === detail?.id ? " pressed" : ""}`}
                aria-current={change.id === detail?.id}
                onClick={() => onSelect(change.id)}
              >
                {change.summary}
              </button>{" "}
              <span className={`change-status ${change.status}`}>{STATUS_LABEL[change.status]}</span>
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}
