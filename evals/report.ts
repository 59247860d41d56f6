// An eval run as data and as markdown. JSON: {suite, engine, model, metrics, slices, cases} plus
// intervals and run details, so two reports can be compared; markdown: the tables a person reads.
// Metrics are pooled over all repeats (k runs of n cases = k·n trials); with k > 1 the spread of each
// metric across runs is reported too.
import type { Suite, SuiteCases } from "./dataset.ts";
import type { TurnTrace } from "../server/agent/types.ts";
import { groupBy, isRate, metricNumber, type Metrics } from "./graders/metric.ts";
import { summarizeRepeats, wilson, type RepeatSummary } from "./stats.ts";
import { SUITE_DEFINITIONS, suiteMetrics, type SuiteVerdicts } from "./suites.ts";

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
  split: string;
  repeats: number;
  promptVersion: string | null;
  createdAt: string;
  metrics: Record<string, number | null>;
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

export function caseOutput(trace: TurnTrace): CaseOutput {
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
    canvasAfter: trace.canvasBefore !== trace.canvasAfter ? trace.canvasAfter : null,
    outputTokens: trace.outputTokens,
    latencyMs: trace.latencyMs,
    error: trace.error,
  };
}

function numbers(metrics: Metrics): Record<string, number | null> {
  return Object.fromEntries(Object.entries(metrics).map(([key, value]) => [key, metricNumber(value)]));
}

/** Extra groupings beyond the dataset's slices: canvas kind and long canvases. */
function extraSlices(item: SuiteCases[Suite]): string[] {
  const canvas = "canvas" in item ? item.canvas : undefined;
  if (!canvas) return [];
  const keys = [`kind:${canvas.kind}`];
  if (canvas.content.length >= 8_000) keys.push("size:long");
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
  cases: { item: SuiteCases[S]; runs: CaseRun<S>[] }[];
}

export function buildReport<S extends Suite>(input: ReportInput<S>): EvalReport {
  const { suite } = input;
  const allVerdicts = input.cases.flatMap((entry) => entry.runs.map((run) => run.verdict));
  const pooled = suiteMetrics(suite, allVerdicts);
  const intervals: Record<string, IntervalReport> = {};
  for (const [key, value] of Object.entries(pooled)) {
    if (isRate(value) && value.total > 0)
      intervals[key] = {
        successes: value.successes,
        total: value.total,
        ...pick(wilson(value.successes, value.total)),
      };
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
    split: input.split,
    repeats: input.repeats,
    promptVersion: input.promptVersion ?? null,
    createdAt: new Date().toISOString(),
    metrics: numbers(pooled),
    intervals,
    repeatSpread,
    slices,
    cases,
  };
}

function pick(interval: { low: number; high: number }): { low: number; high: number } {
  return { low: interval.low, high: interval.high };
}

export function formatMetric(key: string, value: number | null | undefined): string {
  if (value === null || value === undefined) return "–";
  if (
    key.includes("Rate") ||
    key.startsWith("recall") ||
    [
      "accuracy",
      "precision",
      "modeAccuracy",
      "f1",
      "targetedWhenExpected",
      "rewriteWhenExpected",
      "cleanDocsWithoutComments",
    ].includes(key)
  ) {
    return `${(value * 100).toFixed(1)}%`;
  }
  if (Number.isInteger(value)) return String(value);
  return value.toFixed(value >= 100 ? 0 : 2);
}

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ].join("\n");
}

function reason(run: CaseRun | undefined): string {
  if (!run) return "no run";
  const verdict = run.verdict;
  if ("predicted" in verdict)
    return `expected ${verdict.expected}, got ${verdict.predicted}${verdict.toolNames.length ? ` (${verdict.toolNames.join(", ")})` : ""}`;
  if ("expectedMode" in verdict) {
    const parts = [`mode ${verdict.mode} (expected ${verdict.expectedMode})`];
    if (verdict.failures.length)
      parts.push(verdict.failures.map((failure) => `${failure.check}: ${failure.detail}`).join("; "));
    if (verdict.local === false) parts.push(`${verdict.outsideChars} chars changed outside the expected region`);
    return parts.join(" — ");
  }
  const missed = verdict.issues
    .filter((issue) => !issue.found)
    .map((issue) => `${issue.kind} "${issue.quote.slice(0, 40)}"`);
  return [
    missed.length ? `missed ${missed.join(", ")}` : "",
    verdict.falseAlarms ? `${verdict.falseAlarms} false alarm(s)` : "",
  ]
    .filter(Boolean)
    .join("; ");
}

export function renderMarkdown(report: EvalReport, options: { failures?: number } = {}): string {
  const definition = SUITE_DEFINITIONS[report.suite];
  const lines: string[] = [];
  lines.push(`## ${report.suite} — ${report.engine} (${report.model})`, "");
  lines.push(
    `${report.cases.length} cases (split: ${report.split}, repeats: ${report.repeats}) from \`${report.dataset}\`${report.promptVersion ? `, prompt ${report.promptVersion}` : ""}.`,
    "",
  );
  const metricRows = Object.entries(report.metrics).map(([key, value]) => {
    const interval = report.intervals[key];
    const spread = report.repeatSpread[key];
    return [
      definition.headline.includes(key) ? `**${key}**` : key,
      formatMetric(key, value),
      interval
        ? `${formatMetric(key, interval.low)} – ${formatMetric(key, interval.high)} (${interval.successes}/${interval.total})`
        : "",
      spread ? `${formatMetric(key, spread.min)} – ${formatMetric(key, spread.max)}` : "",
    ];
  });
  lines.push(
    table(["metric", "value", "95% CI (Wilson)", report.repeats > 1 ? "range over repeats" : ""], metricRows),
    "",
  );
  if (report.judge) {
    const j = report.judge;
    lines.push(
      `Judge ${j.model} vs ${j.reference}: win rate ${formatMetric("winRate", j.winRate)} (${j.wins} wins, ${j.ties} ties, ${j.losses} losses of ${j.judged}` +
        `${j.interval ? `; wins among decided ${formatMetric("winRate", j.interval.low)} – ${formatMetric("winRate", j.interval.high)}` : ""}${j.errors ? `; ${j.errors} errors` : ""}).`,
      "",
    );
  }
  const sliceRows = Object.entries(report.slices)
    .sort(([a], [b]) => Number(a.includes(":")) - Number(b.includes(":")) || a.localeCompare(b))
    .map(([key, slice]) => [
      key,
      String(slice.n),
      ...definition.sliceColumns.map((column) => formatMetric(column, slice.metrics[column])),
    ]);
  lines.push(table(["slice", "n", ...definition.sliceColumns], sliceRows), "");
  const failing = report.cases.filter((item) => !item.pass);
  const limit = options.failures ?? 15;
  if (failing.length) {
    lines.push(`Failing cases (${failing.length}${failing.length > limit ? `, first ${limit}` : ""}):`, "");
    for (const item of failing.slice(0, limit)) lines.push(`- \`${item.id}\` (${item.slice}): ${reason(item.runs[0])}`);
    lines.push("");
  }
  return lines.join("\n");
}
