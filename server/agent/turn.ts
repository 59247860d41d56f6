// One agent turn on a Y.Doc: ask the engine, feed its tool call to the edit engine's seam as it
// streams (create/rewrite content shows in the canvas as it arrives), finish it there, send refusals
// back to the model (at most 2 retries). The server, the evals and the tests all run turns through here.
import type * as Y from "yjs";
import { openAITools } from "../../shared/tools.ts";
import type { ToolActivity } from "../../shared/room.ts";
import { canvasText } from "../../shared/markdown/index.ts";
import { AgentOrigin } from "../../shared/origins.ts";
import { openToolCall, type EngineSuccess, type ToolCallStream } from "../../shared/engine/index.ts";
import { buildMessages, toolErrorMessage } from "./prompts.ts";
import { runPredictedRewrite } from "./predictedRewrite.ts";
import { activityFor, errorText, refusedActivity, replyFor, retriesExhausted } from "./replies.ts";
import { endTrace, safeJson, startTrace } from "./traces.ts";
import { DEFAULT_CONTEXT_TOKENS } from "../config.ts";
import type { ModelEvent, ModelMessage, TurnEngine, TurnInput, TurnTrace } from "./types.ts";

const MAX_RETRIES = 2;

export interface TurnHooks {
  /** Assistant text as it streams. */
  onText?(delta: string): void;
  /** A tool call finished (applied or refused). */
  onActivity?(activity: ToolActivity): void;
  /** Before the first change to an existing canvas (e.g. store a version). */
  beforeChange?(canvasId: string): void | Promise<void>;
  /** Where the model is writing, for its caret (canvas id). */
  onWriting?(canvasId: string | null): void;
  /** A change landed in the room (its record and texts), e.g. to store it in the change log. */
  onChange?(result: EngineSuccess): void;
}

export interface TurnOptions {
  doc: Y.Doc;
  canvasId: string | null;
  input: TurnInput;
  engine: TurnEngine;
  origin?: AgentOrigin;
  signal?: AbortSignal;
  hooks?: TurnHooks;
  contextTokens?: number;
}

/** Thrown out of a turn when its signal aborts; the canvas keeps only complete changes. */
export class TurnCancelled extends Error {
  constructor() {
    super("The run was cancelled.");
  }
}

export async function runTurnOnDoc(options: TurnOptions): Promise<TurnTrace> {
  const { doc, input, engine, hooks } = options;
  const origin = options.origin ?? new AgentOrigin(`turn-${Date.now().toString(36)}`);
  const signal = options.signal ?? new AbortController().signal;
  const started = Date.now();
  let canvasId = options.canvasId;
  const trace = startTrace(doc, canvasId);
  const messages: ModelMessage[] = buildMessages(input, {
    contextTokens: options.contextTokens ?? DEFAULT_CONTEXT_TOKENS,
  });
  const tools = openAITools();
  // One version per turn, before its first change to an existing canvas.
  let versioned = false;
  const versionBefore = async (changes: string | null): Promise<void> => {
    if (versioned || !changes) return;
    versioned = true;
    await hooks?.beforeChange?.(changes);
  };
  // The canvas as the model was shown it: a rewrite merges what people typed since into its result.
  const seenText = (id: string | null): string | undefined =>
    input.canvas && input.canvas.id === id ? input.canvas.content : undefined;
  const applied = (result: EngineSuccess, text: string): void => {
    hooks?.onChange?.(result);
    hooks?.onActivity?.(activityFor(result, canvasId));
    if (!text.trim()) {
      const reply = replyFor(result, doc, canvasId);
      trace.text += reply;
      hooks?.onText?.(reply);
    }
  };

  for (let attempt = 0; attempt <= MAX_RETRIES; attempt++) {
    // Only the first tool call of a stream is used (the tools are offered one call at a time).
    let call: ToolCallStream | null = null;
    let callId: string | null = null;
    let text = "";
    let done: Extract<ModelEvent, { type: "done" }> | null = null;
    let predicted = false;
    try {
      events: for await (const event of engine.stream({ messages, tools, input, signal, attempt })) {
        if (signal.aborted) throw new TurnCancelled();
        switch (event.type) {
          case "text":
            text += event.delta;
            hooks?.onText?.(event.delta);
            break;
          case "tool_call_start":
            if (call) break;
            call = openToolCall(doc, event.name, { canvasId, origin, seen: seenText(canvasId) });
            callId = event.id;
            // With Predicted Outputs, the choice of a whole-canvas rewrite is all we need from this stream.
            if (engine.predictedRewrite && call.prediction !== null) {
              predicted = true;
              break events;
            }
            break;
          case "tool_call_delta":
            if (!call || event.id !== callId) break;
            if (call.streams) await versionBefore(call.changes);
            call.arguments(event.argumentsSoFar);
            if (call.streams && call.canvasId) hooks?.onWriting?.(call.canvasId);
            break;
          case "done":
            done = event;
            break;
          default:
            event satisfies never;
        }
      }
    } catch (error) {
      if (!signal.aborted) call?.abort();
      else {
        // Stopped: a streamed create keeps what arrived, as a change of its own.
        const kept = call?.stop();
        if (kept?.ok) {
          hooks?.onChange?.(kept);
          hooks?.onActivity?.(activityFor(kept, kept.canvasId));
        }
      }
      throw signal.aborted ? new TurnCancelled() : error;
    }
    if (predicted && call && engine.predictedRewrite) {
      trace.text += text;
      await versionBefore(call.changes);
      let rewrite;
      try {
        rewrite = await runPredictedRewrite({
          call,
          predictedRewrite: engine.predictedRewrite,
          messages,
          signal,
          onWriting: (id) => hooks?.onWriting?.(id),
        });
      } catch (error) {
        throw signal.aborted ? new TurnCancelled() : error;
      }
      const { result } = rewrite;
      trace.toolCalls.push({
        name: call.name,
        arguments: rewrite.arguments,
        valid: true,
        applied: result.ok,
        error: result.ok ? null : errorText(result),
      });
      trace.outputTokens += Math.ceil(rewrite.arguments.content.length / 4);
      hooks?.onWriting?.(null);
      if (result.ok) applied(result, text);
      else hooks?.onActivity?.(refusedActivity(call.name, canvasId, errorText(result)));
      break;
    }
    if (!done) {
      call?.abort();
      throw new Error("The engine ended its stream without a final event.");
    }
    trace.outputTokens += done.outputTokens;
    trace.text += text;
    const raw = done.toolCalls[0];
    if (!raw) {
      call?.abort();
      break;
    }
    if (!call || call.name !== raw.name) {
      call?.abort();
      call = openToolCall(doc, raw.name, { canvasId, origin, seen: seenText(canvasId) });
    }

    const checked = call.validate(raw.arguments);
    if (checked.ok) await versionBefore(call.changes);
    const result = call.finish(raw.arguments);
    const error = result.ok ? null : errorText(result);
    trace.toolCalls.push({
      name: raw.name,
      arguments: safeJson(raw.arguments),
      valid: checked.ok,
      applied: result.ok,
      error,
    });
    hooks?.onWriting?.(null);

    if (result.ok) {
      canvasId = result.canvasId;
      if (result.call.name === "create_canvas") {
        const { title, kind, language } = result.call.arguments;
        trace.createdCanvas = { id: canvasId, title, kind, language, content: canvasText(doc, canvasId) };
      }
      applied(result, text);
      break;
    }

    hooks?.onActivity?.(refusedActivity(raw.name, canvasId, error ?? "refused"));
    const retriesLeft = MAX_RETRIES - attempt;
    messages.push(
      {
        role: "assistant",
        content: text || null,
        tool_calls: [{ id: raw.id, type: "function", function: { name: raw.name, arguments: raw.arguments } }],
      },
      { role: "tool", tool_call_id: raw.id, content: toolErrorMessage(error ?? "refused", retriesLeft) },
    );
    if (retriesLeft === 0) {
      const message = retriesExhausted(MAX_RETRIES + 1, error);
      trace.text += (trace.text ? "\n\n" : "") + message;
      hooks?.onText?.((text ? "\n\n" : "") + message);
      trace.error = message;
      break;
    }
    trace.retries++;
  }

  endTrace(trace, doc, canvasId, origin, started);
  return trace;
}
