// What one agent turn sees and produces. Both engines (the OpenAI-compatible model and the offline
// rules engine) and the eval runner speak these types, so evals measure exactly what the server runs.
import type { QuickAction } from "../../shared/actions.ts";
import type { CanvasKind, ToolCall } from "../../shared/tools.ts";

export interface CanvasContext {
  id: string;
  title: string;
  kind: CanvasKind;
  language: string | null;
  /** Markdown for documents, raw source for code. */
  content: string;
}

export interface HistoryMessage {
  role: "user" | "assistant";
  content: string;
}

export interface TurnInput {
  /** The user's request (for a quick action: the action's instruction). */
  userText: string;
  /** Earlier conversation, oldest first, not including userText. */
  history: HistoryMessage[];
  /** The canvas the user is looking at, if any. */
  canvas: CanvasContext | null;
  /** Text the user selected in the canvas, if any. */
  selection: string | null;
  action: QuickAction | null;
}

/** The offline engine's answer to a turn: a chat reply and at most one tool call. */
export interface LocalDecision {
  text: string;
  toolCall: ToolCall | null;
}
