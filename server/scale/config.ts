// Scale-out settings from the environment: DATABASE_URL switches storage to Postgres, REDIS_URL
// turns on fan-out between processes and the shared room lock. Both unset: one process on SQLite.
import { z } from "zod";

export interface ScaleConfig {
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  /** Prefix of Redis keys and channels (several deployments or test runs on one Redis). */
  redisPrefix: string;
}

const databaseUrl = z.url({ protocol: /^postgres(ql)?$/ });
const redisUrl = z.url({ protocol: /^rediss?$/ });
const prefix = z.string().regex(/^[A-Za-z0-9:_-]{1,64}$/);

/** Reads and validates the scale-out variables; throws one Error listing every bad one. */
export function loadScaleConfig(env: Record<string, string | undefined> = process.env): ScaleConfig {
  const problems: string[] = [];
  const read = <T>(name: string, schema: z.ZodType<T>, allowed: string): T | undefined => {
    const raw = env[name]?.trim();
    if (!raw) return undefined;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    problems.push(`${name} is not valid: expected ${allowed}`);
    return undefined;
  };
  const config = {
    databaseUrl: read("DATABASE_URL", databaseUrl, "postgres://user:password@host:5432/database"),
    redisUrl: read("REDIS_URL", redisUrl, "redis://host:6379 (or rediss:// for TLS)"),
    redisPrefix: read("REDIS_PREFIX", prefix, "letters, digits, ':', '_' or '-' (at most 64)") ?? "canvas:",
  };
  if (problems.length > 0)
    throw new Error(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
  return config;
}
