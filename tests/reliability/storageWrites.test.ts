// Every HTTP route that writes answers 503 (never 500) while the store refuses writes, and changes
// nothing: not the room's document (a write the store refused is taken back), not a row of any table.
// Two ways a disk fails: "readonly" (the store's probe fails too, so the write is refused before it
// starts) and "full" (the probe still passes, the route's own write is the first to fail).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import * as Y from "yjs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { canvasFragment, canvasesMap, chatArray, commentsMap, roomMeta } from "../../shared/room.ts";
import { trashMap } from "../../shared/trash.ts";
import { suggestionsMap } from "../../shared/suggestions/record.ts";
import { ApiOrigin } from "../../shared/origins.ts";
import { DB_FILE, SqliteStore } from "../../server/store/sqlite.ts";
import { installAgent } from "../../server/agent/index.ts";
import { createEngine } from "../../server/agent/engines.ts";
import { startTestServer, type RoomLinks, type TestServer } from "../helpers/server.ts";
import { FailingDisk, type DiskMode } from "./failingDisk.ts";

let dataDir: string;
let disk: FailingDisk;
let server: TestServer;
let room: RoomLinks;
/** Ids the routes below act on, made once by the fixture. */
const ids = {
  canvas: "",
  trashed: "",
  comment: "",
  suggestionComment: "",
  accepted: "",
  pending: "",
  change: "",
  version: "",
};
let anchor = { start: "", end: "" };

const boot = (store?: FailingDisk) =>
  startTestServer({
    dataDir,
    ...(store ? { store: store.store } : {}),
    storageRetryMs: 20,
    // Every write asks the store afresh, so "full" reaches the route's own write every time.
    storageProbe: { cacheMs: 0 },
    extend: (app) => void installAgent(app, { engine: createEngine({ engine: "local" }) }),
  });

async function call(method: string, path: string, token: string, body?: unknown) {
  const response = await server.api(path, { method, token, body });
  if (response.status >= 300) throw new Error(`fixture ${method} ${path}: ${response.status} ${response.text}`);
  return response.json as Record<string, unknown>;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "canvas-writes-"));
  disk = new FailingDisk(new SqliteStore(dataDir));
  server = await boot(disk);
  room = await server.createRoom("Writes");
  const r = `/api/rooms/${room.roomId}`;
  const { editor } = room.tokens;
  const content = "Teh quick fox jumps.\n\nA second paragraph.";
  ids.canvas = (await call("POST", `${r}/canvases`, editor, { title: "Doc", kind: "document", content }))
    .canvasId as string;
  ids.trashed = (await call("POST", `${r}/canvases`, editor, { title: "Old", kind: "document", content: "old" }))
    .canvasId as string;
  await call("DELETE", `${r}/canvases/${ids.trashed}`, editor, {});

  const live = await server.running.app.registry.get(room.roomId);
  const text = canvasFragment(live.doc, ids.canvas).get(0) as Y.XmlElement;
  const at = (index: number) =>
    Buffer.from(
      Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text.get(0) as Y.XmlText, index)),
    ).toString("base64");
  anchor = { start: at(0), end: at(3) };
  ids.comment = (
    await call("POST", `${r}/comments`, editor, { canvasId: ids.canvas, anchor, quote: "Teh", body: "Typo" })
  ).commentId as string;
  ids.suggestionComment = (
    await call("POST", `${r}/comments`, editor, { canvasId: ids.canvas, anchor, quote: "Teh", body: "Spelling" })
  ).commentId as string;
  await live.commit(async () =>
    live.doc.transact(
      () => {
        const comments = commentsMap(live.doc);
        comments.set(ids.suggestionComment, { ...comments.get(ids.suggestionComment)!, suggestion: "The" });
      },
      new ApiOrigin("editor", "comment"),
    ),
  );

  const accepted = await call("POST", `${r}/suggestions`, editor, {
    canvasId: ids.canvas,
    find: "second",
    replace: "2nd",
  });
  ids.accepted = (accepted.suggestionIds as string[])[0]!;
  await call("POST", `${r}/suggestions/${ids.accepted}/accept`, editor, {});
  const pending = await call("POST", `${r}/suggestions`, editor, {
    canvasId: ids.canvas,
    find: "quick",
    replace: "slow",
  });
  ids.pending = (pending.suggestionIds as string[])[0]!;
  ids.change = ((await call("GET", `${r}/changes`, editor)).changes as { id: string }[])[0]!.id;
  await server.running.app.store.saveVersion({
    id: "v-old",
    roomId: room.roomId,
    canvasId: ids.canvas,
    reason: "snapshot",
    author: "test",
    text: "An old text.",
    runId: null,
    createdAt: 1,
  });
  ids.version = "v-old";
});

afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

interface WriteCase {
  name: string;
  method: string;
  path: () => string;
  token: () => string;
  body?: () => unknown;
}

const r = () => `/api/rooms/${room.roomId}`;
const owner = () => room.tokens.owner;
const editor = () => room.tokens.editor;
const commenter = () => room.tokens.commenter;

const WRITES: WriteCase[] = [
  { name: "create a room", method: "POST", path: () => "/api/rooms", token: () => "", body: () => ({ title: "New" }) },
  {
    name: "create a canvas",
    method: "POST",
    path: () => `${r()}/canvases`,
    token: editor,
    body: () => ({ title: "Never", kind: "document", content: "never stored" }),
  },
  { name: "rename the room", method: "PATCH", path: r, token: editor, body: () => ({ title: "Renamed" }) },
  {
    name: "rename a canvas",
    method: "PATCH",
    path: () => `${r()}/canvases/${ids.canvas}`,
    token: editor,
    body: () => ({ title: "Renamed" }),
  },
  {
    name: "move a canvas to the trash",
    method: "DELETE",
    path: () => `${r()}/canvases/${ids.canvas}`,
    token: editor,
    body: () => ({}),
  },
  {
    name: "restore a canvas from the trash",
    method: "POST",
    path: () => `${r()}/canvases/${ids.trashed}/restore`,
    token: editor,
  },
  { name: "delete the room", method: "DELETE", path: r, token: owner },
  {
    name: "add a comment",
    method: "POST",
    path: () => `${r()}/comments`,
    token: commenter,
    body: () => ({ canvasId: ids.canvas, anchor, quote: "Teh", body: "Never stored" }),
  },
  {
    name: "reply to a comment",
    method: "POST",
    path: () => `${r()}/comments/${ids.comment}/replies`,
    token: commenter,
    body: () => ({ body: "Never stored" }),
  },
  {
    name: "resolve a comment",
    method: "POST",
    path: () => `${r()}/comments/${ids.comment}/resolve`,
    token: commenter,
    body: () => ({ resolved: true }),
  },
  {
    name: "apply a comment's suggestion",
    method: "POST",
    path: () => `${r()}/comments/${ids.suggestionComment}/apply`,
    token: editor,
  },
  {
    name: "send feedback",
    method: "POST",
    path: () => `${r()}/feedback`,
    token: commenter,
    body: () => ({ runId: "run-1", value: "up" }),
  },
  { name: "rotate a link", method: "POST", path: () => `${r()}/links/editor/rotate`, token: owner },
  { name: "revoke a link", method: "POST", path: () => `${r()}/links/viewer/revoke`, token: owner },
  {
    name: "restore a version",
    method: "POST",
    path: () => `${r()}/versions/${ids.version}/restore`,
    token: editor,
    body: () => ({}),
  },
  {
    name: "undo a change",
    method: "POST",
    path: () => `${r()}/changes/${ids.change}/undo`,
    token: editor,
    body: () => ({}),
  },
  {
    name: "undo a canvas's last AI change",
    method: "POST",
    path: () => `${r()}/undo`,
    token: editor,
    body: () => ({ canvasId: ids.canvas }),
  },
  {
    name: "propose a suggestion",
    method: "POST",
    path: () => `${r()}/suggestions`,
    token: commenter,
    body: () => ({ canvasId: ids.canvas, find: "fox", replace: "cat" }),
  },
  {
    name: "accept a suggestion",
    method: "POST",
    path: () => `${r()}/suggestions/${ids.pending}/accept`,
    token: editor,
    body: () => ({}),
  },
  {
    name: "reject a suggestion",
    method: "POST",
    path: () => `${r()}/suggestions/${ids.pending}/reject`,
    token: editor,
    body: () => ({}),
  },
  {
    name: "undo a decided suggestion",
    method: "POST",
    path: () => `${r()}/suggestions/${ids.accepted}/undo`,
    token: editor,
    body: () => ({}),
  },
  {
    name: "accept several suggestions",
    method: "POST",
    path: () => `${r()}/suggestions/accept`,
    token: editor,
    body: () => ({ ids: [ids.pending] }),
  },
  {
    name: "set the room's mode",
    method: "PUT",
    path: () => `${r()}/mode`,
    token: owner,
    body: () => ({ mode: "suggest" }),
  },
];

describe.each<DiskMode>(["readonly", "full"])("while the disk is %s", (mode) => {
  it.each(WRITES)("$name answers 503 and changes nothing", async (write) => {
    const before = await roomState(server);
    disk.mode = mode;
    const response = await server.api(write.path(), {
      method: write.method,
      token: write.token(),
      body: write.body?.(),
    });
    disk.mode = "ok";
    expect(response.status, response.text).toBe(503);
    expect((response.json as { error: { message: string } }).error.message).toMatch(
      /can't be saved.*nothing was changed/,
    );
    await until(async () => (await server.running.app.registry.failingCount()) === 0, "the room to store again");
    expect(await roomState(server)).toEqual(before);
  });
});

it("after a restart on the same file, the room is what the fixture made, and the routes work again", async () => {
  const before = await roomState(server);
  await server.close();
  server = await boot();
  expect(await roomState(server)).toEqual(before);
  const renamed = await server.api(r(), { method: "PATCH", token: editor(), body: { title: "Renamed at last" } });
  expect(renamed.status).toBe(200);
});

/** Everything a refused write could have touched: the document's parts and every table but the update log. */
async function roomState(target: TestServer): Promise<unknown> {
  const live = await target.running.app.registry.get(room.roomId);
  await live.flush();
  const doc = live.doc;
  const canvasIds = [...canvasesMap(doc).keys(), ...trashMap(doc).keys()].sort();
  const db = new Database(join(dataDir, DB_FILE), { readonly: true });
  try {
    const rows = (table: string, order: string) => db.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all();
    return {
      title: roomMeta(doc).toJSON(),
      canvases: canvasesMap(doc).toJSON(),
      trash: trashMap(doc).toJSON(),
      comments: commentsMap(doc).toJSON(),
      suggestions: suggestionsMap(doc).toJSON(),
      chat: chatArray(doc).toJSON(),
      texts: canvasIds.map((id) => canvasFragment(doc, id).toString()),
      rooms: rows("rooms", "id"),
      links: rows("links", "room_id, role"),
      sealed: rows("sealed_links", "room_id"),
      versions: rows("versions", "id"),
      feedback: rows("feedback", "id"),
      changes: rows("changes", "room_id, id"),
    };
  } finally {
    db.close();
  }
}

/** Poll an async condition until it holds. */
async function until(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
