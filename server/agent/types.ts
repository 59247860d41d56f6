// What one agent turn sees and produces. Both engines (the OpenAI-compatible model and the offline
// rules engine) and the eval runner speak these types, so evals measure exactly what the server runs.
import type { QuickAction } from "../../shared/actions.ts";
import type { CanvasKind, ToolCall } from "../../shared/tools.ts";
import type { EngineKind } from "../../shared/engineInfo.ts";

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
  /** Suggestions waiting on that canvas (proposed, not accepted: the content does not hold them). */
  pendingSuggestions?: PendingSuggestion[];
}

export interface PendingSuggestion {
  quote: string;
  replacement: string;
}

/** The offline engine's answer to a turn: a chat reply and at most one tool call. */
export interface LocalDecision {
  text: string;
  toolCall: ToolCall | null;
}

/** One tool call the model (or offline engine) made during a turn, and what the edit engine did with it. */
export interface ToolCallTrace {
  name: string;
  /** Raw arguments as received (object, or the string when it was not valid JSON). */
  arguments: unknown;
  /** Did the arguments pass the zod schema? */
  valid: boolean;
  /** Did the edit engine apply it (for read_canvas and search_canvas: did it run)? */
  applied: boolean;
  /** Validation or engine error sent back to the model, if any. */
  error: string | null;
}

/** A comment left during a turn, with the text its anchor resolves to now (null: anchor lost). */
export interface CommentTrace {
  quote: string;
  resolvedText: string | null;
  /** Offsets of the resolved text in `canvasAfter` (-1 when not found). */
  start: number;
  end: number;
  severity: string;
  comment: string;
  suggestion: string | null;
}

/** Everything one turn did: what evals grade and tests assert on. */
export interface TurnTrace {
  /** The assistant's chat text. */
  text: string;
  toolCalls: ToolCallTrace[];
  /** Number of retries after refused tool calls (at most 2 in a row). */
  retries: number;
  /** Tool calls the turn took (reads, searches and changes, refused ones included). */
  steps: number;
  /** Requests made to the engine. */
  requests: number;
  /** Prompt tokens over every request (reported by the provider, else estimated as chars/4). */
  inputTokens: number;
  /** Of those, what the provider served from its prompt cache (when it says so). */
  cachedTokens: number;
  /** Set when a budget ended the turn before the model had finished. */
  stopped: "steps" | "tokens" | null;
  /** The canvas before and after the turn (markdown or source); null when there was none. */
  canvasBefore: string | null;
  canvasAfter: string | null;
  /** Set when the turn opened a new canvas. */
  createdCanvas: { id: string; title: string; kind: string; language: string | null; content: string } | null;
  comments: CommentTrace[];
  /** Completion tokens reported by the provider (estimated as chars/4 for the offline engine). */
  outputTokens: number;
  latencyMs: number;
  /** A provider or run failure, as shown to the user. */
  error: string | null;
}

/** A message in the provider's (OpenAI chat completions) format, kept minimal so both engines share it. */
export type ModelMessage =
  | { role: "system" | "user"; content: string }
  | {
      role: "assistant";
      content: string | null;
      tool_calls?: { id: string; type: "function"; function: { name: string; arguments: string } }[];
    }
  | { role: "tool"; tool_call_id: string; content: string };

export interface ModelRequest {
  messages: ModelMessage[];
  /** Strict function tools (shared/tools.ts openAITools()). Empty: no tools offered. */
  tools: import("../../shared/tools.ts").OpenAIFunctionTool[];
  /** The structured turn, for engines that do not read prose (the offline engine). */
  input: TurnInput;
  signal: AbortSignal;
  /** Refused calls in a row before this request (0: not a retry); lets an engine stop retrying on its own. */
  attempt: number;
  /** Steps (tool calls) the turn has taken before this request. */
  step: number;
}

export interface CompletedToolCall {
  id: string;
  name: string;
  /** The JSON string as the model sent it. */
  arguments: string;
}

/** Events a model stream yields, in order: text/tool deltas, then exactly one `done`. */
export type ModelEvent =
  | { type: "text"; delta: string }
  | { type: "tool_call_start"; id: string; name: string }
  | { type: "tool_call_delta"; id: string; argumentsSoFar: string }
  | {
      type: "done";
      text: string;
      toolCalls: CompletedToolCall[];
      outputTokens: number;
      /** Prompt tokens the provider reported for this request, when it reports usage (evals meter cost). */
      inputTokens?: number;
      /** Of those, the tokens served from the provider's prompt cache (usage.prompt_tokens_details.cached_tokens). */
      cachedTokens?: number;
    };

/** A source of completions: the OpenAI-compatible provider or the offline engine. */
export interface TurnEngine {
  readonly kind: EngineKind;
  readonly model: string;
  stream(request: ModelRequest): AsyncIterable<ModelEvent>;
  /**
   * Optional fast rewrite path (Predicted Outputs): once the model has chosen rewrite_canvas, a second call
   * without tools streams the new text with the current canvas as the prediction.
   */
  readonly predictedRewrite?: (request: {
    messages: ModelMessage[];
    currentText: string;
    signal: AbortSignal;
  }) => AsyncIterable<string>;
}
