// The server's settings, read once from the environment and validated with zod. A bad value stops
// the start with one message that lists every bad variable and what it may be. Every setting is
// here and in the README's table; the rest of the server gets its values passed in, and the
// defaults below are the ones to use where an option is left out (tests, benchmarks, evals).
import { z } from "zod";
import { ENGINE_KINDS, type EngineKind } from "../shared/engineInfo.ts";

/**
 * gpt-4.1: follows tool-use instructions closely, supports strict function schemas,
 * `parallel_tool_calls: false` and Predicted Outputs (the fast rewrite path), which the newer
 * reasoning models do not; and it streams its first token quickly, which matters in a live room.
 */
export const DEFAULT_CANVAS_MODEL = "gpt-4.1";

/** Sent as the key to OpenAI-compatible servers that need none (Ollama, llama.cpp, vLLM). */
export const PLACEHOLDER_API_KEY = "not-needed";

/** Prompt budget for the model's context (conversation + canvas), in tokens. */
export const DEFAULT_CONTEXT_TOKENS = 24_000;
/** Most tool calls (steps) one turn takes: read, edit, comment… */
export const DEFAULT_MAX_STEPS = 8;
/** Most tokens one turn spends over all its requests (input + output). */
export const DEFAULT_TURN_TOKENS = 200_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_RETRIES = 2;
/** Largest websocket message or canvas body accepted. */
export const DEFAULT_MAX_MESSAGE_BYTES = 10 * 1024 * 1024;
/** Updates a room appends before its log is compacted into a snapshot. */
export const DEFAULT_COMPACT_EVERY = 500;
/** Open connections (HTTP and websocket) one address may hold. */
export const DEFAULT_CONNECTIONS_PER_ADDRESS = 256;
/** Rooms one address may create per minute. */
export const DEFAULT_ROOMS_PER_MINUTE = 30;
/** Model runs the whole server may start per hour, across every room and link. */
export const DEFAULT_RUNS_PER_HOUR = 600;
/** Feedback rows older than this are deleted (checked at start and daily). */
export const FEEDBACK_RETENTION_MS = 90 * 24 * 60 * 60 * 1000;
export const DEFAULT_REDIS_PREFIX = "canvas:";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  logLevel: (typeof LOG_LEVELS)[number];
  engine: EngineKind;
  /** The key sent to the provider; the placeholder for a keyless local server; undefined for the local engine. */
  apiKey: string | undefined;
  baseURL: string | undefined;
  model: string;
  predictedOutputs: boolean;
  requestTimeoutMs: number;
  maxRetries: number;
  maxMessageBytes: number;
  /** Prompt budget for the model's context (conversation + canvas), in tokens. */
  contextTokens: number;
  /** Most tool calls one turn takes. */
  maxSteps: number;
  /** Most tokens (input + output over every request) one turn spends. */
  turnTokens: number;
  /** Base URL of share links when the server sits behind a proxy; undefined: the request's Host. */
  publicUrl: string | undefined;
  compactEvery: number;
  connectionsPerAddress: number;
  roomsPerMinute: number;
  runsPerHour: number;
  /** Bearer token that unlocks /metrics; undefined: /metrics is off. */
  metricsToken: string | undefined;
  /** Scale-out: Postgres storage shared by several processes; undefined: SQLite in dataDir. */
  databaseUrl: string | undefined;
  /** Scale-out: Redis fan-out between processes and the room lock around agent runs. */
  redisUrl: string | undefined;
  /** Prefix of Redis keys and channels (several deployments or test runs on one Redis). */
  redisPrefix: string;
}

/** What connecting the scale-out backends needs (server/scale/index.ts). */
export type ScaleConfig = Pick<Config, "databaseUrl" | "redisUrl" | "redisPrefix">;

const int = (min: number, max: number) =>
  z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(min).max(max));

interface Setting<T> {
  schema: z.ZodType<T, string>;
  fallback: T;
  allowed: string;
  /** The value may hold a password: errors name the variable but do not repeat its value. */
  secret?: boolean;
}

const settings = {
  PORT: {
    schema: int(0, 65_535),
    fallback: 3000,
    allowed: "a port number 0-65535 (0 picks a free port)",
  } satisfies Setting<number>,
  HOST: {
    schema: z.string().min(1),
    // This machine only unless asked: a fresh `npm start` on a laptop is not open to the network.
    fallback: "127.0.0.1",
    allowed: "a host name or IP address to listen on",
  } satisfies Setting<string>,
  DATA_DIR: { schema: z.string().min(1), fallback: "./data", allowed: "a directory path" } satisfies Setting<string>,
  LOG_LEVEL: { schema: z.enum(LOG_LEVELS), fallback: "info", allowed: LOG_LEVELS.join(", ") } satisfies Setting<
    Config["logLevel"]
  >,
  OPENAI_BASE_URL: {
    schema: z.url({ protocol: /^https?$/ }),
    fallback: undefined,
    allowed: "an http(s) URL of an OpenAI-compatible API, e.g. http://localhost:11434/v1",
  } satisfies Setting<string | undefined>,
  CANVAS_MODEL: {
    schema: z.string().min(1),
    fallback: DEFAULT_CANVAS_MODEL,
    allowed: "a model name the provider serves",
  } satisfies Setting<string>,
  CANVAS_ENGINE: {
    schema: z.enum(ENGINE_KINDS),
    fallback: undefined,
    allowed: ENGINE_KINDS.join(", "),
  } satisfies Setting<EngineKind | undefined>,
  CANVAS_PREDICTED_OUTPUTS: {
    schema: z.enum(["1", "0", "true", "false"]).transform((value) => value === "1" || value === "true"),
    fallback: false,
    allowed: "1 or 0",
  } satisfies Setting<boolean>,
  CANVAS_REQUEST_TIMEOUT_MS: {
    schema: int(100, 3_600_000),
    fallback: DEFAULT_REQUEST_TIMEOUT_MS,
    allowed: "milliseconds, 100-3600000",
  } satisfies Setting<number>,
  CANVAS_MAX_RETRIES: {
    schema: int(0, 10),
    fallback: DEFAULT_MAX_RETRIES,
    allowed: "a whole number 0-10",
  } satisfies Setting<number>,
  MAX_MESSAGE_BYTES: {
    schema: int(1024, 1024 ** 3),
    fallback: DEFAULT_MAX_MESSAGE_BYTES,
    allowed: "bytes, 1024-1073741824",
  } satisfies Setting<number>,
  CANVAS_CONTEXT_TOKENS: {
    schema: int(1000, 2_000_000),
    fallback: DEFAULT_CONTEXT_TOKENS,
    allowed: "tokens, 1000-2000000",
  } satisfies Setting<number>,
  CANVAS_MAX_STEPS: {
    schema: int(1, 50),
    fallback: DEFAULT_MAX_STEPS,
    allowed: "a whole number 1-50",
  } satisfies Setting<number>,
  CANVAS_TURN_TOKENS: {
    schema: int(1000, 100_000_000),
    fallback: DEFAULT_TURN_TOKENS,
    allowed: "tokens, 1000-100000000",
  } satisfies Setting<number>,
  PUBLIC_URL: {
    schema: z.url({ protocol: /^https?$/ }).transform((url) => url.replace(/\/+$/, "")),
    fallback: undefined,
    allowed: "the http(s) URL people open, e.g. https://canvas.example.com",
  } satisfies Setting<string | undefined>,
  CANVAS_CONNECTIONS_PER_ADDRESS: {
    schema: int(1, 1_000_000),
    fallback: DEFAULT_CONNECTIONS_PER_ADDRESS,
    allowed: "a number of connections, 1-1000000",
  } satisfies Setting<number>,
  CANVAS_ROOMS_PER_MINUTE: {
    schema: int(1, 1_000_000),
    fallback: DEFAULT_ROOMS_PER_MINUTE,
    allowed: "a number of rooms, 1-1000000",
  } satisfies Setting<number>,
  CANVAS_RUNS_PER_HOUR: {
    schema: int(1, 10_000_000),
    fallback: DEFAULT_RUNS_PER_HOUR,
    allowed: "a number of runs, 1-10000000",
  } satisfies Setting<number>,
  CANVAS_METRICS_TOKEN: {
    schema: z.string().min(16),
    fallback: undefined,
    allowed: "a secret of at least 16 characters that scrapers send as a Bearer token",
    secret: true,
  } satisfies Setting<string | undefined>,
  CANVAS_COMPACT_EVERY: {
    schema: int(1, 1_000_000),
    fallback: DEFAULT_COMPACT_EVERY,
    allowed: "a number of updates, 1-1000000",
  } satisfies Setting<number>,
  DATABASE_URL: {
    schema: z.url({ protocol: /^postgres(ql)?$/ }),
    fallback: undefined,
    allowed: "postgres://user:password@host:5432/database",
    secret: true,
  } satisfies Setting<string | undefined>,
  REDIS_URL: {
    schema: z.url({ protocol: /^rediss?$/ }),
    fallback: undefined,
    allowed: "redis://host:6379 (or rediss:// for TLS)",
    secret: true,
  } satisfies Setting<string | undefined>,
  REDIS_PREFIX: {
    schema: z.string().regex(/^[A-Za-z0-9:_-]{1,64}$/),
    fallback: DEFAULT_REDIS_PREFIX,
    allowed: "letters, digits, ':', '_' or '-' (at most 64)",
  } satisfies Setting<string>,
};

type SettingName = keyof typeof settings;

/** Every environment variable the server reads (the README's table lists each one). */
export const SETTING_NAMES: readonly string[] = [...Object.keys(settings), "OPENAI_API_KEY"];
type Values = { [K in SettingName]: (typeof settings)[K]["fallback"] | z.output<(typeof settings)[K]["schema"]> };

/** Reads and validates the configuration; throws one Error naming every bad variable and its allowed values. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const problems: string[] = [];
  const values = {} as Record<SettingName, unknown>;
  for (const name of Object.keys(settings) as SettingName[]) {
    const setting: Setting<unknown> = settings[name];
    const raw = present(env[name]);
    if (raw === undefined) {
      values[name] = setting.fallback;
      continue;
    }
    const parsed = setting.schema.safeParse(raw);
    if (parsed.success) values[name] = parsed.data;
    else {
      const shown = setting.secret ? name : `${name}=${JSON.stringify(raw)}`;
      problems.push(`${shown} is not valid: expected ${setting.allowed}`);
    }
  }
  const v = values as Values;
  const key = present(env.OPENAI_API_KEY);
  const engine = v.CANVAS_ENGINE ?? (key !== undefined ? "openai" : "local");
  if (engine === "openai" && key === undefined && v.OPENAI_BASE_URL === undefined) {
    problems.push(
      "CANVAS_ENGINE=openai needs OPENAI_API_KEY, or OPENAI_BASE_URL for a local server that needs no key; " +
        "set one of them, or use CANVAS_ENGINE=local for the offline engine",
    );
  }
  if (problems.length > 0) {
    throw new Error(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
  }
  return {
    port: v.PORT,
    host: v.HOST,
    dataDir: v.DATA_DIR,
    logLevel: v.LOG_LEVEL,
    engine,
    apiKey: engine === "openai" ? (key ?? PLACEHOLDER_API_KEY) : undefined,
    baseURL: v.OPENAI_BASE_URL,
    model: v.CANVAS_MODEL,
    predictedOutputs: v.CANVAS_PREDICTED_OUTPUTS,
    requestTimeoutMs: v.CANVAS_REQUEST_TIMEOUT_MS,
    maxRetries: v.CANVAS_MAX_RETRIES,
    maxMessageBytes: v.MAX_MESSAGE_BYTES,
    contextTokens: v.CANVAS_CONTEXT_TOKENS,
    maxSteps: v.CANVAS_MAX_STEPS,
    turnTokens: v.CANVAS_TURN_TOKENS,
    publicUrl: v.PUBLIC_URL,
    compactEvery: v.CANVAS_COMPACT_EVERY,
    metricsToken: v.CANVAS_METRICS_TOKEN,
    connectionsPerAddress: v.CANVAS_CONNECTIONS_PER_ADDRESS,
    roomsPerMinute: v.CANVAS_ROOMS_PER_MINUTE,
    runsPerHour: v.CANVAS_RUNS_PER_HOUR,
    databaseUrl: v.DATABASE_URL,
    redisUrl: v.REDIS_URL,
    redisPrefix: v.REDIS_PREFIX,
  };
}

// An empty variable (`OPENAI_API_KEY=`) means "not set", as shells and .env files write it.
function present(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === "" ? undefined : trimmed;
}
