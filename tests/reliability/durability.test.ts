import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { canvasFragment } from "../../shared/room.ts";
import { connectClient, fragmentText, typeParagraph, waitFor, type TestClient } from "../helpers/server.ts";
import { spawnServer, type ServerProcess } from "../helpers/process.ts";

const CLIENTS = 10;
let dataDir = "";
let server: ServerProcess | null = null;
const clients: TestClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.kill("SIGKILL");
  server = null;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function createRoom(url: string): Promise<{ roomId: string; tokens: { editor: string; viewer: string } }> {
  const response = await fetch(`${url}/api/rooms`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: "{}",
  });
  return (await response.json()) as { roomId: string; tokens: { editor: string; viewer: string } };
}

/** Lines a client has received from others: the server broadcasts only what it has stored. */
function linesSeenFromOthers(client: TestClient, own: string): string[] {
  return fragmentText(canvasFragment(client.doc, "c1"))
    .split("\n")
    .filter((line) => line && !line.startsWith(`${own}-`));
}

async function killMidStream(compactEvery: string): Promise<void> {
  dataDir = mkdtempSync(join(tmpdir(), "canvas-durability-"));
  server = await spawnServer({ DATA_DIR: dataDir, CANVAS_COMPACT_EVERY: compactEvery });
  const room = await createRoom(server.url);
  const wsUrl = server.url.replace(/^http/, "ws") + "/ws";
  for (let index = 0; index < CLIENTS; index++) clients.push(connectClient(wsUrl, room.roomId, room.tokens.editor));
  await Promise.all(clients.map((client) => client.synced));

  // Everyone types; keep going until each client has seen plenty of the others' lines.
  let typing = true;
  const typists = clients.map(async (client, index) => {
    let count = 0;
    while (typing) {
      typeParagraph(canvasFragment(client.doc, "c1"), `w${index}-${count++}`);
      await new Promise((resolve) => setTimeout(resolve, 3 + index));
    }
  });
  await waitFor(
    () => clients.every((client, index) => linesSeenFromOthers(client, `w${index}`).length > 150),
    "clients to see each other's typing",
    30_000,
  );

  // Snapshot what every client saw acknowledged, then kill the server without warning while they type on.
  const seen = new Set<string>();
  clients.forEach((client, index) => linesSeenFromOthers(client, `w${index}`).forEach((line) => seen.add(line)));
  await server.kill("SIGKILL");
  typing = false;
  await Promise.all(typists);
  for (const client of clients.splice(0)) client.destroy();

  server = await spawnServer({ DATA_DIR: dataDir });
  const reader = connectClient(server.url.replace(/^http/, "ws") + "/ws", room.roomId, room.tokens.viewer);
  clients.push(reader);
  await reader.synced;
  const reloaded = new Set(fragmentText(canvasFragment(reader.doc, "c1")).split("\n"));
  const lost = [...seen].filter((line) => !reloaded.has(line));
  expect(seen.size).toBeGreaterThan(150);
  expect(lost).toEqual([]);
  // The reloaded document is a valid Yjs document a new client can keep editing.
  typeParagraph(canvasFragment(reader.doc, "c1"), "after restart");
  expect(Y.encodeStateAsUpdate(reader.doc).byteLength).toBeGreaterThan(0);
}

describe("durability", () => {
  it("after SIGKILL mid-typing, every update any client saw acknowledged is in the reloaded document", async () => {
    await killMidStream("100000");
  });

  it("a crash while compacting loses no acknowledged update", async () => {
    // Compacting every few updates means the kill lands during or between compactions.
    await killMidStream("3");
  });
});
