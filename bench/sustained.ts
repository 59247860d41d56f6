// Sustained typing: 20 clients type into one canvas for 30 s; server memory over time and the ack
// latency (an update "comes back" when another client has it), for our server and the reference
// @y/websocket-server in the same run.
//   npx tsx bench/sustained.ts          (BENCH_QUICK=1: 10 s per phase)
// Phases: 50 updates/s in total (a busy room: 2.5 key presses/s per person), then 50 updates/s per
// client (1,000/s in total, a stress test). Our server stores each update (SQLite, synchronous=FULL)
// before it broadcasts it, and compacts the log every 500 updates.
import { fileURLToPath } from "node:url";
import * as Y from "yjs";
import { canvasFragment } from "../shared/room.ts";
import { connectWire, type WireClient } from "../tests/reliability/wireClient.ts";
import {
  mb,
  ms,
  printTable,
  sleep,
  startOurs,
  startReference,
  summarize,
  type BenchServer,
} from "../tests/reliability/benchSupport.ts";

const CLIENTS = 20;
const CANVAS = "c1";

interface Phase {
  name: string;
  totalPerSecond: number;
}

interface Sample {
  second: number;
  rss: number;
  heapUsed: number | null;
}

interface PhaseResult {
  phase: string;
  server: string;
  latencies: number[];
  sent: number;
  acked: number;
  samples: Sample[];
}

async function heapUsed(server: BenchServer): Promise<number | null> {
  if (!server.metricsUrl) return null;
  const text = await (await fetch(server.metricsUrl)).text();
  const match = /^nodejs_heap_size_used_bytes (\d+(?:\.\d+)?)/m.exec(text);
  return match ? Number(match[1]) : null;
}

async function runPhase(server: BenchServer, phase: Phase, seconds: number): Promise<PhaseResult> {
  const room = await server.createRoom();
  // One paragraph per client, created by the first client before anyone types.
  const clients: WireClient[] = [];
  const first = connectWire(server.roomUrl(room));
  await first.synced;
  first.doc.transact(() => {
    const fragment = canvasFragment(first.doc, CANVAS);
    for (let index = 0; index < CLIENTS; index++) {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText(`client ${index}: `)]);
      fragment.push([paragraph]);
    }
  });
  clients.push(first);
  for (let index = 1; index < CLIENTS; index++) clients.push(connectWire(server.roomUrl(room)));
  await Promise.all(clients.map((client) => client.synced));
  const textOf = (client: WireClient, writer: number) =>
    (canvasFragment(client.doc, CANVAS).get(writer) as Y.XmlElement).get(0) as Y.XmlText;
  for (
    let wait = 0;
    wait < 200 && clients.some((client) => canvasFragment(client.doc, CANVAS).length < CLIENTS);
    wait++
  )
    await sleep(25);

  // Each writer's key presses are watched on the next client: ack latency = seen there - typed here.
  const typedAt: number[][] = clients.map(() => []);
  const latencies: number[] = [];
  let acked = 0;
  clients.forEach((_, writer) => {
    const observer = clients[(writer + 1) % CLIENTS]!;
    const text = textOf(observer, writer);
    const prefix = `client ${writer}: `.length;
    let seen = 0;
    text.observe(() => {
      const now = performance.now();
      for (const count = text.length - prefix; seen < count; seen++) {
        const sentAt = typedAt[writer]![seen];
        if (sentAt !== undefined) {
          latencies.push(now - sentAt);
          acked++;
        }
      }
    });
  });

  const samples: Sample[] = [];
  const started = performance.now();
  const sampler = setInterval(() => {
    // Timed when taken: a busy server answers /metrics late, which is itself worth seeing.
    const second = Math.round((performance.now() - started) / 1000);
    const rss = server.rssBytes();
    void heapUsed(server).then((heap) => samples.push({ second, rss, heapUsed: heap }));
  }, 2_000);
  const intervalMs = (1000 * CLIENTS) / phase.totalPerSecond;
  let sent = 0;
  const stops: (() => void)[] = [];
  const typists = clients.map((client, writer) =>
    setTimeout(
      () => {
        const timer = setInterval(() => {
          typedAt[writer]!.push(performance.now());
          const text = textOf(client, writer);
          text.insert(text.length, "abcdefghij"[sent % 10]!);
          sent++;
        }, intervalMs);
        stops.push(() => clearInterval(timer));
      },
      (writer * intervalMs) / CLIENTS,
    ),
  );
  await sleep(seconds * 1000);
  for (const typist of typists) clearTimeout(typist);
  for (const stop of stops) stop();
  await sleep(1_000);
  clearInterval(sampler);
  samples.push({
    second: Math.round((performance.now() - started) / 1000),
    rss: server.rssBytes(),
    heapUsed: await heapUsed(server),
  });
  for (const client of clients) client.close();
  samples.sort((a, b) => a.second - b.second);
  return { phase: phase.name, server: server.name, latencies, sent, acked, samples };
}

export async function runSustainedBench(quick = process.env.BENCH_QUICK === "1"): Promise<void> {
  const seconds = quick ? 10 : 30;
  const phases: Phase[] = [
    { name: "50 updates/s in total", totalPerSecond: 50 },
    { name: "50 updates/s per client", totalPerSecond: 50 * CLIENTS },
  ];
  const results: PhaseResult[] = [];
  for (const phase of phases) {
    for (const start of [startReference, startOurs]) {
      const server = await start();
      try {
        console.log(`sustained: ${phase.name} for ${seconds} s on ${server.name}…`);
        results.push(await runPhase(server, phase, seconds));
      } finally {
        await server.stop();
      }
    }
  }
  console.log(
    `\nSustained typing: ${CLIENTS} clients, ${seconds} s per phase; ack = the key press seen by another client`,
  );
  printTable(
    [
      "phase",
      "server",
      "sent",
      "acked",
      "ack p50",
      "ack p99",
      "ack max",
      "RSS start",
      "RSS end",
      "heap start",
      "heap end",
    ],
    results.map((result) => {
      const latency = summarize(result.latencies);
      const firstSample = result.samples[0];
      const lastSample = result.samples[result.samples.length - 1];
      const heap = (value: number | null | undefined) => (value === null || value === undefined ? "n/a" : mb(value));
      return [
        result.phase,
        result.server,
        String(result.sent),
        String(result.acked),
        ms(latency.p50),
        ms(latency.p99),
        ms(latency.max),
        firstSample ? mb(firstSample.rss) : "n/a",
        lastSample ? mb(lastSample.rss) : "n/a",
        heap(firstSample?.heapUsed),
        heap(lastSample?.heapUsed),
      ];
    }),
  );
  for (const result of results) {
    if (result.server !== "canvas") continue;
    console.log(`\nMemory over time, ${result.server}, ${result.phase}:`);
    printTable(
      ["t", "RSS", "heap used"],
      result.samples.map((sample) => [
        `${sample.second} s`,
        mb(sample.rss),
        sample.heapUsed === null ? "n/a" : mb(sample.heapUsed),
      ]),
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  runSustainedBench().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
