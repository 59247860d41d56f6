// Rows as both SQL stores read and write them: the column order of each INSERT and the mapping from
// a row back to a record. Postgres returns BIGINT columns as strings, SQLite as numbers; both go
// through Number() here. A change's texts are stored brotli-compressed (BLOB / BYTEA), compressed and
// decompressed on the thread pool so a 100k-word canvas never blocks the event loop.
import { promisify } from "node:util";
import { brotliCompress, brotliDecompress, constants as zlib } from "node:zlib";
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
  /** Compressed texts; null once dropped (older than the newest KEPT_CHANGE_TEXTS), absent in lists. */
  before_text?: Buffer | null;
  after_text?: Buffer | null;
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

const compress = promisify(brotliCompress);
const decompress = promisify(brotliDecompress);
/** Quality 5 of 11: about 4× smaller than the text at a few percent of quality 11's time. */
const TEXT_QUALITY = 5;

/** A change's text as stored. */
export function packText(text: string): Promise<Buffer> {
  const data = Buffer.from(text, "utf8");
  return compress(data, {
    params: {
      [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
      [zlib.BROTLI_PARAM_QUALITY]: TEXT_QUALITY,
      [zlib.BROTLI_PARAM_SIZE_HINT]: data.byteLength,
    },
  });
}

export async function unpackText(data: Uint8Array): Promise<string> {
  return (await decompress(data)).toString("utf8");
}

/** Values in the order of CHANGE_COLUMNS, the texts compressed (or null when the change has none kept). */
export async function changeValues(change: StoredChange): Promise<(string | number | Buffer | null)[]> {
  const { id, roomId, runId, canvasId, tool, summary, author, origin, status, createdAt } = change;
  const [before, after] = change.textsKept
    ? await Promise.all([packText(change.before), packText(change.after)])
    : [null, null];
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

export async function toChange(row: ChangeRow): Promise<StoredChange> {
  const { before_text: packedBefore, after_text: packedAfter } = row;
  const kept = packedBefore != null && packedAfter != null;
  const [before, after] = kept ? await Promise.all([unpackText(packedBefore), unpackText(packedAfter)]) : ["", ""];
  return {
    ...toChangeSummary(row),
    roomId: row.room_id,
    origin: row.origin === "api" ? "api" : "agent",
    before,
    after,
    textsKept: kept,
  };
}
