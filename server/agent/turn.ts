// One agent turn on a Y.Doc: a loop of steps. Each step asks the engine, feeds a change's tool call to
// the edit engine's seam as it streams (create/rewrite content shows in the canvas as it arrives) and
// finishes it there, or runs a read/search on the canvas; the result goes back to the model when it
// needs it (a read, a refusal, a change made with more_steps). Refusals are retried at most 2 times in
// a row; the step and token budgets end the loop with a message, keeping what the finished steps did.
// The server, the evals and the tests all run turns through here.
import type * as Y from "yjs";
import { isNavigationTool, openAITools, parseNavigationCall } from "../../shared/tools.ts";
import type { ToolActivity } from "../../shared/room.ts";
import { canvasText } from "../../shared/markdown/index.ts";
import { AgentOrigin } from "../../shared/origins.ts";
import {
  navigateCanvas,
  openToolCall,
  type EngineSuccess,
  type NavigationResult,
  type ToolCallStream,
} from "../../shared/engine/index.ts";
import { appliedMessage, buildMessages, offeredTools, toolErrorMessage } from "./prompts.ts";
import { runPredictedRewrite } from "./predictedRewrite.ts";
import { activityFor, errorText, refusedActivity, replyFor, retriesExhausted } from "./replies.ts";
import { endTrace, safeJson, startTrace } from "./traces.ts";
import { estimateRequestTokens, stepBudgetMessage, tokenBudgetMessage, type TurnLimits } from "./budget.ts";
import { DEFAULT_CONTEXT_TOKENS, DEFAULT_MAX_STEPS, DEFAULT_TURN_TOKENS } from "../config.ts";
import type { EditMode } from "../../shared/suggestions/record.ts";
import type { CompletedToolCall, ModelEvent, ModelMessage, TurnEngine, TurnInput, TurnTrace } from "./types.ts";

const MAX_RETRIES = 2;

export interface TurnHooks {
  /** Assistant text as it streams. */
  onText?(delta: string): void;
  /** A step started: the model began a tool call (its name), before its arguments arrive. */
  onStepStart?(tool: string): void;
  /** A step finished (a change applied or refused, a read or a search): its card in the chat. */
  onActivity?(activity: ToolActivity): void;
  /** A change landed in the room (its record and texts), e.g. to store it in the change log. */
  onChange?(result: EngineSuccess): void;
  /** Before the first change to an existing canvas (e.g. store a version). */
  beforeChange?(canvasId: string): void | Promise<void>;
  /** Where the model is writing, for its caret (canvas id). */
  onWriting?(canvasId: string | null): void;
}

export interface TurnOptions extends TurnLimits {
  doc: Y.Doc;
  canvasId: string | null;
  input: TurnInput;
  engine: TurnEngine;
  origin?: AgentOrigin;
  signal?: AbortSignal;
  hooks?: TurnHooks;
  contextTokens?: number;
  /** "suggest": edits and rewrites become suggestions instead of text (the seam's mode). */
  mode?: EditMode;
}

/** Thrown out of a turn when its signal aborts; the canvas keeps only complete changes. */
export class TurnCancelled extends Error {
  constructor() {
    super("The run was cancelled.");
  }
}

/** What one request to the engine produced. */
interface StepAnswer {
  text: string;
  done: Extract<ModelEvent, { type: "done" }> | null;
  /** The seam handle of the change the model streamed (null for a read, a search or no call). */
  call: ToolCallStream | null;
  /** The model chose a rewrite and the engine writes it with Predicted Outputs. */
  predicted: boolean;
}

export async function runTurnOnDoc(options: TurnOptions): Promise<TurnTrace> {
  const { doc, input, engine, hooks } = options;
  const origin = options.origin ?? new AgentOrigin(`turn-${Date.now().toString(36)}`);
  const signal = options.signal ?? new AbortController().signal;
  const maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
  const tokenBudget = options.turnTokens ?? DEFAULT_TURN_TOKENS;
  const started = Date.now();
  let canvasId = options.canvasId;
  const trace = startTrace(doc, canvasId);
  const budget = { contextTokens: options.contextTokens ?? DEFAULT_CONTEXT_TOKENS };
  const messages: ModelMessage[] = buildMessages(input, budget);
  const tools = openAITools(offeredTools(input, budget));
  // The canvas as the model was shown it: a rewrite merges what people typed since into its result.
  const seenText = (id: string | null): string | undefined =>
    input.canvas && input.canvas.id === id ? input.canvas.content : undefined;
  let tokensUsed = 0;
  let refusals = 0;
  const successes: EngineSuccess[] = [];
  // One version per turn, before its first change to an existing canvas.
  let versioned = false;
  const versionBefore = async (changes: string | null): Promise<void> => {
    if (versioned || !changes) return;
    versioned = true;
    await hooks?.beforeChange?.(changes);
  };
  // Steps' texts are paragraphs of one reply.
  const say = (delta: string): void => {
    if (!delta) return;
    const gap = trace.text && !trace.text.endsWith("\n") && saidThisStep === 0 ? "\n\n" : "";
    saidThisStep += delta.length;
    trace.text += gap + delta;
    hooks?.onText?.(gap + delta);
  };
  let saidThisStep = 0;
  const stop = (message: string, reason: TurnTrace["stopped"]): void => {
    saidThisStep = 0;
    say(message);
    trace.stopped = reason;
  };
  const feedBack = (raw: CompletedToolCall, text: string, content: string): void => {
    messages.push(
      {
        role: "assistant",
        content: text || null,
        tool_calls: [{ id: raw.id, type: "function", function: { name: raw.name, arguments: raw.arguments } }],
      },
      { role: "tool", tool_call_id: raw.id, content },
    );
  };
  /** After a refused step: false when no retry is left (the turn ends with a message). */
  const refused = (raw: CompletedToolCall, text: string, error: string): boolean => {
    hooks?.onActivity?.(refusedActivity(raw.name, canvasId, error));
    const retriesLeft = MAX_RETRIES - refusals;
    feedBack(raw, text, toolErrorMessage(error, retriesLeft));
    if (retriesLeft === 0) {
      const message = retriesExhausted(MAX_RETRIES + 1, error);
      stop(message, null);
      trace.error = message;
      return false;
    }
    refusals++;
    trace.retries++;
    return true;
  };

  while (true) {
    if (signal.aborted) throw new TurnCancelled();
    if (trace.steps > 0) {
      if (trace.steps >= maxSteps) {
        stop(stepBudgetMessage(trace.steps, maxSteps), "steps");
        break;
      }
      const next = estimateRequestTokens({ messages, tools });
      if (tokensUsed + next > tokenBudget) {
        stop(tokenBudgetMessage(tokensUsed, next, tokenBudget), "tokens");
        break;
      }
    }
    saidThisStep = 0;
    const answer = await askEngine();
    const { call, text } = answer;

    if (answer.predicted && call && engine.predictedRewrite) {
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
      trace.steps++;
      trace.toolCalls.push({
        name: call.name,
        arguments: rewrite.arguments,
        valid: true,
        applied: result.ok,
        error: result.ok ? null : errorText(result),
      });
      trace.outputTokens += Math.ceil(rewrite.arguments.content.length / 4);
      hooks?.onWriting?.(null);
      if (result.ok) {
        successes.push(result);
        hooks?.onChange?.(result);
        hooks?.onActivity?.(activityFor(result, canvasId));
      } else hooks?.onActivity?.(refusedActivity(call.name, canvasId, errorText(result)));
      break;
    }
    const done = answer.done;
    if (!done) {
      call?.abort();
      throw new Error("The engine ended its stream without a final event.");
    }
    const raw = done.toolCalls[0];
    if (!raw) {
      call?.abort();
      break;
    }
    trace.steps++;

    if (isNavigationTool(raw.name)) {
      call?.abort();
      const result = navigateCanvas(doc, canvasId, raw.name, raw.arguments);
      trace.toolCalls.push(navigationTrace(raw, result));
      if (!result.ok) {
        if (refused(raw, text, result.error)) continue;
        break;
      }
      refusals = 0;
      hooks?.onActivity?.({ tool: raw.name, canvasId, ok: true, summary: result.summary, count: result.count });
      feedBack(raw, text, result.content);
      continue;
    }

    let change = call;
    if (!change || change.name !== raw.name) {
      change?.abort();
      change = openToolCall(doc, raw.name, { canvasId, origin, seen: seenText(canvasId), mode: options.mode });
    }
    const checked = change.validate(raw.arguments);
    if (checked.ok) await versionBefore(change.changes);
    const result = change.finish(raw.arguments);
    const error = result.ok ? null : errorText(result);
    trace.toolCalls.push({
      name: raw.name,
      arguments: safeJson(raw.arguments),
      valid: checked.ok,
      applied: result.ok,
      error,
    });
    hooks?.onWriting?.(null);

    if (!result.ok) {
      if (refused(raw, text, error ?? "refused")) continue;
      break;
    }
    refusals = 0;
    canvasId = result.canvasId;
    if (result.call.name === "create_canvas") {
      const { title, kind, language } = result.call.arguments;
      trace.createdCanvas = { id: canvasId, title, kind, language, content: canvasText(doc, canvasId) };
    }
    successes.push(result);
    hooks?.onChange?.(result);
    hooks?.onActivity?.(activityFor(result, canvasId));
    if (result.call.arguments.more_steps !== true) break;
    feedBack(raw, text, appliedMessage(result.summary));
  }

  // A model that changed the canvas without a word gets a reply written for it.
  if (!trace.text.trim() && successes.length) {
    say(successes.map((result) => replyFor(result, doc, result.canvasId)).join(" "));
  }
  endTrace(trace, doc, canvasId, origin, started);
  return trace;

  /** One request: stream the answer, showing a streamed change in the canvas as it arrives. */
  async function askEngine(): Promise<StepAnswer> {
    // Only the first tool call of a stream is used (the tools are offered one call at a time).
    let call: ToolCallStream | null = null;
    let callId: string | null = null;
    let navigating = false;
    let text = "";
    let done: Extract<ModelEvent, { type: "done" }> | null = null;
    const request = { messages, tools, input, signal, attempt: refusals, step: trace.steps };
    const estimate = estimateRequestTokens(request);
    trace.requests++;
    try {
      for await (const event of engine.stream(request)) {
        if (signal.aborted) throw new TurnCancelled();
        switch (event.type) {
          case "text":
            text += event.delta;
            say(event.delta);
            break;
          case "tool_call_start":
            if (call || navigating) break;
            hooks?.onStepStart?.(event.name);
            if (isNavigationTool(event.name)) {
              navigating = true;
              break;
            }
            call = openToolCall(doc, event.name, { canvasId, origin, seen: seenText(canvasId), mode: options.mode });
            callId = event.id;
            // With Predicted Outputs, the choice of a whole-canvas rewrite is all we need from this stream.
            if (engine.predictedRewrite && call.prediction !== null) {
              trace.inputTokens += estimate;
              tokensUsed += estimate;
              return { text, done: null, call, predicted: true };
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
    if (done) {
      const input = done.inputTokens ?? estimate;
      trace.inputTokens += input;
      trace.cachedTokens += done.cachedTokens ?? 0;
      trace.outputTokens += done.outputTokens;
      tokensUsed += input + done.outputTokens;
    }
    return { text, done, call, predicted: false };
  }
}

function navigationTrace(raw: CompletedToolCall, result: NavigationResult): TurnTrace["toolCalls"][number] {
  return {
    name: raw.name,
    arguments: safeJson(raw.arguments),
    valid: parseNavigationCall(raw.name, raw.arguments).ok,
    applied: result.ok,
    error: result.ok ? null : result.error,
  };
}
