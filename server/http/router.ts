// A small HTTP router: method + path pattern -> handler returning a reply value. Bodies are read
// with a size limit and validated by zod; every failure becomes `{error: {code, message}}`.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import { z } from "zod";
import { HttpError } from "./errors.ts";

export interface Reply {
  status: number;
  json?: unknown;
  text?: string;
  body?: Buffer;
  headers?: Record<string, string>;
}

interface RequestContext {
  req: IncomingMessage;
  url: URL;
  params: Record<string, string>;
  /** Bearer token from the Authorization header, else `?token=`. */
  token: string | null;
  body<T>(schema: z.ZodType<T>, limitBytes?: number): Promise<T>;
  log: Logger;
}

export type Handler = (ctx: RequestContext) => Promise<Reply>;

/** A handler that answers on the response itself (a protocol with its own streaming, like MCP's). */
export type RawHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

interface Route {
  method: string;
  pattern: RegExp;
  keys: string[];
  handler: Handler;
}

export const SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
  "Content-Security-Policy":
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
    "connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
};

export class Router {
  private readonly routes: Route[] = [];
  private readonly rawRoutes = new Map<string, RawHandler>();

  constructor(
    private readonly log: Logger,
    private readonly defaultBodyLimit: number,
  ) {}

  add(method: string, path: string, handler: Handler): this {
    const keys: string[] = [];
    const source = path.replace(/:([a-zA-Z]+)/g, (_match, key: string) => {
      keys.push(key);
      return "([^/]+)";
    });
    this.routes.push({ method, pattern: new RegExp(`^${source}$`), keys, handler });
    return this;
  }

  /** Hand every request to exactly `path` (any method) to `handler`. */
  addRaw(path: string, handler: RawHandler): this {
    this.rawRoutes.set(path, handler);
    return this;
  }

  /** Handle the request if a route matches; returns false when none does. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const raw = this.rawRoutes.get(url.pathname);
    if (raw) {
      try {
        await raw(req, res, url);
      } catch (error) {
        this.log.error({ err: error, path: url.pathname, method: req.method }, "request failed");
        send(res, { status: 500, json: errorBody("internal", "Something went wrong on the server. Try again.") });
      }
      return true;
    }
    const candidates = this.routes.filter((route) => route.pattern.test(url.pathname));
    if (candidates.length === 0) return false;
    const route = candidates.find((candidate) => candidate.method === req.method);
    if (!route) {
      send(res, {
        status: 405,
        json: errorBody("method_not_allowed", `${req.method} is not allowed on ${url.pathname}.`),
      });
      return true;
    }
    const match = route.pattern.exec(url.pathname)!;
    const params: Record<string, string> = {};
    try {
      route.keys.forEach((key, index) => (params[key] = decodeURIComponent(match[index + 1]!)));
    } catch {
      send(res, {
        status: 400,
        json: errorBody("bad_path", `The path ${url.pathname} is not valid percent-encoding.`),
      });
      return true;
    }
    const ctx: RequestContext = {
      req,
      url,
      params,
      token: bearerToken(req, url),
      body: (schema, limit) => readJson(req, schema, limit ?? this.defaultBodyLimit),
      log: this.log,
    };
    try {
      send(res, await route.handler(ctx));
    } catch (error) {
      if (error instanceof HttpError) {
        send(res, { status: error.status, json: errorBody(error.code, error.message), headers: error.headers });
      } else {
        this.log.error({ err: error, path: url.pathname, method: req.method }, "request failed");
        send(res, { status: 500, json: errorBody("internal", "Something went wrong on the server. Try again.") });
      }
    }
    return true;
  }
}

export function errorBody(code: string, message: string): { error: { code: string; message: string } } {
  return { error: { code, message } };
}

export function send(res: ServerResponse, reply: Reply): void {
  if (res.headersSent) return;
  const headers: Record<string, string> = { ...SECURITY_HEADERS, "Cache-Control": "no-store", ...reply.headers };
  let payload: string | Buffer = "";
  if (reply.body) payload = reply.body;
  else if (reply.text !== undefined) {
    payload = reply.text;
    headers["Content-Type"] ??= "text/plain; charset=utf-8";
  } else if (reply.json !== undefined) {
    payload = JSON.stringify(reply.json);
    headers["Content-Type"] = "application/json; charset=utf-8";
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}

function bearerToken(req: IncomingMessage, url: URL): string | null {
  const header = req.headers.authorization;
  if (header?.startsWith("Bearer ")) return header.slice(7).trim() || null;
  return url.searchParams.get("token");
}

/** Read a JSON body of at most `limit` bytes and validate it; throws an HttpError saying what was wrong. */
export async function readJson<T>(req: IncomingMessage, schema: z.ZodType<T>, limit: number): Promise<T> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.byteLength;
    if (size > limit) throw tooLarge(limit);
    chunks.push(buffer);
  }
  const raw = Buffer.concat(chunks).toString("utf8");
  let value: unknown = {};
  if (raw.trim()) {
    try {
      value = JSON.parse(raw);
    } catch {
      throw new HttpError(400, "invalid_json", "The request body is not valid JSON.");
    }
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`)
      .join("; ");
    throw new HttpError(400, "invalid_body", `Invalid request: ${issues}.`);
  }
  return parsed.data;
}

function tooLarge(limit: number): HttpError {
  // The rest of the body is never read, so the connection cannot carry another request: close it,
  // else a keep-alive client sends its next request into the abandoned body and hangs.
  return new HttpError(413, "too_large", `The request body is larger than ${limit} bytes.`, { Connection: "close" });
}
