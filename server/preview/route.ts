// Serves the live-preview runtime (built from client/preview into dist/client/preview) for the app's
// sandboxed preview iframe. The frame's document gets its own CSP: scripts only from /preview/ plus the
// inline/eval the previewed code needs, and no network at all (connect-src 'none', no remote images,
// fonts or scripts). Its origin is opaque (sandbox without allow-same-origin), so its module scripts
// are cross-origin loads: the runtime's assets are served with CORS, and they hold nothing private.
import type { IncomingMessage } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join } from "node:path";
import type { AppContext } from "../appContext.ts";
import { HttpError, notFound } from "../http/errors.ts";

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".svg": "image/svg+xml",
};

/** The CSP of the preview document, for a server reached at `origin`. */
export function previewPolicy(origin: string): string {
  const self = `${origin}/preview/`;
  return [
    "default-src 'none'",
    `script-src ${self} 'unsafe-inline' 'unsafe-eval'`,
    `style-src ${self} 'unsafe-inline'`,
    "img-src data: blob:",
    `font-src ${self} data:`,
    "media-src data: blob:",
    "connect-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
    "frame-ancestors 'self'",
  ].join("; ");
}

function originOf(req: IncomingMessage, publicUrl: string): string {
  return new URL(publicUrl).origin || `http://${req.headers.host ?? "localhost"}`;
}

export function registerPreviewRoutes(app: AppContext, dir: string | null): void {
  const { router } = app;
  const missing = () =>
    new HttpError(503, "preview_not_built", "The preview runtime is not built. Run `npm run build`, then reload.");

  router.add("GET", "/preview/frame.html", async (ctx) => {
    if (!dir) throw missing();
    const body = await readFile(join(dir, "frame.html")).catch(() => null);
    if (!body) throw missing();
    return {
      status: 200,
      body,
      headers: {
        "Content-Type": "text/html; charset=utf-8",
        "Content-Security-Policy": previewPolicy(originOf(ctx.req, app.publicUrl(ctx.req))),
        // Framed by the app only (frame-ancestors above says the same to browsers that read CSP).
        "X-Frame-Options": "SAMEORIGIN",
        "Cache-Control": "no-cache",
      },
    };
  });

  router.add("GET", "/preview/assets/:file", async (ctx) => {
    const file = ctx.params.file!;
    if (!dir || !/^[\w.-]+$/.test(file) || file.startsWith(".")) throw notFound("Preview file");
    const body = await readFile(join(dir, "assets", file)).catch(() => null);
    if (!body) throw notFound("Preview file");
    return {
      status: 200,
      body,
      headers: {
        "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
        "Access-Control-Allow-Origin": "*",
        "Cross-Origin-Resource-Policy": "cross-origin",
        "Cache-Control": "public, max-age=31536000, immutable",
      },
    };
  });
}
