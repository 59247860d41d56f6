// Rows as both SQL stores read and write them: the column order of each INSERT and the mapping from
// a row back to a record. Postgres returns BIGINT columns as strings, SQLite as numbers; both go
// through Number() here.
import type { FeedbackRecord, RoomRecord, VersionReason, VersionRecord } from "./store.ts";

type BigIntColumn = number | string;

export interface RoomRow {
  id: string;
  title: string;
  created_at: BigIntColumn;
}

export interface VersionRow {
  id: string;
  room_id: string;
  canvas_id: string;
  reason: string;
  author: string;
  /** Absent when the query leaves the text out (lists). */
  text?: string;
  run_id: string | null;
  created_at: BigIntColumn;
}

export interface FeedbackRow {
  id: string;
  room_id: string;
  run_id: string | null;
  kind: string;
  value: string;
  context_json: string;
  created_at: BigIntColumn;
}

export const VERSION_COLUMNS = "id, room_id, canvas_id, reason, author, text, run_id, created_at";
/** The version columns without the text, for lists. */
export const VERSION_META_COLUMNS = "id, room_id, canvas_id, reason, author, run_id, created_at";
export const FEEDBACK_COLUMNS = "id, room_id, run_id, kind, value, context_json, created_at";

/** `INSERT INTO table (columns) VALUES (…)` with one placeholder per column, in the store's style. */
export function insertSql(table: string, columns: string, placeholder: (position: number) => string): string {
  const values = columns.split(",").map((_, index) => placeholder(index + 1));
  return `INSERT INTO ${table} (${columns}) VALUES (${values.join(", ")})`;
}

/** An insert that replaces the row with the same id (SQLite and Postgres both speak ON CONFLICT). */
export function upsertSql(table: string, columns: string, placeholder: (position: number) => string): string {
  const updates = columns
    .split(",")
    .map((column) => column.trim())
    .filter((column) => column !== "id")
    .map((column) => `${column} = excluded.${column}`);
  return `${insertSql(table, columns, placeholder)} ON CONFLICT (id) DO UPDATE SET ${updates.join(", ")}`;
}

/** Values in the order of VERSION_COLUMNS. */
export function versionValues(version: VersionRecord): (string | number | null)[] {
  const { id, roomId, canvasId, reason, author, text, runId, createdAt } = version;
  return [id, roomId, canvasId, reason, author, text, runId, createdAt];
}

/** Values in the order of FEEDBACK_COLUMNS. */
export function feedbackValues(feedback: FeedbackRecord): (string | number | null)[] {
  const { id, roomId, runId, kind, value, context, createdAt } = feedback;
  return [id, roomId, runId, kind, value, JSON.stringify(context), createdAt];
}

export function toRoom(row: RoomRow): RoomRecord {
  return { id: row.id, title: row.title, createdAt: Number(row.created_at) };
}

export function toVersionMeta(row: VersionRow): Omit<VersionRecord, "text"> {
  return {
    id: row.id,
    roomId: row.room_id,
    canvasId: row.canvas_id,
    reason: row.reason as VersionReason,
    author: row.author,
    runId: row.run_id,
    createdAt: Number(row.created_at),
  };
}

export function toVersion(row: VersionRow): VersionRecord {
  return { ...toVersionMeta(row), text: row.text ?? "" };
}

export function toFeedback(row: FeedbackRow): FeedbackRecord {
  return {
    id: row.id,
    roomId: row.room_id,
    runId: row.run_id,
    kind: row.kind as FeedbackRecord["kind"],
    value: row.value,
    context: JSON.parse(row.context_json) as unknown,
    createdAt: Number(row.created_at),
  };
}
