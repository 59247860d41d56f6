// A failing disk is loud and loses nothing: when the store refuses a write the room closes its
// sockets with a reason the client shows, HTTP writes answer 503, /readyz says not ready; the
// changes are kept and retried, and once the store takes writes again everything typed meanwhile
// is stored, survives a restart and reaches everyone.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { canvasFragment, canvasesMap } from "../../shared/room.ts";
import { CLOSE } from "../../shared/closeCodes.ts";
import { SqliteStore } from "../../server/store/sqlite.ts";
import { FailingDisk } from "./failingDisk.ts";
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
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

let dataDir: string;
let disk: FailingDisk;
let server: TestServer;
let room: RoomLinks;
const clients: TestClient[] = [];

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "canvas-disk-"));
  disk = new FailingDisk(new SqliteStore(dataDir));
  server = await startTestServer({ dataDir, store: disk.store, storageRetryMs: 20 });
  room = await server.createRoom("Disk");
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  disk.mode = "ok";
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function editor(): TestClient {
  const client = connectClient(server.wsUrl, room.roomId, room.tokens.editor);
  clients.push(client);
  return client;
}

describe("a storage write failure", () => {
  it("is shown to clients, refused over HTTP, reported by /readyz, and loses nothing once the disk works again", async () => {
    const alice = editor();
    const bob = editor();
    await Promise.all([alice.synced, bob.synced]);
    typeParagraph(canvasFragment(alice.doc, "c1"), "before");
    await waitFor(() => fragmentText(canvasFragment(bob.doc, "c1")) === "before", "bob to see alice's line");
    expect((await server.api("/readyz")).status).toBe(200);

    disk.mode = "readonly";
    const closes: { code: number; reason: string }[] = [];
    alice.provider.on("connection-close", (event: CloseEvent | null) => {
      if (event) closes.push({ code: event.code, reason: event.reason });
    });
    typeParagraph(canvasFragment(alice.doc, "c1"), "during");
    await waitFor(() => closes.length > 0, "alice's socket to be closed");
    expect(closes[0]!.code).toBe(CLOSE.unavailable);
    expect(closes[0]!.reason).toMatch(/can't be saved/);

    const ready = await server.api("/readyz");
    expect(ready.status).toBe(503);
    const created = await server.api(`/api/rooms/${room.roomId}/canvases`, {
      method: "POST",
      token: room.tokens.editor,
      body: { title: "Never stored", kind: "document", content: "lost?" },
    });
    expect(created.status).toBe(503);
    expect(JSON.stringify(created.json)).toMatch(/can't be saved/);
    // Bob types while the room cannot store: his client keeps the edit and sends it on reconnect.
    typeParagraph(canvasFragment(bob.doc, "c1"), "bob while broken");

    disk.mode = "ok";
    await until(async () => (await failingRooms()) === 0, "the room to store its kept changes");
    expect((await server.api("/readyz")).status).toBe(200);
    typeParagraph(canvasFragment(alice.doc, "c1"), "after");
    const everything = (text: string) =>
      ["before", "during", "bob while broken", "after"].every((line) => text.split("\n").includes(line));
    await waitFor(() => everything(fragmentText(canvasFragment(bob.doc, "c1"))), "bob to see every line", 15_000);
    await waitFor(() => everything(fragmentText(canvasFragment(alice.doc, "c1"))), "alice to see every line", 15_000);

    for (const client of clients.splice(0)) client.destroy();
    // A fresh process on the same file (the failing wrapper's store is closed with the old server).
    await server.close();
    server = await startTestServer({ dataDir });
    const reader = editor();
    await reader.synced;
    expect(everything(fragmentText(canvasFragment(reader.doc, "c1")))).toBe(true);
    // The refused request changed nothing: no canvas appears later behind a 503.
    expect([...canvasesMap(reader.doc).values()].map((canvas) => canvas.title)).not.toContain("Never stored");
  });

  it("a new socket to a room that cannot store is told so instead of editing into the void", async () => {
    const alice = editor();
    await alice.synced;
    disk.mode = "readonly";
    typeParagraph(canvasFragment(alice.doc, "c1"), "during");
    await until(async () => (await failingRooms()) === 1, "the room to notice the failure");
    const late = editor();
    const code = await late.closed;
    expect(code).toBe(CLOSE.unavailable);
    disk.mode = "ok";
    await until(async () => (await failingRooms()) === 0, "the room to recover");
    await waitFor(() => late.provider.synced, "the late client to sync after recovery", 15_000);
    await waitFor(
      () => fragmentText(canvasFragment(late.doc, "c1")).includes("during"),
      "the kept line to reach the late client",
    );
  });
});

/** Poll an async condition (the live room is behind a promise) until it holds. */
async function until(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const failingRooms = (): Promise<number> => server.running.app.registry.failingCount();

describe("/readyz", () => {
  it("probes the store itself: a store that fails while no room is open makes it 503, and it recovers", async () => {
    expect(server.running.app.registry.loadedCount).toBe(0);
    expect((await server.api("/readyz")).status).toBe(200);
    disk.mode = "readonly";
    await until(async () => (await server.api("/readyz")).status === 503, "/readyz to see the failing store");
    const refused = await server.api("/readyz");
    expect(refused.json).toMatchObject({ ok: false, reason: "the store refuses writes", failingRooms: 0 });
    // A write to a room nobody has open is refused before it starts, not half done.
    const rename = await server.api(`/api/rooms/${room.roomId}`, {
      method: "PATCH",
      token: room.tokens.editor,
      body: { title: "Never" },
    });
    expect(rename.status).toBe(503);
    disk.mode = "ok";
    await until(async () => (await server.api("/readyz")).status === 200, "/readyz to see the store recover");
    expect(server.running.app.registry.loadedCount).toBe(0);
  });

  it("a flood of readiness checks costs one store probe while its answer stands", async () => {
    const flooded = await startTestServer({ storageProbe: { cacheMs: 60_000 } });
    try {
      const health = flooded.running.app.storeHealth;
      const before = health.probes;
      const answers = await Promise.all(Array.from({ length: 300 }, () => flooded.api("/readyz")));
      expect(answers.every((answer) => answer.status === 200)).toBe(true);
      expect(health.probes - before).toBeLessThanOrEqual(1);
    } finally {
      await flooded.close();
    }
  });
});
