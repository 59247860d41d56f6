// The landing page: create a room (you become its owner) and open it.
import { useState, type FormEvent } from "react";
import { createRoom } from "../lib/api.ts";
import { localPath, rememberLinks } from "../lib/roomLinks.ts";
import { navigate } from "../lib/navigation.ts";
import { rememberRoom } from "../lib/library.ts";
import { Library } from "./Library.tsx";

export function Landing() {
  const [title, setTitle] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await createRoom(title.trim() || undefined);
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    rememberLinks(result.value.roomId, result.value.links);
    rememberRoom({
      roomId: result.value.roomId,
      token: result.value.tokens.owner,
      role: "owner",
      title: title.trim() || "Untitled room",
      canvases: 0,
      lastActivity: Date.now(),
    });
    navigate(localPath(result.value.links.owner));
  }

  return (
    <main className="landing">
      <div className="landing-card">
        <div className="brand-mark" aria-hidden="true">
          ◧
        </div>
        <h1>Canvas</h1>
        <p className="lede">
          Write documents and code together — with your team and a language model, in one live canvas.
        </p>
        <form onSubmit={submit} className="landing-form">
          <label htmlFor="room-title" className="visually-hidden">
            Room title
          </label>
          <input
            id="room-title"
            placeholder="Name your room (optional)"
            value={title}
            maxLength={200}
            onChange={(event) => setTitle(event.target.value)}
          />
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? "Creating…" : "Create a room"}
          </button>
        </form>
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
        <ul className="landing-points">
          <li>
            <strong>Chat</strong> with the model; it opens a canvas when the work deserves one.
          </li>
          <li>
            <strong>Targeted edits</strong>, inline comments, versions and one-click undo of AI changes.
          </li>
          <li>
            <strong>Share links</strong> for editors, commenters and viewers.
          </li>
        </ul>
      </div>
      <Library />
    </main>
  );
}
