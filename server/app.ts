// Wires the server together: one HTTP server on one port serving the JSON API, the client and the
// Yjs websocket protocol. Transport (HTTP, ws) stays thin; policy lives in shared/roles.ts, state in rooms/.
import { createServer, type IncomingMessage, type Server } from "node:http";
import { join } from "node:path";
import type { Duplex } from "node:stream";
import type { Socket } from "node:net";
import { WebSocketServer, type RawData } from "ws";
import type { Logger } from "pino";
import { createLogger } from "./log.ts";
import {
  DEFAULT_COMPACT_EVERY,
  DEFAULT_CONNECTIONS_PER_ADDRESS,
  DEFAULT_MAX_MESSAGE_BYTES,
  DEFAULT_ROOMS_PER_MINUTE,
  FEEDBACK_RETENTION_MS,
} from "./config.ts";
import { SqliteStore } from "./store/sqlite.ts";
import type { Store } from "./store/store.ts";
import { StoreHealth, guardStore, type StoreHealthOptions } from "./store/health.ts";
import type { Fanout } from "./scale/fanout.ts";
import type { RoomLocks } from "./scale/roomLock.ts";
import { RoomRegistry } from "./rooms/registry.ts";
import type { RoomBudget } from "./rooms/room.ts";
import { HttpError, storageUnavailable } from "./http/errors.ts";
import { Router, errorBody, send } from "./http/router.ts";
import { checkAccess } from "./http/auth.ts";
import { attachConnection } from "./ws/connection.ts";
import { LiveLinks } from "./ws/liveLinks.ts";
import { CLOSE } from "../shared/closeCodes.ts";
import { serveStatic } from "./http/static.ts";
import { registerRoomRoutes } from "./http/routes/rooms.ts";
import { registerVersionRoutes } from "./http/routes/versions.ts";
import { registerExportRoutes } from "./export/route.ts";
import { registerLinkRoutes } from "./library/links.ts";
import { registerLibraryRoutes } from "./library/routes.ts";
import { registerPreviewRoutes } from "./preview/route.ts";
import { installMcp, type McpOptions } from "./mcp/index.ts";
import { registerSuggestionRoutes } from "./suggestions/routes.ts";
import { Metrics } from "./metrics.ts";
import { VersionKeeper } from "./rooms/versionKeeper.ts";
import type { AppContext } from "./appContext.ts";

export interface ServerOptions {
  port?: number;
  host?: string;
  dataDir: string;
  /** Built client to serve (dist/client); null serves the API only. */
  staticDir?: string | null;
  /** Built preview runtime (dist/client/preview by default, next to the client). */
  previewDir?: string | null;
  logger?: Logger;
  store?: Store;
  /** Scale-out: fan-out of updates and awareness between processes (Redis). */
  fanout?: Fanout;
  /** Scale-out: the room lock around agent runs across processes (Redis). */
  roomLocks?: RoomLocks;
  /** Largest websocket message or canvas body accepted, in bytes. */
  maxMessageBytes?: number;
  /** Updates a room appends before its log is compacted into a snapshot. */
  compactEvery?: number;
  /** Who may read /metrics: anyone (embedded servers, tests; the default), holders of a token, or nobody. */
  metrics?: "public" | "off" | { token: string };
  /** Open connections (HTTP and websocket) one address may hold (DEFAULT_CONNECTIONS_PER_ADDRESS). */
  connectionsPerAddress?: number;
  /** Rooms one address may create per minute (DEFAULT_ROOMS_PER_MINUTE). */
  roomsPerMinute?: number;
  /** Base URL of share links (PUBLIC_URL); without it, links name the host the request came to. */
  publicUrl?: string;
  idleMs?: number;
  wsMessagesPerSecond?: number;
  wsBurst?: number;
  /** Bytes queued for one socket before it is closed as a slow reader. */
  sendBufferBytes?: number;
  /** What one room's document may grow to (DEFAULT_ROOM_BUDGET). */
  roomBudget?: RoomBudget;
  /** First wait before a failed room write is retried (ms). */
  storageRetryMs?: number;
  /** The store probe behind /readyz and HTTP writes: how long an answer stands, how long a probe may take. */
  storageProbe?: StoreHealthOptions;
  /** How often changed canvases get a "snapshot" version (ms); 0 turns it off. */
  snapshotEveryMs?: number;
  /** Handles requests no route matched (Vite's dev middleware in `npm run dev`). */
  fallback?: (req: IncomingMessage, res: import("node:http").ServerResponse, next: () => void) => void;
  /** Limits of the MCP endpoint (/mcp). */
  mcp?: McpOptions;
  /** Extra route registrations (the agent adds its routes here). */
  extend?: (app: AppContext) => void | Promise<void>;
}

export interface RunningServer {
  url: string;
  port: number;
  app: AppContext;
  server: Server;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const log = options.logger ?? createLogger();
  const rawStore = options.store ?? new SqliteStore(options.dataDir);
  const storeHealth = new StoreHealth(rawStore, log, options.storageProbe);
  const store = guardStore(rawStore, storeHealth);
  const maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const metrics = new Metrics();
  const failingRooms = new Set<string>();
  const registry = new RoomRegistry(store, log, {
    budget: options.roomBudget,
    retryMs: options.storageRetryMs,
    storageHealth: { failed: (roomId) => failingRooms.add(roomId), recovered: (roomId) => failingRooms.delete(roomId) },
    compactEvery: options.compactEvery ?? DEFAULT_COMPACT_EVERY,
    idleMs: options.idleMs ?? 30_000,
    onPersisted: (updates) => metrics.updates.inc(updates),
    fanout: options.fanout,
    locks: options.roomLocks,
  });
  const router = new Router(log, 1024 * 1024);
  const closeHooks: (() => Promise<void> | void)[] = [];
  const app: AppContext = {
    store,
    storeHealth,
    registry,
    router,
    log,
    metrics,
    liveLinks: new LiveLinks(),
    maxMessageBytes,
    roomsPerMinute: options.roomsPerMinute ?? DEFAULT_ROOMS_PER_MINUTE,
    publicUrl: (req) => options.publicUrl ?? `http://${req.headers.host ?? "localhost"}`,
    onClose: (hook) => closeHooks.push(hook),
  };

  router.add("GET", "/healthz", async () => ({ status: 200, json: { ok: true } }));
  // Ready when the store takes a write (one cached probe a second however many ask) and no room is
  // holding changes the store refused.
  router.add("GET", "/readyz", async () => {
    const storeError = await storeHealth.check();
    if (storeError || failingRooms.size > 0)
      return {
        status: 503,
        json: {
          ok: false,
          reason: storeError ? "the store refuses writes" : "storage writes are failing",
          failingRooms: failingRooms.size,
        },
      };
    return { status: 200, json: { ok: true, rooms: registry.loadedCount } };
  });
  const metricsAccess = options.metrics ?? "public";
  router.add("GET", "/metrics", async (ctx) => {
    if (metricsAccess === "off" || (metricsAccess !== "public" && ctx.token !== metricsAccess.token))
      return { status: 404, json: errorBody("not_found", "No API route GET /metrics.") };
    return { status: 200, text: await metrics.render(registry), headers: { "Content-Type": metrics.contentType } };
  });
  registerRoomRoutes(app);
  registerVersionRoutes(app);
  registerExportRoutes(app);
  registerLinkRoutes(app);
  registerLibraryRoutes(app);
  registerSuggestionRoutes(app);
  registerPreviewRoutes(app, options.previewDir ?? (options.staticDir ? join(options.staticDir, "preview") : null));
  installMcp(app, options.mcp);
  const versions = new VersionKeeper(store, () => registry.loaded(), log);
  if ((options.snapshotEveryMs ?? 5 * 60_000) > 0) versions.start(options.snapshotEveryMs ?? 5 * 60_000);
  app.onClose(() => versions.stop());
  const pruneFeedback = (): void =>
    void store.pruneFeedback(Date.now() - FEEDBACK_RETENTION_MS).then(
      (deleted) => deleted && log.info({ deleted }, "deleted feedback past its retention"),
      (error: unknown) => log.warn({ err: error }, "deleting old feedback failed"),
    );
  pruneFeedback();
  const feedbackTimer = setInterval(pruneFeedback, 24 * 60 * 60 * 1000);
  feedbackTimer.unref();
  app.onClose(() => clearInterval(feedbackTimer));
  await options.extend?.(app);

  const server = createServer((req, res) => {
    void (async () => {
      if (await refusedWhileFailing(req, failingRooms, storeHealth)) {
        const refusal = storageUnavailable();
        send(res, { status: refusal.status, json: errorBody(refusal.code, refusal.message), headers: refusal.headers });
        return;
      }
      if (await router.handle(req, res)) return;
      const path = new URL(req.url ?? "/", "http://localhost").pathname;
      if (path.startsWith("/api/")) {
        send(res, { status: 404, json: errorBody("not_found", `No API route ${req.method} ${path}.`) });
        return;
      }
      if (options.staticDir && (await serveStatic(options.staticDir, req, res))) return;
      if (options.fallback) {
        options.fallback(req, res, () =>
          send(res, { status: 404, json: errorBody("not_found", `Nothing at ${path}.`) }),
        );
        return;
      }
      send(res, { status: 404, json: errorBody("not_found", `Nothing at ${path}.`) });
    })().catch((error: unknown) => {
      log.error({ err: error }, "unhandled request error");
      send(res, { status: 500, json: errorBody("internal", "Something went wrong on the server.") });
    });
  });

  // One address cannot hold the server's sockets (half-open requests, thousands of websockets):
  // past its share, new connections are dropped at once; slow headers and bodies time out.
  limitConnectionsPerAddress(server, options.connectionsPerAddress ?? DEFAULT_CONNECTIONS_PER_ADDRESS, log);
  server.headersTimeout = 10_000;
  server.requestTimeout = 120_000;

  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });
  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    void handleUpgrade(req, socket, head).catch((error: unknown) => {
      log.error({ err: error }, "websocket upgrade failed");
      socket.destroy();
    });
  });

  async function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const match = /^\/ws\/([^/]+)$/.exec(url.pathname);
    if (!match) {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
      return;
    }
    let roomId: string;
    try {
      roomId = decodeURIComponent(match[1]!);
    } catch {
      socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
      return;
    }
    const access = await checkAccess(store, roomId, url.searchParams.get("token"), "read");
    // Refusals are sent as websocket closes with a clear code, so browser clients can show the reason.
    wss.handleUpgrade(req, socket, head, (ws) => {
      if (!access.ok) {
        metrics.socketRejections.inc({ code: String(access.status) });
        ws.close(access.status === 404 ? CLOSE.notFound : CLOSE.unauthorized, access.message.slice(0, 120));
        return;
      }
      // The room may still be loading (a networked store takes a while): keep the client's first
      // messages (its sync step 1) and replay them once the connection is attached, else it never syncs.
      const early: { data: RawData; isBinary: boolean }[] = [];
      let earlyBytes = 0;
      const limits = {
        messagesPerSecond: options.wsMessagesPerSecond ?? 300,
        burst: options.wsBurst ?? 2_000,
        sendBufferBytes: options.sendBufferBytes,
      };
      const keepEarly = (data: RawData, isBinary: boolean): void => {
        earlyBytes += rawLength(data);
        if (early.length >= limits.burst || earlyBytes > 2 * maxMessageBytes)
          ws.close(CLOSE.rateLimited, "too many messages");
        else early.push({ data, isBinary });
      };
      ws.on("message", keepEarly);
      void registry.get(roomId).then(
        (room) => {
          ws.off("message", keepEarly);
          if (ws.readyState !== ws.OPEN) {
            registry.release(roomId);
            return;
          }
          const role = access.access.role;
          const socketLog = log.child({ roomId, role });
          metrics.clients.inc();
          ws.on("close", () => {
            metrics.clients.dec();
            registry.release(roomId);
          });
          app.liveLinks.add(roomId, role, ws);
          attachConnection(ws, room, role, socketLog, limits, {
            onDroppedWrite: () => metrics.droppedWrites.inc(),
            onRejected: (code) => metrics.socketRejections.inc({ code: String(code) }),
          });
          for (const message of early.splice(0)) ws.emit("message", message.data, message.isBinary);
        },
        (error: unknown) => {
          if (error instanceof HttpError) {
            log.warn({ roomId, code: error.code }, "refused to load a room for a socket");
            ws.close(error.status === 503 ? CLOSE.unavailable : CLOSE.tooLarge, error.message.slice(0, 120));
            return;
          }
          log.error({ err: error, roomId }, "loading a room for a socket failed");
          ws.close(CLOSE.internal, "could not load the room, reconnect to retry");
        },
      );
    });
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      for (const hook of closeHooks) await hook();
      for (const client of wss.clients) client.close(CLOSE.shuttingDown, "server shutting down");
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await registry.closeAll();
      await store.close();
      wss.close();
    })();
    return closing;
  };
  return { url, port, app, server, close };
}

function rawLength(data: RawData): number {
  return Array.isArray(data) ? data.reduce((sum, part) => sum + part.byteLength, 0) : data.byteLength;
}

/** Writes that store nothing and stay allowed while storage fails (stopping a run). */
const WRITES_THAT_STORE_NOTHING = /^\/api\/rooms\/[^/?]+\/runs\/current\/cancel(?:\?|$)/;

/**
 * A write while the store refuses writes (its probe or a recent write failed), or to a room holding
 * changes it could not store: refused before it changes anything.
 */
async function refusedWhileFailing(
  req: IncomingMessage,
  failingRooms: ReadonlySet<string>,
  health: StoreHealth,
): Promise<boolean> {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return false;
  const url = req.url ?? "";
  if (!url.startsWith("/api/rooms") || WRITES_THAT_STORE_NOTHING.test(url)) return false;
  if (await health.check()) return true;
  const match = /^\/api\/rooms\/([^/?]+)/.exec(url);
  if (!match || failingRooms.size === 0) return false;
  try {
    return failingRooms.has(decodeURIComponent(match[1]!));
  } catch {
    return false;
  }
}

function limitConnectionsPerAddress(server: Server, limit: number, log: Logger): void {
  const open = new Map<string, number>();
  let lastWarning = 0;
  server.on("connection", (socket: Socket) => {
    const address = socket.remoteAddress ?? "unknown";
    const count = (open.get(address) ?? 0) + 1;
    if (count > limit) {
      if (Date.now() - lastWarning > 10_000) {
        lastWarning = Date.now();
        log.warn({ address, limit }, "refusing connections from an address over its limit");
      }
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once("close", () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}
