// A real full database, not a wrapper that throws: SQLite's max_page_count caps the file at its
// current size, so the writes that need a new page fail inside SQLite with SQLITE_FULL ("database or
// disk is full"), exactly as on a full disk, and the ones that fit in free pages still succeed. No
// mount and no root needed (chmod does not stop root, and a file-size rlimit would cap the test
// process itself). While two people type: the room stops with the reason the client shows, nothing
// acknowledged is lost, and once there is room everything typed is stored and survives a restart.
import { afterEach, beforeEach, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { canvasFragment } from "../../shared/room.ts";
import { CLOSE } from "../../shared/closeCodes.ts";
import { SqliteStore } from "../../server/store/sqlite.ts";
import {
  connectClient,
  fragmentText,
  startTestServer,
  typeParagraph,
  waitFor,
  type RoomLinks,
  type TestClient,
  type TestServer,
} from "../helpers/server.ts";

let dataDir: string;
let store: SqliteStore;
let server: TestServer;
let room: RoomLinks;
const clients: TestClient[] = [];

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "canvas-full-"));
  store = new SqliteStore(dataDir);
  server = await startTestServer({ dataDir, store, storageRetryMs: 20 });
  room = await server.createRoom("Full disk");
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  store.limitSize(null);
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function editor(): TestClient {
  const client = connectClient(server.wsUrl, room.roomId, room.tokens.editor);
  clients.push(client);
  return client;
}

const linesOf = (client: TestClient): string[] => fragmentText(canvasFragment(client.doc, "c1")).split("\n");
/** Long enough that each line needs its share of a page. */
const line = (who: string, index: number): string => `${who} ${index} ${"x".repeat(300)}`;

it("two people type while the database fills up: 4503 with the banner's reason, nothing acknowledged lost, all stored after", async () => {
  const alice = editor();
  const bob = editor();
  await Promise.all([alice.synced, bob.synced]);
  const closes: { who: string; code: number; reason: string }[] = [];
  for (const [who, client] of [
    ["alice", alice],
    ["bob", bob],
  ] as const)
    client.provider.on("connection-close", (event: CloseEvent | null) => {
      if (event) closes.push({ who, code: event.code, reason: event.reason });
    });

  store.limitSize(store.sizeBytes());
  const typed: string[] = [];
  /** Lines the other person received: the server broadcasts only what it has stored. */
  const acknowledged: string[] = [];
  for (let index = 0; closes.length === 0; index++) {
    if (index >= 2_000) throw new Error("the capped database never filled up");
    const [writer, reader] = index % 2 === 0 ? [alice, bob] : [bob, alice];
    const text = line(index % 2 === 0 ? "alice" : "bob", index);
    typeParagraph(canvasFragment(writer.doc, "c1"), text);
    typed.push(text);
    await waitFor(() => linesOf(reader).includes(text) || closes.length > 0, "the line to be stored or refused");
    if (linesOf(reader).includes(text)) acknowledged.push(text);
  }
  expect(acknowledged.length).toBeGreaterThan(0);
  expect(closes[0]!.code).toBe(CLOSE.unavailable);
  expect(closes[0]!.reason).toMatch(/can't be saved/);
  expect((await server.api("/readyz")).status).toBe(503);

  // Both keep typing into their own copies while the room cannot store; their clients resend it later.
  typeParagraph(canvasFragment(alice.doc, "c1"), "alice while full");
  typeParagraph(canvasFragment(bob.doc, "c1"), "bob while full");
  typed.push("alice while full", "bob while full");

  store.limitSize(null);
  await until(async () => (await server.running.app.registry.failingCount()) === 0, "the room to store again");
  expect((await server.api("/readyz")).status).toBe(200);
  const everything = (client: TestClient) => typed.every((text) => linesOf(client).includes(text));
  await waitFor(() => everything(alice) && everything(bob), "both to see every line typed", 20_000);

  for (const client of clients.splice(0)) client.destroy();
  await server.close();
  server = await startTestServer({ dataDir });
  const reader = editor();
  await reader.synced;
  expect(acknowledged.every((text) => linesOf(reader).includes(text))).toBe(true);
  expect(typed.filter((text) => !linesOf(reader).includes(text))).toEqual([]);
});

/** Poll an async condition (the live room is behind a promise) until it holds. */
async function until(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
