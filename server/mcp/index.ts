// The MCP server: other agents join a room as collaborators over the Streamable HTTP transport at
// /mcp, on the same port as everything else. A client authenticates with one room's share token
// (`Authorization: Bearer <token>`); the token's role decides which tools it gets. One McpSession per
// client session; sessions are bounded per link and in all, and end when idle.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { isInitializeRequest } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { hashToken } from "../auth/tokens.ts";
import type { AppContext } from "../appContext.ts";
import { HttpError } from "../http/errors.ts";
import { RateLimiter } from "../http/rateLimit.ts";
import { readJson, SECURITY_HEADERS } from "../http/router.ts";
import { ChangeLog } from "../changes/store.ts";
import { McpSession } from "./session.ts";

export interface McpOptions {
  /** Tool calls per minute per share link. */
  callsPerMinute?: number;
  /** Open sessions per share link, and in all. */
  sessionsPerLink?: number;
  maxSessions?: number;
  /** A session without a request for this long is closed (its presence leaves the room). */
  idleMs?: number;
}

export const MCP_PATH = "/mcp";

export function installMcp(app: AppContext, options: McpOptions = {}): void {
  const sessions = new Map<string, McpSession>();
  const changes = new ChangeLog(app.store);
  const transports = new WeakMap<McpSession, StreamableHTTPServerTransport>();
  const limiter = new RateLimiter(options.callsPerMinute ?? 120, 60_000);
  const perLink = options.sessionsPerLink ?? 8;
  const maxSessions = options.maxSessions ?? 500;
  const idleMs = options.idleMs ?? 15 * 60_000;

  const sweep = setInterval(
    () => {
      const now = Date.now();
      for (const [id, session] of sessions)
        if (now - session.lastActive > idleMs) {
          sessions.delete(id);
          void session.close();
        }
    },
    Math.min(idleMs, 60_000),
  );
  sweep.unref();
  app.onClose(async () => {
    clearInterval(sweep);
    await Promise.all([...sessions.values()].map((session) => session.close()));
    sessions.clear();
  });

  app.router.addRaw(MCP_PATH, async (req, res) => {
    const token = bearer(req);
    if (!token)
      return refuse(res, 401, "This endpoint needs a Canvas share-link token: Authorization: Bearer <token>.");
    const tokenHash = hashToken(token);
    const link = await app.store.linkForToken(tokenHash);
    if (!link || !(await app.store.getRoom(link.roomId)))
      return refuse(
        res,
        401,
        "This link is not valid (wrong, rotated or revoked). Ask the room's owner for a new one.",
      );

    let body: unknown;
    if (req.method === "POST") {
      try {
        body = await readJson(req, z.unknown(), app.maxMessageBytes);
      } catch (error) {
        if (error instanceof HttpError) return refuse(res, error.status, error.message, error.headers);
        throw error;
      }
    }
    const sessionId = header(req, "mcp-session-id");
    if (sessionId) {
      const session = sessions.get(sessionId);
      // Another link's session is as unknown to this one as a closed session.
      if (!session || session.link.tokenHash !== tokenHash)
        return refuse(res, 404, "This MCP session has ended. Initialize a new one.");
      session.lastActive = Date.now();
      await transports.get(session)!.handleRequest(req, res, body);
      return;
    }
    if (req.method !== "POST" || !isInitializeRequest(body))
      return refuse(res, 400, "No MCP session: send an initialize request first.");
    const open = [...sessions.values()];
    if (open.length >= maxSessions || open.filter((s) => s.link.tokenHash === tokenHash).length >= perLink)
      return refuse(res, 429, "Too many open MCP sessions for this link. Close one (DELETE /mcp) or wait.");

    const session = new McpSession(
      app,
      { ...link, tokenHash },
      {
        takeCall: (key) => limiter.take(key),
        changes,
      },
    );
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => void sessions.set(id, session),
    });
    // Revoking or rotating the link ends the session at once, like the link's sockets.
    const untrack = app.liveLinks.track(link.roomId, link.role, () => void transport.close());
    transport.onclose = () => {
      untrack();
      if (transport.sessionId) sessions.delete(transport.sessionId);
      void session.close();
    };
    transports.set(session, transport);
    await session.server.connect(transport);
    await transport.handleRequest(req, res, body);
  });
}

function bearer(req: IncomingMessage): string | null {
  const value = req.headers.authorization;
  return value?.startsWith("Bearer ") ? value.slice(7).trim() || null : null;
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === "string" && value ? value : null;
}

/** A JSON-RPC error body, as MCP clients expect from the transport. */
function refuse(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    "Content-Type": "application/json",
    "Cache-Control": "no-store",
    ...(status === 401 ? { "WWW-Authenticate": 'Bearer realm="canvas"' } : {}),
    ...headers,
  });
  res.end(JSON.stringify({ jsonrpc: "2.0", error: { code: -32000, message }, id: null }));
}
