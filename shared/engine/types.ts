// What the engine returns: a value, never an exception, for anything a model or user can fix.
import type { LocateTier } from "./locate.ts";

export type EngineErrorCode =
  "invalid_arguments" | "not_found" | "ambiguous" | "overlap" | "invalid" | "no_canvas" | "wrong_kind" | "too_large";

export interface Candidate {
  text: string;
  similarity: number;
  line?: number;
}

export interface EngineError {
  code: EngineErrorCode;
  /** Written for the model: what was wrong and what to send instead. */
  message: string;
  editIndex?: number;
  candidates?: Candidate[];
}

export interface AppliedChange {
  /** Index of the edit (or comment) in the call; 0 for create/rewrite. */
  index: number;
  /** Range replaced, in offsets of the canvas text before the call. */
  from: number;
  to: number;
  /** Range of the new text, in offsets of the canvas text after the string edit. */
  newFrom: number;
  newTo: number;
  before: string;
  after: string;
  inserted: number;
  deleted: number;
  /** How the passage was found. */
  tier: LocateTier | "whole";
}

export interface EngineResult {
  ok: boolean;
  canvasId: string | null;
  applied: AppliedChange[];
  errors: EngineError[];
  summary: string;
  inserted: number;
  deleted: number;
  /** Comment ids created by a comment_canvas call. */
  commentIds?: string[];
}

export function failure(canvasId: string | null, errors: EngineError[]): EngineResult {
  const summary =
    errors.length === 1 ? errors[0]!.message : `${errors.length} problems: ${errors.map((e) => e.message).join(" ")}`;
  return { ok: false, canvasId, applied: [], errors, summary, inserted: 0, deleted: 0 };
}

/** A whole-content change, reported as the span between the common prefix and suffix. */
export function wholeResult(canvasId: string, before: string, after: string, summary: string): EngineResult {
  let prefix = 0;
  const limit = Math.min(before.length, after.length);
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < limit - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  )
    suffix++;
  const change: AppliedChange = {
    index: 0,
    from: prefix,
    to: before.length - suffix,
    newFrom: prefix,
    newTo: after.length - suffix,
    before: before.slice(prefix, before.length - suffix),
    after: after.slice(prefix, after.length - suffix),
    inserted: after.length - suffix - prefix,
    deleted: before.length - suffix - prefix,
    tier: "whole",
  };
  return {
    ok: true,
    canvasId,
    applied: [change],
    errors: [],
    summary,
    inserted: change.inserted,
    deleted: change.deleted,
  };
}
