// The edit engine: model tool calls become minimal, lossless changes to a live Yjs canvas.
export { AgentOrigin } from "./origin.ts";
export { applyToolCall, type ApplyContext } from "./applyToolCall.ts";
export { resolveCommentRange } from "./comments.ts";
export { locate, reindent, type LocateResult, type LocateTier, type TextMatch, type LocateOptions } from "./locate.ts";
export { planEdits, type EditPlan, type TextChange } from "./planEdits.ts";
export { writeDoc, writeBlocks } from "./writeDoc.ts";
export { writeCanvasText, type WritePath } from "./writeText.ts";
export type { AppliedChange, Candidate, EngineError, EngineErrorCode, EngineResult } from "./types.ts";
export {
  startStreamingWrite,
  completeMarkdownPrefix,
  type StreamingWriter,
  type StreamingOptions,
} from "./streaming.ts";
export { createAgentUndoManager } from "./undo.ts";
