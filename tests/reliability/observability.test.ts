// Health, readiness, Prometheus metrics and structured logs: what an operator watches.
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { installAgent } from "../../server/agent/index.ts";
import { createEngine } from "../../server/agent/engines.ts";
import type { RunManager } from "../../server/agent/runs.ts";
import { canvasFragment } from "../../shared/room.ts";
import { startFakeOpenAI, type FakeOpenAI } from "../fake-openai/server.ts";
import {
  connectClient,
  startTestServer,
  typeParagraph,
  waitFor,
  type RoomLinks,
  type TestClient,
  type TestServer,
} from "../helpers/server.ts";

let server: TestServer;
let fake: FakeOpenAI;
let room: RoomLinks;
let runs: RunManager | null = null;
const logLines: Record<string, unknown>[] = [];
const clients: TestClient[] = [];

beforeAll(async () => {
  fake = await startFakeOpenAI();
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n"))
        if (line.trim()) logLines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const engine = createEngine({
    engine: "openai",
    apiKey: "test-key",
    baseURL: fake.url,
    model: "fake-model",
    timeoutMs: 2_000,
    maxRetries: 0,
  });
  server = await startTestServer({
    logger: pino({ level: "debug" }, sink),
    extend: (app) => {
      runs = installAgent(app, { engine, runsPerMinute: 1_000 });
    },
  });
  room = await server.createRoom("Observed");
});
afterAll(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server.close();
  await fake.close();
});

/** Value of one sample in Prometheus text format, e.g. `canvas_errors_total{kind="server"}`. */
function sample(text: string, name: string): number | null {
  for (const line of text.split("\n")) {
    if (line.startsWith("#")) continue;
    const space = line.lastIndexOf(" ");
    if (line.slice(0, space) === name) return Number(line.slice(space + 1));
  }
  return null;
}

async function metrics(): Promise<{ text: string; contentType: string }> {
  const response = await fetch(`${server.url}/metrics`);
  return { text: await response.text(), contentType: response.headers.get("content-type") ?? "" };
}

describe("health, readiness, metrics and logs", () => {
  it("/healthz answers 200 while the process is up", async () => {
    const response = await server.api("/healthz");
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ ok: true });
  });

  it("/readyz answers 200 when storage answers, and fails without details when it does not", async () => {
    const ready = await server.api("/readyz");
    expect(ready.status).toBe(200);
    expect((ready.json as { ok: boolean }).ok).toBe(true);
    const store = server.running.app.store;
    const original = store.probe.bind(store);
    store.probe = async () => {
      throw new Error("SQLITE_BUSY: database is locked");
    };
    try {
      // The probe's last answer stands for a second: poll for the next one.
      const down = await pollReadyz((status) => status >= 500);
      expect(down.text).not.toContain("SQLITE");
    } finally {
      store.probe = original;
    }
    await pollReadyz((status) => status === 200);
  });

  /** /readyz until its status satisfies `wanted` (bounded by the test's timeout). */
  async function pollReadyz(wanted: (status: number) => boolean): Promise<{ status: number; text: string }> {
    for (;;) {
      const response = await server.api("/readyz");
      if (wanted(response.status)) return response;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it("/metrics is Prometheus text with clients, rooms and stored updates that follow the activity", async () => {
    const before = await metrics();
    expect(before.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    for (const name of [
      "canvas_clients",
      "canvas_rooms_loaded",
      "canvas_updates_total",
      "canvas_run_duration_seconds",
      "canvas_errors_total",
    ]) {
      expect(before.text).toContain(`# TYPE ${name}`);
    }
    const updatesBefore = sample(before.text, "canvas_updates_total") ?? 0;

    const alice = connectClient(server.wsUrl, room.roomId, room.tokens.editor);
    const bob = connectClient(server.wsUrl, room.roomId, room.tokens.editor);
    clients.push(alice, bob);
    await Promise.all([alice.synced, bob.synced]);
    for (let index = 0; index < 5; index++) typeParagraph(canvasFragment(alice.doc, "c1"), `line ${index}`);
    const live = await server.running.app.registry.get(room.roomId);
    await waitFor(() => canvasFragment(live.doc, "c1").length === 5, "the typing to reach the server");
    await live.flush();

    const during = await metrics();
    expect(sample(during.text, "canvas_clients")).toBe(2);
    expect(sample(during.text, "canvas_rooms_loaded")).toBeGreaterThanOrEqual(1);
    expect(sample(during.text, "canvas_updates_total")).toBeGreaterThanOrEqual(updatesBefore + 5);

    alice.destroy();
    bob.destroy();
    clients.splice(0);
    await waitFor(() => live.peers.size === 0, "the sockets to close");
    expect(sample((await metrics()).text, "canvas_clients")).toBe(0);
  });

  it("a finished run and a failed run show up in run durations and errors, and their logs carry roomId and runId", async () => {
    fake.script([{ text: "A haiku is a short poem." }]);
    const ok = await server.api(`/api/rooms/${room.roomId}/messages`, {
      method: "POST",
      token: room.tokens.editor,
      body: { text: "What is a haiku?" },
    });
    expect(ok.status).toBe(202);
    await runs!.settle(room.roomId);
    fake.script([{ status: 500 }]);
    const failed = await server.api(`/api/rooms/${room.roomId}/messages`, {
      method: "POST",
      token: room.tokens.editor,
      body: { text: "And a sonnet?" },
    });
    expect(failed.status).toBe(202);
    await runs!.settle(room.roomId);

    const text = (await metrics()).text;
    expect(sample(text, 'canvas_run_duration_seconds_count{status="done"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'canvas_run_duration_seconds_count{status="error"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'canvas_errors_total{kind="server"}')).toBeGreaterThanOrEqual(1);

    for (const runId of [(ok.json as { runId: string }).runId, (failed.json as { runId: string }).runId]) {
      const lines = logLines.filter((line) => line.runId === runId);
      expect(lines.length, `log lines of run ${runId}`).toBeGreaterThanOrEqual(2);
      for (const line of lines) expect(line.roomId).toBe(room.roomId);
      expect(lines.map((line) => line.msg)).toContain("run started");
    }
    const failure = logLines.find(
      (line) => line.runId === (failed.json as { runId: string }).runId && line.level === 40,
    );
    expect(failure?.kind).toBe("server");
  });

  it("a dropped write from a viewer is logged with the room id and counted", async () => {
    const viewer = connectClient(server.wsUrl, room.roomId, room.tokens.viewer);
    clients.push(viewer);
    await viewer.synced;
    typeParagraph(canvasFragment(viewer.doc, "c1"), "viewer tries to write");
    await waitFor(
      () => logLines.some((line) => line.msg === "dropped a document update from a read-only peer"),
      "the dropped write to be logged",
    );
    const line = logLines.find((entry) => entry.msg === "dropped a document update from a read-only peer")!;
    expect(line.roomId).toBe(room.roomId);
    expect(line.role).toBe("viewer");
    expect(sample((await metrics()).text, "canvas_dropped_writes_total")).toBeGreaterThanOrEqual(1);
  });
});
