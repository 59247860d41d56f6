// What the engine returns, in the style of ProseMirror's StepResult.ok/fail: a value, never an
// exception, for anything a model or a person can fix. A success says what changed and is one logical
// change (its record); a failure says what was wrong and what to send instead, and nothing was written.
import type { ToolCall, ToolName } from "../tools.ts";
import type { LocateTier } from "./locate.ts";
import type { Author, ToolCallOrigin } from "../origins.ts";

export type EngineErrorCode =
  "invalid_arguments" | "not_found" | "ambiguous" | "overlap" | "invalid" | "no_canvas" | "too_large";

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

/** One application of a tool call: the unit a change log stores and a per-change undo is scoped to. */
export interface ChangeRecord {
  /** The change's id; every transaction of the change carries it (an agent origin's `changeId`). */
  id: string;
  /** The agent run that made it; null for a change a person made through the API. */
  runId: string | null;
  canvasId: string;
  tool: ToolName;
  /** One line for people: what the change did. */
  summary: string;
  author: Author;
  /** Who wrote it: an agent run, or a person through the API. */
  origin: ToolCallOrigin["source"];
  createdAt: number;
}

/** A call that applied: one transaction (or one stream) with the writer's origin. */
export interface EngineSuccess {
  readonly ok: true;
  canvasId: string;
  /** The validated call, as applied. */
  call: ToolCall;
  applied: AppliedChange[];
  /** What changed, for the chat. */
  summary: string;
  inserted: number;
  deleted: number;
  /** In suggest mode: the suggestions the call stored instead of changing the text. */
  suggestionIds?: string[];
  change: ChangeRecord;
  /**
   * The canvas text before the change (a streamed call: when its stream started; a new canvas: "") and
   * right after it: what a change log stores, so the change can be shown and undone on its own later.
   */
  texts: { before: string; after: string };
}

/** A call refused as a whole: the canvas is untouched. */
export interface EngineFailure {
  readonly ok: false;
  canvasId: string | null;
  /** At least one; written for the model. */
  errors: EngineError[];
  /** The errors in one message. */
  summary: string;
}

export type EngineResult = EngineSuccess | EngineFailure;

/** What a writer reports before the seam makes it a change (adds the call and the record). */
export interface Applied {
  readonly ok: true;
  canvasId: string;
  applied: AppliedChange[];
  summary: string;
  inserted: number;
  deleted: number;
  /** In suggest mode: the suggestions the call stored instead of changing the text. */
  suggestionIds?: string[];
}

export const EngineResult = {
  /** A call that applied. */
  ok(applied: Applied, call: ToolCall, change: ChangeRecord, texts: EngineSuccess["texts"]): EngineSuccess {
    return { ...applied, call, change, texts };
  },
  /** A call refused with these errors (at least one). */
  fail(canvasId: string | null, errors: EngineError[]): EngineFailure {
    if (errors.length === 0) throw new Error("EngineResult.fail: a failure needs at least one error");
    const summary =
      errors.length === 1 ? errors[0]!.message : `${errors.length} problems: ${errors.map((e) => e.message).join(" ")}`;
    return { ok: false, canvasId, errors, summary };
  },
};

/** A whole-content change (create, rewrite), reported as the span between the common prefix and suffix. */
export function wholeChange(canvasId: string, before: string, after: string, summary: string): Applied {
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
  return { ok: true, canvasId, applied: [change], summary, inserted: change.inserted, deleted: change.deleted };
}
