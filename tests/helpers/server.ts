// Test harness: the real server on a random port with a temp data dir, real y-websocket clients.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { pino } from "pino";
import { startServer, type RunningServer, type ServerOptions } from "../../server/app.ts";
import type { RoleLinks } from "../../shared/roles.ts";

export interface RoomLinks {
  roomId: string;
  tokens: RoleLinks;
  links: RoleLinks;
}

export interface TestServer {
  readonly url: string;
  readonly wsUrl: string;
  readonly dataDir: string;
  running: RunningServer;
  /** Stop (flushing storage) and start again on the same data dir and a new port. */
  restart(): Promise<void>;
  close(): Promise<void>;
  createRoom(title?: string): Promise<RoomLinks>;
  api(
    path: string,
    init?: { method?: string; token?: string; body?: unknown },
  ): Promise<{ status: number; json: unknown; text: string }>;
}

export async function startTestServer(options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "canvas-it-"));
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
  // Tests open many rooms and sockets from one address; the per-address limits have tests of their own.
  const boot = () =>
    startServer({
      staticDir: null,
      logger,
      idleMs: 60_000,
      roomsPerMinute: 100_000,
      connectionsPerAddress: 100_000,
      ...options,
      dataDir,
      port: 0,
    });
  let running = await boot();
  const harness: TestServer = {
    get url() {
      return running.url;
    },
    get wsUrl() {
      return running.url.replace(/^http/, "ws") + "/ws";
    },
    dataDir,
    get running() {
      return running;
    },
    set running(value) {
      running = value;
    },
    async restart() {
      await running.close();
      running = await boot();
    },
    async close() {
      await running.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
    async createRoom(title) {
      const response = await harness.api("/api/rooms", { method: "POST", body: title ? { title } : {} });
      if (response.status !== 201) throw new Error(`createRoom failed: ${response.status} ${response.text}`);
      return response.json as RoomLinks;
    },
    async api(path, init = {}) {
      const headers: Record<string, string> = {};
      if (init.token) headers.Authorization = `Bearer ${init.token}`;
      if (init.body !== undefined) headers["Content-Type"] = "application/json";
      const response = await fetch(running.url + path, {
        method: init.method ?? "GET",
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
      const text = await response.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = null;
      }
      return { status: response.status, json, text };
    },
  };
  return harness;
}

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  synced: Promise<void>;
  /** Resolves with the close code when the server closes the socket. */
  closed: Promise<number>;
  destroy(): void;
}

export function connectClient(wsUrl: string, roomId: string, token: string, doc = new Y.Doc()): TestClient {
  const provider = new WebsocketProvider(wsUrl, roomId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token },
    disableBc: true,
    maxBackoffTime: 300,
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    else provider.once("sync", (isSynced: boolean) => isSynced && resolve());
  });
  const closed = new Promise<number>((resolve) => {
    provider.on("connection-close", (event: CloseEvent | null) => resolve(event?.code ?? 0));
  });
  return {
    doc,
    provider,
    synced,
    closed,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Append a paragraph with text to a canvas fragment, the way a Tiptap client would. */
export function typeParagraph(fragment: Y.XmlFragment, text: string): void {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  fragment.insert(fragment.length, [paragraph]);
}

export function fragmentText(fragment: Y.XmlFragment): string {
  return fragment
    .toArray()
    .map((node) =>
      node instanceof Y.XmlElement
        ? node
            .toArray()
            .map((child) => child.toString())
            .join("")
        : node.toString(),
    )
    .join("\n");
}
