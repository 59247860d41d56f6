// Disk use proportional to what people send: a reply is stored as the reply, not as a rewrite of
// the comment with every reply before it; voting on a run again replaces the vote instead of
// storing another copy of the canvas; old feedback is deleted. A malformed comment written over the
// socket is skipped on read, never a 500.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { commentsMap } from "../../shared/room.ts";
import { FEEDBACK_RETENTION_MS } from "../../server/config.ts";
import { installAgent } from "../../server/agent/index.ts";
import { createEngine } from "../../server/agent/engines.ts";
import { connectClient, startTestServer, waitFor, type RoomLinks, type TestServer } from "../helpers/server.ts";

let server: TestServer;
let room: RoomLinks;

beforeEach(async () => {
  // No compaction during the test: the update log shows what each request wrote.
  server = await startTestServer({
    compactEvery: 1_000_000,
    extend: (app) => void installAgent(app, { engine: createEngine({ engine: "local" }) }),
  });
  room = await server.createRoom("Costs");
});
afterEach(async () => {
  await server.close();
});

async function storedLogBytes(): Promise<number> {
  await (await server.running.app.registry.get(room.roomId)).flush();
  const stored = await server.running.app.store.loadDoc(room.roomId);
  return stored.updates.reduce((sum, update) => sum + update.byteLength, 0);
}

async function addCanvasWithComment(): Promise<string> {
  const canvas = await server.api(`/api/rooms/${room.roomId}/canvases`, {
    method: "POST",
    token: room.tokens.editor,
    body: { title: "Doc", kind: "document", content: "Some text to comment on." },
  });
  const canvasId = (canvas.json as { canvasId: string }).canvasId;
  const live = await server.running.app.registry.get(room.roomId);
  const fragment = live.doc.getXmlFragment(`canvas/${canvasId}`);
  const text = (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
  const encode = (index: number) =>
    Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index))).toString("base64");
  const comment = await server.api(`/api/rooms/${room.roomId}/comments`, {
    method: "POST",
    token: room.tokens.editor,
    body: { canvasId, anchor: { start: encode(0), end: encode(4) }, quote: "Some", body: "A comment" },
  });
  expect(comment.status).toBe(201);
  return (comment.json as { commentId: string }).commentId;
}

describe("storage cost", () => {
  it("100 replies of 4 KB store about 400 KB, not the comment again with every reply", async () => {
    const commentId = await addCanvasWithComment();
    const before = await storedLogBytes();
    const body = "r".repeat(3_990);
    for (let index = 0; index < 100; index++) {
      const reply = await server.api(`/api/rooms/${room.roomId}/comments/${commentId}/replies`, {
        method: "POST",
        token: room.tokens.commenter,
        body: { body: `${index} ${body}` },
      });
      expect(reply.status).toBe(200);
    }
    const written = (await storedLogBytes()) - before;
    expect(written).toBeLessThan(2 * 100 * 4_000);

    const listed = await server.api(`/api/rooms/${room.roomId}/comments`, { token: room.tokens.viewer });
    const [comment] = (listed.json as { comments: { replies: { body: string }[] }[] }).comments;
    expect(comment!.replies).toHaveLength(100);
    expect(comment!.replies.map((reply) => Number(reply.body.split(" ")[0]))).toEqual([...Array(100).keys()]);
  });

  it("voting on the same run again replaces the vote instead of adding a row", async () => {
    for (let index = 0; index < 20; index++) {
      const vote = await server.api(`/api/rooms/${room.roomId}/feedback`, {
        method: "POST",
        token: room.tokens.commenter,
        body: { runId: "run-1", messageId: "m1", value: index % 2 ? "up" : "down" },
      });
      expect(vote.status).toBe(201);
    }
    const rows = await server.running.app.store.listFeedback();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.value).toBe("up");
  });

  it("feedback is rate-limited per link", async () => {
    const statuses: number[] = [];
    for (let index = 0; index < 40; index++) {
      const vote = await server.api(`/api/rooms/${room.roomId}/feedback`, {
        method: "POST",
        token: room.tokens.commenter,
        body: { runId: `run-${index}`, value: "up" },
      });
      statuses.push(vote.status);
    }
    expect(statuses).toContain(429);
    expect((await server.running.app.store.listFeedback()).length).toBeLessThan(40);
  });

  it("feedback older than the retention is deleted when the server starts", async () => {
    const store = server.running.app.store;
    const base = { roomId: room.roomId, runId: null, kind: "thumbs" as const, value: "up", context: {} };
    await store.saveFeedback({ ...base, id: "old", createdAt: Date.now() - FEEDBACK_RETENTION_MS - 60_000 });
    await store.saveFeedback({ ...base, id: "new", createdAt: Date.now() });
    await server.restart();
    // SQLite runs the start-up deletion before startServer returns.
    expect((await server.running.app.store.listFeedback()).map((row) => row.id)).toEqual(["new"]);
  });

  it("a malformed comment written over the socket is skipped; GET /comments still answers", async () => {
    const commentId = await addCanvasWithComment();
    const client = connectClient(server.wsUrl, room.roomId, room.tokens.editor);
    await client.synced;
    // An editor's socket may write anything into the doc: a "comment" missing most of its fields.
    commentsMap(client.doc).set("broken", { id: "broken" } as never);
    const live = await server.running.app.registry.get(room.roomId);
    await waitFor(() => commentsMap(live.doc).has("broken"), "the broken entry to reach the server");
    const listed = await server.api(`/api/rooms/${room.roomId}/comments`, { token: room.tokens.viewer });
    expect(listed.status).toBe(200);
    expect((listed.json as { comments: { id: string }[] }).comments.map((comment) => comment.id)).toEqual([commentId]);
    client.destroy();
  });
});
