// The change log's bounded disk use on Postgres (the same cases as retention.test.ts on SQLite),
// measured on the table itself. Runs when DATABASE_URL/REDIS_URL are set (tests/scale/services.ts).
import pg from "pg";
import { afterEach, it } from "vitest";
import { PostgresStore } from "../../server/store/postgres.ts";
import { describeScale, freshSchema, services, type TestSchema } from "../scale/services.ts";
import {
  aChangeOnA100kWordCanvasIsStoredCompressed,
  changesBeyondTheLimitKeepOnlyTheNewestTexts,
  type MeasureTexts,
} from "./retention.ts";

let schema: TestSchema | null = null;
let store: PostgresStore | null = null;
let client: pg.Client | null = null;
afterEach(async () => {
  await client?.end();
  await store?.close();
  client = null;
  await schema?.drop();
  store = null;
  schema = null;
});

async function connect(): Promise<{ store: PostgresStore; measure: MeasureTexts }> {
  schema = await freshSchema();
  const opened = await PostgresStore.connect({ connectionString: services().databaseUrl, schema: schema.name });
  store = opened;
  const reader = new pg.Client({ connectionString: schema.url });
  await reader.connect();
  client = reader;
  const measure: MeasureTexts = async (roomId) => {
    const { rows } = await reader.query<{ total: string; kept: string; bytes: string }>(
      `SELECT count(*) AS total, count(before_text) AS kept,
              coalesce(sum(octet_length(before_text) + octet_length(after_text)), 0) AS bytes
       FROM changes WHERE room_id = $1`,
      [roomId],
    );
    const row = rows[0]!;
    return { total: Number(row.total), kept: Number(row.kept), bytes: Number(row.bytes) };
  };
  return { store: opened, measure };
}

describeScale("change log retention (Postgres)", () => {
  it("more than the kept number of changes on a canvas keep every record but only the newest texts; the oldest edit is too old to undo, the newest undoes", async () => {
    const { store, measure } = await connect();
    await changesBeyondTheLimitKeepOnlyTheNewestTexts(store, measure);
  });

  it("one change on a 100k-word canvas is stored in well under the size of its two texts", async () => {
    const { store, measure } = await connect();
    await aChangeOnA100kWordCanvasIsStoredCompressed(store, measure);
  });
});
