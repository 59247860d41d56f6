// Runs a suite's cases through the same agent turn the server runs (server/agent/turn.ts), without a
// server: one fresh Y.Doc per case, the engine's answer applied by the real edit engine, the trace
// graded, k repeats, n cases at a time. Each turn is metered (meter.ts: tokens in, calls) and priced
// (prices.ts) without changing what it does.
import type { Suite, SuiteCases } from "./dataset.ts";
import type { TurnEngine, TurnInput, TurnTrace } from "../server/agent/types.ts";
import { runTurnOnDoc } from "../server/agent/turn.ts";
import { docForCase } from "./caseDoc.ts";
import { evalEngineOf, type EvalEngine } from "./engines.ts";
import type { CaseUsage } from "./graders/usage.ts";
import { meter } from "./meter.ts";
import { costUsd, priceOf, type Price } from "./prices.ts";
import { buildReport, caseOutput, type CaseRun, type EvalReport } from "./report.ts";
import { gradeCase } from "./suites.ts";

export interface RunOptions<S extends Suite> {
  suite: S;
  cases: SuiteCases[S][];
  /** A TurnEngine (the same for every case) or an eval engine (one per case, e.g. an adversary). */
  engine: TurnEngine | EvalEngine;
  dataset: string;
  /** sha256 of the whole dataset the cases came from (dataset.ts datasetHash). */
  datasetHash?: string | null;
  split: string;
  repeats?: number;
  concurrency?: number;
  promptVersion?: string | null;
  /** Called after each finished run (done, total). */
  onProgress?(done: number, total: number): void;
}

/** The turn input a case stands for: the user's words, earlier conversation, canvas and selection. */
function inputFor(suite: Suite, item: SuiteCases[Suite], canvas: TurnInput["canvas"]): TurnInput {
  switch (suite) {
    case "trigger": {
      const trigger = item as SuiteCases["trigger"];
      return { userText: trigger.prompt, history: trigger.history ?? [], canvas, selection: null, action: null };
    }
    case "edit": {
      const edit = item as SuiteCases["edit"];
      return { userText: edit.instruction, history: [], canvas, selection: edit.selection ?? null, action: null };
    }
    case "comment":
      return {
        userText: (item as SuiteCases["comment"]).instruction,
        history: [],
        canvas,
        selection: null,
        action: null,
      };
    default:
      return suite satisfies never;
  }
}

/** A turn that threw (engine bug, provider crash) still yields a trace, graded as a failure. */
function failedTrace(canvas: string | null, error: unknown): TurnTrace {
  return {
    text: "",
    toolCalls: [],
    retries: 0,
    steps: 0,
    requests: 0,
    inputTokens: 0,
    cachedTokens: 0,
    stopped: null,
    canvasBefore: canvas,
    canvasAfter: canvas,
    createdCanvas: null,
    comments: [],
    outputTokens: 0,
    latencyMs: 0,
    error: `The turn threw: ${error instanceof Error ? error.message : String(error)}`,
  };
}

export async function runCase<S extends Suite>(
  suite: S,
  item: SuiteCases[S],
  engine: TurnEngine | EvalEngine,
  price: Price | null = priceOf(evalEngineOf(engine).name, evalEngineOf(engine).model),
): Promise<CaseRun<S>> {
  const canvas = "canvas" in item ? item.canvas : undefined;
  const setup = docForCase(canvas);
  const input = inputFor(suite, item, setup.canvas);
  const metered = meter(evalEngineOf(engine).forCase(item));
  let trace: TurnTrace;
  try {
    trace = await runTurnOnDoc({ doc: setup.doc, canvasId: setup.canvasId, input, engine: metered.engine });
  } catch (error) {
    trace = failedTrace(setup.canvas?.content ?? null, error);
  } finally {
    setup.doc.destroy();
  }
  const usage: CaseUsage = {
    inputTokens: metered.totals.inputTokens,
    outputTokens: trace.outputTokens,
    latencyMs: trace.latencyMs,
    costUsd: costUsd(price, metered.totals.inputTokens, trace.outputTokens),
    calls: metered.totals.calls,
    steps: trace.steps,
  };
  return { output: caseOutput(trace, usage), verdict: await gradeCase(suite, item, trace, usage) };
}

export async function runSuite<S extends Suite>(options: RunOptions<S>): Promise<EvalReport> {
  const repeats = Math.max(1, options.repeats ?? 1);
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const jobs = options.cases.flatMap((item, caseIndex) =>
    Array.from({ length: repeats }, (_, repeat) => ({ item, caseIndex, repeat })),
  );
  const engine = evalEngineOf(options.engine);
  const price = priceOf(engine.name, engine.model);
  const runs: CaseRun<S>[][] = options.cases.map(() => []);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      runs[job.caseIndex]![job.repeat] = await runCase(options.suite, job.item, engine, price);
      done++;
      options.onProgress?.(done, jobs.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
  return buildReport({
    suite: options.suite,
    engine: engine.name,
    model: engine.model,
    dataset: options.dataset,
    datasetHash: options.datasetHash ?? null,
    split: options.split,
    repeats,
    promptVersion: options.promptVersion ?? null,
    deterministic: engine.deterministic,
    cases: options.cases.map((item, index) => ({ item, runs: runs[index]! })),
  });
}

export function filterSplit<T extends { split: "train" | "test" }>(cases: T[], split: "train" | "test" | "all"): T[] {
  return split === "all" ? cases : cases.filter((item) => item.split === split);
}
