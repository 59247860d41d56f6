// PostgreSQL store (pg Pool) with the same tables and semantics as the SQLite store, for running
// several server processes on one database. Two processes may append to the same room at once:
// the per-room seq is computed in the INSERT and a clash on (room_id, seq) is retried. Compaction
// merges what is stored with the caller's snapshot, so any process may compact at any time without
// dropping an update it has not seen yet (another process may have appended it a moment ago).
import pg from "pg";
import * as Y from "yjs";
import { isRole, type Role } from "../../shared/roles.ts";
import {
  ROOM_DATA_TABLES,
  type FeedbackRecord,
  type NewRoomData,
  type RoomRecord,
  type Store,
  type StoredDoc,
  type StoredChange,
  type VersionRecord,
} from "./store.ts";
import type { ChangeStatus, ChangeSummary } from "../../shared/changes.ts";
import * as tables from "./rows.ts";

/** Applied in order, once each, recorded in schema_migrations. Never edit one that has shipped. */
const MIGRATIONS = [
  `CREATE TABLE rooms (id TEXT PRIMARY KEY, title TEXT NOT NULL, created_at BIGINT NOT NULL);
   CREATE TABLE links (room_id TEXT NOT NULL, role TEXT NOT NULL, token_hash TEXT, PRIMARY KEY (room_id, role));
   CREATE INDEX links_by_hash ON links (token_hash);
   CREATE TABLE updates (room_id TEXT NOT NULL, seq BIGINT NOT NULL, data BYTEA NOT NULL, PRIMARY KEY (room_id, seq));
   CREATE TABLE snapshots (room_id TEXT PRIMARY KEY, upto_seq BIGINT NOT NULL, data BYTEA NOT NULL);
   CREATE TABLE versions (ord BIGSERIAL, id TEXT PRIMARY KEY, room_id TEXT NOT NULL, canvas_id TEXT NOT NULL, reason TEXT NOT NULL,
     author TEXT NOT NULL, text TEXT NOT NULL, run_id TEXT, created_at BIGINT NOT NULL);
   CREATE INDEX versions_by_canvas ON versions (room_id, canvas_id, created_at);
   CREATE TABLE feedback (ord BIGSERIAL, id TEXT PRIMARY KEY, room_id TEXT NOT NULL, run_id TEXT, kind TEXT NOT NULL, value TEXT NOT NULL,
     context_json TEXT NOT NULL, created_at BIGINT NOT NULL);`,
  `CREATE TABLE sealed_links (room_id TEXT PRIMARY KEY, data BYTEA NOT NULL);`,
  `CREATE TABLE changes (ord BIGSERIAL, id TEXT NOT NULL, room_id TEXT NOT NULL, run_id TEXT, canvas_id TEXT NOT NULL,
     tool TEXT NOT NULL, summary TEXT NOT NULL, author_id TEXT NOT NULL, author_name TEXT NOT NULL, origin TEXT NOT NULL,
     status TEXT NOT NULL, before_text BYTEA, after_text BYTEA, created_at BIGINT NOT NULL,
     PRIMARY KEY (room_id, id));
   CREATE INDEX changes_by_canvas ON changes (room_id, canvas_id, created_at);
   -- The texts arrive brotli-compressed: TOAST stores them out of line without compressing them again.
   ALTER TABLE changes ALTER COLUMN before_text SET STORAGE EXTERNAL, ALTER COLUMN after_text SET STORAGE EXTERNAL;`,
  `CREATE TABLE health (id INTEGER PRIMARY KEY, checked_at BIGINT NOT NULL);`,
];
/** The schema version a migrated database is at. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Advisory lock namespace (first key) for this store; the second key is a hash of the room or 0. */
const LOCK_NAMESPACE = 0x43414e56; // "CANV"
const APPEND_ATTEMPTS = 100;
const dollar = (position: number): string => `$${position}`;

export interface PostgresStoreOptions {
  connectionString: string;
  /** A schema to create (if missing) and use instead of the connection's default (tests use a fresh one). */
  schema?: string;
  /** Pool size per process. */
  maxConnections?: number;
}

export class PostgresStore implements Store {
  private closed = false;

  private constructor(private readonly pool: pg.Pool) {}

  /** Connects, creates the schema if asked, and runs pending migrations (safe when processes start together). */
  static async connect(options: PostgresStoreOptions): Promise<PostgresStore> {
    if (options.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema)) {
      throw new Error(`PostgresStore schema must be a lowercase SQL identifier, got ${JSON.stringify(options.schema)}`);
    }
    const pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.maxConnections ?? 10,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    // An idle client that loses its connection emits here; without a listener the process would die.
    pool.on("error", () => undefined);
    const store = new PostgresStore(pool);
    try {
      if (options.schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
      await store.migrate();
    } catch (error) {
      await pool.end();
      throw error;
    }
    return store;
  }

  private async migrate(): Promise<void> {
    await this.transaction(async (client) => {
      await client.query("SELECT pg_advisory_xact_lock($1, 0)", [LOCK_NAMESPACE]);
      await client.query(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)",
      );
      const applied = await client.query<{ version: number }>("SELECT version FROM schema_migrations");
      const done = new Set(applied.rows.map((row) => row.version));
      for (let index = 0; index < MIGRATIONS.length; index++) {
        if (done.has(index + 1)) continue;
        await client.query(MIGRATIONS[index]!);
        await client.query("INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)", [
          index + 1,
          Date.now(),
        ]);
      }
    });
  }

  /** Versions recorded in schema_migrations, in order. */
  async migrationVersions(): Promise<number[]> {
    const result = await this.pool.query<{ version: number }>("SELECT version FROM schema_migrations ORDER BY version");
    return result.rows.map((row) => row.version);
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async createRoom(room: RoomRecord, tokenHashes: Record<Role, string>, data?: NewRoomData): Promise<void> {
    await this.transaction(async (client) => {
      await client.query("INSERT INTO rooms (id, title, created_at) VALUES ($1, $2, $3)", [
        room.id,
        room.title,
        room.createdAt,
      ]);
      for (const [role, hash] of Object.entries(tokenHashes)) await upsertLink(client, room.id, role, hash);
      if (data?.sealedLinks) await putSealed(client, room.id, data.sealedLinks);
      if (data?.firstUpdate)
        await client.query("INSERT INTO updates (room_id, seq, data) VALUES ($1, 1, $2)", [
          room.id,
          Buffer.from(data.firstUpdate),
        ]);
    });
  }

  async getRoom(roomId: string): Promise<RoomRecord | null> {
    const result = await this.pool.query<tables.RoomRow>("SELECT id, title, created_at FROM rooms WHERE id = $1", [
      roomId,
    ]);
    const row = result.rows[0];
    return row ? tables.toRoom(row) : null;
  }

  async roleForToken(roomId: string, tokenHash: string): Promise<Role | null> {
    const result = await this.pool.query<{ role: string }>(
      "SELECT role FROM links WHERE room_id = $1 AND token_hash = $2",
      [roomId, tokenHash],
    );
    const row = result.rows[0];
    return row && isRole(row.role) ? row.role : null;
  }

  async linkForToken(tokenHash: string): Promise<{ roomId: string; role: Role } | null> {
    const result = await this.pool.query<{ room_id: string; role: string }>(
      "SELECT room_id, role FROM links WHERE token_hash = $1 LIMIT 1",
      [tokenHash],
    );
    const row = result.rows[0];
    return row && isRole(row.role) ? { roomId: row.room_id, role: row.role } : null;
  }

  async setLink(roomId: string, role: Role, tokenHash: string | null, sealed?: Uint8Array): Promise<void> {
    if (!sealed) return upsertLink(this.pool, roomId, role, tokenHash);
    await this.transaction(async (client) => {
      await putSealed(client, roomId, sealed);
      await upsertLink(client, roomId, role, tokenHash);
    });
  }

  async getSealedLinks(roomId: string): Promise<Uint8Array | null> {
    const result = await this.pool.query<{ data: Buffer }>("SELECT data FROM sealed_links WHERE room_id = $1", [
      roomId,
    ]);
    return result.rows[0] ? new Uint8Array(result.rows[0].data) : null;
  }

  async setSealedLinks(roomId: string, sealed: Uint8Array | null): Promise<void> {
    if (!sealed) {
      await this.pool.query("DELETE FROM sealed_links WHERE room_id = $1", [roomId]);
      return;
    }
    await putSealed(this.pool, roomId, sealed);
  }

  async deleteRoom(roomId: string): Promise<void> {
    await this.transaction(async (client) => {
      for (const table of ROOM_DATA_TABLES) await client.query(`DELETE FROM ${table} WHERE room_id = $1`, [roomId]);
      await client.query("DELETE FROM rooms WHERE id = $1", [roomId]);
    });
  }

  async appendUpdate(roomId: string, update: Uint8Array): Promise<number> {
    const data = Buffer.from(update.buffer, update.byteOffset, update.byteLength);
    // The next seq follows both the log and the snapshot (compaction empties the log). When another
    // process inserts the same seq first, ON CONFLICT returns no row and we try the next one.
    for (let attempt = 0; attempt < APPEND_ATTEMPTS; attempt++) {
      const result = await this.pool.query<{ seq: string }>(
        `INSERT INTO updates (room_id, seq, data)
         SELECT $1, GREATEST(
           COALESCE((SELECT MAX(seq) FROM updates WHERE room_id = $1), 0),
           COALESCE((SELECT upto_seq FROM snapshots WHERE room_id = $1), 0)) + 1, $2
         ON CONFLICT (room_id, seq) DO NOTHING
         RETURNING seq`,
        [roomId, data],
      );
      const row = result.rows[0];
      if (row) return Number(row.seq);
    }
    throw new Error(
      `appendUpdate for room ${roomId} lost the race for a sequence number ${APPEND_ATTEMPTS} times in a row`,
    );
  }

  async loadDoc(roomId: string): Promise<StoredDoc> {
    return this.transaction(async (client) => {
      // One snapshot of the database for both reads, so a compaction in between cannot hide updates.
      await client.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
      return readStored(client, roomId);
    });
  }

  async compact(roomId: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    await this.transaction(async (client) => {
      await client.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [LOCK_NAMESPACE, roomId]);
      const stored = await readStored(client, roomId, uptoSeq);
      // Everything stored up to uptoSeq plus the caller's state: nothing another process wrote is lost.
      const doc = new Y.Doc({ gc: true });
      Y.transact(doc, () => {
        if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
        for (const update of stored.updates) Y.applyUpdate(doc, update);
        Y.applyUpdate(doc, snapshot);
      });
      const merged = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      const upto = Math.max(uptoSeq, stored.lastSeq);
      await client.query(
        `INSERT INTO snapshots (room_id, upto_seq, data) VALUES ($1, $2, $3)
         ON CONFLICT (room_id) DO UPDATE SET upto_seq = GREATEST(snapshots.upto_seq, excluded.upto_seq), data = excluded.data`,
        [roomId, upto, Buffer.from(merged)],
      );
      await client.query("DELETE FROM updates WHERE room_id = $1 AND seq <= $2", [roomId, upto]);
    });
  }

  async saveVersion(version: VersionRecord): Promise<void> {
    await this.pool.query(tables.insertSql("versions", tables.VERSION_COLUMNS, dollar), tables.versionValues(version));
  }

  async listVersions(roomId: string, canvasId: string | null): Promise<Omit<VersionRecord, "text">[]> {
    const result = await this.pool.query<tables.VersionRow>(
      `SELECT ${tables.VERSION_META_COLUMNS} FROM versions
       WHERE room_id = $1 AND ($2::text IS NULL OR canvas_id = $2) ORDER BY created_at DESC, ord DESC LIMIT 200`,
      [roomId, canvasId],
    );
    return result.rows.map(tables.toVersionMeta);
  }

  async getVersion(roomId: string, versionId: string): Promise<VersionRecord | null> {
    const result = await this.pool.query<tables.VersionRow>(
      `SELECT ${tables.VERSION_COLUMNS} FROM versions WHERE room_id = $1 AND id = $2`,
      [roomId, versionId],
    );
    const row = result.rows[0];
    return row ? tables.toVersion(row) : null;
  }

  async saveChange(change: StoredChange, keepTexts: number): Promise<void> {
    const values = await tables.changeValues(change);
    await this.transaction(async (client) => {
      await client.query(tables.insertSql("changes", tables.CHANGE_COLUMNS, dollar), values);
      await client.query(
        `UPDATE changes SET before_text = NULL, after_text = NULL
         WHERE room_id = $1 AND canvas_id = $2 AND (before_text IS NOT NULL OR after_text IS NOT NULL)
           AND ord NOT IN (SELECT ord FROM changes WHERE room_id = $1 AND canvas_id = $2
                           ORDER BY created_at DESC, ord DESC LIMIT $3)`,
        [change.roomId, change.canvasId, keepTexts],
      );
    });
  }

  async listChanges(roomId: string, canvasId: string | null, limit: number): Promise<ChangeSummary[]> {
    const result = await this.pool.query<tables.ChangeRow>(
      `SELECT ${tables.CHANGE_META_COLUMNS} FROM changes
       WHERE room_id = $1 AND ($2::text IS NULL OR canvas_id = $2) ORDER BY created_at DESC, ord DESC LIMIT $3`,
      [roomId, canvasId, limit],
    );
    return result.rows.map(tables.toChangeSummary);
  }

  async getChange(roomId: string, changeId: string): Promise<StoredChange | null> {
    const result = await this.pool.query<tables.ChangeRow>(
      `SELECT ${tables.CHANGE_COLUMNS} FROM changes WHERE room_id = $1 AND id = $2`,
      [roomId, changeId],
    );
    const row = result.rows[0];
    return row ? await tables.toChange(row) : null;
  }

  async setChangeStatus(roomId: string, changeId: string, status: ChangeStatus): Promise<boolean> {
    const result = await this.pool.query("UPDATE changes SET status = $1 WHERE room_id = $2 AND id = $3", [
      status,
      roomId,
      changeId,
    ]);
    return (result.rowCount ?? 0) > 0;
  }

  async saveFeedback(feedback: FeedbackRecord): Promise<void> {
    await this.pool.query(
      tables.upsertSql("feedback", tables.FEEDBACK_COLUMNS, dollar),
      tables.feedbackValues(feedback),
    );
  }

  async listFeedback(): Promise<FeedbackRecord[]> {
    const result = await this.pool.query<tables.FeedbackRow>(
      `SELECT ${tables.FEEDBACK_COLUMNS} FROM feedback ORDER BY created_at, ord`,
    );
    return result.rows.map(tables.toFeedback);
  }

  async pruneFeedback(before: number): Promise<number> {
    const result = await this.pool.query("DELETE FROM feedback WHERE created_at < $1", [before]);
    return result.rowCount ?? 0;
  }

  async probe(): Promise<void> {
    const now = Date.now();
    const result = await this.pool.query<{ checked_at: string }>(
      `INSERT INTO health (id, checked_at) VALUES (1, $1)
       ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at RETURNING checked_at`,
      [now],
    );
    if (Number(result.rows[0]?.checked_at) !== now)
      throw new Error("the store probe read back something other than it wrote");
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

async function putSealed(client: pg.Pool | pg.PoolClient, roomId: string, sealed: Uint8Array): Promise<void> {
  await client.query(
    "INSERT INTO sealed_links (room_id, data) VALUES ($1, $2) ON CONFLICT (room_id) DO UPDATE SET data = excluded.data",
    [roomId, Buffer.from(sealed)],
  );
}

async function upsertLink(
  client: pg.Pool | pg.PoolClient,
  roomId: string,
  role: string,
  tokenHash: string | null,
): Promise<void> {
  await client.query(
    `INSERT INTO links (room_id, role, token_hash) VALUES ($1, $2, $3)
     ON CONFLICT (room_id, role) DO UPDATE SET token_hash = excluded.token_hash`,
    [roomId, role, tokenHash],
  );
}

/** The snapshot and the log after it (optionally only up to `uptoSeq`), read with the caller's client. */
async function readStored(
  client: pg.PoolClient,
  roomId: string,
  uptoSeq = Number.MAX_SAFE_INTEGER,
): Promise<StoredDoc> {
  const snapshotResult = await client.query<{ upto_seq: string; data: Buffer }>(
    "SELECT upto_seq, data FROM snapshots WHERE room_id = $1",
    [roomId],
  );
  const snapshot = snapshotResult.rows[0];
  const after = snapshot ? Number(snapshot.upto_seq) : 0;
  const updates = await client.query<{ seq: string; data: Buffer }>(
    "SELECT seq, data FROM updates WHERE room_id = $1 AND seq > $2 AND seq <= $3 ORDER BY seq",
    [roomId, after, uptoSeq],
  );
  const rows = updates.rows;
  return {
    snapshot: snapshot ? new Uint8Array(snapshot.data) : null,
    updates: rows.map((row) => new Uint8Array(row.data)),
    lastSeq: rows.length ? Number(rows[rows.length - 1]!.seq) : after,
  };
}
