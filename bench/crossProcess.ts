// Broadcast latency when a room is served by two processes (Redis fan-out, Postgres storage),
// printed next to the same room on one process. One writer sends paced updates; every other client
// records when each one arrives. Receivers connected to the writer's process measure the local
// path (store, then broadcast); receivers on the other process add the Redis hop.
//
//   DATABASE_URL=postgres://… REDIS_URL=redis://… npx tsx bench/crossProcess.ts [clientsPerProcess] [updates]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { spawnServer, type ServerProcess } from "../tests/helpers/process.ts";
import { createSchema } from "../tests/scale/pgSchema.ts";
import { connectWire, type WireClient } from "../tests/reliability/wireClient.ts";

export interface LatencySummary {
  scenario: string;
  receivers: number;
  samples: number;
  p50: number;
  p99: number;
  max: number;
  /** Updates a receiver never got within the wait (should be 0). */
  missing: number;
}

export interface CrossProcessBenchOptions {
  clientsPerProcess?: number;
  updates?: number;
  intervalMs?: number;
  databaseUrl?: string;
  redisUrl?: string;
  log?: (line: string) => void;
}

const WARMUP_UPDATES = 10;

interface Receiver {
  client: WireClient;
  group: string;
  /** How many of the writer's updates (entries of the "bench" array) this client has. */
  seen: () => number;
}

/** Runs the three scenarios and prints a table; returns the figures. */
export async function runCrossProcessBench(options: CrossProcessBenchOptions = {}): Promise<LatencySummary[]> {
  const perProcess = options.clientsPerProcess ?? 250;
  const updates = options.updates ?? 100;
  const intervalMs = options.intervalMs ?? 40;
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  const redisUrl = options.redisUrl ?? process.env.REDIS_URL;
  const print = options.log ?? ((line: string) => console.log(line));
  if (!databaseUrl || !redisUrl) {
    throw new Error(
      "bench/crossProcess needs DATABASE_URL and REDIS_URL (a running PostgreSQL and Redis); see docs/SCALE.md",
    );
  }

  const results: LatencySummary[] = [];
  const cleanups: (() => Promise<unknown> | void)[] = [];
  const spawn = async (env: Record<string, string>): Promise<ServerProcess> => {
    const dataDir = mkdtempSync(join(tmpdir(), "canvas-bench-"));
    const server = await spawnServer({ DATA_DIR: dataDir, LOG_LEVEL: "error", ...env });
    cleanups.push(async () => {
      await server.kill("SIGTERM");
      rmSync(dataDir, { recursive: true, force: true });
    });
    return server;
  };

  try {
    print(
      `cross-process broadcast: ${perProcess * 2} receivers per scenario, ${updates} updates every ${intervalMs} ms`,
    );

    const sqlite = await spawn({});
    results.push(
      ...(await measure([sqlite, sqlite], perProcess, updates, intervalMs, ["1 process, SQLite", "1 process, SQLite"])),
    );

    const schema = await createSchema(databaseUrl, "canvas_bench");
    cleanups.push(() => dropSchema(databaseUrl, schema.name));
    const postgresOnly = await spawn({ DATABASE_URL: schema.url });
    results.push(
      ...(await measure([postgresOnly, postgresOnly], perProcess, updates, intervalMs, [
        "1 process, Postgres",
        "1 process, Postgres",
      ])),
    );

    const schema2 = await createSchema(databaseUrl, "canvas_bench");
    cleanups.push(() => dropSchema(databaseUrl, schema2.name));
    const env = {
      DATABASE_URL: schema2.url,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: `canvas-bench-${randomBytes(4).toString("hex")}:`,
    };
    const [a, b] = await Promise.all([spawn(env), spawn(env)]);
    results.push(
      ...(await measure([a!, b!], perProcess, updates, intervalMs, [
        "2 processes, same process as writer",
        "2 processes, other process (via Redis)",
      ])),
    );
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }

  print(formatTable(results));
  return results;
}

async function measure(
  servers: [ServerProcess, ServerProcess],
  perProcess: number,
  updates: number,
  intervalMs: number,
  labels: [string, string],
): Promise<LatencySummary[]> {
  const [first, second] = servers;
  const room = await createRoom(first.url);
  const sentAt: number[] = [];
  const latencies = new Map<string, number[]>();
  const receivers: Receiver[] = [];

  const open = (server: ServerProcess, group: string): Receiver => {
    let seen = 0;
    const client = connectWire(`${wsBase(server.url)}/${room.roomId}?token=${room.token}`, {
      onRemoteUpdate: (doc) => {
        const length = doc.getArray<number>("bench").length;
        const now = performance.now();
        for (let index = seen; index < length; index++) {
          const sent = sentAt[index];
          if (sent !== undefined) latencies.get(group)!.push(now - sent);
        }
        seen = Math.max(seen, length);
      },
    });
    return { client, group, seen: () => seen };
  };

  // Connect in batches so the handshakes do not all land in the same tick.
  const groups: [ServerProcess, string][] = [
    [first, labels[0]],
    [second, labels[1]],
  ];
  for (const [, label] of groups) latencies.set(label, latencies.get(label) ?? []);
  const writer = connectWire(`${wsBase(first.url)}/${room.roomId}?token=${room.token}`);
  await writer.synced;
  for (const [server, label] of groups) {
    for (let start = 0; start < perProcess; start += 50) {
      const batch = Array.from({ length: Math.min(50, perProcess - start) }, () => open(server, label));
      receivers.push(...batch);
      await Promise.all(batch.map((receiver) => receiver.client.synced));
    }
  }

  const array = writer.doc.getArray<number>("bench");
  const total = updates + WARMUP_UPDATES;
  for (let index = 0; index < total; index++) {
    // The first few only warm up the JIT and the connections; they are delivered but not timed.
    if (index >= WARMUP_UPDATES) sentAt[index] = performance.now();
    array.push([index]);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  const deadline = Date.now() + 15_000;
  while (receivers.some((receiver) => receiver.seen() < total) && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 50));

  writer.close();
  for (const receiver of receivers) receiver.client.close();

  const summaries: LatencySummary[] = [];
  for (const [label, values] of latencies) {
    const group = receivers.filter((receiver) => receiver.group === label);
    summaries.push({
      scenario: label,
      receivers: group.length,
      samples: values.length,
      ...percentiles(values),
      missing: group.reduce((sum, receiver) => sum + (total - receiver.seen()), 0),
    });
  }
  return summaries;
}

function percentiles(values: number[]): { p50: number; p99: number; max: number } {
  if (values.length === 0) return { p50: Number.NaN, p99: Number.NaN, max: Number.NaN };
  const sorted = [...values].sort((x, y) => x - y);
  const at = (quantile: number) => sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))]!;
  return { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1]! };
}

export function formatTable(rows: LatencySummary[]): string {
  const header = ["scenario", "receivers", "samples", "p50 ms", "p99 ms", "max ms", "missing"];
  const body = rows.map((row) => [
    row.scenario,
    String(row.receivers),
    String(row.samples),
    row.p50.toFixed(1),
    row.p99.toFixed(1),
    row.max.toFixed(1),
    String(row.missing),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join("  ");
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...body.map(line)].join("\n");
}

function wsBase(httpUrl: string): string {
  return httpUrl.replace(/^http/, "ws") + "/ws";
}

async function createRoom(url: string): Promise<{ roomId: string; token: string }> {
  const response = await fetch(`${url}/api/rooms`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: "{}",
  });
  if (response.status !== 201)
    throw new Error(`creating the bench room failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { roomId: string; tokens: { editor: string } };
  return { roomId: body.roomId, token: body.tokens.editor };
}

async function dropSchema(databaseUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
  await client.end();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [clients, updates] = process.argv.slice(2).map(Number);
  runCrossProcessBench({ clientsPerProcess: clients || undefined, updates: updates || undefined }).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
