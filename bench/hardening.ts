// What one hostile link holder costs the server: RSS and the latency another room sees while a
// socket that never reads asks for the whole document at 250/s, while 8 sockets announce 1 MB
// presence states, and while a "delete every other character" update arrives. Ours against the
// reference y-websocket server (no limits) in the same run. Figures only; never a test.
import { fileURLToPath } from "node:url";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { WebSocket } from "ws";
import { canvasFragment } from "../shared/room.ts";
import { measureUpdate } from "../server/rooms/updateCost.ts";
import { connectWire, updateMessage, type WireClient } from "../tests/reliability/wireClient.ts";
import {
  mb,
  ms,
  printTable,
  startOurs,
  startReference,
  summarize,
  type BenchServer,
} from "../tests/reliability/benchSupport.ts";

const ATTACK_MS = 6_000;
const sleep = (msToWait: number) => new Promise((resolve) => setTimeout(resolve, msToWait));

interface Figures {
  rssBefore: number;
  rssPeak: number;
  p50: number;
  p95: number;
  note: string;
}

/** Typing in its own room: how long until another client there sees each line (ms). */
async function measureLatency(server: BenchServer, untilMs: number): Promise<number[]> {
  const room = await server.createRoom();
  const writer = connectWire(server.roomUrl(room));
  const observer = connectWire(server.roomUrl(room));
  await Promise.all([writer.synced, observer.synced]);
  const times: number[] = [];
  const end = Date.now() + untilMs;
  for (let line = 0; Date.now() < end; line++) {
    const marker = `line ${line}`;
    const start = performance.now();
    const text = writer.doc.getText("latency");
    text.insert(text.length, `${marker}\n`);
    const deadline = Date.now() + 5_000;
    while (!observer.doc.getText("latency").toString().includes(marker) && Date.now() < deadline) await sleep(1);
    times.push(performance.now() - start);
    await sleep(100);
  }
  writer.close();
  observer.close();
  return times;
}

/** Run `attack` for ATTACK_MS while sampling RSS and measuring another room's latency. */
async function during(server: BenchServer, attack: (signal: { stop: boolean }) => Promise<string>): Promise<Figures> {
  const rssBefore = server.rssBytes();
  let rssPeak = rssBefore;
  const signal = { stop: false };
  const sampler = setInterval(() => {
    try {
      rssPeak = Math.max(rssPeak, server.rssBytes());
    } catch {
      // the process died: the peak so far stands
    }
  }, 100);
  const attacking = attack(signal);
  const latency = await measureLatency(server, ATTACK_MS).catch(() => [] as number[]);
  signal.stop = true;
  const note = await attacking;
  clearInterval(sampler);
  const sorted = [...latency].sort((a, b) => a - b);
  const p95 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? Number.NaN;
  return { rssBefore, rssPeak, p50: summarize(latency).p50, p95, note };
}

async function roomWithCanvas(server: BenchServer, bytes: number): Promise<{ url: string }> {
  const room = await server.createRoom();
  const url = server.roomUrl(room);
  const writer = connectWire(url);
  await writer.synced;
  const fragment = canvasFragment(writer.doc, "c1");
  for (let written = 0; written < bytes; written += 10_000) {
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText("p".repeat(10_000))]);
    fragment.insert(fragment.length, [paragraph]);
  }
  // Wait until a fresh client sees it all (the server has it).
  const check = connectWire(url);
  await check.synced;
  writer.close();
  check.close();
  return { url };
}

function syncStep1(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeSyncStep1(encoder, new Y.Doc());
  return encoding.toUint8Array(encoder);
}

async function slowReader(server: BenchServer): Promise<Figures> {
  const { url } = await roomWithCanvas(server, 1_000_000);
  return during(server, async (signal) => {
    const socket = new WebSocket(url);
    socket.on("error", () => undefined);
    await new Promise((resolve) => socket.once("open", resolve));
    socket.pause();
    let code = 0;
    socket.once("close", (closeCode) => (code = closeCode));
    const frame = syncStep1();
    while (!signal.stop && socket.readyState === WebSocket.OPEN) {
      socket.send(frame);
      await sleep(4);
    }
    socket.terminate();
    return code ? `closed ${code}` : "still open";
  });
}

function awarenessFrame(clientId: number, clock: number, bytes: number): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify({ user: { name: "x" }, junk: "j".repeat(bytes) }));
  const outer = encoding.createEncoder();
  encoding.writeVarUint(outer, 1);
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
  return encoding.toUint8Array(outer);
}

async function awarenessFlood(server: BenchServer): Promise<Figures> {
  const room = await server.createRoom();
  const url = server.roomUrl(room);
  const watchers: WireClient[] = [];
  for (let index = 0; index < 4; index++) watchers.push(connectWire(url));
  return during(server, async (signal) => {
    const sockets = Array.from({ length: 8 }, () => new WebSocket(url));
    for (const socket of sockets) socket.on("error", () => undefined);
    await Promise.all(sockets.map((socket) => new Promise((resolve) => socket.once("open", resolve))));
    for (let clock = 1; !signal.stop; clock++) {
      sockets.forEach((socket, index) => {
        if (socket.readyState === WebSocket.OPEN) socket.send(awarenessFrame(50_000 + index, clock, 1_000_000));
      });
      await sleep(250);
    }
    const open = sockets.filter((socket) => socket.readyState === WebSocket.OPEN).length;
    for (const socket of sockets) socket.terminate();
    for (const watcher of watchers) watcher.close();
    return `${open}/8 attacker sockets open`;
  });
}

/**
 * One insert of `length` characters, then every other one deleted (one struct, length/2 ranges),
 * with the delete set written directly: deleting through Y.Text one by one would take minutes.
 */
function deleteBomb(length: number): Uint8Array {
  const doc = new Y.Doc();
  doc.getText("bomb").insert(0, "b".repeat(length));
  const inserted = Y.encodeStateAsUpdate(doc);
  const deletes = encoding.createEncoder();
  encoding.writeVarUint(deletes, 0); // no structs
  encoding.writeVarUint(deletes, 1); // one client in the delete set
  encoding.writeVarUint(deletes, doc.clientID);
  encoding.writeVarUint(deletes, Math.floor(length / 2));
  for (let clock = 1; clock < length; clock += 2) {
    encoding.writeVarUint(deletes, clock);
    encoding.writeVarUint(deletes, 1);
  }
  return Y.mergeUpdates([inserted, encoding.toUint8Array(deletes)]);
}

async function updateBomb(server: BenchServer, bomb: Uint8Array): Promise<Figures> {
  const room = await server.createRoom();
  const url = server.roomUrl(room);
  return during(server, async () => {
    const attacker = connectWire(url);
    await attacker.synced;
    attacker.sendRaw(updateMessage(bomb));
    const outcome = await Promise.race([attacker.closed.then((closed) => `closed ${closed.code}`), sleep(ATTACK_MS)]);
    attacker.close();
    return typeof outcome === "string" ? outcome : "applied";
  });
}

/** Heap of a document at the room budget's item count, built in this process. */
function heapAtBudget(items: number): { bytes: number; heap: number } {
  const before = process.memoryUsage().heapUsed;
  const doc = new Y.Doc();
  const bomb = deleteBomb(items);
  Y.applyUpdate(doc, bomb);
  const heap = process.memoryUsage().heapUsed - before;
  return { bytes: bomb.byteLength, heap };
}

export async function runHardeningBench(): Promise<void> {
  const bomb = deleteBomb(1_000_000);
  console.log(
    `\nHostile update: ${mb(bomb.byteLength)}, ${measureUpdate(bomb).items.toLocaleString()} items once applied`,
  );
  const rows: string[][] = [];
  for (const start of [startOurs, startReference]) {
    const server = await start();
    try {
      const baseline = await during(server, async () => "no attack");
      rows.push([server.name, "baseline (no attack)", mb(baseline.rssPeak), ms(baseline.p50), ms(baseline.p95), ""]);
      for (const [name, attack] of [
        ["slow reader, sync step 1 at 250/s, 1 MB canvas", () => slowReader(server)],
        ["8 sockets × 1 MB awareness, 4/s", () => awarenessFlood(server)],
        ["1 M chars, every other deleted", () => updateBomb(server, bomb)],
      ] as const) {
        const figures = await attack();
        rows.push([server.name, name, mb(figures.rssPeak), ms(figures.p50), ms(figures.p95), figures.note]);
      }
    } finally {
      await server.stop();
    }
  }
  printTable(["server", "attack", "peak RSS", "other room p50", "p95", "attacker"], rows);
  const budget = heapAtBudget(240_000);
  console.log(
    `\nLargest accepted by the default budget (250,000 items): a ${mb(budget.bytes)} update of 240,000 items costs about ${mb(budget.heap)} of heap.`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await runHardeningBench();
}
