// Runs a suite's cases through the same agent turn the server runs (server/agent/turn.ts), without a
// server: one fresh Y.Doc per case, the engine's answer applied by the real edit engine, the trace
// graded, k repeats, n cases at a time.
import type { Suite, SuiteCases } from "./dataset.ts";
import type { TurnEngine, TurnInput, TurnTrace } from "../server/agent/types.ts";
import { runTurnOnDoc } from "../server/agent/turn.ts";
import { docForCase } from "./caseDoc.ts";
import { buildReport, caseOutput, type CaseRun, type EvalReport } from "./report.ts";
import { gradeCase } from "./suites.ts";

export interface RunOptions<S extends Suite> {
  suite: S;
  cases: SuiteCases[S][];
  engine: TurnEngine;
  dataset: string;
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
    canvasBefore: canvas,
    canvasAfter: canvas,
    createdCanvas: null,
    comments: [],
    outputTokens: 0,
    latencyMs: 0,
    error: `The turn threw: ${error instanceof Error ? error.message : String(error)}`,
  };
}

export async function runCase<S extends Suite>(suite: S, item: SuiteCases[S], engine: TurnEngine): Promise<CaseRun<S>> {
  const canvas = "canvas" in item ? item.canvas : undefined;
  const setup = docForCase(canvas);
  const input = inputFor(suite, item, setup.canvas);
  let trace: TurnTrace;
  try {
    trace = await runTurnOnDoc({ doc: setup.doc, canvasId: setup.canvasId, input, engine });
  } catch (error) {
    trace = failedTrace(setup.canvas?.content ?? null, error);
  } finally {
    setup.doc.destroy();
  }
  return { output: caseOutput(trace), verdict: gradeCase(suite, item, trace) };
}

export async function runSuite<S extends Suite>(options: RunOptions<S>): Promise<EvalReport> {
  const repeats = Math.max(1, options.repeats ?? 1);
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const jobs = options.cases.flatMap((item, caseIndex) =>
    Array.from({ length: repeats }, (_, repeat) => ({ item, caseIndex, repeat })),
  );
  const runs: CaseRun<S>[][] = options.cases.map(() => []);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      runs[job.caseIndex]![job.repeat] = await runCase(options.suite, job.item, options.engine);
      done++;
      options.onProgress?.(done, jobs.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
  return buildReport({
    suite: options.suite,
    engine: options.engine.kind,
    model: options.engine.model,
    dataset: options.dataset,
    split: options.split,
    repeats,
    promptVersion: options.promptVersion ?? null,
    cases: options.cases.map((item, index) => ({ item, runs: runs[index]! })),
  });
}

export function filterSplit<T extends { split: "train" | "test" }>(cases: T[], split: "train" | "test" | "all"): T[] {
  return split === "all" ? cases : cases.filter((item) => item.split === split);
}
