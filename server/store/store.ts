// The storage boundary. The server only talks to this interface: SQLite (sqlite.ts) by default,
// Postgres (postgres.ts) when several processes share rooms; both map rows through rows.ts. Methods
// are async for the networked one; the room serialises its calls so updates are stored in order.
import type { Role } from "../../shared/roles.ts";

export interface RoomRecord {
  id: string;
  title: string;
  createdAt: number;
}

export interface StoredDoc {
  /** Compacted state (Y.encodeStateAsUpdate), or null before the first compaction. */
  snapshot: Uint8Array | null;
  /** Updates appended after the snapshot, in order. */
  updates: Uint8Array[];
  /** Sequence number of the last update included (snapshot or log), 0 for an empty room. */
  lastSeq: number;
}

export type VersionReason = "before-ai" | "snapshot" | "restore";

export interface VersionRecord {
  id: string;
  roomId: string;
  canvasId: string;
  reason: VersionReason;
  author: string;
  /** Canvas text (markdown or source) at that moment. */
  text: string;
  runId: string | null;
  createdAt: number;
}

export interface FeedbackRecord {
  id: string;
  roomId: string;
  runId: string | null;
  kind: "thumbs" | "accept" | "undo";
  value: string;
  context: unknown;
  createdAt: number;
}

export interface Store {
  createRoom(room: RoomRecord, tokenHashes: Record<Role, string>): Promise<void>;
  getRoom(roomId: string): Promise<RoomRecord | null>;
  /** The role a token hash grants in a room, or null (unknown or revoked). */
  roleForToken(roomId: string, tokenHash: string): Promise<Role | null>;
  setLink(roomId: string, role: Role, tokenHash: string | null): Promise<void>;

  appendUpdate(roomId: string, update: Uint8Array): Promise<number>;
  loadDoc(roomId: string): Promise<StoredDoc>;
  /** Replace every update with seq <= uptoSeq by `snapshot`, atomically. */
  compact(roomId: string, snapshot: Uint8Array, uptoSeq: number): Promise<void>;

  saveVersion(version: VersionRecord): Promise<void>;
  listVersions(roomId: string, canvasId: string | null): Promise<Omit<VersionRecord, "text">[]>;
  getVersion(roomId: string, versionId: string): Promise<VersionRecord | null>;

  saveFeedback(feedback: FeedbackRecord): Promise<void>;
  listFeedback(): Promise<FeedbackRecord[]>;

  close(): Promise<void>;
}
