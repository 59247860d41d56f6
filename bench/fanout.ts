// Fan-out benchmark: broadcast latency and memory, our server beside the reference
// @y/websocket-server, both as child processes on this machine in the same run.
//   npx tsx bench/fanout.ts            (BENCH_QUICK=1 for a smaller run)
// Latency: one writer pushes an item; "delivery" is the time until one other client has it,
// "all" the time until every other client in the room has it. Our server stores every update
// (SQLite, synchronous=FULL) before broadcasting it; the reference keeps everything in memory.
import { fileURLToPath } from "node:url";
import * as Y from "yjs";
import { connectWire, type WireClient } from "../tests/reliability/wireClient.ts";
import {
  kb,
  mb,
  ms,
  printTable,
  sleep,
  startOurs,
  startReference,
  summarize,
  type BenchRoom,
  type BenchServer,
} from "../tests/reliability/benchSupport.ts";

interface Scenario {
  name: string;
  rooms: number;
  clientsPerRoom: number;
  /** Broadcasts measured per room (after warm-up). */
  items: number;
  warmup: number;
}

interface Result {
  scenario: string;
  server: string;
  delivery: number[];
  all: number[];
  lost: number;
  rssPerRoom: number;
  rssPerClient: number;
  connectMs: number;
}

const BENCH_ARRAY = "bench";

function scenarios(quick: boolean): Scenario[] {
  return quick
    ? [
        { name: "1 room × 50 clients", rooms: 1, clientsPerRoom: 50, items: 30, warmup: 5 },
        { name: "100 rooms × 5 clients", rooms: 100, clientsPerRoom: 5, items: 1, warmup: 0 },
      ]
    : [
        { name: "1 room × 100 clients", rooms: 1, clientsPerRoom: 100, items: 100, warmup: 10 },
        { name: "1 room × 500 clients", rooms: 1, clientsPerRoom: 500, items: 40, warmup: 5 },
        { name: "1,000 rooms × 5 clients", rooms: 1000, clientsPerRoom: 5, items: 1, warmup: 0 },
      ];
}

/** Latch that receivers hit when they see the current item. */
class Broadcast {
  item = -1;
  start = 0;
  private seen = new Set<number>();
  private expected = 0;
  private done: (() => void) | null = null;
  readonly delivery: number[] = [];

  begin(item: number, expected: number): Promise<void> {
    this.item = item;
    this.seen = new Set();
    this.expected = expected;
    return new Promise((resolve) => {
      this.done = resolve;
      this.start = performance.now();
    });
  }

  observe(client: number, doc: Y.Doc): void {
    if (this.item < 0 || this.seen.has(client) || doc.getArray(BENCH_ARRAY).length <= this.item) return;
    this.seen.add(client);
    this.delivery.push(performance.now() - this.start);
    if (this.seen.size === this.expected) this.done?.();
  }
}

async function connectRoom(
  server: BenchServer,
  room: BenchRoom,
  count: number,
  broadcast: Broadcast,
  offset: number,
): Promise<WireClient[]> {
  const clients: WireClient[] = [];
  for (let index = 0; index < count; index++) {
    const id = offset + index;
    clients.push(connectWire(server.roomUrl(room), { onRemoteUpdate: (doc) => broadcast.observe(id, doc) }));
  }
  await Promise.all(clients.map((client) => client.synced));
  return clients;
}

async function runScenario(server: BenchServer, scenario: Scenario): Promise<Result> {
  await sleep(300);
  const rssBefore = server.rssBytes();
  const started = performance.now();
  const rooms: { room: BenchRoom; clients: WireClient[]; broadcast: Broadcast }[] = [];
  const batch = 50;
  for (let first = 0; first < scenario.rooms; first += batch) {
    const created = await Promise.all(
      Array.from({ length: Math.min(batch, scenario.rooms - first) }, async () => {
        const room = await server.createRoom();
        const broadcast = new Broadcast();
        return { room, broadcast, clients: await connectRoom(server, room, scenario.clientsPerRoom, broadcast, 0) };
      }),
    );
    rooms.push(...created);
  }
  const connectMs = performance.now() - started;

  const all: number[] = [];
  const delivery: number[] = [];
  let lost = 0;
  for (const { clients, broadcast } of rooms) {
    const writer = clients[0]!;
    const items = writer.doc.getArray<number>(BENCH_ARRAY);
    for (let item = 0; item < scenario.warmup + scenario.items; item++) {
      const received = broadcast.begin(item, clients.length - 1);
      items.push([Date.now()]);
      const finished = await Promise.race([received.then(() => true), sleep(5_000).then(() => false)]);
      const elapsed = performance.now() - broadcast.start;
      if (item >= scenario.warmup) {
        if (finished) all.push(elapsed);
        else lost++;
      } else broadcast.delivery.length = 0;
      if (scenario.items > 1) await sleep(10);
    }
    delivery.push(...broadcast.delivery);
  }
  await sleep(500);
  const rssAfter = server.rssBytes();
  for (const { clients } of rooms) for (const client of clients) client.close();
  const clientCount = scenario.rooms * scenario.clientsPerRoom;
  return {
    scenario: scenario.name,
    server: server.name,
    delivery,
    all,
    lost,
    rssPerRoom: (rssAfter - rssBefore) / scenario.rooms,
    rssPerClient: (rssAfter - rssBefore) / clientCount,
    connectMs,
  };
}

export async function runFanoutBench(quick = process.env.BENCH_QUICK === "1"): Promise<Result[]> {
  const results: Result[] = [];
  for (const scenario of scenarios(quick)) {
    for (const start of [startReference, startOurs]) {
      const server = await start();
      try {
        console.log(`fanout: ${scenario.name} on ${server.name}…`);
        results.push(await runScenario(server, scenario));
      } finally {
        await server.stop();
      }
    }
  }
  console.log("\nFan-out: broadcast latency (loopback, clients in one process) and server memory");
  printTable(
    [
      "scenario",
      "server",
      "delivery p50",
      "delivery p99",
      "all p50",
      "all p99",
      "lost",
      "RSS/room",
      "RSS/client",
      "connect",
    ],
    results.map((result) => {
      const delivery = summarize(result.delivery);
      const all = summarize(result.all);
      return [
        result.scenario,
        result.server,
        ms(delivery.p50),
        ms(delivery.p99),
        ms(all.p50),
        ms(all.p99),
        String(result.lost),
        result.rssPerRoom > 1024 * 1024 ? mb(result.rssPerRoom) : kb(result.rssPerRoom),
        kb(result.rssPerClient),
        ms(result.connectMs),
      ];
    }),
  );
  const pairs = new Map<string, Result[]>();
  for (const result of results) pairs.set(result.scenario, [...(pairs.get(result.scenario) ?? []), result]);
  for (const [scenario, [reference, ours]] of pairs) {
    if (!reference || !ours) continue;
    const ratio = summarize(ours.delivery).p99 / summarize(reference.delivery).p99;
    console.log(`${scenario}: our delivery p99 is ${ratio.toFixed(2)}× the reference's`);
  }
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  runFanoutBench().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
