// Version history of a canvas: snapshots before each AI change and of people's work, each with its
// author and time; preview shows the diff from that version to now; restore is a new change for everyone.
import { useEffect, useState } from "react";
import type { Api, VersionMeta } from "../lib/api.ts";
import type { CanvasMeta } from "../../shared/room.ts";
import { DiffView } from "./DiffView.tsx";

export interface VersionsPanelProps {
  api: Api;
  canvas: CanvasMeta;
  canWrite: boolean;
  currentText: () => Promise<string | null>;
  onRestore: (versionId: string) => Promise<boolean>;
  onClose: () => void;
}

const REASONS: Record<string, string> = {
  "before-ai": "Before AI change",
  snapshot: "Snapshot",
  restore: "Before restore",
  "before-undo": "Before undo of an AI change",
};

function when(timestamp: number): string {
  const date = new Date(timestamp);
  const sameDay = date.toDateString() === new Date().toDateString();
  return sameDay
    ? date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" })
    : date.toLocaleString();
}

const ROLE_NAMES = new Set(["owner", "editor", "commenter", "viewer"]);

/** Who made a version: a person's name; older versions only knew a role ("owner:…") or "people". */
function authorLabel(author: string | null): string {
  if (!author || author === "people") return "People in the room";
  if (author === "ai") return "Canvas AI";
  const role = author.split(":")[0] ?? author;
  return ROLE_NAMES.has(role) ? `Someone with the ${role} link` : author;
}

export function VersionsPanel({ api, canvas, canWrite, currentText, onRestore, onClose }: VersionsPanelProps) {
  const [versions, setVersions] = useState<VersionMeta[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ id: string; text: string; now: string } | null>(null);
  const [reload, setReload] = useState(0);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void api.versions(canvas.id).then((result) => {
      if (!live) return;
      if (result.ok) setVersions([...result.value].sort((a, b) => b.createdAt - a.createdAt));
      else setError(result.message);
    });
    return () => {
      live = false;
    };
  }, [api, canvas.id, reload]);

  async function open(version: VersionMeta) {
    const [body, now] = await Promise.all([api.version(version.id), currentText()]);
    if (!body.ok) return setError(body.message);
    setPreview({ id: version.id, text: body.value.text, now: now ?? "" });
  }

  return (
    <aside className="side-panel" aria-label="Version history">
      <header className="side-panel-header">
        <h2>Versions</h2>
        <button type="button" className="icon-button" aria-label="Close versions" onClick={onClose}>
          ✕
        </button>
      </header>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {versions === null && !error && <p className="muted">Loading…</p>}
      {versions?.length === 0 && <p className="muted">No versions yet. One is kept before every AI change.</p>}
      <ol className="version-list">
        {versions?.map((version) => (
          <li key={version.id} className={preview?.id === version.id ? "selected" : ""}>
            <button type="button" className="version-item" onClick={() => void open(version)}>
              <span className="version-reason">{REASONS[version.reason] ?? version.reason}</span>
              <span className="version-meta">
                {authorLabel(version.author)} · {when(version.createdAt)}
              </span>
            </button>
          </li>
        ))}
      </ol>
      {preview && (
        <div className="version-preview">
          <h3>Changes from this version to now</h3>
          <DiffView before={preview.text} after={preview.now} code={canvas.kind === "code"} />
          {canWrite && (
            <button
              type="button"
              className="button primary"
              disabled={busy}
              onClick={() => {
                setBusy(true);
                void onRestore(preview.id).then((ok) => {
                  setBusy(false);
                  if (ok) {
                    setPreview(null);
                    setReload((count) => count + 1);
                  }
                });
              }}
            >
              Restore this version
            </button>
          )}
        </div>
      )}
    </aside>
  );
}
