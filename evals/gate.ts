// The regression gate behind `npm run eval:compare`: is report b (candidate) worse than report a
// (reference)? Only like can be compared with like: reports of different datasets, splits or case ids
// are refused (or, when asked, cut to their common cases with a loud warning); a different prompt
// version is said out loud. Then:
//   - deterministic engines on both sides (the offline rules, adversaries): every case that flipped
//     from pass to fail is a regression, and so is any headline metric that got worse by more than
//     the threshold;
//   - sampled engines (a model): a headline metric, overall or in one slice, regresses when it is worse
//     by more than the threshold AND the 95% paired bootstrap interval of the change (cases resampled,
//     each with all its repeats) lies entirely on the worse side of zero, so noise alone does not fail
//     the gate and a real drop in one slice does.
import { metricNumber, type Metrics } from "./graders/metric.ts";
import type { CaseReport, EvalReport } from "./report.ts";
import { bootstrapIntervals } from "./stats.ts";
import { LOWER_IS_BETTER, NEUTRAL, SUITE_DEFINITIONS, suiteMetrics, type AnyVerdict } from "./suites.ts";

export interface MetricDelta {
  metric: string;
  a: number | null;
  b: number | null;
  delta: number | null;
  /** 95% paired bootstrap interval of b − a (sampled engines only). */
  interval: { low: number; high: number } | null;
  /** "better" / "worse" after accounting for the metric's direction; "same" within 1e-9 or neutral. */
  direction: "better" | "worse" | "same" | "n/a";
  headline: boolean;
  regression: boolean;
}

export interface Regression {
  /** "overall", "slice <name>" or "case <id>". */
  scope: string;
  detail: string;
}

export interface Comparison {
  suite: EvalReport["suite"];
  mode: "deterministic" | "sampled";
  /** Why the reports are not comparable as they are (dataset, split, case ids). */
  mismatches: string[];
  /** Differences said out loud that do not stop the comparison (prompt version, engine, model). */
  notes: string[];
  /** Cases compared (all of them, or the common ones after --allow-mismatch). */
  cases: number;
  metrics: MetricDelta[];
  slices: { slice: string; deltas: MetricDelta[] }[];
  fixed: string[];
  broken: string[];
  regressions: Regression[];
}

export interface GateOptions {
  /** Largest tolerated drop: absolute for rates, relative to max(1, |a|) for other numbers. */
  threshold?: number;
  /** Compare only the cases both reports have, instead of refusing mismatched reports. */
  allowMismatch?: boolean;
  resamples?: number;
}

/** Differences that make two reports incomparable: empty when they ran the same cases of the same data. */
export function mismatchesOf(a: EvalReport, b: EvalReport): string[] {
  const out: string[] = [];
  if (a.suite !== b.suite) out.push(`suite: ${a.suite} vs ${b.suite}`);
  if ((a.datasetHash ?? null) !== (b.datasetHash ?? null) || a.dataset !== b.dataset)
    out.push(`dataset: ${a.dataset} (${short(a.datasetHash)}) vs ${b.dataset} (${short(b.datasetHash)})`);
  if (a.split !== b.split) out.push(`split: ${a.split} vs ${b.split}`);
  const left = new Set(a.cases.map((item) => item.id));
  const right = new Set(b.cases.map((item) => item.id));
  const onlyA = [...left].filter((id) => !right.has(id));
  const onlyB = [...right].filter((id) => !left.has(id));
  if (onlyA.length || onlyB.length)
    out.push(
      `case ids: ${onlyA.length} only in a (${onlyA.slice(0, 3).join(", ")}…), ${onlyB.length} only in b (${onlyB.slice(0, 3).join(", ")}…)`,
    );
  return out;
}

function notesOf(a: EvalReport, b: EvalReport): string[] {
  const out: string[] = [];
  if (a.promptVersion !== b.promptVersion)
    out.push(
      `PROMPT VERSION DIFFERS: a ${a.promptVersion ?? "(none)"}, b ${b.promptVersion ?? "(none)"}: the deltas include the prompt change`,
    );
  if (a.engine !== b.engine || a.model !== b.model)
    out.push(`engine: ${a.engine}/${a.model} vs ${b.engine}/${b.model}`);
  return out;
}

const short = (hash: string | null | undefined): string => (hash ? hash.slice(0, 12) : "no hash");

/** Verdicts of one case, with the usage older reports did not record filled in. */
function verdictsOf(item: CaseReport): AnyVerdict[] {
  return item.runs.map((run) => {
    const verdict = run.verdict as AnyVerdict & { usage?: unknown };
    if (verdict.usage) return verdict;
    const legacy = run.verdict as { outputTokens?: number; latencyMs?: number };
    const usage = {
      inputTokens: 0,
      outputTokens: legacy.outputTokens ?? 0,
      latencyMs: legacy.latencyMs ?? 0,
      costUsd: null,
      calls: 0,
    };
    return { ...verdict, usage } as AnyVerdict;
  });
}

function metricsOf(report: EvalReport, cases: readonly CaseReport[]): Record<string, number | null> {
  const metrics: Metrics = suiteMetrics(report.suite, cases.flatMap(verdictsOf) as never[]);
  return Object.fromEntries(Object.entries(metrics).map(([key, value]) => [key, metricNumber(value)]));
}

function judge(
  metric: string,
  a: number | null | undefined,
  b: number | null | undefined,
  threshold: number,
  isRate: boolean,
  headline: boolean,
  interval: { low: number; high: number } | null,
  sampled: boolean,
): MetricDelta {
  const left = a ?? null;
  const right = b ?? null;
  if (left === null || right === null)
    return { metric, a: left, b: right, delta: null, interval, direction: "n/a", headline, regression: false };
  const change = right - left;
  const lower = LOWER_IS_BETTER.has(metric);
  const improvement = lower ? -change : change;
  const direction = NEUTRAL.has(metric) || Math.abs(change) < 1e-9 ? "same" : improvement > 0 ? "better" : "worse";
  const allowed = isRate ? threshold : threshold * Math.max(1, Math.abs(left));
  const beyond = direction === "worse" && -improvement > allowed + 1e-12;
  // Sampled: the whole interval of the change must lie on the worse side of zero.
  const significant = !sampled || (interval !== null && (lower ? interval.low > 0 : interval.high < 0));
  return {
    metric,
    a: left,
    b: right,
    delta: change,
    interval,
    direction,
    headline,
    regression: headline && beyond && significant,
  };
}

function paired(
  report: [EvalReport, EvalReport],
  pairs: [CaseReport, CaseReport][],
  keys: readonly string[],
  resamples: number,
): Record<string, { low: number; high: number }> {
  return bootstrapIntervals(
    pairs,
    (sample) => {
      const a = metricsOf(
        report[0],
        sample.map(([left]) => left),
      );
      const b = metricsOf(
        report[1],
        sample.map(([, right]) => right),
      );
      return Object.fromEntries(
        keys.map((key) => [key, a[key] !== null && b[key] !== null ? b[key]! - a[key]! : null]),
      );
    },
    { resamples, seed: 7 },
  );
}

export function compareReports(a: EvalReport, b: EvalReport, options: GateOptions | number = {}): Comparison {
  const opts: GateOptions = typeof options === "number" ? { threshold: options } : options;
  const threshold = opts.threshold ?? 0.02;
  if (a.suite !== b.suite) throw new Error(`Cannot compare a ${a.suite} report with a ${b.suite} report`);
  const mismatches = mismatchesOf(a, b);
  const definition = SUITE_DEFINITIONS[a.suite];
  const deterministic = Boolean(a.deterministic && b.deterministic);
  const byId = new Map(b.cases.map((item) => [item.id, item]));
  const pairs = a.cases.flatMap((item): [CaseReport, CaseReport][] => {
    const other = byId.get(item.id);
    return other ? [[item, other]] : [];
  });
  const cut = mismatches.length > 0;
  const metricsA = cut
    ? metricsOf(
        a,
        pairs.map(([left]) => left),
      )
    : a.metrics;
  const metricsB = cut
    ? metricsOf(
        b,
        pairs.map(([, right]) => right),
      )
    : b.metrics;
  const rateKeys = new Set([...Object.keys(a.intervals), ...Object.keys(b.intervals)]);
  const isRate = (key: string): boolean => rateKeys.has(key) || key === "score";
  const resamples = opts.resamples ?? 1_000;
  const overall = deterministic ? {} : paired([a, b], pairs, definition.headline, resamples);
  const keys = [...new Set([...Object.keys(metricsA), ...Object.keys(metricsB)])];
  const metrics = keys.map((key) =>
    judge(
      key,
      metricsA[key],
      metricsB[key],
      threshold,
      isRate(key),
      definition.headline.includes(key),
      overall[key] ?? null,
      !deterministic,
    ),
  );
  const sliceNames = [...new Set(pairs.map(([item]) => item.slice))].sort();
  const slices = sliceNames.map((slice) => {
    const inSlice = pairs.filter(([item]) => item.slice === slice);
    const left = metricsOf(
      a,
      inSlice.map(([item]) => item),
    );
    const right = metricsOf(
      b,
      inSlice.map(([, item]) => item),
    );
    const intervals = deterministic ? {} : paired([a, b], inSlice, definition.headline, Math.min(resamples, 500));
    const columns = [...new Set([...definition.headline, ...definition.sliceColumns])];
    return {
      slice,
      deltas: columns.map((column) =>
        judge(
          column,
          left[column],
          right[column],
          threshold,
          true,
          definition.headline.includes(column),
          intervals[column] ?? null,
          !deterministic,
        ),
      ),
    };
  });
  const fixed: string[] = [];
  const broken: string[] = [];
  for (const [left, right] of pairs) if (left.pass !== right.pass) (right.pass ? fixed : broken).push(left.id);
  const regressions: Regression[] = [
    ...metrics.filter((m) => m.regression).map((m) => ({ scope: "overall", detail: describe(m) })),
    ...slices.flatMap(({ slice, deltas }) =>
      deltas.filter((m) => m.regression).map((m) => ({ scope: `slice ${slice}`, detail: describe(m) })),
    ),
    ...(deterministic ? broken.map((id) => ({ scope: `case ${id}`, detail: "passed in a, fails in b" })) : []),
  ];
  return {
    suite: a.suite,
    mode: deterministic ? "deterministic" : "sampled",
    mismatches,
    notes: notesOf(a, b),
    cases: pairs.length,
    metrics,
    slices,
    fixed,
    broken,
    regressions,
  };
}

function describe(delta: MetricDelta): string {
  const interval = delta.interval
    ? ` (95% CI of the change ${delta.interval.low.toFixed(3)} … ${delta.interval.high.toFixed(3)})`
    : "";
  return `${delta.metric} ${delta.a?.toFixed(3)} → ${delta.b?.toFixed(3)}${interval}`;
}
