// The edit engine: model tool calls become minimal, lossless changes to a live Yjs canvas.
export { AgentOrigin, ApiOrigin, type WriterOrigin } from "./origin.ts";
export {
  applyToolCall,
  applyRawToolCall,
  openToolCall,
  type ToolCallContext,
  type ToolCallStream,
} from "./toolCall.ts";
export { resolveCommentRange } from "./comments.ts";
export { locate, reindent, type LocateResult, type LocateTier, type TextMatch, type LocateOptions } from "./locate.ts";
export { planEdits, type EditPlan } from "./planEdits.ts";
export { writeDoc, writeBlocks } from "./writeDoc.ts";
export { writeCanvasText, type WritePath } from "./writeText.ts";
export type { AppliedChange, Candidate, EngineError, EngineErrorCode, EngineResult } from "./types.ts";
export { createAgentUndoManager } from "./undo.ts";
