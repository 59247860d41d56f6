// Shared by the benchmarks in bench/: the two servers under test as child processes (ours and the
// reference @y/websocket-server), their memory, and the statistics printed in the tables.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnServer } from "../helpers/process.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export interface BenchServer {
  name: string;
  pid: number;
  /** HTTP base URL. */
  baseUrl: string;
  /** Prometheus endpoint, when the server has one. */
  metricsUrl: string | null;
  /** websocket URL of a room (ours needs a token, created through the API). */
  roomUrl(room: BenchRoom): string;
  createRoom(): Promise<BenchRoom>;
  rssBytes(): number;
  stop(): Promise<void>;
}

export interface BenchRoom {
  id: string;
  token: string | null;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}

/** Our server (`server/main.ts`) as a child process with its own data dir. */
export async function startOurs(env: Record<string, string> = {}): Promise<BenchServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "canvas-bench-"));
  // /metrics is off unless a token is set; the benchmarks scrape it with one.
  const metricsToken = "bench-metrics-token-0123456789";
  const child = await spawnServer({
    DATA_DIR: dataDir,
    LOG_LEVEL: "error",
    CANVAS_METRICS_TOKEN: metricsToken,
    ...env,
  });
  const pid = child.child.pid!;
  let counter = 0;
  return {
    name: "canvas",
    pid,
    baseUrl: child.url,
    metricsUrl: `${child.url}/metrics?token=${metricsToken}`,
    roomUrl: (room) => `${child.url.replace(/^http/, "ws")}/ws/${room.id}?token=${room.token}`,
    async createRoom() {
      const response = await fetch(`${child.url}/api/rooms`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ title: `bench ${counter++}` }),
      });
      if (response.status !== 201)
        throw new Error(`creating a room failed: ${response.status} ${await response.text()}`);
      const body = (await response.json()) as { roomId: string; tokens: { editor: string } };
      return { id: body.roomId, token: body.tokens.editor };
    },
    rssBytes: () => rssOf(pid),
    async stop() {
      await child.kill("SIGTERM");
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The reference y-websocket server (in-memory, no auth, no persistence). */
export async function startReference(): Promise<BenchServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [join(root, "node_modules/@y/websocket-server/src/server.js")], {
    cwd: root,
    env: { ...process.env, HOST: "127.0.0.1", PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  await new Promise<void>((resolveStart, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`reference server did not start: ${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("running at")) {
        clearTimeout(timer);
        resolveStart();
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`reference server exited with ${code}: ${output}`)));
  });
  let counter = 0;
  return {
    name: "@y/websocket-server",
    pid: child.pid!,
    baseUrl: `http://127.0.0.1:${port}`,
    metricsUrl: null,
    roomUrl: (room) => `ws://127.0.0.1:${port}/${room.id}`,
    createRoom: async () => ({ id: `bench-${counter++}`, token: null }),
    rssBytes: () => rssOf(child.pid!),
    stop: () =>
      new Promise<void>((resolveStop) => {
        if (child.exitCode !== null) return resolveStop();
        child.once("exit", () => resolveStop());
        child.kill("SIGTERM");
      }),
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export interface Summary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export function summarize(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

export const ms = (value: number): string =>
  Number.isFinite(value) ? `${value.toFixed(value < 10 ? 2 : 1)} ms` : "n/a";
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** Print rows as an aligned text table. */
export function printTable(headers: string[], rows: string[][]): void {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join("  ");
  console.log(line(headers));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const row of rows) console.log(line(row));
}

export const sleep = (milliseconds: number): Promise<void> =>
  new Promise((resolveSleep) => setTimeout(resolveSleep, milliseconds));
