// An eval run as data and as markdown. JSON: {suite, engine, model, metrics, slices, cases} plus
// intervals, usage and run details, so two reports can be compared; markdown: the tables a person reads.
// Metrics are pooled over all repeats; their 95% intervals are Wilson intervals for one repeat and a
// bootstrap by case for k > 1 (k repeats of one case are not k independent trials), and the spread of
// each metric across repeats is reported too.
import type { Suite, SuiteCases } from "./dataset.ts";
import type { TurnTrace } from "../server/agent/types.ts";
import { groupBy, isRate, metricNumber, type Metrics } from "./graders/metric.ts";
import { bootstrapIntervals, summarizeRepeats, wilson, type RepeatSummary } from "./stats.ts";
import { estimateTokens, type CaseUsage } from "./graders/usage.ts";
import { suiteMetrics, type SuiteVerdicts } from "./suites.ts";

/** What one turn produced, trimmed for the report. */
export interface CaseOutput {
  text: string;
  toolCalls: { name: string; valid: boolean; applied: boolean; error: string | null; arguments: unknown }[];
  comments: { quote: string; resolved: boolean; start: number; end: number; severity: string; comment: string }[];
  canvasChanged: boolean;
  /** The canvas after the turn when it changed (what a judge reads), else null. */
  canvasAfter: string | null;
  outputTokens: number;
  latencyMs: number;
  /** Tokens in and out, wall time and money for the whole turn. */
  usage: CaseUsage;
  error: string | null;
}

/** The pairwise model judge's verdict on a run against a reference run (evals/judge.ts). */
export interface JudgeSummary {
  model: string;
  reference: string;
  judged: number;
  wins: number;
  losses: number;
  ties: number;
  /** (wins + ties / 2) / judged, with a Wilson interval on wins vs losses. */
  winRate: number | null;
  interval: { low: number; high: number } | null;
  errors: number;
}

export interface CaseRun<S extends Suite = Suite> {
  output: CaseOutput;
  verdict: SuiteVerdicts[S];
}

export interface CaseReport<S extends Suite = Suite> {
  id: string;
  slice: string;
  split: "train" | "test";
  group?: string;
  /** Share of repeats that passed; `pass` is passRate >= 0.5. */
  passRate: number;
  pass: boolean;
  runs: CaseRun<S>[];
}

export interface IntervalReport {
  successes: number;
  total: number;
  low: number;
  high: number;
}

export interface EvalReport {
  suite: Suite;
  engine: string;
  model: string;
  dataset: string;
  /** sha256 of the loaded dataset (all splits), so a comparison can tell two datasets apart. */
  datasetHash?: string | null;
  split: string;
  repeats: number;
  promptVersion: string | null;
  /** Same input, same output (the offline engine, adversaries): any flipped case is a real change. */
  deterministic?: boolean;
  createdAt: string;
  metrics: Record<string, number | null>;
  /** How `intervals` were computed. */
  intervalMethod?: "wilson" | "bootstrap-by-case";
  intervals: Record<string, IntervalReport>;
  repeatSpread: Record<string, RepeatSummary>;
  slices: Record<string, { n: number; metrics: Record<string, number | null> }>;
  cases: CaseReport[];
  /** Pairwise model judgement against a reference run (--judge), when asked for. */
  judge?: JudgeSummary;
}

const MAX_STRING = 1_500;

/** Trim long strings inside tool-call arguments so a report of a 300-line file stays readable. */
function trimDeep(value: unknown): unknown {
  if (typeof value === "string")
    return value.length > MAX_STRING
      ? `${value.slice(0, MAX_STRING)}… [${value.length - MAX_STRING} more chars]`
      : value;
  if (Array.isArray(value)) return value.map(trimDeep);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, trimDeep(item)]));
  return value;
}

/** Long canvases (50k words) are kept to their first MAX_CANVAS_IN_REPORT characters, so reports stay small. */
const MAX_CANVAS_IN_REPORT = 20_000;

function clipCanvas(text: string | null): string | null {
  if (text === null || text.length <= MAX_CANVAS_IN_REPORT) return text;
  return `${text.slice(0, MAX_CANVAS_IN_REPORT)}… [${text.length - MAX_CANVAS_IN_REPORT} more chars]`;
}

export function caseOutput(trace: TurnTrace, usage?: CaseUsage): CaseOutput {
  return {
    text: trimDeep(trace.text) as string,
    toolCalls: trace.toolCalls.map((call) => ({
      name: call.name,
      valid: call.valid,
      applied: call.applied,
      error: call.error,
      arguments: trimDeep(call.arguments),
    })),
    comments: trace.comments.map((comment) => ({
      quote: trimDeep(comment.quote) as string,
      resolved: comment.resolvedText !== null,
      start: comment.start,
      end: comment.end,
      severity: comment.severity,
      comment: trimDeep(comment.comment) as string,
    })),
    canvasChanged: trace.canvasBefore !== trace.canvasAfter,
    canvasAfter: trace.canvasBefore !== trace.canvasAfter ? clipCanvas(trace.canvasAfter) : null,
    outputTokens: trace.outputTokens,
    latencyMs: trace.latencyMs,
    usage: usage ?? {
      inputTokens: 0,
      outputTokens: trace.outputTokens,
      latencyMs: trace.latencyMs,
      costUsd: null,
      calls: 0,
      steps: trace.steps,
    },
    error: trace.error,
  };
}

export function numbers(metrics: Metrics): Record<string, number | null> {
  return Object.fromEntries(Object.entries(metrics).map(([key, value]) => [key, metricNumber(value)]));
}

/** The prompt's canvas budget (server/agent/turn.ts default context × the canvas share in prompts.ts). */
const CANVAS_PROMPT_TOKENS = Math.floor(24_000 * 0.7);

/**
 * Extra groupings beyond the dataset's slices: canvas kind, long canvases (8,000+ characters) and
 * canvases the prompt shows only as an outline and an excerpt (size:outline).
 */
function extraSlices(item: SuiteCases[Suite]): string[] {
  const canvas = "canvas" in item ? item.canvas : undefined;
  if (!canvas) return [];
  const keys = [`kind:${canvas.kind}`];
  if (canvas.content.length >= 8_000) keys.push("size:long");
  if (estimateTokens(canvas.content) > CANVAS_PROMPT_TOKENS) keys.push("size:outline");
  return keys;
}

export interface ReportInput<S extends Suite> {
  suite: S;
  engine: string;
  model: string;
  dataset: string;
  split: string;
  repeats: number;
  promptVersion?: string | null;
  datasetHash?: string | null;
  deterministic?: boolean;
  cases: { item: SuiteCases[S]; runs: CaseRun<S>[] }[];
}

export function buildReport<S extends Suite>(input: ReportInput<S>): EvalReport {
  const { suite } = input;
  const allVerdicts = input.cases.flatMap((entry) => entry.runs.map((run) => run.verdict));
  const pooled = suiteMetrics(suite, allVerdicts);
  const intervals: Record<string, IntervalReport> = {};
  const bootstrapped =
    input.repeats > 1
      ? bootstrapIntervals(input.cases, (sample) =>
          numbers(
            suiteMetrics(
              suite,
              sample.flatMap((entry) => entry.runs.map((run) => run.verdict)),
            ),
          ),
        )
      : null;
  for (const [key, value] of Object.entries(pooled)) {
    if (!isRate(value) || value.total === 0) continue;
    const interval = bootstrapped ? bootstrapped[key] : pick(wilson(value.successes, value.total));
    if (interval) intervals[key] = { successes: value.successes, total: value.total, ...interval };
  }
  const repeatSpread: Record<string, RepeatSummary> = {};
  if (input.repeats > 1) {
    const perRepeat = Array.from({ length: input.repeats }, (_, index) =>
      numbers(
        suiteMetrics(
          suite,
          input.cases.flatMap((entry) => (entry.runs[index] ? [entry.runs[index].verdict] : [])),
        ),
      ),
    );
    for (const key of Object.keys(pooled)) {
      const summary = summarizeRepeats(perRepeat.map((metrics) => metrics[key] ?? null));
      if (summary) repeatSpread[key] = summary;
    }
  }
  const groups = new Map<string, SuiteVerdicts[S][]>();
  for (const entry of input.cases) {
    for (const key of [entry.item.slice, ...extraSlices(entry.item)]) {
      const list = groups.get(key) ?? [];
      list.push(...entry.runs.map((run) => run.verdict));
      groups.set(key, list);
    }
  }
  const caseCount = groupBy(input.cases, (entry) => entry.item.slice);
  const slices: EvalReport["slices"] = {};
  for (const [key, verdicts] of groups) {
    slices[key] = {
      n: caseCount.get(key)?.length ?? verdicts.length / Math.max(1, input.repeats),
      metrics: numbers(suiteMetrics(suite, verdicts)),
    };
  }
  const cases: CaseReport[] = input.cases.map((entry) => {
    const passed = entry.runs.filter((run) => run.verdict.pass).length;
    const passRate = entry.runs.length ? passed / entry.runs.length : 0;
    return {
      id: entry.item.id,
      slice: entry.item.slice,
      split: entry.item.split,
      ...(entry.item.group ? { group: entry.item.group } : {}),
      passRate,
      pass: passRate >= 0.5,
      runs: entry.runs,
    };
  });
  return {
    suite,
    engine: input.engine,
    model: input.model,
    dataset: input.dataset,
    datasetHash: input.datasetHash ?? null,
    split: input.split,
    repeats: input.repeats,
    promptVersion: input.promptVersion ?? null,
    deterministic: input.deterministic ?? false,
    createdAt: new Date().toISOString(),
    metrics: numbers(pooled),
    intervalMethod: bootstrapped ? "bootstrap-by-case" : "wilson",
    intervals,
    repeatSpread,
    slices,
    cases,
  };
}

function pick(interval: { low: number; high: number }): { low: number; high: number } {
  return { low: interval.low, high: interval.high };
}
