import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { canvasFragment } from "../../shared/room.ts";
import {
  connectClient,
  fragmentText,
  startTestServer,
  typeParagraph,
  waitFor,
  type TestClient,
  type TestServer,
} from "../helpers/server.ts";

let server: TestServer;
const clients: TestClient[] = [];
const connect = (roomId: string, token: string): TestClient => {
  const client = connectClient(server.wsUrl, roomId, token);
  clients.push(client);
  return client;
};

beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server.close();
});

describe("live collaboration", () => {
  it("two editors typing into the same canvas converge", async () => {
    const room = await server.createRoom("Essay");
    const alice = connect(room.roomId, room.tokens.editor);
    const bob = connect(room.roomId, room.tokens.owner);
    await Promise.all([alice.synced, bob.synced]);

    typeParagraph(canvasFragment(alice.doc, "c1"), "Alice was here.");
    typeParagraph(canvasFragment(bob.doc, "c1"), "Bob too.");
    const both = (client: TestClient) => {
      const text = fragmentText(canvasFragment(client.doc, "c1"));
      return text.includes("Alice was here.") && text.includes("Bob too.");
    };
    await waitFor(() => both(alice) && both(bob), "both edits on both clients");
    expect(fragmentText(canvasFragment(alice.doc, "c1"))).toBe(fragmentText(canvasFragment(bob.doc, "c1")));
  });

  it("everything typed is still there after the server restarts", async () => {
    const room = await server.createRoom();
    const writer = connect(room.roomId, room.tokens.editor);
    const watcher = connect(room.roomId, room.tokens.viewer);
    await Promise.all([writer.synced, watcher.synced]);
    for (let index = 0; index < 20; index++) typeParagraph(canvasFragment(writer.doc, "c1"), `line ${index}`);
    // A viewer receives updates only after they are stored, so seeing them means they are durable.
    await waitFor(
      () => fragmentText(canvasFragment(watcher.doc, "c1")).includes("line 19"),
      "the viewer to see all lines",
    );
    writer.destroy();
    watcher.destroy();

    await server.restart();
    const reader = connect(room.roomId, room.tokens.viewer);
    await reader.synced;
    const text = fragmentText(canvasFragment(reader.doc, "c1"));
    expect(text.split("\n")).toEqual(Array.from({ length: 20 }, (_, index) => `line ${index}`));
  });

  it("a viewer's update reaches neither other clients nor the store", async () => {
    const room = await server.createRoom();
    const viewer = connect(room.roomId, room.tokens.viewer);
    const commenter = connect(room.roomId, room.tokens.commenter);
    const editor = connect(room.roomId, room.tokens.editor);
    await Promise.all([viewer.synced, commenter.synced, editor.synced]);

    typeParagraph(canvasFragment(viewer.doc, "c1"), "viewer vandalism");
    typeParagraph(canvasFragment(commenter.doc, "c1"), "commenter vandalism");
    typeParagraph(canvasFragment(editor.doc, "c1"), "editor text");
    await waitFor(
      () => fragmentText(canvasFragment(viewer.doc, "c1")).includes("editor text"),
      "the editor's text to reach the viewer",
    );
    expect(fragmentText(canvasFragment(editor.doc, "c1"))).toBe("editor text");

    const live = await server.running.app.registry.get(room.roomId);
    await live.flush();
    const stored = await server.running.app.store.loadDoc(room.roomId);
    const reloaded = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(reloaded, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(reloaded, update);
    expect(fragmentText(canvasFragment(reloaded, "c1"))).toBe("editor text");
  });

  it("sockets with a bad token or for an unknown room are closed with a clear code", async () => {
    const room = await server.createRoom();
    const wrong = connect(room.roomId, "not-a-real-token");
    const unknown = connect("no-such-room", room.tokens.owner);
    const otherRoom = await server.createRoom();
    const crossRoom = connect(otherRoom.roomId, room.tokens.owner);
    expect(await wrong.closed).toBe(4401);
    expect(await unknown.closed).toBe(4404);
    expect(await crossRoom.closed).toBe(4401);
  });
});

describe("share links over HTTP", () => {
  it("creating a room returns four distinct role links and tokens", async () => {
    const room = await server.createRoom("Plans");
    expect(Object.keys(room.links).sort()).toEqual(["commenter", "editor", "owner", "viewer"]);
    expect(new Set(Object.values(room.tokens)).size).toBe(4);
    expect(room.links.editor).toContain(`/r/${room.roomId}?token=${room.tokens.editor}`);
    const info = await server.api(`/api/rooms/${room.roomId}`, { token: room.tokens.commenter });
    expect(info.status).toBe(200);
    expect(info.json).toMatchObject({ roomId: room.roomId, title: "Plans", role: "commenter", canvases: [] });
  });

  it("behind a proxy, share links name the PUBLIC_URL instead of the host the request came to", async () => {
    const proxied = await startTestServer({ publicUrl: "https://canvas.example.com" });
    try {
      const room = await proxied.createRoom();
      for (const link of Object.values(room.links)) expect(link).toMatch(/^https:\/\/canvas\.example\.com\/r\//);
      const rotated = await proxied.api(`/api/rooms/${room.roomId}/links/viewer/rotate`, {
        method: "POST",
        token: room.tokens.owner,
      });
      expect((rotated.json as { link: string }).link).toMatch(/^https:\/\/canvas\.example\.com\/r\//);
    } finally {
      await proxied.close();
    }
  });

  it("bad tokens get 401, unknown rooms 404, and too weak roles 403, all as JSON errors", async () => {
    const room = await server.createRoom();
    const noToken = await server.api(`/api/rooms/${room.roomId}`);
    expect(noToken.status).toBe(401);
    expect(noToken.json).toMatchObject({ error: { code: "token_required" } });
    const badToken = await server.api(`/api/rooms/${room.roomId}`, { token: "nope" });
    expect(badToken.status).toBe(401);
    expect(badToken.json).toMatchObject({ error: { code: "invalid_token" } });
    const unknown = await server.api(`/api/rooms/missing`, { token: room.tokens.owner });
    expect(unknown.status).toBe(404);
    const viewerWrite = await server.api(`/api/rooms/${room.roomId}/canvases`, {
      method: "POST",
      token: room.tokens.viewer,
      body: { title: "x", kind: "document", language: null, content: "" },
    });
    expect(viewerWrite.status).toBe(403);
    expect(viewerWrite.json).toMatchObject({ error: { code: "forbidden" } });
  });

  it("a rotated link stops working and the new one works", async () => {
    const room = await server.createRoom();
    const rotated = await server.api(`/api/rooms/${room.roomId}/links/editor/rotate`, {
      method: "POST",
      token: room.tokens.owner,
    });
    expect(rotated.status).toBe(200);
    const { token } = rotated.json as { token: string };
    expect((await server.api(`/api/rooms/${room.roomId}`, { token: room.tokens.editor })).status).toBe(401);
    expect((await server.api(`/api/rooms/${room.roomId}`, { token })).json).toMatchObject({ role: "editor" });
    const byEditor = await server.api(`/api/rooms/${room.roomId}/links/viewer/rotate`, { method: "POST", token });
    expect(byEditor.status).toBe(403);
  });
});
