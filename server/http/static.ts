// Serves the built client. Unknown paths without a file extension get index.html (SPA routes).
import type { IncomingMessage, ServerResponse } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { SECURITY_HEADERS } from "./router.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".woff2": "font/woff2",
};

export async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
  } catch {
    return false;
  }
  // Source maps stay on the build machine: they would hand out the source to anyone.
  if (pathname.endsWith(".map")) return false;
  const candidate = normalize(join(root, pathname));
  if (!candidate.startsWith(normalize(root + sep)) && candidate !== normalize(root)) return false;
  let file = candidate;
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) {
    if (extname(pathname)) return false;
    file = join(root, "index.html");
  }
  const body = await readFile(file).catch(() => null);
  if (!body) return false;
  const immutable = file.includes(`${sep}assets${sep}`);
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
    "Cache-Control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
  });
  res.end(req.method === "HEAD" ? undefined : body);
  return true;
}
