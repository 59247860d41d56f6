// Redis and Postgres for the scale-out tests. Unset REDIS_URL/DATABASE_URL: the tests are skipped
// with a loud warning; in CI (process.env.CI) they run and fail, so a broken setup cannot hide.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createSchema } from "./pgSchema.ts";
import { describe } from "vitest";

export interface ScaleServices {
  databaseUrl: string;
  redisUrl: string;
}

function read(): ScaleServices | null {
  const databaseUrl = process.env.DATABASE_URL?.trim();
  const redisUrl = process.env.REDIS_URL?.trim();
  return databaseUrl && redisUrl ? { databaseUrl, redisUrl } : null;
}

const found = read();
if (!found) {
  const how =
    "start redis-server and postgresql and set REDIS_URL=redis://127.0.0.1:6379 DATABASE_URL=postgres://user:pass@127.0.0.1:5432/db (see docs/SCALE.md)";
  if (process.env.CI)
    console.error(`\n!!! scale-out tests: REDIS_URL/DATABASE_URL are unset in CI; they will FAIL. ${how}\n`);
  else
    console.warn(
      `\n!!! SKIPPING the scale-out tests (Redis + Postgres): REDIS_URL/DATABASE_URL are unset. To run them, ${how}\n`,
    );
}

/** `describe` when the services are configured or in CI (where missing services must fail), else skipped. */
export const describeScale = found || process.env.CI ? describe : describe.skip;

export function services(): ScaleServices {
  if (!found)
    throw new Error(
      "REDIS_URL and DATABASE_URL must be set for the scale-out tests (CI runs them; .ci/run starts both)",
    );
  return found;
}

export interface TestSchema {
  name: string;
  /** DATABASE_URL pointing at the fresh schema (through the search_path). */
  url: string;
  drop(): Promise<void>;
}

/** A fresh Postgres schema for one test, so runs never see each other's rows. */
export async function freshSchema(): Promise<TestSchema> {
  const { databaseUrl } = services();
  const { name, url } = await createSchema(databaseUrl, "canvas_test");
  return {
    name,
    url,
    async drop() {
      const dropper = new pg.Client({ connectionString: databaseUrl });
      await dropper.connect();
      await dropper.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
      await dropper.end();
    },
  };
}

/** A Redis key prefix of its own for one test. */
export function freshRedisPrefix(): string {
  return `canvas-test-${randomBytes(6).toString("hex")}:`;
}

export async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
