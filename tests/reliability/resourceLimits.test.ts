// Every input has a bounded cost: a socket that stops reading is cut off instead of growing the
// server, a full sync is answered once per socket, and an update that would blow up the room's heap
// (a long text with every other character deleted) is refused before it is applied, stored nowhere.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { canvasFragment } from "../../shared/room.ts";
import { CLOSE } from "../../shared/closeCodes.ts";
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
import { connectWire, updateMessage, type WireClient } from "./wireClient.ts";
import { RoomRegistry } from "../../server/rooms/registry.ts";

const BUDGET = { maxItems: 20_000, maxBytes: 256 * 1024 * 1024 };
let server: TestServer;
let room: RoomLinks;
const clients: TestClient[] = [];
const wires: WireClient[] = [];

beforeEach(async () => {
  server = await startTestServer({ sendBufferBytes: 256 * 1024, roomBudget: BUDGET });
  room = await server.createRoom("Limits");
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const wire of wires.splice(0)) wire.close();
  await server.close();
});

function wire(token = room.tokens.editor): WireClient {
  const client = connectWire(`${server.wsUrl}/${room.roomId}?token=${token}`);
  wires.push(client);
  return client;
}

function editor(): TestClient {
  const client = connectClient(server.wsUrl, room.roomId, room.tokens.editor);
  clients.push(client);
  return client;
}

async function liveRoom() {
  return server.running.app.registry.get(room.roomId);
}

/** Two fresh editors see each other's typing. */
async function roomStillWorks(marker: string): Promise<void> {
  const alice = editor();
  const bob = editor();
  await Promise.all([alice.synced, bob.synced]);
  typeParagraph(canvasFragment(alice.doc, "c1"), marker);
  await waitFor(() => fragmentText(canvasFragment(bob.doc, "c1")).includes(marker), `"${marker}" to reach bob`);
}

function syncStep1(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeSyncStep1(encoder, new Y.Doc());
  return encoding.toUint8Array(encoder);
}

const QUERY_AWARENESS = new Uint8Array([3]);

describe("resource limits on the websocket", () => {
  it("a socket that sends sync step 1 again and again gets the whole document once", async () => {
    const writer = editor();
    await writer.synced;
    typeParagraph(canvasFragment(writer.doc, "c1"), "x".repeat(50_000));
    const live = await liveRoom();
    await waitFor(() => fragmentText(canvasFragment(live.doc, "c1")).length === 50_000, "the text to reach the room");
    await live.flush();

    const attacker = wire();
    await attacker.synced; // its own sync step 1 was answered
    let fullSyncs = 0;
    let pongs = 0;
    attacker.socket.on("message", (raw: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(raw));
      const type = decoding.readVarUint(decoder);
      if (type === 1) pongs++;
      if (type === 0 && decoding.readVarUint(decoder) === syncProtocol.messageYjsSyncStep2) fullSyncs++;
    });
    for (let index = 0; index < 20; index++) attacker.sendRaw(syncStep1());
    // Awareness queries are answered at once, after every earlier frame was handled.
    attacker.sendRaw(QUERY_AWARENESS);
    await waitFor(() => pongs >= 1, "the first awareness answer");
    attacker.sendRaw(QUERY_AWARENESS);
    await waitFor(() => pongs >= 2, "the second awareness answer");
    expect(fullSyncs).toBe(0);
    expect(attacker.socket.readyState).toBe(attacker.socket.OPEN);
  });

  it("a socket that stops reading is closed once its send buffer is full; the others keep editing", async () => {
    const writer = editor();
    await writer.synced;
    const reader = editor();
    await reader.synced;
    const sleeper = wire();
    await sleeper.synced;
    sleeper.socket.pause(); // reads nothing more: everything sent to it piles up in the server
    const live = await liveRoom();
    expect(live.peers.size).toBe(3);

    const fragment = canvasFragment(writer.doc, "c1");
    for (let round = 0; round < 400 && live.peers.size === 3; round++) {
      typeParagraph(fragment, `${round}:${"w".repeat(64 * 1024)}`);
      const serverFragment = canvasFragment(live.doc, "c1");
      await waitFor(() => serverFragment.length === round + 1, "the paragraph to reach the server");
      await live.flush();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(live.peers.size, `writer connected: ${String(writer.provider.wsconnected)}`).toBe(2);
    const rejections = await server.running.app.metrics.socketRejections.get();
    expect(rejections.values.find((value) => value.labels.code === String(CLOSE.slowReader))?.value).toBe(1);
    await roomStillWorks("after the sleeper");
  });

  it("an update that would split a long text into more items than the budget is refused and stored nowhere", async () => {
    const witness = editor();
    await witness.synced;
    typeParagraph(canvasFragment(witness.doc, "c1"), "before");
    const live = await liveRoom();
    await waitFor(() => fragmentText(canvasFragment(live.doc, "c1")) === "before", "the witness's text");

    const attacker = wire();
    await attacker.synced;
    attacker.sendRaw(updateMessage(everyOtherCharacterDeleted(30_000)));
    const closed = await attacker.closed;
    expect(closed.code).toBe(CLOSE.tooLarge);
    expect(closed.reason).toMatch(/too large/);
    expect(live.doc.getText("bomb").length).toBe(0);

    await live.flush();
    const stored = await server.running.app.store.loadDoc(room.roomId);
    const rebuilt = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(rebuilt, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(rebuilt, update);
    expect(rebuilt.getText("bomb").length).toBe(0);
    await roomStillWorks("after the bomb");
  });

  it("an update within the budget is applied as before", async () => {
    const attacker = wire();
    await attacker.synced;
    attacker.sendRaw(updateMessage(everyOtherCharacterDeleted(2_000)));
    const live = await liveRoom();
    await waitFor(() => live.doc.getText("bomb").length === 1_000, "the small update to apply");
  });

  it("a room poisoned before the budget existed opens without the update that passes it", async () => {
    const witness = editor();
    await witness.synced;
    typeParagraph(canvasFragment(witness.doc, "c1"), "kept");
    const live = await liveRoom();
    await waitFor(() => fragmentText(canvasFragment(live.doc, "c1")) === "kept", "the witness's text");
    await live.flush();
    witness.destroy();
    clients.splice(0);
    // Written behind the server's back, as an old version without a budget would have stored it.
    await server.running.app.store.appendUpdate(room.roomId, everyOtherCharacterDeleted(30_000));
    await server.restart();

    const reader = editor();
    await reader.synced;
    expect(fragmentText(canvasFragment(reader.doc, "c1"))).toBe("kept");
    expect(reader.doc.getText("bomb").length).toBe(0);
    await roomStillWorks("after reopening");
  });

  it("a server short of memory refuses to open another room (503) but keeps the ones it has", async () => {
    let fill = 0.5;
    const registry = new RoomRegistry(
      server.running.app.store,
      server.running.app.log,
      { compactEvery: 500, idleMs: 60_000 },
      () => fill,
    );
    const open = await registry.get(room.roomId);
    fill = 0.95;
    const other = await server.createRoom("Another");
    await expect(registry.get(other.roomId)).rejects.toMatchObject({ status: 503, code: "server_busy" });
    expect(await registry.get(room.roomId)).toBe(open);
    fill = 0.5;
    await expect(registry.get(other.roomId)).resolves.toBeDefined();
    await registry.closeAll();
  });
});

/** One insert of `length` characters, then every other one deleted: one struct, length/2 delete ranges. */
function everyOtherCharacterDeleted(length: number): Uint8Array {
  const doc = new Y.Doc();
  const text = doc.getText("bomb");
  text.insert(0, "b".repeat(length));
  const inserted = Y.encodeStateAsUpdate(doc);
  const deletes: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => deletes.push(update));
  doc.transact(() => {
    for (let index = length - 1; index >= 0; index -= 2) text.delete(index, 1);
  });
  return Y.mergeUpdates([inserted, ...deletes]);
}
