// Cold load: a room holding a 100k-word canvas and 10k updates of typing history.
//   npx tsx bench/coldLoad.ts
// Measures Room.load (read the log from SQLite and apply it), the first client's socket open to
// synced (room not loaded yet), a second client's open to synced (room warm), and the same after
// compaction. References in the same run: the floor (applying one encoded state to a fresh Y.Doc)
// and the reference @y/websocket-server serving the same document to a fresh client. Goal: < 100 ms.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { pino } from "pino";
import * as Y from "yjs";
import { startServer } from "../server/app.ts";
import { Room } from "../server/rooms/room.ts";
import { hashToken } from "../server/auth/tokens.ts";
import { SqliteStore } from "../server/store/sqlite.ts";
import { AgentOrigin, applyToolCall } from "../shared/engine/index.ts";
import { canvasFragment } from "../shared/room.ts";
import { connectWire } from "../tests/reliability/wireClient.ts";
import { kb, ms, printTable, startReference, summarize } from "../tests/reliability/benchSupport.ts";

const WORDS = 100_000;
const HISTORY = 10_000;
const REPEATS = 5;
const ROOM_ID = "cold-room";
const TOKEN = "bench-token-editor";
const VOCABULARY = [
  "the",
  "canvas",
  "model",
  "writes",
  "beside",
  "people",
  "who",
  "edit",
  "a",
  "shared",
  "document",
  "with",
  "care",
  "and",
  "speed",
];

function essay(words: number): string {
  const paragraphs: string[] = [];
  let count = 0;
  for (let paragraph = 0; count < words; paragraph++) {
    const length = 60 + (paragraph % 7) * 10;
    const sentence = Array.from(
      { length },
      (_, index) => VOCABULARY[(paragraph * 31 + index * 7) % VOCABULARY.length],
    ).join(" ");
    paragraphs.push(paragraph % 25 === 0 ? `## Section ${paragraph / 25 + 1}\n\n${sentence}.` : `${sentence}.`);
    count += length;
  }
  return paragraphs.join("\n\n");
}

/** The room's history: the canvas as one update, then HISTORY small typing updates. */
function buildHistory(): { updates: Uint8Array[]; state: Uint8Array; canvasId: string } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  const created = applyToolCall(
    doc,
    {
      name: "create_canvas",
      arguments: { title: "Long essay", kind: "document", language: null, content: essay(WORDS) },
    },
    {
      canvasId: null,
      origin: new AgentOrigin("bench"),
    },
  );
  if (!created.ok)
    throw new Error(`could not create the canvas: ${created.errors.map((error) => error.message).join(" ")}`);
  const fragment = canvasFragment(doc, created.canvasId!);
  for (let index = 0; index < HISTORY; index++) {
    const block = fragment.get((index * 13) % fragment.length) as Y.XmlElement;
    const text = block.get(0) as Y.XmlText;
    if (index % 5 === 4) text.delete(Math.min(3, text.length - 1), 1);
    else text.insert(Math.min(10 + (index % 40), text.length), "k");
  }
  return { updates, state: Y.encodeStateAsUpdate(doc), canvasId: created.canvasId! };
}

async function openToSynced(url: string): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const client = connectWire(url);
  await client.synced;
  const elapsed = performance.now() - started;
  const bytes = Y.encodeStateAsUpdate(client.doc).byteLength;
  client.close();
  return { ms: elapsed, bytes };
}

export async function runColdLoadBench(): Promise<void> {
  console.log(
    `cold load: building a ${WORDS.toLocaleString()}-word canvas with ${HISTORY.toLocaleString()} typing updates…`,
  );
  const history = buildHistory();
  const rows: string[][] = [];
  const logger = pino({ level: "silent" });

  // The floor: one encoded state applied to a fresh doc.
  const floor = summarize(
    Array.from({ length: REPEATS }, () => {
      const started = performance.now();
      Y.applyUpdate(new Y.Doc(), history.state);
      return performance.now() - started;
    }),
  );
  rows.push(["floor: apply one encoded state (no I/O)", ms(floor.p50), ms(floor.max), kb(history.state.byteLength)]);

  for (const compacted of [false, true]) {
    const template = mkdtempSync(join(tmpdir(), "canvas-coldload-"));
    const label = compacted ? "after compaction" : `${history.updates.length.toLocaleString()} updates in the log`;
    try {
      const store = new SqliteStore(template);
      await store.createRoom(
        { id: ROOM_ID, title: "Cold", createdAt: Date.now() },
        {
          owner: hashToken("owner-token"),
          editor: hashToken(TOKEN),
          commenter: hashToken("commenter-token"),
          viewer: hashToken("viewer-token"),
        },
      );
      for (const update of history.updates) await store.appendUpdate(ROOM_ID, update);
      if (compacted) await store.compact(ROOM_ID, history.state, (await store.loadDoc(ROOM_ID)).lastSeq);
      const loads: number[] = [];
      for (let repeat = 0; repeat < REPEATS; repeat++) {
        const started = performance.now();
        const room = await Room.load(ROOM_ID, store, logger, { compactEvery: Number.MAX_SAFE_INTEGER });
        loads.push(performance.now() - started);
        room.doc.destroy();
      }
      await store.close();
      const load = summarize(loads);
      rows.push([`Room.load, ${label}`, ms(load.p50), ms(load.max), ""]);

      // Through the server, each repeat on a fresh copy of the data: the first client loads the room
      // (cold), the second finds it loaded (warm).
      const cold: number[] = [];
      const warm: number[] = [];
      let bytes = 0;
      for (let repeat = 0; repeat < REPEATS; repeat++) {
        const dataDir = mkdtempSync(join(tmpdir(), "canvas-coldload-run-"));
        cpSync(template, dataDir, { recursive: true });
        const server = await startServer({
          dataDir,
          port: 0,
          staticDir: null,
          logger,
          compactEvery: Number.MAX_SAFE_INTEGER,
          idleMs: 60_000,
        });
        try {
          const url = `${server.url.replace(/^http/, "ws")}/ws/${ROOM_ID}?token=${TOKEN}`;
          const first = await openToSynced(url);
          cold.push(first.ms);
          bytes = first.bytes;
          warm.push((await openToSynced(url)).ms);
        } finally {
          await server.close();
          rmSync(dataDir, { recursive: true, force: true });
        }
      }
      rows.push([`open → synced, cold room, ${label}`, ms(summarize(cold).p50), ms(summarize(cold).max), kb(bytes)]);
      rows.push([`open → synced, warm room, ${label}`, ms(summarize(warm).p50), ms(summarize(warm).max), ""]);
    } finally {
      rmSync(template, { recursive: true, force: true });
    }
  }

  // The reference server: one client uploads the document, fresh clients sync it.
  const reference = await startReference();
  try {
    const room = { id: ROOM_ID, token: null };
    const uploader = connectWire(reference.roomUrl(room), {
      doc: (() => {
        const doc = new Y.Doc();
        Y.applyUpdate(doc, history.state);
        return doc;
      })(),
    });
    await uploader.synced;
    await new Promise((resolve) => setTimeout(resolve, 500));
    const times: number[] = [];
    for (let repeat = 0; repeat < REPEATS; repeat++) times.push((await openToSynced(reference.roomUrl(room))).ms);
    uploader.close();
    rows.push([
      "reference @y/websocket-server: open → synced (in memory)",
      ms(summarize(times).p50),
      ms(summarize(times).max),
      "",
    ]);
  } finally {
    await reference.stop();
  }

  console.log(
    `\nCold load: ${WORDS.toLocaleString()} words, ${HISTORY.toLocaleString()} updates of history (goal < 100 ms)`,
  );
  printTable(["measure", "p50", "max", "size"], rows);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  runColdLoadBench().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
