// The room's trash: canvases moved out of the room, newest first, each with who moved it and when and
// the start of its text; editors restore one with its text, comments and versions.
import { useEffect, useState } from "react";
import type { Api, TrashView } from "../lib/api.ts";
import { relativeTime } from "../lib/library.ts";
import { Dialog } from "./Dialog.tsx";

export function TrashDialog({
  api,
  canRestore,
  onRestored,
  onClose,
}: {
  api: Api;
  canRestore: boolean;
  onRestored: (canvasId: string) => void;
  onClose: () => void;
}) {
  const [entries, setEntries] = useState<TrashView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void api.trash().then((result) => {
      if (!live) return;
      if (result.ok) setEntries(result.value);
      else setError(result.message);
    });
    return () => {
      live = false;
    };
  }, [api]);

  async function restore(entry: TrashView) {
    setBusy(entry.canvas.id);
    const result = await api.restoreCanvas(entry.canvas.id);
    setBusy(null);
    if (!result.ok) return setError(result.message);
    setEntries((current) => current?.filter((item) => item.canvas.id !== entry.canvas.id) ?? null);
    onRestored(entry.canvas.id);
  }

  return (
    <Dialog title="Trash" onClose={onClose}>
      <p className="muted">Canvases moved to the trash keep their text, comments and versions until restored.</p>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {entries === null && !error && <p className="muted">Loading…</p>}
      {entries?.length === 0 && <p className="muted">The trash is empty.</p>}
      <ul className="trash-list">
        {entries?.map((entry) => (
          <li key={entry.canvas.id} className="trash-item">
            <div className="trash-text">
              <strong>
                <span className="tab-icon" aria-hidden="true">
                  {entry.canvas.kind === "code" ? "</>" : "¶"}
                </span>{" "}
                {entry.canvas.title}
              </strong>
              <span className="muted">
                Deleted by {entry.by} · {relativeTime(entry.trashedAt)} · {entry.characters.toLocaleString()} characters
              </span>
              {entry.preview && <span className="trash-preview">{entry.preview}</span>}
            </div>
            {canRestore && (
              <button
                type="button"
                className="button small"
                disabled={busy === entry.canvas.id}
                onClick={() => void restore(entry)}
              >
                Restore
              </button>
            )}
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
