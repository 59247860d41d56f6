// The seam: the one way a tool call changes a room. Calls from the model, the offline engine, the HTTP
// API (a canvas created or imported by a person) and, later, external agents all come through here,
// either in one go (applyToolCall, applyRawToolCall) or streamed (openToolCall). Streaming is a mode of
// the same application, not a second path: while the arguments arrive, a create or rewrite shows its
// complete blocks; `finish` validates the complete arguments with zod and applies them through the same
// code as a one-shot call; `abort` reverts what the stream showed.
import type * as Y from "yjs";
import { canvasesMap, newId, type CanvasMeta } from "../room.ts";
import { canvasText } from "../markdown/index.ts";
import { AI_AUTHOR, type Author, type ToolCallOrigin } from "../origins.ts";
import {
  exhaustiveTool,
  parseToolCall,
  CANVAS_KINDS,
  type ToolArgsResult,
  type ToolCall,
  type ToolName,
} from "../tools.ts";
import { createCanvas, editCanvas, rewriteCanvas, type CanvasHeader } from "./canvasWrites.ts";
import { addComments, addKeptEditComments } from "./comments.ts";
import { PartialStringReader, partialStringField } from "./partialJson.ts";
import { StreamPreview } from "./streamPreview.ts";
import { merge3 } from "./merge.ts";
import { EngineResult, type Applied, type ChangeRecord, type EngineFailure, type EngineSuccess } from "./result.ts";
import { suggestionsMap, type EditMode, type SuggestionRecord } from "../suggestions/record.ts";
import { proposeEdits, proposeRewrite } from "../suggestions/propose.ts";
import { reviewSuggestions, type ReviewDecision, type ReviewFailure } from "../suggestions/review.ts";

export interface ToolCallContext {
  /** The canvas the call works on (the one the person is looking at); create_canvas makes a new one. */
  canvasId: string | null;
  /** Who writes: every transaction of the call carries this origin. */
  origin: ToolCallOrigin;
  /** Who the call is by (its change record, the comments it leaves); the model when absent. */
  author?: Author;
  /**
   * The canvas text the writer based the call on (what the model was shown), when it may be older than
   * the canvas now: a streamed rewrite then merges what people typed since then into its result.
   */
  seen?: string;
  /**
   * "suggest": an edit or a rewrite leaves the canvas text as it is and stores one suggestion per
   * passage it would change (shared/suggestions), and a rewrite does not stream into the canvas.
   * Creates and comments apply as in "edit" (the default).
   */
  mode?: EditMode;
}

/** A tool call whose arguments are still arriving. */
export interface ToolCallStream {
  readonly name: string;
  /** The canvas the call works on: the context's, or the one a streamed create_canvas has made (else null). */
  readonly canvasId: string | null;
  /**
   * The existing canvas whose text this call edits or replaces (null for a new canvas, for comments,
   * or when there is no such canvas). A caller that keeps versions stores one before the first write:
   * before feeding a streaming call, before `finish` otherwise.
   */
  readonly changes: string | null;
  /** True when the call shows its content while it streams (create_canvas, rewrite_canvas). */
  readonly streams: boolean;
  /** The text this call replaces as a whole (a rewrite's canvas), for a Predicted Outputs prediction; else null. */
  readonly prediction: string | null;
  /** The raw argument text received so far (as the provider streams it); shows complete blocks of content. */
  arguments(rawSoFar: string): void;
  /** The content alone, streamed from elsewhere (Predicted Outputs): the content received so far. */
  setContent(contentSoFar: string): void;
  /** The content alone: one more piece of it. */
  appendContent(chunk: string): void;
  /** Validate complete arguments (zod) without applying them; `finish` with the same value reuses the answer. */
  validate(rawArguments?: unknown): ToolArgsResult;
  /**
   * Validate and apply the complete arguments (an object or the JSON text; by default: the arguments
   * received, or the preset arguments with the content received). A refusal reverts what was shown.
   */
  finish(rawArguments?: unknown): EngineResult;
  /**
   * Revert what the stream showed; nothing is applied. What people typed meanwhile stays, and an edit it
   * cannot put back (of a block only the stream wrote) is kept in a comment. Safe to call more than once.
   */
  abort(): void;
  /**
   * The run was stopped: a streamed create_canvas keeps what already arrived (applied as its content,
   * with what people typed into it), anything else aborts. Returns the kept change, else null.
   */
  stop(): EngineResult | null;
}

/** Apply a validated tool call in one go. */
export function applyToolCall(doc: Y.Doc, call: ToolCall, ctx: ToolCallContext): EngineResult {
  return apply(doc, call, ctx, beginChange(ctx.origin), null);
}

/** Validate raw arguments (an object or the JSON text) with zod and apply them in one go. */
export function applyRawToolCall(doc: Y.Doc, name: string, rawArguments: unknown, ctx: ToolCallContext): EngineResult {
  return openToolCall(doc, name, ctx).finish(rawArguments);
}

/**
 * Open a tool call whose arguments (or, for Predicted Outputs, whose content) will stream in. `preset`
 * holds arguments known before the stream: with a content stream, the rest of the call (a create's
 * title, kind and language, which make the canvas at once; a rewrite's summary).
 */
export function openToolCall(
  doc: Y.Doc,
  name: string,
  ctx: ToolCallContext,
  preset: Readonly<Record<string, unknown>> = {},
): ToolCallStream {
  const suggesting = ctx.mode === "suggest";
  const streams = name === "create_canvas" || (name === "rewrite_canvas" && !suggesting);
  const existing = ctx.canvasId ? (canvasesMap(doc).get(ctx.canvasId) ?? null) : null;
  const changes = existing && (name === "edit_canvas" || name === "rewrite_canvas") ? existing.id : null;
  // The text a rewrite is based on: what the caller says the writer saw, else the canvas as the call opens.
  const seen = ctx.seen ?? (existing && name === "rewrite_canvas" ? canvasText(doc, existing.id) : undefined);
  const reader = new PartialStringReader("content");
  let mode: "none" | "arguments" | "content" = "none";
  let raw = "";
  let preview: StreamPreview | null = null;
  let validated: { raw: unknown; result: ToolArgsResult } | null = null;
  let state: "open" | "finished" | "aborted" = "open";

  const assertOpen = (what: string, next: typeof mode): void => {
    if (state !== "open") throw new Error(`ToolCallStream.${what}: the call "${name}" is already ${state}`);
    if (mode !== "none" && mode !== next)
      throw new Error(`ToolCallStream.${what}: the call "${name}" already streams its ${mode}; feed one or the other`);
    mode = next;
  };

  /** Start the preview once it is known where the content goes; null while that is not known yet. */
  const startPreview = (header: Partial<CanvasHeader> | null): StreamPreview | null => {
    if (preview || !streams) return preview;
    if (name === "rewrite_canvas") {
      const meta = ctx.canvasId ? canvasesMap(doc).get(ctx.canvasId) : undefined;
      if (!meta) return null; // finish refuses the call with the reason
      preview = new StreamPreview(doc, { rewrite: meta, seen }, ctx.origin, beginChange(ctx.origin));
      return preview;
    }
    const complete = completeHeader(header);
    if (!complete) return null;
    preview = new StreamPreview(doc, { create: complete, canvasId: newId() }, ctx.origin, beginChange(ctx.origin));
    return preview;
  };

  const showContent = (content: string): void => {
    const target = startPreview(headerFrom(preset));
    if (!target)
      throw new Error(
        `ToolCallStream.setContent: a content stream of "${name}" needs the canvas it writes (preset title and kind for create_canvas, an existing canvas for rewrite_canvas)`,
      );
    target.show(content);
  };

  const validate = (rawArguments: unknown): ToolArgsResult => {
    if (validated && validated.raw === rawArguments) return validated.result;
    validated = { raw: rawArguments, result: parseToolCall(name, rawArguments) };
    return validated.result;
  };

  const defaultArguments = (): unknown => {
    if (mode === "arguments") return raw;
    if (mode === "content") return { ...preset, content: preview?.received ?? "" };
    return preset;
  };

  // A content stream of a create whose header is preset makes its canvas at once.
  if (name === "create_canvas" && completeHeader(headerFrom(preset))) startPreview(headerFrom(preset));

  return {
    name,
    get canvasId() {
      return preview?.canvasId ?? ctx.canvasId;
    },
    changes,
    streams,
    get prediction() {
      return name === "rewrite_canvas" && !suggesting && ctx.canvasId && canvasesMap(doc).has(ctx.canvasId)
        ? canvasText(doc, ctx.canvasId)
        : null;
    },
    arguments(rawSoFar) {
      assertOpen("arguments", "arguments");
      raw = rawSoFar;
      if (!streams) return;
      const content = reader.read(rawSoFar);
      if (content === null) return;
      // Content comes after the header in the schema, so once it has started the header is complete.
      const target = startPreview({
        title: partialStringField(rawSoFar, "title") ?? undefined,
        kind: partialStringField(rawSoFar, "kind") as CanvasHeader["kind"] | undefined,
        language: partialStringField(rawSoFar, "language"),
      });
      target?.show(content);
    },
    setContent(contentSoFar) {
      assertOpen("setContent", "content");
      showContent(contentSoFar);
    },
    appendContent(chunk) {
      assertOpen("appendContent", "content");
      showContent((preview?.received ?? "") + chunk);
    },
    validate(rawArguments = defaultArguments()) {
      return validate(rawArguments);
    },
    finish(rawArguments = defaultArguments()) {
      if (state !== "open") throw new Error(`ToolCallStream.finish: the call "${name}" is already ${state}`);
      state = "finished";
      const parsed = validate(rawArguments);
      if (!parsed.ok) {
        revertPreview(doc, preview, ctx);
        return EngineResult.fail(ctx.canvasId, [{ code: "invalid_arguments", message: parsed.error }]);
      }
      return apply(doc, parsed.call, ctx, preview?.changeId ?? beginChange(ctx.origin), preview);
    },
    abort() {
      if (state !== "open") return;
      state = "aborted";
      revertPreview(doc, preview, ctx);
    },
    stop() {
      const meta = preview?.created ? canvasesMap(doc).get(preview.canvasId) : undefined;
      if (state !== "open" || !preview || !meta || !preview.received.trim()) {
        this.abort();
        return null;
      }
      const { title, kind, language } = meta;
      const parsed = parseToolCall("create_canvas", { title, kind, language, content: preview.received });
      if (!parsed.ok) {
        this.abort();
        return null;
      }
      state = "finished";
      return apply(doc, parsed.call, ctx, preview.changeId, preview);
    },
  };
}

/**
 * Apply a validated call as change `changeId`: the one code path of every tool call, and the one place
 * a change record is made. `preview` is the stream that showed the call's content (its canvas and the
 * text it started from); it is released when the call applied and reverted when it was refused. A
 * streamed call ends with the preview's three-way merge (the canvas as the stream showed it, what people
 * typed meanwhile, the model's result); people's edits it could not place become comments here.
 */
function apply(
  doc: Y.Doc,
  call: ToolCall,
  ctx: ToolCallContext,
  changeId: string,
  preview: StreamPreview | null,
): EngineResult {
  let outcome: Applied | EngineFailure;
  const before = preview ? preview.baseText : textBefore(doc, call, ctx.canvasId);
  try {
    outcome = applyCall(doc, call, ctx, changeId, preview);
  } catch (error) {
    revertPreview(doc, preview, ctx);
    throw error;
  }
  if (!outcome.ok) {
    revertPreview(doc, preview, ctx);
    return outcome;
  }
  const kept = preview ? preview.keptEdits() : [];
  if (kept.length) {
    const meta = canvasesMap(doc).get(outcome.canvasId)!;
    const count = addKeptEditComments(doc, meta, kept, ctx.origin, ctx.author ?? AI_AUTHOR, changeId);
    if (count) outcome = { ...outcome, summary: `${outcome.summary} (kept ${count} of people's edits in comments)` };
  }
  const merged = preview?.mergesPeoplesEdits ?? false;
  preview?.release();
  const after = canvasText(doc, outcome.canvasId);
  // A rewrite that merged people's edits: "before" keeps those edits, so undoing the change keeps them.
  const texts = {
    before: merged && call.name === "rewrite_canvas" ? merge3(call.arguments.content, after, before).text : before,
    after,
  };
  return EngineResult.ok(
    outcome,
    call,
    changeRecord(changeId, outcome.canvasId, call.name, outcome.summary, ctx),
    texts,
  );
}

/**
 * Revert what a stream showed (nothing is applied). People's edits it could not put back (an edit of a
 * block the stream wrote) are kept in comments, as at the end of a stream: no one's typing vanishes.
 */
function revertPreview(
  doc: Y.Doc,
  preview: StreamPreview | null,
  ctx: Pick<ToolCallContext, "origin" | "author">,
): void {
  const kept = preview?.revert() ?? [];
  const meta = preview && kept.length ? canvasesMap(doc).get(preview.canvasId) : undefined;
  if (meta) addKeptEditComments(doc, meta, kept, ctx.origin, ctx.author ?? AI_AUTHOR, null);
}

function changeRecord(
  id: string,
  canvasId: string,
  tool: ToolName,
  summary: string,
  ctx: Pick<ToolCallContext, "origin" | "author">,
): ChangeRecord {
  return {
    id,
    runId: ctx.origin.source === "agent" ? ctx.origin.runId : null,
    canvasId,
    tool,
    summary,
    author: ctx.author ?? AI_AUTHOR,
    origin: ctx.origin.source,
    createdAt: Date.now(),
  };
}

/**
 * A decision on suggestions that applied: the records after it and, for each canvas whose text changed
 * (an accept, or the undo of one), the change as an edit_canvas call's result (its record and texts).
 */
export type SuggestionReview = { ok: true; suggestions: SuggestionRecord[]; changes: EngineSuccess[] } | ReviewFailure;

/**
 * Accept, reject, or undo the decision on suggestions (all of them or none): an accept writes exactly
 * each replacement into its canvas and is a change like a tool call's (its record names the canvas and
 * the person); an outdated suggestion (its passage no longer reads as quoted) refuses the whole call.
 */
export function reviewSuggestionsCall(
  doc: Y.Doc,
  ids: readonly string[],
  decision: ReviewDecision,
  ctx: Pick<ToolCallContext, "origin" | "author">,
): SuggestionReview {
  const canvases = canvasesMap(doc);
  const before = new Map<string, string>();
  for (const id of ids) {
    const canvasId = suggestionsMap(doc).get(id)?.canvasId;
    if (canvasId && canvases.has(canvasId) && !before.has(canvasId)) before.set(canvasId, canvasText(doc, canvasId));
  }
  const changeIds = new Map<string, string>();
  const changeIdFor = (canvasId: string): string => {
    let id = changeIds.get(canvasId);
    if (!id) changeIds.set(canvasId, (id = beginChange(ctx.origin)));
    return id;
  };
  // An undo of an accept is that accept's change undone: it keeps the accept's id.
  for (const id of decision === "undo" ? ids : []) {
    const applied = suggestionsMap(doc).get(id)?.applied;
    const canvasId = suggestionsMap(doc).get(id)?.canvasId;
    if (applied && canvasId && !changeIds.has(canvasId)) changeIds.set(canvasId, applied.changeId);
  }
  const result = reviewSuggestions(doc, ids, decision, ctx.origin, ctx.author?.id ?? AI_AUTHOR.id, changeIdFor);
  if (!result.ok) return result;
  const changes = result.canvasIds.map((canvasId): EngineSuccess => {
    const decided = result.suggestions.filter((suggestion) => suggestion.canvasId === canvasId);
    const what = decided.length === 1 ? "a suggestion" : `${decided.length} suggestions`;
    const summary = decision === "accept" ? `Accepted ${what}` : `Undid accepting ${what}`;
    const edits = decided.map((suggestion) =>
      decision === "accept"
        ? { find: suggestion.quote, replace: suggestion.replacement, all: false }
        : { find: suggestion.replacement, replace: suggestion.quote, all: false },
    );
    const call: ToolCall = { name: "edit_canvas", arguments: { edits, summary } };
    const applied: Applied = { ok: true, canvasId, applied: [], summary, inserted: 0, deleted: 0 };
    return EngineResult.ok(applied, call, changeRecord(changeIdFor(canvasId), canvasId, call.name, summary, ctx), {
      before: before.get(canvasId) ?? "",
      after: canvasText(doc, canvasId),
    });
  });
  return { ok: true, suggestions: result.suggestions, changes };
}

/** The text a one-shot call changes: its canvas now ("" for a new canvas or a missing one). */
function textBefore(doc: Y.Doc, call: ToolCall, canvasId: string | null): string {
  if (call.name === "create_canvas" || !canvasId || !canvasesMap(doc).has(canvasId)) return "";
  return canvasText(doc, canvasId);
}

function applyCall(
  doc: Y.Doc,
  call: ToolCall,
  ctx: ToolCallContext,
  changeId: string,
  preview: StreamPreview | null,
): Applied | EngineFailure {
  if (call.name === "create_canvas") {
    const canvasId = preview?.created ? preview.canvasId : newId();
    const createdAt = preview?.created ? canvasesMap(doc).get(canvasId)?.createdAt : undefined;
    const content = preview?.created ? preview.settle(call.arguments.content) : call.arguments.content;
    return createCanvas(doc, { ...call.arguments, content }, canvasId, ctx.origin, createdAt);
  }
  const found = findCanvas(doc, ctx.canvasId);
  if (!found.ok) return found.failure;
  const proposal = ctx.mode === "suggest" ? { changeId, origin: ctx.origin, author: ctx.author ?? AI_AUTHOR } : null;
  switch (call.name) {
    case "edit_canvas":
      return proposal
        ? proposeEdits(doc, found.meta, call.arguments, proposal)
        : editCanvas(doc, found.meta, call.arguments, ctx.origin);
    case "rewrite_canvas":
      if (proposal)
        return proposeRewrite(doc, found.meta, call.arguments.content, proposal, call.arguments.summary, ctx.seen);
      if (!preview) return rewriteCanvas(doc, found.meta, call.arguments, ctx.origin);
      return rewriteCanvas(
        doc,
        found.meta,
        { ...call.arguments, content: preview.settle(call.arguments.content) },
        ctx.origin,
        preview.baseText,
      );
    case "comment_canvas":
      return addComments(doc, found.meta, call.arguments, ctx.origin, ctx.author ?? AI_AUTHOR, changeId);
    default:
      return exhaustiveTool(call);
  }
}

/** Start a new change of `origin` and return its id (for an agent: its next undo step). */
function beginChange(origin: ToolCallOrigin): string {
  return origin.source === "agent" ? origin.beginChange() : newId();
}

function findCanvas(
  doc: Y.Doc,
  canvasId: string | null,
): { ok: true; meta: CanvasMeta } | { ok: false; failure: EngineFailure } {
  const meta = canvasId ? canvasesMap(doc).get(canvasId) : undefined;
  if (meta) return { ok: true, meta };
  const ids = [...canvasesMap(doc).keys()];
  const message = canvasId
    ? `There is no canvas "${canvasId}" in this room${ids.length ? ` (canvases: ${ids.join(", ")})` : ""}. Use create_canvas to start one.`
    : "No canvas is open. Use create_canvas to start one, or answer in the chat.";
  return { ok: false, failure: EngineResult.fail(canvasId, [{ code: "no_canvas", message }]) };
}

function headerFrom(preset: Readonly<Record<string, unknown>>): Partial<CanvasHeader> {
  return {
    title: typeof preset.title === "string" ? preset.title : undefined,
    kind: preset.kind as CanvasHeader["kind"] | undefined,
    language: typeof preset.language === "string" ? preset.language : null,
  };
}

function completeHeader(header: Partial<CanvasHeader> | null): CanvasHeader | null {
  if (!header?.title || !header.kind || !CANVAS_KINDS.includes(header.kind)) return null;
  return { title: header.title, kind: header.kind, language: header.language ?? null };
}
