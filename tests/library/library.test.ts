// The library's server side: renaming rooms and canvases, deleting a room (sockets closed, data gone,
// links 404), the canvas trash (text, comments and versions come back on restore), and share links an
// owner can read from any browser while the database holds no usable token.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canvasesMap, canvasFragment, roomMeta } from "../../shared/room.ts";
import { trashMap } from "../../shared/trash.ts";
import { DB_FILE } from "../../server/store/sqlite.ts";
import { connectClient, fragmentText, startTestServer, waitFor, type TestServer } from "../helpers/server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

async function createCanvas(roomId: string, token: string, title: string, content: string): Promise<string> {
  const created = await server.api(`/api/rooms/${roomId}/canvases`, {
    method: "POST",
    token,
    body: { title, kind: "document", content },
  });
  expect(created.status).toBe(201);
  return (created.json as { canvasId: string }).canvasId;
}

describe("renaming", () => {
  it("an editor renames the room and a canvas for everyone; a commenter cannot", async () => {
    const room = await server.createRoom("Draft");
    const canvasId = await createCanvas(room.roomId, room.tokens.editor, "Notes", "Hello.");
    const peer = connectClient(server.wsUrl, room.roomId, room.tokens.viewer);
    await peer.synced;
    const renamed = await server.api(`/api/rooms/${room.roomId}`, {
      method: "PATCH",
      token: room.tokens.editor,
      body: { title: "  Launch plan  " },
    });
    expect(renamed.status).toBe(200);
    const canvas = await server.api(`/api/rooms/${room.roomId}/canvases/${canvasId}`, {
      method: "PATCH",
      token: room.tokens.editor,
      body: { title: "Timeline" },
    });
    expect(canvas.status).toBe(200);
    await waitFor(() => roomMeta(peer.doc).get("title") === "Launch plan", "the room title to reach a peer");
    await waitFor(() => canvasesMap(peer.doc).get(canvasId)?.title === "Timeline", "the canvas title to reach a peer");
    const info = await server.api(`/api/rooms/${room.roomId}`, { token: room.tokens.viewer });
    expect(info.json).toMatchObject({ title: "Launch plan" });

    const refused = await server.api(`/api/rooms/${room.roomId}`, {
      method: "PATCH",
      token: room.tokens.commenter,
      body: { title: "Nope" },
    });
    expect(refused.status).toBe(403);
    const empty = await server.api(`/api/rooms/${room.roomId}`, {
      method: "PATCH",
      token: room.tokens.editor,
      body: { title: "   " },
    });
    expect(empty.status).toBe(400);
    expect(roomMeta(peer.doc).get("title")).toBe("Launch plan");
    peer.destroy();
  });

  it("the room info says when the room last saw activity and how many canvases are in its trash", async () => {
    const room = await server.createRoom("Activity");
    const before = await server.api(`/api/rooms/${room.roomId}`, { token: room.tokens.viewer });
    const { createdAt, lastActivity } = before.json as { createdAt: number; lastActivity: number };
    expect(lastActivity).toBe(createdAt);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const canvasId = await createCanvas(room.roomId, room.tokens.editor, "Later", "Text.");
    await server.api(`/api/rooms/${room.roomId}/canvases/${canvasId}`, { method: "DELETE", token: room.tokens.editor });
    const after = await server.api(`/api/rooms/${room.roomId}`, { token: room.tokens.viewer });
    expect((after.json as { lastActivity: number }).lastActivity).toBeGreaterThan(createdAt);
    expect(after.json).toMatchObject({ trashCount: 1, canvases: [] });
  });
});

describe("the canvas trash", () => {
  it("deleting a canvas moves it to the trash; restoring brings back its text, comments and versions", async () => {
    const room = await server.createRoom("Trash");
    const canvasId = await createCanvas(room.roomId, room.tokens.editor, "Essay", "# Essay\n\nFirst paragraph.\n");
    const peer = connectClient(server.wsUrl, room.roomId, room.tokens.editor);
    await peer.synced;
    // A version and a comment that must survive the trip through the trash.
    await server.running.app.store.saveVersion({
      id: "v-essay-1",
      roomId: room.roomId,
      canvasId,
      reason: "snapshot",
      author: "Ada",
      text: "# Essay\n\nAn older paragraph.\n",
      runId: null,
      createdAt: Date.now(),
    });
    const itemBefore = canvasFragment(peer.doc, canvasId).get(1);

    const trashed = await server.api(`/api/rooms/${room.roomId}/canvases/${canvasId}`, {
      method: "DELETE",
      token: room.tokens.editor,
      body: { authorName: "Ada" },
    });
    expect(trashed.status).toBe(200);
    await waitFor(() => !canvasesMap(peer.doc).has(canvasId), "the canvas to leave the room for a peer");
    expect(trashMap(peer.doc).has(canvasId)).toBe(true);
    expect(fragmentText(canvasFragment(peer.doc, canvasId))).toContain("First paragraph.");

    const trash = await server.api(`/api/rooms/${room.roomId}/trash`, { token: room.tokens.viewer });
    expect(trash.status).toBe(200);
    const [entry] = (trash.json as { trash: { canvas: { id: string; title: string }; by: string; preview: string }[] })
      .trash;
    expect(entry).toMatchObject({ canvas: { id: canvasId, title: "Essay" }, by: "Ada", reason: "deleted" });
    expect(entry!.preview).toContain("First paragraph.");
    const info = await server.api(`/api/rooms/${room.roomId}`, { token: room.tokens.viewer });
    expect((info.json as { canvases: unknown[] }).canvases).toEqual([]);
    // The model cannot reach a trashed canvas: export and edits see no such canvas.
    const exported = await server.api(`/api/rooms/${room.roomId}/canvases/${canvasId}/export?format=markdown`, {
      token: room.tokens.viewer,
    });
    expect(exported.status).toBe(404);

    const restored = await server.api(`/api/rooms/${room.roomId}/canvases/${canvasId}/restore`, {
      method: "POST",
      token: room.tokens.editor,
    });
    expect(restored.status).toBe(200);
    await waitFor(() => canvasesMap(peer.doc).has(canvasId), "the canvas to come back for a peer");
    expect(trashMap(peer.doc).has(canvasId)).toBe(false);
    // The same Yjs items, not a copy: anchors and carets into the text still resolve.
    expect(canvasFragment(peer.doc, canvasId).get(1)).toBe(itemBefore);
    const text = await server.api(`/api/rooms/${room.roomId}/canvases/${canvasId}/export?format=markdown`, {
      token: room.tokens.viewer,
    });
    expect(text.text).toContain("First paragraph.");
    const versions = await server.api(`/api/rooms/${room.roomId}/versions?canvasId=${canvasId}`, {
      token: room.tokens.viewer,
    });
    expect((versions.json as { versions: { id: string }[] }).versions.map((version) => version.id)).toContain(
      "v-essay-1",
    );
    const again = await server.api(`/api/rooms/${room.roomId}/canvases/${canvasId}/restore`, {
      method: "POST",
      token: room.tokens.editor,
    });
    expect(again.status).toBe(404);
    peer.destroy();
  });

  it("commenters and viewers can see the trash but neither delete nor restore", async () => {
    const room = await server.createRoom("Trash roles");
    const canvasId = await createCanvas(room.roomId, room.tokens.owner, "Plan", "Plan.");
    for (const token of [room.tokens.commenter, room.tokens.viewer]) {
      const refused = await server.api(`/api/rooms/${room.roomId}/canvases/${canvasId}`, { method: "DELETE", token });
      expect(refused.status).toBe(403);
    }
    await server.api(`/api/rooms/${room.roomId}/canvases/${canvasId}`, { method: "DELETE", token: room.tokens.owner });
    const restore = await server.api(`/api/rooms/${room.roomId}/canvases/${canvasId}/restore`, {
      method: "POST",
      token: room.tokens.commenter,
    });
    expect(restore.status).toBe(403);
    const trash = await server.api(`/api/rooms/${room.roomId}/trash`, { token: room.tokens.viewer });
    expect((trash.json as { trash: unknown[] }).trash).toHaveLength(1);
  });
});

describe("deleting a room", () => {
  it("the owner deletes a room: live sockets close, its data leaves the store, its links answer 404", async () => {
    const room = await server.createRoom("Doomed");
    const canvasId = await createCanvas(room.roomId, room.tokens.editor, "Secret", "Secret text.");
    const peer = connectClient(server.wsUrl, room.roomId, room.tokens.editor);
    await peer.synced;
    const editorRefused = await server.api(`/api/rooms/${room.roomId}`, {
      method: "DELETE",
      token: room.tokens.editor,
    });
    expect(editorRefused.status).toBe(403);

    const deleted = await server.api(`/api/rooms/${room.roomId}`, { method: "DELETE", token: room.tokens.owner });
    expect(deleted.status).toBe(200);
    expect(await peer.closed).toBe(4404);
    peer.destroy();
    for (const token of Object.values(room.tokens)) {
      const gone = await server.api(`/api/rooms/${room.roomId}`, { token });
      expect(gone.status).toBe(404);
    }
    const store = server.running.app.store;
    expect(await store.getRoom(room.roomId)).toBeNull();
    expect(await store.listVersions(room.roomId, canvasId)).toEqual([]);
    const stored = await store.loadDoc(room.roomId);
    expect(stored.snapshot).toBeNull();
    expect(stored.updates).toEqual([]);
    const socket = connectClient(server.wsUrl, room.roomId, room.tokens.owner);
    expect(await socket.closed).toBe(4404);
    socket.destroy();
  });

  it("a room cannot be deleted while Canvas AI works in it", async () => {
    const room = await server.createRoom("Busy");
    const lease = await server.running.app.registry.locks.acquire(room.roomId);
    const refused = await server.api(`/api/rooms/${room.roomId}`, { method: "DELETE", token: room.tokens.owner });
    expect(refused.status).toBe(409);
    expect(refused.text).toContain("Stop it");
    await lease!.release();
    const deleted = await server.api(`/api/rooms/${room.roomId}`, { method: "DELETE", token: room.tokens.owner });
    expect(deleted.status).toBe(200);
  });
});

describe("share links an owner reads from any browser", () => {
  it("the owner token reads every role's link; the database holds no usable token", async () => {
    const room = await server.createRoom("Links");
    const read = await server.api(`/api/rooms/${room.roomId}/links`, { token: room.tokens.owner });
    expect(read.status).toBe(200);
    expect((read.json as { links: Record<string, string> }).links).toEqual(room.links);
    expect((read.json as { missing: string[] }).missing).toEqual([]);
    for (const token of [room.tokens.editor, room.tokens.commenter, room.tokens.viewer]) {
      expect((await server.api(`/api/rooms/${room.roomId}/links`, { token })).status).toBe(403);
    }
    await server.running.app.registry.hold(room.roomId, (live) => live.flush());
    const db = ["", "-wal"]
      .map((suffix) => {
        try {
          return readFileSync(join(server.dataDir, DB_FILE + suffix)).toString("latin1");
        } catch {
          return "";
        }
      })
      .join("");
    expect(db.length).toBeGreaterThan(0);
    for (const token of Object.values(room.tokens)) expect(db).not.toContain(token);
  });

  it("rotating a link re-seals it; rotating the owner link keeps every link readable to the new owner only", async () => {
    const room = await server.createRoom("Rotations");
    const rotated = await server.api(`/api/rooms/${room.roomId}/links/editor/rotate`, {
      method: "POST",
      token: room.tokens.owner,
    });
    const newEditor = (rotated.json as { link: string; token: string }).token;
    const afterEditor = await server.api(`/api/rooms/${room.roomId}/links`, { token: room.tokens.owner });
    expect((afterEditor.json as { links: Record<string, string> }).links.editor).toContain(newEditor);
    expect((await server.api(`/api/rooms/${room.roomId}`, { token: room.tokens.editor })).status).toBe(401);

    const owner = await server.api(`/api/rooms/${room.roomId}/links/owner/rotate`, {
      method: "POST",
      token: room.tokens.owner,
    });
    const newOwner = (owner.json as { token: string }).token;
    expect((await server.api(`/api/rooms/${room.roomId}/links`, { token: room.tokens.owner })).status).toBe(401);
    const links = (
      (await server.api(`/api/rooms/${room.roomId}/links`, { token: newOwner })).json as {
        links: Record<string, string>;
      }
    ).links;
    expect(links.owner).toContain(newOwner);
    expect(links.editor).toContain(newEditor);
    expect(links.viewer).toBe(room.links.viewer);

    await server.api(`/api/rooms/${room.roomId}/links/viewer/revoke`, { method: "POST", token: newOwner });
    const revoked = await server.api(`/api/rooms/${room.roomId}/links`, { token: newOwner });
    expect((revoked.json as { missing: string[] }).missing).toEqual(["viewer"]);
  });
});
