// The real server in-process for browser tests: built client, temp data dir, random port, and the
// agent with the offline engine or a model behind the fake OpenAI server.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { startServer, type RunningServer } from "../../../server/app.ts";
import { installAgent } from "../../../server/agent/index.ts";
import { createEngine } from "../../../server/agent/engines.ts";
import type { RoleLinks } from "../../../shared/roles.ts";
import { ensureClientBuilt } from "./build.ts";

export interface RoomLinks {
  roomId: string;
  links: RoleLinks;
  tokens: RoleLinks;
}

export interface E2EApp {
  url: string;
  server: RunningServer;
  createRoom(title?: string): Promise<RoomLinks>;
  api(
    path: string,
    init?: { method?: string; token?: string; body?: unknown },
  ): Promise<{ status: number; json: unknown; text: string }>;
  close(): Promise<void>;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export async function startApp(options: { openaiBaseURL?: string } = {}): Promise<E2EApp> {
  const staticDir = await ensureClientBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), "canvas-e2e-"));
  const engine = options.openaiBaseURL
    ? createEngine({
        engine: "openai",
        baseURL: options.openaiBaseURL,
        apiKey: "test-key",
        model: "fake-model",
        maxRetries: 0,
        timeoutMs: 20_000,
      })
    : createEngine({ engine: "local" });
  const server = await startServer({
    port: 0,
    dataDir,
    staticDir,
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" }),
    roomsPerMinute: 100_000,
    extend: (app) => {
      installAgent(app, { engine, runsPerMinute: 1_000 });
    },
  });
  async function api(path: string, init: { method?: string; token?: string; body?: unknown } = {}) {
    const headers: Record<string, string> = {};
    if (init.token) headers.Authorization = `Bearer ${init.token}`;
    if (init.body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(server.url + path, {
      method: init.method ?? "GET",
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await response.text();
    return { status: response.status, json: parseJson(text), text };
  }
  return {
    url: server.url,
    server,
    api,
    async createRoom(title) {
      const response = await api("/api/rooms", { method: "POST", body: title ? { title } : {} });
      if (response.status !== 201) throw new Error(`createRoom failed: ${response.status} ${response.text}`);
      return response.json as RoomLinks;
    },
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
