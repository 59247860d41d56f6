// One agent turn on a Y.Doc: ask the engine, stream create/rewrite content into the canvas as it
// arrives, validate the tool call, apply it through the edit engine, send refusals back to the
// model (at most 2 retries). The server, the evals and the tests all run turns through here.
import * as Y from "yjs";
import { parseToolCall, openAITools, type CanvasKind, type ToolCall } from "../../shared/tools.ts";
import { canvasesMap, commentsMap, type ToolActivity } from "../../shared/room.ts";
import { canvasText } from "../../shared/markdown/index.ts";
import {
  AgentOrigin,
  applyToolCall,
  resolveCommentRange,
  startStreamingWrite,
  type EngineResult,
  type StreamingWriter,
} from "../../shared/engine/index.ts";
import { PartialStringReader, partialStringField } from "./openai/partialJson.ts";
import { buildMessages, toolErrorMessage } from "./prompts.ts";
import { runPredictedRewrite } from "./predictedRewrite.ts";
import { DEFAULT_CONTEXT_TOKENS } from "../config.ts";
import type {
  CommentTrace,
  ModelEvent,
  ModelMessage,
  ToolCallTrace,
  TurnEngine,
  TurnInput,
  TurnTrace,
} from "./types.ts";

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

interface StreamState {
  writer: StreamingWriter | null;
  canvasId: string | null;
  name: string;
  /** Reads the growing `content` argument incrementally (linear over the whole stream). */
  content: PartialStringReader;
}

export async function runTurnOnDoc(options: TurnOptions): Promise<TurnTrace> {
  const { doc, input, engine } = options;
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
  const messages: ModelMessage[] = buildMessages(input, {
    contextTokens: options.contextTokens ?? DEFAULT_CONTEXT_TOKENS,
  });
  const tools = openAITools();
  let notifiedChange = false;

  for (let attempt = 0; attempt <= MAX_RETRIES; attempt++) {
    const stream: StreamState = { writer: null, canvasId: null, name: "", content: new PartialStringReader("content") };
    let text = "";
    let done: Extract<ModelEvent, { type: "done" }> | null = null;
    let predicted = false;
    try {
      events: for await (const event of engine.stream({ messages, tools, input, signal, attempt })) {
        if (signal.aborted) throw new TurnCancelled();
        switch (event.type) {
          case "text":
            text += event.delta;
            options.hooks?.onText?.(event.delta);
            break;
          case "tool_call_start":
            stream.name = event.name;
            // With Predicted Outputs, the choice of a rewrite is all we need from this stream.
            if (
              event.name === "rewrite_canvas" &&
              engine.predictedRewrite &&
              canvasId &&
              canvasesMap(doc).has(canvasId)
            ) {
              predicted = true;
              break events;
            }
            break;
          case "tool_call_delta":
            if (!notifiedChange && canvasId && stream.name === "rewrite_canvas") {
              notifiedChange = true;
              await options.hooks?.beforeChange?.(canvasId);
            }
            streamContent(doc, stream, event.argumentsSoFar, canvasId, origin, options.hooks);
            break;
          case "done":
            done = event;
            break;
          default:
            event satisfies never;
        }
      }
    } catch (error) {
      stream.writer?.abort();
      throw signal.aborted ? new TurnCancelled() : error;
    }
    if (predicted && canvasId && engine.predictedRewrite) {
      trace.text += text;
      if (!notifiedChange) await options.hooks?.beforeChange?.(canvasId);
      let rewrite;
      try {
        rewrite = await runPredictedRewrite({
          doc,
          canvasId,
          predictedRewrite: engine.predictedRewrite,
          messages,
          origin,
          signal,
          onWriting: (id) => options.hooks?.onWriting?.(id),
        });
      } catch (error) {
        throw signal.aborted ? new TurnCancelled() : error;
      }
      trace.toolCalls.push({
        name: "rewrite_canvas",
        arguments: rewrite.call.arguments,
        valid: true,
        applied: rewrite.result.ok,
        error: null,
      });
      trace.outputTokens += Math.ceil(rewrite.call.arguments.content.length / 4);
      options.hooks?.onWriting?.(null);
      options.hooks?.onActivity?.(activityFor(rewrite.call, rewrite.result, canvasId));
      if (!text.trim()) {
        const reply = replyFor(rewrite.call, rewrite.result, doc, canvasId);
        trace.text += reply;
        options.hooks?.onText?.(reply);
      }
      break;
    }
    if (!done) {
      stream.writer?.abort();
      throw new Error("The engine ended its stream without a final event.");
    }
    trace.outputTokens += done.outputTokens;
    trace.text += text;
    const call = done.toolCalls[0];
    if (!call) {
      stream.writer?.abort();
      break;
    }

    const parsed = parseToolCall(call.name, call.arguments);
    let result: EngineResult | null = null;
    let error: string | null = null;
    if (!parsed.ok) {
      stream.writer?.abort();
      error = parsed.error;
    } else {
      if (
        !notifiedChange &&
        canvasId &&
        parsed.call.name !== "create_canvas" &&
        parsed.call.name !== "comment_canvas"
      ) {
        notifiedChange = true;
        await options.hooks?.beforeChange?.(canvasId);
      }
      result = finishCall(doc, parsed.call, stream, canvasId, origin);
      if (!result.ok) error = result.errors.map((item) => item.message).join("\n");
    }
    const traceEntry: ToolCallTrace = {
      name: call.name,
      arguments: safeJson(call.arguments),
      valid: parsed.ok,
      applied: Boolean(result?.ok),
      error,
    };
    trace.toolCalls.push(traceEntry);
    options.hooks?.onWriting?.(null);

    if (result?.ok && parsed.ok) {
      if (parsed.call.name === "create_canvas") {
        canvasId = result.canvasId;
        if (canvasId) {
          trace.createdCanvas = {
            id: canvasId,
            title: parsed.call.arguments.title,
            kind: parsed.call.arguments.kind,
            language: parsed.call.arguments.language,
            content: canvasText(doc, canvasId),
          };
        }
      }
      const activity = activityFor(parsed.call, result, canvasId);
      options.hooks?.onActivity?.(activity);
      if (!text.trim()) {
        const reply = replyFor(parsed.call, result, doc, canvasId);
        trace.text += reply;
        options.hooks?.onText?.(reply);
      }
      break;
    }

    options.hooks?.onActivity?.({ tool: call.name, canvasId, ok: false, summary: error ?? "refused", count: 0 });
    const retriesLeft = MAX_RETRIES - attempt;
    messages.push(
      {
        role: "assistant",
        content: text || null,
        tool_calls: [{ id: call.id, type: "function", function: { name: call.name, arguments: call.arguments } }],
      },
      { role: "tool", tool_call_id: call.id, content: toolErrorMessage(error ?? "refused", retriesLeft) },
    );
    if (retriesLeft === 0) {
      const message = `I couldn't apply my change after ${MAX_RETRIES + 1} attempts, so the canvas is unchanged. Last problem: ${firstLine(error)}`;
      trace.text += (trace.text ? "\n\n" : "") + message;
      options.hooks?.onText?.((text ? "\n\n" : "") + message);
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

function streamContent(
  doc: Y.Doc,
  stream: StreamState,
  argumentsSoFar: string,
  canvasId: string | null,
  origin: AgentOrigin,
  hooks: TurnHooks | undefined,
): void {
  if (stream.name !== "create_canvas" && stream.name !== "rewrite_canvas") return;
  const content = stream.content.read(argumentsSoFar);
  if (content === null) return;
  if (!stream.writer) {
    if (stream.name === "rewrite_canvas") {
      if (!canvasId || !canvasesMap(doc).has(canvasId)) return;
      const meta = canvasesMap(doc).get(canvasId)!;
      stream.writer = startStreamingWrite(doc, { canvasId, kind: meta.kind, language: meta.language, origin });
      stream.canvasId = canvasId;
    } else {
      const title = partialStringField(argumentsSoFar, "title");
      const kind = partialStringField(argumentsSoFar, "kind");
      if (!title || (kind !== "document" && kind !== "code")) return;
      const language = kind === "code" ? (partialStringField(argumentsSoFar, "language") ?? null) : null;
      stream.writer = startStreamingWrite(doc, { canvasId: null, title, kind: kind as CanvasKind, language, origin });
      stream.canvasId = stream.writer.canvasId;
    }
  }
  stream.writer.update(content);
  hooks?.onWriting?.(stream.canvasId);
}

function finishCall(
  doc: Y.Doc,
  call: ToolCall,
  stream: StreamState,
  canvasId: string | null,
  origin: AgentOrigin,
): EngineResult {
  if (stream.writer && (call.name === "create_canvas" || call.name === "rewrite_canvas")) {
    return stream.writer.finish(call.arguments.content, call);
  }
  stream.writer?.abort();
  return applyToolCall(doc, call, { canvasId, origin });
}

function activityFor(call: ToolCall, result: EngineResult, canvasId: string | null): ToolActivity {
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

function replyFor(call: ToolCall, result: EngineResult, doc: Y.Doc, canvasId: string | null): string {
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
