// Embedded SQLite store (better-sqlite3, WAL). Writes are synchronous and durable when they return
// (synchronous=FULL), so an update is on disk before the room broadcasts it.
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
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

const MIGRATIONS = [
  `CREATE TABLE rooms (id TEXT PRIMARY KEY, title TEXT NOT NULL, created_at INTEGER NOT NULL);
   CREATE TABLE links (room_id TEXT NOT NULL, role TEXT NOT NULL, token_hash TEXT, PRIMARY KEY (room_id, role));
   CREATE INDEX links_by_hash ON links (token_hash);
   CREATE TABLE updates (room_id TEXT NOT NULL, seq INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (room_id, seq));
   CREATE TABLE snapshots (room_id TEXT PRIMARY KEY, upto_seq INTEGER NOT NULL, data BLOB NOT NULL);
   CREATE TABLE versions (id TEXT PRIMARY KEY, room_id TEXT NOT NULL, canvas_id TEXT NOT NULL, reason TEXT NOT NULL,
     author TEXT NOT NULL, text TEXT NOT NULL, run_id TEXT, created_at INTEGER NOT NULL);
   CREATE INDEX versions_by_canvas ON versions (room_id, canvas_id, created_at);
   CREATE TABLE feedback (id TEXT PRIMARY KEY, room_id TEXT NOT NULL, run_id TEXT, kind TEXT NOT NULL, value TEXT NOT NULL,
     context_json TEXT NOT NULL, created_at INTEGER NOT NULL);`,
  `CREATE TABLE sealed_links (room_id TEXT PRIMARY KEY, data BLOB NOT NULL);`,
  `CREATE TABLE changes (id TEXT NOT NULL, room_id TEXT NOT NULL, run_id TEXT, canvas_id TEXT NOT NULL, tool TEXT NOT NULL,
     summary TEXT NOT NULL, author_id TEXT NOT NULL, author_name TEXT NOT NULL, origin TEXT NOT NULL, status TEXT NOT NULL,
     before_text BLOB, after_text BLOB, created_at INTEGER NOT NULL, PRIMARY KEY (room_id, id));
   CREATE INDEX changes_by_canvas ON changes (room_id, canvas_id, created_at);`,
  `CREATE TABLE health (id INTEGER PRIMARY KEY, checked_at INTEGER NOT NULL);`,
];

export const DB_FILE = "canvas.db";

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, DB_FILE));
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = FULL");
    this.db.pragma("busy_timeout = 5000");
    this.migrate();
    const db = this.db;
    this.statements = {
      insertRoom: db.prepare("INSERT INTO rooms (id, title, created_at) VALUES (?, ?, ?)"),
      getRoom: db.prepare("SELECT id, title, created_at FROM rooms WHERE id = ?"),
      setLink: db.prepare(
        "INSERT INTO links (room_id, role, token_hash) VALUES (?, ?, ?) ON CONFLICT (room_id, role) DO UPDATE SET token_hash = excluded.token_hash",
      ),
      roleForToken: db.prepare("SELECT role FROM links WHERE room_id = ? AND token_hash = ?"),
      linkForToken: db.prepare("SELECT room_id, role FROM links WHERE token_hash = ? LIMIT 1"),
      lastSeq: db.prepare(
        "SELECT MAX(seq) AS seq FROM (SELECT MAX(seq) AS seq FROM updates WHERE room_id = ? UNION ALL SELECT upto_seq AS seq FROM snapshots WHERE room_id = ?)",
      ),
      appendUpdate: db.prepare("INSERT INTO updates (room_id, seq, data) VALUES (?, ?, ?)"),
      getSnapshot: db.prepare("SELECT upto_seq, data FROM snapshots WHERE room_id = ?"),
      getUpdates: db.prepare("SELECT seq, data FROM updates WHERE room_id = ? AND seq > ? ORDER BY seq"),
      putSnapshot: db.prepare(
        "INSERT INTO snapshots (room_id, upto_seq, data) VALUES (?, ?, ?) ON CONFLICT (room_id) DO UPDATE SET upto_seq = excluded.upto_seq, data = excluded.data",
      ),
      deleteUpdates: db.prepare("DELETE FROM updates WHERE room_id = ? AND seq <= ?"),
      insertVersion: db.prepare(tables.insertSql("versions", tables.VERSION_COLUMNS, () => "?")),
      listVersions: db.prepare(
        `SELECT ${tables.VERSION_META_COLUMNS} FROM versions WHERE room_id = ? AND (? IS NULL OR canvas_id = ?) ORDER BY created_at DESC, rowid DESC LIMIT 200`,
      ),
      getVersion: db.prepare(`SELECT ${tables.VERSION_COLUMNS} FROM versions WHERE room_id = ? AND id = ?`),
      insertChange: db.prepare(tables.insertSql("changes", tables.CHANGE_COLUMNS, () => "?")),
      dropOldChangeTexts: db.prepare(
        `UPDATE changes SET before_text = NULL, after_text = NULL
         WHERE room_id = ? AND canvas_id = ? AND (before_text IS NOT NULL OR after_text IS NOT NULL)
           AND rowid NOT IN (SELECT rowid FROM changes WHERE room_id = ? AND canvas_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?)`,
      ),
      listChanges: db.prepare(
        `SELECT ${tables.CHANGE_META_COLUMNS} FROM changes WHERE room_id = ? AND (? IS NULL OR canvas_id = ?) ORDER BY created_at DESC, rowid DESC LIMIT ?`,
      ),
      getChange: db.prepare(`SELECT ${tables.CHANGE_COLUMNS} FROM changes WHERE room_id = ? AND id = ?`),
      setChangeStatus: db.prepare("UPDATE changes SET status = ? WHERE room_id = ? AND id = ?"),
      insertFeedback: db.prepare(tables.upsertSql("feedback", tables.FEEDBACK_COLUMNS, () => "?")),
      pruneFeedback: db.prepare("DELETE FROM feedback WHERE created_at < ?"),
      listFeedback: db.prepare(`SELECT ${tables.FEEDBACK_COLUMNS} FROM feedback ORDER BY created_at`),
      getSealed: db.prepare("SELECT data FROM sealed_links WHERE room_id = ?"),
      putSealed: db.prepare(
        "INSERT INTO sealed_links (room_id, data) VALUES (?, ?) ON CONFLICT (room_id) DO UPDATE SET data = excluded.data",
      ),
      deleteSealed: db.prepare("DELETE FROM sealed_links WHERE room_id = ?"),
      writeProbe: db.prepare(
        "INSERT INTO health (id, checked_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at",
      ),
      readProbe: db.prepare("SELECT checked_at FROM health WHERE id = 1"),
      deleteRoomRows: [
        ...ROOM_DATA_TABLES.map((table) => db.prepare(`DELETE FROM ${table} WHERE room_id = ?`)),
        db.prepare("DELETE FROM rooms WHERE id = ?"),
      ],
    };
  }

  private migrate(): void {
    const version = Number(this.db.pragma("user_version", { simple: true }));
    for (let index = version; index < MIGRATIONS.length; index++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[index]!);
        this.db.pragma(`user_version = ${index + 1}`);
      })();
    }
  }

  async createRoom(room: RoomRecord, tokenHashes: Record<Role, string>, data?: NewRoomData): Promise<void> {
    this.db.transaction(() => {
      this.statements.insertRoom.run(room.id, room.title, room.createdAt);
      for (const [role, hash] of Object.entries(tokenHashes)) this.statements.setLink.run(room.id, role, hash);
      if (data?.sealedLinks) this.statements.putSealed.run(room.id, Buffer.from(data.sealedLinks));
      if (data?.firstUpdate) this.statements.appendUpdate.run(room.id, 1, Buffer.from(data.firstUpdate));
    })();
  }

  async getRoom(roomId: string): Promise<RoomRecord | null> {
    const row = this.statements.getRoom.get(roomId) as tables.RoomRow | undefined;
    return row ? tables.toRoom(row) : null;
  }

  async roleForToken(roomId: string, tokenHash: string): Promise<Role | null> {
    const row = this.statements.roleForToken.get(roomId, tokenHash) as { role: string } | undefined;
    return row && isRole(row.role) ? row.role : null;
  }

  async linkForToken(tokenHash: string): Promise<{ roomId: string; role: Role } | null> {
    const row = this.statements.linkForToken.get(tokenHash) as { room_id: string; role: string } | undefined;
    return row && isRole(row.role) ? { roomId: row.room_id, role: row.role } : null;
  }

  async setLink(roomId: string, role: Role, tokenHash: string | null, sealed?: Uint8Array): Promise<void> {
    this.db.transaction(() => {
      if (sealed) this.statements.putSealed.run(roomId, Buffer.from(sealed));
      this.statements.setLink.run(roomId, role, tokenHash);
    })();
  }

  async getSealedLinks(roomId: string): Promise<Uint8Array | null> {
    const row = this.statements.getSealed.get(roomId) as { data: Buffer } | undefined;
    return row ? new Uint8Array(row.data) : null;
  }

  async setSealedLinks(roomId: string, sealed: Uint8Array | null): Promise<void> {
    if (sealed) this.statements.putSealed.run(roomId, Buffer.from(sealed));
    else this.statements.deleteSealed.run(roomId);
  }

  async deleteRoom(roomId: string): Promise<void> {
    this.db.transaction(() => {
      for (const statement of this.statements.deleteRoomRows) statement.run(roomId);
    })();
  }

  async appendUpdate(roomId: string, update: Uint8Array): Promise<number> {
    return this.db.transaction(() => {
      const seq = this.currentSeq(roomId) + 1;
      this.statements.appendUpdate.run(roomId, seq, Buffer.from(update));
      return seq;
    })();
  }

  private currentSeq(roomId: string): number {
    const row = this.statements.lastSeq.get(roomId, roomId) as { seq: number | null };
    return row.seq ?? 0;
  }

  async loadDoc(roomId: string): Promise<StoredDoc> {
    return this.db.transaction(() => {
      const snapshot = this.statements.getSnapshot.get(roomId) as { upto_seq: number; data: Buffer } | undefined;
      const after = snapshot?.upto_seq ?? 0;
      const rows = this.statements.getUpdates.all(roomId, after) as { seq: number; data: Buffer }[];
      return {
        snapshot: snapshot ? new Uint8Array(snapshot.data) : null,
        updates: rows.map((row) => new Uint8Array(row.data)),
        lastSeq: rows.length ? rows[rows.length - 1]!.seq : after,
      };
    })();
  }

  async compact(roomId: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    this.db.transaction(() => {
      this.statements.putSnapshot.run(roomId, uptoSeq, Buffer.from(snapshot));
      this.statements.deleteUpdates.run(roomId, uptoSeq);
    })();
  }

  async saveVersion(version: VersionRecord): Promise<void> {
    this.statements.insertVersion.run(...tables.versionValues(version));
  }

  async listVersions(roomId: string, canvasId: string | null): Promise<Omit<VersionRecord, "text">[]> {
    const rows = this.statements.listVersions.all(roomId, canvasId, canvasId) as tables.VersionRow[];
    return rows.map(tables.toVersionMeta);
  }

  async getVersion(roomId: string, versionId: string): Promise<VersionRecord | null> {
    const row = this.statements.getVersion.get(roomId, versionId) as tables.VersionRow | undefined;
    return row ? tables.toVersion(row) : null;
  }

  async saveChange(change: StoredChange, keepTexts: number): Promise<void> {
    const values = await tables.changeValues(change);
    const { roomId, canvasId } = change;
    this.db.transaction(() => {
      this.statements.insertChange.run(...values);
      this.statements.dropOldChangeTexts.run(roomId, canvasId, roomId, canvasId, keepTexts);
    })();
  }

  async listChanges(roomId: string, canvasId: string | null, limit: number): Promise<ChangeSummary[]> {
    const rows = this.statements.listChanges.all(roomId, canvasId, canvasId, limit) as tables.ChangeRow[];
    return rows.map(tables.toChangeSummary);
  }

  async getChange(roomId: string, changeId: string): Promise<StoredChange | null> {
    const row = this.statements.getChange.get(roomId, changeId) as tables.ChangeRow | undefined;
    return row ? await tables.toChange(row) : null;
  }

  async setChangeStatus(roomId: string, changeId: string, status: ChangeStatus): Promise<boolean> {
    return this.statements.setChangeStatus.run(status, roomId, changeId).changes > 0;
  }

  async saveFeedback(feedback: FeedbackRecord): Promise<void> {
    this.statements.insertFeedback.run(...tables.feedbackValues(feedback));
  }

  async listFeedback(): Promise<FeedbackRecord[]> {
    return (this.statements.listFeedback.all() as tables.FeedbackRow[]).map(tables.toFeedback);
  }

  async pruneFeedback(before: number): Promise<number> {
    return this.statements.pruneFeedback.run(before).changes;
  }

  async probe(): Promise<void> {
    const now = Date.now();
    this.statements.writeProbe.run(now);
    const row = this.statements.readProbe.get() as { checked_at: number } | undefined;
    if (row?.checked_at !== now) throw new Error("the store probe read back something other than it wrote");
  }

  /**
   * Cap the database at `bytes` (SQLite's max_page_count, this connection only); null lifts the cap.
   * Past it every write that needs a new page fails with SQLITE_FULL, as on a full disk: an operator's
   * quota, and how the tests fill the disk for real.
   */
  limitSize(bytes: number | null): void {
    if (!this.db.open) return;
    const pageSize = Number(this.db.pragma("page_size", { simple: true }));
    const pages = bytes === null ? 0xfffffffe : Math.max(1, Math.floor(bytes / pageSize));
    this.db.pragma(`max_page_count = ${pages}`);
  }

  /** Bytes the database holds now (pages in use, the write-ahead log included). */
  sizeBytes(): number {
    return (
      Number(this.db.pragma("page_count", { simple: true })) * Number(this.db.pragma("page_size", { simple: true }))
    );
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
