// A fresh Postgres schema and a connection URL that uses it, so tests and benches never see each
// other's rows. No vitest import: the benches use it too.
import { randomBytes } from "node:crypto";
import pg from "pg";

export async function createSchema(databaseUrl: string, prefix: string): Promise<{ name: string; url: string }> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`CREATE SCHEMA ${name}`);
  await client.end();
  const url = new URL(databaseUrl);
  url.searchParams.set("options", `-c search_path=${name}`);
  return { name, url: url.toString() };
}
