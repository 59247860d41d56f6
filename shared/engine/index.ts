// The edit engine: tool calls become minimal, lossless changes to a live Yjs canvas. Everything a
// caller needs is here; the files behind it are the engine's own. Entries marked @internal are
// exported for the engine's tests only.

/// The origins a tool call is applied with, re-exported from shared/origins.ts (where every
/// transaction origin is defined): a run of the model, or a person through the HTTP API.
export { AgentOrigin, ApiOrigin } from "../origins.ts";

/// Apply a validated tool call in one go: one transaction with the context's origin, all or nothing.
export { applyToolCall } from "./toolCall.ts";
/// Validate raw arguments (an object, or the JSON text a provider sends) with zod, then apply them as
/// `applyToolCall` does. For callers that hold unvalidated input: the HTTP API, external agents.
export { applyRawToolCall } from "./toolCall.ts";
/// Open a tool call whose arguments, or whose content alone, stream in. The handle shows complete
/// blocks of a create or rewrite while they arrive; its `finish` validates and applies through the
/// same code as `applyToolCall`; its `abort` reverts what was shown.
export { openToolCall } from "./toolCall.ts";
/// The canvas a call works on, who writes it (the origin), and who it is by (the author).
export type { ToolCallContext } from "./toolCall.ts";
/// The handle `openToolCall` returns.
export type { ToolCallStream } from "./toolCall.ts";

/// What a call returns: `EngineSuccess` (what changed, and the change record) or `EngineFailure`
/// (errors written for the model; nothing was written). `EngineResult.ok` and `EngineResult.fail`
/// build them.
export { EngineResult } from "./result.ts";
/// The two sides of `EngineResult`.
export type { EngineSuccess, EngineFailure } from "./result.ts";
/// One application of a tool call: id, run, canvas, tool, summary, author, origin, time.
export type { ChangeRecord } from "./result.ts";
/// A problem with a call, with a message the model can act on, and its code.
export type { EngineError, EngineErrorCode } from "./result.ts";
/// A passage replaced by a call (offsets before and after) and how it was found; a passage close to
/// a quote that was not found.
export type { AppliedChange, Candidate } from "./result.ts";

/// Where a comment's anchor points now (ProseMirror positions and the text), or null when its text is gone.
export { resolveCommentRange } from "./comments.ts";
/// An undo manager for AI changes only: one step per change, people's later edits kept.
export { createAgentUndoManager } from "./undo.ts";
/// Make a fragment hold a ProseMirror doc with a minimal change, for writes that are not tool calls
/// (restoring a version, fixtures). Call it inside `doc.transact(fn, origin)`.
export { writeDoc } from "./writeDoc.ts";
/// Make a canvas hold a text (markdown or source) with a minimal write: only the span that differs is
/// re-parsed (an undo, a restore). One transaction with the given origin.
export { writeText } from "./canvasWrites.ts";
/// A three-way merge of canvas texts (base, ours, theirs): both sides' changes, and where they clash,
/// theirs with the clash described (what ours did there).
export { merge3, type MergeResult, type MergeConflict } from "./merge.ts";
/// Keep people's edits a write could not place, each in a comment that quotes it and says why.
export { addKeptEditComments, type KeptEdit } from "./comments.ts";
/// Typing that arrives for a block a write has just removed (it would vanish): handed over to be kept.
export { watchLateTyping, type LateTyping } from "./lateTyping.ts";

/// @internal The locate tiers and the edit planner, exported for their tests.
export { locate, reindent } from "./locate.ts";
/// @internal
export { planEdits } from "./planEdits.ts";
