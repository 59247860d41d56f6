// `npm start`: one process, one port: the client, the JSON API and the Yjs websocket protocol.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "./app.ts";
import { loadConfig, type Config } from "./config.ts";
import { createLogger } from "./log.ts";
import { installAgent } from "./agent/index.ts";
import { createEngine } from "./agent/engines.ts";
import { connectScaleOut } from "./scale/index.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
  const log = createLogger(config.logLevel);
  const staticDir = join(root, "dist", "client");
  if (!existsSync(join(staticDir, "index.html"))) {
    log.warn("dist/client is missing: run `npm run build` (npm start does it) to serve the app");
  }
  const engine = createEngine({
    engine: config.engine,
    model: config.model,
    baseURL: config.baseURL,
    apiKey: config.apiKey,
    timeoutMs: config.requestTimeoutMs,
    maxRetries: config.maxRetries,
    predictedOutputs: config.predictedOutputs,
  });
  // `npm run dev`: Vite serves the client from source with hot reload, still on the one port.
  const vite = process.argv.includes("--dev")
    ? await (
        await import("vite")
      ).createServer({ configFile: join(root, "vite.config.ts"), server: { middlewareMode: true }, appType: "spa" })
    : null;
  // DATABASE_URL / REDIS_URL: shared storage and fan-out, so several processes serve the same rooms.
  const scale = await connectScaleOut(config, log).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    return process.exit(1);
  });
  const server = await startServer({
    store: scale.store,
    fanout: scale.fanout,
    roomLocks: scale.roomLocks,
    port: config.port,
    host: config.host,
    dataDir: resolve(config.dataDir),
    staticDir: vite ? null : staticDir,
    // The preview runtime is always the built one (`npm run build`), also under `npm run dev`.
    previewDir: join(staticDir, "preview"),
    fallback: vite ? (req, res, next) => vite.middlewares(req, res, next) : undefined,
    logger: log,
    maxMessageBytes: config.maxMessageBytes,
    compactEvery: config.compactEvery,
    metrics: config.metricsToken ? { token: config.metricsToken } : "off",
    connectionsPerAddress: config.connectionsPerAddress,
    roomsPerMinute: config.roomsPerMinute,
    publicUrl: config.publicUrl,
    extend: (app) => {
      installAgent(app, {
        engine,
        contextTokens: config.contextTokens,
        runsPerHour: config.runsPerHour,
        limits: { maxSteps: config.maxSteps, turnTokens: config.turnTokens },
      });
    },
  });
  const shownHost = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
  log.info(
    { port: server.port, engine: engine.kind, model: engine.model, dataDir: resolve(config.dataDir) },
    "server started",
  );
  console.log(
    `\n  Canvas is running at http://${shownHost}:${server.port}\n  Engine: ${engine.kind === "local" ? "offline rules (set OPENAI_API_KEY for a model)" : engine.model}\n  Storage: ${scale.describe()}\n`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down: finishing runs and flushing storage");
    Promise.all([server.close().then(() => scale.close()), vite?.close()])
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        log.error({ err: error }, "shutdown failed");
        process.exit(1);
      });
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

void main();
