// Room data is shape-checked where it is read: whatever an editor's socket writes into the Y.Doc
// (a canvas entry that is a string, a title that is an object), the room still answers and lists
// what is well-formed; nothing turns into a 500 or a blank app.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { canvasesMap, roomMeta } from "../../shared/room.ts";
import { connectClient, startTestServer, waitFor, type RoomLinks, type TestServer } from "../helpers/server.ts";

let server: TestServer;
let room: RoomLinks;

beforeEach(async () => {
  server = await startTestServer();
  room = await server.createRoom("Shapes");
});
afterEach(async () => {
  await server.close();
});

describe("room data read through its schema", () => {
  it("a malformed canvas entry and an object title leave GET /api/rooms/:id answering with the good parts", async () => {
    const good = await server.api(`/api/rooms/${room.roomId}/canvases`, {
      method: "POST",
      token: room.tokens.editor,
      body: { title: "Good", kind: "document", content: "fine" },
    });
    const goodId = (good.json as { canvasId: string }).canvasId;
    const client = connectClient(server.wsUrl, room.roomId, room.tokens.editor);
    await client.synced;
    client.doc.transact(() => {
      canvasesMap(client.doc).set("bad", "not a canvas" as never);
      canvasesMap(client.doc).set("worse", { id: "worse", title: { html: "<b>" } } as never);
      roomMeta(client.doc).set("title", { evil: true } as never);
    });
    const live = await server.running.app.registry.get(room.roomId);
    await waitFor(() => canvasesMap(live.doc).has("worse"), "the malformed entries to reach the server");

    const info = await server.api(`/api/rooms/${room.roomId}`, { token: room.tokens.viewer });
    expect(info.status).toBe(200);
    const json = info.json as { title: unknown; canvases: { id: string }[] };
    expect(json.title).toBe("Shapes");
    expect(json.canvases.map((canvas) => canvas.id)).toEqual([goodId]);
    client.destroy();
  });
});
