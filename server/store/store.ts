// The storage boundary. The server only talks to this interface: SQLite (sqlite.ts) by default,
// Postgres (postgres.ts) when several processes share rooms; both map rows through rows.ts. Methods
// are async for the networked one; the room serialises its calls so updates are stored in order.
import type { Role } from "../../shared/roles.ts";
import type { ChangeDetail, ChangeStatus, ChangeSummary } from "../../shared/changes.ts";

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

export type VersionReason = "before-ai" | "snapshot" | "restore" | "before-undo";

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

/**
 * An AI change as stored: its record, where it stands, the canvas text before and after it (stored
 * compressed; dropped, `textsKept` false, once the change is older than the canvas's newest
 * KEPT_CHANGE_TEXTS).
 */
export interface StoredChange extends ChangeDetail {
  roomId: string;
  /** Who wrote it (ChangeRecord.origin): an agent run, or a person through the API. */
  origin: "agent" | "api";
}

/** Every table that holds a room's data by room_id (deleteRoom empties them, then the room's own row). */
export const ROOM_DATA_TABLES = [
  "sealed_links",
  "links",
  "updates",
  "snapshots",
  "versions",
  "feedback",
  "changes",
] as const;

/** What a new room starts with, written in the same transaction as its row and links. */
export interface NewRoomData {
  /** The non-owner tokens sealed under the owner token (auth/sealedLinks.ts). */
  sealedLinks: Uint8Array | null;
  /** The document's first update (its title), stored as update 1. */
  firstUpdate: Uint8Array | null;
}

export interface Store {
  /** Create a room with its links (and `data`) in one transaction: it exists whole or not at all. */
  createRoom(room: RoomRecord, tokenHashes: Record<Role, string>, data?: NewRoomData): Promise<void>;
  getRoom(roomId: string): Promise<RoomRecord | null>;
  /** The role a token hash grants in a room, or null (unknown or revoked). */
  roleForToken(roomId: string, tokenHash: string): Promise<Role | null>;
  /** The room and role a token hash grants, whatever the room (an MCP client brings only its token); null if none. */
  linkForToken(tokenHash: string): Promise<{ roomId: string; role: Role } | null>;
  /** Set (or, with null, revoke) a role's token; with `sealed`, the room's sealed links change in the same transaction. */
  setLink(roomId: string, role: Role, tokenHash: string | null, sealed?: Uint8Array): Promise<void>;
  /** The room's other role tokens, sealed with a key only the owner token yields (auth/sealedLinks.ts). */
  getSealedLinks(roomId: string): Promise<Uint8Array | null>;
  setSealedLinks(roomId: string, sealed: Uint8Array | null): Promise<void>;
  /** Remove the room and everything stored for it (links, updates, snapshot, versions, feedback). */
  deleteRoom(roomId: string): Promise<void>;

  appendUpdate(roomId: string, update: Uint8Array): Promise<number>;
  loadDoc(roomId: string): Promise<StoredDoc>;
  /** Replace every update with seq <= uptoSeq by `snapshot`, atomically. */
  compact(roomId: string, snapshot: Uint8Array, uptoSeq: number): Promise<void>;

  saveVersion(version: VersionRecord): Promise<void>;
  listVersions(roomId: string, canvasId: string | null): Promise<Omit<VersionRecord, "text">[]>;
  getVersion(roomId: string, versionId: string): Promise<VersionRecord | null>;

  /**
   * Store a change and, in the same write, drop the texts (not the record) of its canvas's changes older
   * than the newest `keepTexts`: the log's disk use per canvas is bounded.
   */
  saveChange(change: StoredChange, keepTexts: number): Promise<void>;
  /** A room's changes, newest first (at most `limit`), without their texts; all canvases when canvasId is null. */
  listChanges(roomId: string, canvasId: string | null, limit: number): Promise<ChangeSummary[]>;
  getChange(roomId: string, changeId: string): Promise<StoredChange | null>;
  /** Set a change's status; false when there is no such change. */
  setChangeStatus(roomId: string, changeId: string, status: ChangeStatus): Promise<boolean>;

  /** Store a feedback row; one with the same id replaces the earlier one (a changed vote, not a new row). */
  saveFeedback(feedback: FeedbackRecord): Promise<void>;
  listFeedback(): Promise<FeedbackRecord[]>;
  /** Delete feedback created before `before` (retention); returns how many rows went. */
  pruneFeedback(before: number): Promise<number>;

  /**
   * A tiny write and read (one row rewritten in place) that throws when the store refuses writes:
   * a read-only or broken disk, an unreachable database. It cannot tell a full disk (the row fits).
   */
  probe(): Promise<void>;

  close(): Promise<void>;
}
