// Builds the client once per test run: `vite build` into dist/client when the build is older than the
// client (or shared) sources. A lock directory (mkdir is atomic) keeps parallel test files from racing.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const CLIENT_DIST = join(ROOT, "dist", "client");
const LOCK = join(ROOT, "dist", ".client-build.lock");
const STALE_LOCK_MS = 5 * 60_000;

function newestMtime(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function clientBuildIsStale(): boolean {
  const index = join(CLIENT_DIST, "index.html");
  const frame = join(CLIENT_DIST, "preview", "frame.html");
  if (!existsSync(index) || !existsSync(frame)) return true;
  // The preview runtime is built after the app, so the app's index is the older of the two.
  const built = Math.min(statSync(index).mtimeMs, statSync(frame).mtimeMs);
  const sources = [
    join(ROOT, "client"),
    join(ROOT, "shared"),
    join(ROOT, "vite.config.ts"),
    join(ROOT, "vite.preview.config.ts"),
  ].filter((path) => existsSync(path));
  return sources.some((path) => newestMtime(path) > built);
}

function tryLock(): boolean {
  mkdirSync(dirname(LOCK), { recursive: true });
  try {
    mkdirSync(LOCK);
    return true;
  } catch {
    // Someone else holds it; a lock left behind by a crashed run expires.
    const age = Date.now() - (existsSync(LOCK) ? statSync(LOCK).mtimeMs : 0);
    if (age > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
    return false;
  }
}

export async function ensureClientBuilt(): Promise<string> {
  while (clientBuildIsStale()) {
    if (!tryLock()) {
      await new Promise((done) => setTimeout(done, 250));
      continue;
    }
    try {
      if (clientBuildIsStale()) {
        const { build } = await import("vite");
        await build({ configFile: join(ROOT, "vite.config.ts"), logLevel: "warn", build: { sourcemap: false } });
        // The preview runtime (client/preview) into dist/client/preview, after the app's build emptied dist/client.
        await build({ configFile: join(ROOT, "vite.preview.config.ts"), logLevel: "warn" });
      }
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
  return CLIENT_DIST;
}
