// Rows as both SQL stores read and write them: the column order of each INSERT and the mapping from
// a row back to a record. Postgres returns BIGINT columns as strings, SQLite as numbers; both go
// through Number() here.
import type { FeedbackRecord, RoomRecord, StoredChange, VersionReason, VersionRecord } from "./store.ts";
import type { ChangeStatus, ChangeSummary } from "../../shared/changes.ts";
import type { ToolName } from "../../shared/tools.ts";

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

export interface ChangeRow {
  id: string;
  room_id: string;
  run_id: string | null;
  canvas_id: string;
  tool: string;
  summary: string;
  author_id: string;
  author_name: string;
  origin: string;
  status: string;
  /** Absent when the query leaves the texts out (lists). */
  before_text?: string;
  after_text?: string;
  created_at: BigIntColumn;
}

export const VERSION_COLUMNS = "id, room_id, canvas_id, reason, author, text, run_id, created_at";
/** The version columns without the text, for lists. */
export const VERSION_META_COLUMNS = "id, room_id, canvas_id, reason, author, run_id, created_at";
export const FEEDBACK_COLUMNS = "id, room_id, run_id, kind, value, context_json, created_at";

export const CHANGE_COLUMNS =
  "id, room_id, run_id, canvas_id, tool, summary, author_id, author_name, origin, status, before_text, after_text, created_at";
/** The change columns without the texts, for lists. */
export const CHANGE_META_COLUMNS =
  "id, room_id, run_id, canvas_id, tool, summary, author_id, author_name, origin, status, created_at";

/** `INSERT INTO table (columns) VALUES (…)` with one placeholder per column, in the store's style. */
export function insertSql(table: string, columns: string, placeholder: (position: number) => string): string {
  const values = columns.split(",").map((_, index) => placeholder(index + 1));
  return `INSERT INTO ${table} (${columns}) VALUES (${values.join(", ")})`;
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

/** Values in the order of CHANGE_COLUMNS. */
export function changeValues(change: StoredChange): (string | number | null)[] {
  const { id, roomId, runId, canvasId, tool, summary, author, origin, status, before, after, createdAt } = change;
  return [id, roomId, runId, canvasId, tool, summary, author.id, author.name, origin, status, before, after, createdAt];
}

export function toChangeSummary(row: ChangeRow): ChangeSummary {
  return {
    id: row.id,
    runId: row.run_id,
    canvasId: row.canvas_id,
    tool: row.tool as ToolName,
    summary: row.summary,
    author: { id: row.author_id, name: row.author_name },
    createdAt: Number(row.created_at),
    status: row.status as ChangeStatus,
  };
}

export function toChange(row: ChangeRow): StoredChange {
  return {
    ...toChangeSummary(row),
    roomId: row.room_id,
    origin: row.origin === "api" ? "api" : "agent",
    before: row.before_text ?? "",
    after: row.after_text ?? "",
  };
}
