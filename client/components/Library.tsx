// "Your documents" on the landing page: the rooms this browser created or opened, with what the server
// says about them now (title, canvases, last activity, your role), search, rename, remove from the
// list, and delete (owners, after a confirmation naming the room).
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { Api, roomInfoFor } from "../lib/api.ts";
import { forgetRoom, readLibrary, refreshRoom, relativeTime, type LibraryEntry } from "../lib/library.ts";
import { navigate } from "../lib/navigation.ts";
import { Dialog } from "./Dialog.tsx";

type Status = "fresh" | "gone" | "refused" | "offline";

const ROLE_LABEL = { owner: "Owner", editor: "Can edit", commenter: "Can comment", viewer: "View only" } as const;

function useLibrary(): LibraryEntry[] {
  const [entries, setEntries] = useState(readLibrary);
  useEffect(() => {
    const update = () => setEntries(readLibrary());
    window.addEventListener("canvas-library", update);
    window.addEventListener("storage", update);
    return () => {
      window.removeEventListener("canvas-library", update);
      window.removeEventListener("storage", update);
    };
  }, []);
  return entries;
}

export function Library() {
  const entries = useLibrary();
  const [query, setQuery] = useState("");
  const [status, setStatus] = useState<Record<string, Status>>({});
  const [renaming, setRenaming] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<LibraryEntry | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Ask the server about each room (a few at a time): titles and activity may have changed elsewhere.
  const ids = entries.map((entry) => `${entry.roomId}:${entry.token}`).join(",");
  useEffect(() => {
    let live = true;
    const queue = readLibrary();
    const worker = async () => {
      for (let entry = queue.shift(); entry && live; entry = queue.shift()) {
        const result = await roomInfoFor(entry.roomId, entry.token);
        if (!live) return;
        if (result.ok) {
          refreshRoom(entry.roomId, {
            title: result.value.title,
            canvases: result.value.canvases.length,
            lastActivity: result.value.lastActivity ?? entry.lastActivity,
          });
        }
        const next: Status = result.ok
          ? "fresh"
          : result.status === 404
            ? "gone"
            : result.status === 401 || result.status === 403
              ? "refused"
              : "offline";
        setStatus((current) => ({ ...current, [entry.roomId]: next }));
      }
    };
    void Promise.all([worker(), worker(), worker(), worker()]);
    return () => {
      live = false;
    };
    // `ids` changes exactly when an entry or its link does; refreshes of titles do not restart this.
  }, [ids]);

  const shown = useMemo(() => {
    const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
    return [...entries]
      .filter((entry) => words.every((word) => entry.title.toLowerCase().includes(word)))
      .sort((a, b) => Math.max(b.lastActivity, b.lastOpened) - Math.max(a.lastActivity, a.lastOpened));
  }, [entries, query]);

  if (entries.length === 0) return null;

  async function rename(entry: LibraryEntry, title: string) {
    const result = await new Api(entry.roomId, entry.token).renameRoom(title);
    if (!result.ok) return setError(result.message);
    refreshRoom(entry.roomId, { title, lastActivity: Date.now() });
    setRenaming(null);
  }

  async function remove(entry: LibraryEntry) {
    const result = await new Api(entry.roomId, entry.token).deleteRoom();
    if (!result.ok && result.status !== 404) return setError(result.message);
    forgetRoom(entry.roomId);
    setDeleting(null);
  }

  return (
    <section className="library" aria-labelledby="library-title">
      <header className="library-header">
        <h2 id="library-title">Your documents</h2>
        <label className="visually-hidden" htmlFor="library-search">
          Search your documents
        </label>
        <input
          id="library-search"
          type="search"
          placeholder="Search by title…"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </header>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {shown.length === 0 && <p className="muted">No document matches “{query}”.</p>}
      <ul className="library-list">
        {shown.map((entry) => {
          const state = status[entry.roomId];
          const canRename = entry.role === "owner" || entry.role === "editor";
          const href = `/r/${encodeURIComponent(entry.roomId)}?token=${encodeURIComponent(entry.token)}`;
          return (
            <li key={entry.roomId} className={`library-item${state === "gone" ? " gone" : ""}`}>
              {renaming === entry.roomId ? (
                <RenameForm
                  title={entry.title}
                  onSave={(title) => rename(entry, title)}
                  onCancel={() => setRenaming(null)}
                />
              ) : (
                <a
                  className="library-open"
                  href={href}
                  onClick={(event) => {
                    event.preventDefault();
                    navigate(href);
                  }}
                >
                  <span className="library-title">{entry.title || "Untitled room"}</span>
                  <span className="library-meta">
                    <span className={`role-chip ${entry.role}`}>{ROLE_LABEL[entry.role]}</span>
                    <span>
                      {entry.canvases} canvas{entry.canvases === 1 ? "" : "es"}
                    </span>
                    <span>Edited {relativeTime(Math.max(entry.lastActivity, 0))}</span>
                    {state === "gone" && <span className="library-warning">Deleted</span>}
                    {state === "refused" && <span className="library-warning">Link no longer valid</span>}
                  </span>
                </a>
              )}
              <div className="library-actions">
                {canRename && state !== "gone" && renaming !== entry.roomId && (
                  <button type="button" className="button small ghost" onClick={() => setRenaming(entry.roomId)}>
                    Rename
                  </button>
                )}
                <button
                  type="button"
                  className="button small ghost"
                  aria-label={`Remove “${entry.title}” from this list`}
                  title="Remove from this list (the room stays)"
                  onClick={() => forgetRoom(entry.roomId)}
                >
                  Remove
                </button>
                {entry.role === "owner" && state !== "gone" && (
                  <button type="button" className="button small ghost danger-text" onClick={() => setDeleting(entry)}>
                    Delete
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {deleting && (
        <Dialog title="Delete this room?" onClose={() => setDeleting(null)}>
          <p>
            “{deleting.title}” and everything in it — its canvases, chat, comments and versions — will be deleted for
            everyone, and its links will stop working. This cannot be undone.
          </p>
          <div className="dialog-actions">
            <button type="button" className="button ghost" onClick={() => setDeleting(null)}>
              Cancel
            </button>
            <button type="button" className="button danger" onClick={() => void remove(deleting)}>
              Delete room
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}

export function RenameForm({
  title,
  onSave,
  onCancel,
  label = "New title",
}: {
  title: string;
  onSave: (title: string) => void | Promise<void>;
  onCancel: () => void;
  label?: string;
}) {
  const [value, setValue] = useState(title);
  function submit(event: FormEvent) {
    event.preventDefault();
    if (value.trim()) void onSave(value.trim());
  }
  return (
    <form className="rename-form" onSubmit={submit}>
      <label className="visually-hidden" htmlFor="rename-input">
        {label}
      </label>
      <input
        id="rename-input"
        value={value}
        maxLength={200}
        autoFocus
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") {
            event.stopPropagation();
            onCancel();
          }
        }}
      />
      <button type="submit" className="button small primary" disabled={!value.trim()}>
        Save
      </button>
      <button type="button" className="button small ghost" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
