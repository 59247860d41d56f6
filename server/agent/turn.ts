// One agent turn on a Y.Doc: ask the engine, feed its tool call to the edit engine's seam as it
// streams (create/rewrite content shows in the canvas as it arrives), finish it there, send refusals
// back to the model (at most 2 retries). The server, the evals and the tests all run turns through here.
import * as Y from "yjs";
import { openAITools } from "../../shared/tools.ts";
import { canvasesMap, commentsMap, type ToolActivity } from "../../shared/room.ts";
import { canvasText } from "../../shared/markdown/index.ts";
import { AgentOrigin } from "../../shared/origins.ts";
import {
  openToolCall,
  resolveCommentRange,
  type EngineFailure,
  type EngineSuccess,
  type ToolCallStream,
} from "../../shared/engine/index.ts";
import { buildMessages, toolErrorMessage } from "./prompts.ts";
import { runPredictedRewrite } from "./predictedRewrite.ts";
import type { CommentTrace, ModelEvent, ModelMessage, TurnEngine, TurnInput, TurnTrace } from "./types.ts";

export const MAX_RETRIES = 2;

export interface TurnHooks {
  /** Assistant text as it streams. */
  onText?(delta: string): void;
  /** A tool call finished (applied or refused). */
  onActivity?(activity: ToolActivity): void;
  /** Before the first change to an existing canvas (e.g. store a version). */
  beforeChange?(canvasId: string): void | Promise<void>;
  /** Where the model is writing, for its caret (canvas id). */
  onWriting?(canvasId: string | null): void;
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
  const canvasBefore = canvasId && canvasesMap(doc).has(canvasId) ? canvasText(doc, canvasId) : null;
  const trace: TurnTrace = {
    text: "",
    toolCalls: [],
    retries: 0,
    canvasBefore,
    canvasAfter: null,
    createdCanvas: null,
    comments: [],
    outputTokens: 0,
    latencyMs: 0,
    error: null,
  };
  const messages: ModelMessage[] = buildMessages(input, { contextTokens: options.contextTokens ?? 24_000 });
  const tools = openAITools();
  // One version per turn, before its first change to an existing canvas.
  let versioned = false;
  const versionBefore = async (changes: string | null): Promise<void> => {
    if (versioned || !changes) return;
    versioned = true;
    await hooks?.beforeChange?.(changes);
  };
  const applied = (result: EngineSuccess, text: string): void => {
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
            call = openToolCall(doc, event.name, { canvasId, origin });
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
      call?.abort();
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
      else hooks?.onActivity?.({ tool: call.name, canvasId, ok: false, summary: errorText(result), count: 0 });
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
      call = openToolCall(doc, raw.name, { canvasId, origin });
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

    hooks?.onActivity?.({ tool: raw.name, canvasId, ok: false, summary: error ?? "refused", count: 0 });
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
      const message = `I couldn't apply my change after ${MAX_RETRIES + 1} attempts, so the canvas is unchanged. Last problem: ${firstLine(error)}`;
      trace.text += (trace.text ? "\n\n" : "") + message;
      hooks?.onText?.((text ? "\n\n" : "") + message);
      trace.error = message;
      break;
    }
    trace.retries++;
  }

  trace.canvasAfter = canvasId && canvasesMap(doc).has(canvasId) ? canvasText(doc, canvasId) : null;
  trace.comments = commentTraces(doc, origin, trace.canvasAfter);
  trace.latencyMs = Date.now() - started;
  return trace;
}

/** What the engine refused, as sent back to the model. */
function errorText(result: EngineFailure): string {
  return result.errors.map((item) => item.message).join("\n");
}

function activityFor(result: EngineSuccess, canvasId: string | null): ToolActivity {
  const { call } = result;
  switch (call.name) {
    case "create_canvas":
      return { tool: call.name, canvasId, ok: true, summary: `Created "${call.arguments.title}"`, count: 1 };
    case "edit_canvas":
      return {
        tool: call.name,
        canvasId,
        ok: true,
        summary: call.arguments.summary || result.summary,
        count: call.arguments.edits.length,
      };
    case "rewrite_canvas":
      return { tool: call.name, canvasId, ok: true, summary: call.arguments.summary || result.summary, count: 1 };
    case "comment_canvas":
      return { tool: call.name, canvasId, ok: true, summary: result.summary, count: call.arguments.comments.length };
    default:
      return call satisfies never;
  }
}

function replyFor(result: EngineSuccess, doc: Y.Doc, canvasId: string | null): string {
  const { call } = result;
  const title = canvasId ? (canvasesMap(doc).get(canvasId)?.title ?? "the canvas") : "the canvas";
  switch (call.name) {
    case "create_canvas":
      return `I opened "${call.arguments.title}" in a canvas.`;
    case "edit_canvas": {
      const count = call.arguments.edits.length;
      return `${call.arguments.summary || result.summary} (${count} ${count === 1 ? "passage" : "passages"} in "${title}").`;
    }
    case "rewrite_canvas":
      return `${call.arguments.summary || result.summary} (rewrote "${title}").`;
    case "comment_canvas": {
      const count = call.arguments.comments.length;
      return `I left ${count} ${count === 1 ? "comment" : "comments"} on "${title}".`;
    }
    default:
      return call satisfies never;
  }
}

function commentTraces(doc: Y.Doc, origin: AgentOrigin, canvasAfter: string | null): CommentTrace[] {
  const traces: CommentTrace[] = [];
  for (const comment of commentsMap(doc).values()) {
    if (comment.runId !== origin.runId) continue;
    const resolved = resolveCommentRange(doc, comment);
    const resolvedText = resolved?.text ?? null;
    // Anchors resolve to plain text while the canvas is markdown: fall back to the quote as written.
    const located =
      resolvedText && canvasAfter
        ? [resolvedText, comment.quote].find((text) => canvasAfter.includes(text))
        : undefined;
    const start = located && canvasAfter ? canvasAfter.indexOf(located) : -1;
    traces.push({
      quote: comment.quote,
      resolvedText,
      start,
      end: located && start >= 0 ? start + located.length : -1,
      severity: comment.severity,
      comment: comment.body,
      suggestion: comment.suggestion,
    });
  }
  return traces;
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function firstLine(text: string | null): string {
  return (text ?? "").split("\n")[0]!.slice(0, 300);
}

export { createEngine } from "./engines.ts";
