// Compare two eval reports (a = reference, b = candidate): per-metric and per-slice deltas, the cases
// that flipped, and a verdict. b regresses when a headline metric is worse than a's by more than the
// threshold (absolute for rates: 0.02 = two points; relative to max(1, |a|) for other numbers).
// CLI: npm run eval:compare -- a.json b.json [--threshold 0.02]   (or two folders of <suite>.json)
// Exit code 1 on a regression, 2 on unusable input, 0 otherwise.
import { readFile, readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { SUITES, type Suite } from "./dataset.ts";
import { formatMetric, type EvalReport } from "./report.ts";
import { LOWER_IS_BETTER, NEUTRAL, SUITE_DEFINITIONS } from "./suites.ts";

export interface MetricDelta {
  metric: string;
  a: number | null;
  b: number | null;
  delta: number | null;
  /** "better" / "worse" after accounting for the metric's direction; "same" within 1e-9 or neutral. */
  direction: "better" | "worse" | "same" | "n/a";
  headline: boolean;
  regression: boolean;
}

export interface Comparison {
  suite: Suite;
  metrics: MetricDelta[];
  slices: { slice: string; deltas: MetricDelta[] }[];
  fixed: string[];
  broken: string[];
  regressions: MetricDelta[];
}

const isRateMetric = (report: EvalReport, metric: string): boolean => metric in report.intervals;

function delta(
  metric: string,
  a: number | null | undefined,
  b: number | null | undefined,
  threshold: number,
  rateMetric: boolean,
  headline: boolean,
): MetricDelta {
  const left = a ?? null;
  const right = b ?? null;
  if (left === null || right === null)
    return { metric, a: left, b: right, delta: null, direction: "n/a", headline, regression: false };
  const change = right - left;
  const improvement = LOWER_IS_BETTER.has(metric) ? -change : change;
  const direction = NEUTRAL.has(metric) || Math.abs(change) < 1e-9 ? "same" : improvement > 0 ? "better" : "worse";
  const allowed = rateMetric ? threshold : threshold * Math.max(1, Math.abs(left));
  return {
    metric,
    a: left,
    b: right,
    delta: change,
    direction,
    headline,
    regression: headline && direction === "worse" && -improvement > allowed + 1e-12,
  };
}

export function compareReports(a: EvalReport, b: EvalReport, threshold = 0.02): Comparison {
  if (a.suite !== b.suite) throw new Error(`Cannot compare a ${a.suite} report with a ${b.suite} report`);
  const headline = SUITE_DEFINITIONS[a.suite].headline;
  const keys = [...new Set([...Object.keys(a.metrics), ...Object.keys(b.metrics)])];
  const metrics = keys.map((key) =>
    delta(
      key,
      a.metrics[key],
      b.metrics[key],
      threshold,
      isRateMetric(a, key) || isRateMetric(b, key),
      headline.includes(key),
    ),
  );
  const sliceNames = [...new Set([...Object.keys(a.slices), ...Object.keys(b.slices)])].sort();
  const columns = SUITE_DEFINITIONS[a.suite].sliceColumns;
  const slices = sliceNames.map((slice) => ({
    slice,
    deltas: columns.map((column) =>
      delta(column, a.slices[slice]?.metrics[column], b.slices[slice]?.metrics[column], threshold, true, false),
    ),
  }));
  const before = new Map(a.cases.map((item) => [item.id, item.pass]));
  const fixed: string[] = [];
  const broken: string[] = [];
  for (const item of b.cases) {
    const earlier = before.get(item.id);
    if (earlier === undefined || earlier === item.pass) continue;
    (item.pass ? fixed : broken).push(item.id);
  }
  return { suite: a.suite, metrics, slices, fixed, broken, regressions: metrics.filter((item) => item.regression) };
}

function signed(metric: string, value: number | null): string {
  if (value === null) return "–";
  const text = formatMetric(metric, Math.abs(value));
  return value > 0 ? `+${text}` : value < 0 ? `-${text}` : text;
}

export function renderComparison(comparison: Comparison, a: EvalReport, b: EvalReport): string {
  const lines = [
    `## ${comparison.suite}: ${a.engine}/${a.model} → ${b.engine}/${b.model}`,
    "",
    "| metric | a | b | Δ | |",
    "| --- | --- | --- | --- | --- |",
  ];
  for (const item of comparison.metrics) {
    const mark = item.regression
      ? "REGRESSION"
      : item.direction === "better"
        ? "better"
        : item.direction === "worse"
          ? "worse"
          : "";
    lines.push(
      `| ${item.headline ? `**${item.metric}**` : item.metric} | ${formatMetric(item.metric, item.a)} | ${formatMetric(item.metric, item.b)} | ${signed(item.metric, item.delta)} | ${mark} |`,
    );
  }
  const changedSlices = comparison.slices.filter((slice) =>
    slice.deltas.some((d) => d.direction === "better" || d.direction === "worse"),
  );
  if (changedSlices.length) {
    lines.push("", "| slice | " + comparison.slices[0]!.deltas.map((d) => `Δ ${d.metric}`).join(" | ") + " |");
    lines.push("| --- | " + comparison.slices[0]!.deltas.map(() => "---").join(" | ") + " |");
    for (const slice of changedSlices)
      lines.push(`| ${slice.slice} | ${slice.deltas.map((d) => signed(d.metric, d.delta)).join(" | ")} |`);
  }
  lines.push("", `Flipped to pass (${comparison.fixed.length}): ${comparison.fixed.join(", ") || "none"}`);
  lines.push(`Flipped to fail (${comparison.broken.length}): ${comparison.broken.join(", ") || "none"}`);
  return lines.join("\n");
}

async function readReports(path: string): Promise<Map<Suite, EvalReport>> {
  const reports = new Map<Suite, EvalReport>();
  const files = (await stat(path)).isDirectory()
    ? (await readdir(path))
        .filter((name) => SUITES.some((suite) => name === `${suite}.json`))
        .map((name) => join(path, name))
    : [path];
  for (const file of files) {
    const parsed: unknown = JSON.parse(await readFile(file, "utf8"));
    if (!isReport(parsed)) throw new Error(`${file} is not an eval report (needs suite, metrics, slices, cases)`);
    reports.set(parsed.suite, parsed);
  }
  return reports;
}

function isReport(value: unknown): value is EvalReport {
  if (value === null || typeof value !== "object") return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.suite === "string" &&
    SUITES.includes(record.suite as Suite) &&
    typeof record.metrics === "object" &&
    typeof record.slices === "object" &&
    Array.isArray(record.cases)
  );
}

/** Runs the CLI; returns the exit code. */
export async function compareMain(argv: string[], print: (text: string) => void = console.log): Promise<number> {
  const positional: string[] = [];
  let threshold = 0.02;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === "--threshold") threshold = Number(argv[++index]);
    else if (arg.startsWith("--threshold=")) threshold = Number(arg.slice("--threshold=".length));
    else positional.push(arg);
  }
  if (positional.length !== 2 || !Number.isFinite(threshold) || threshold < 0) {
    print("Usage: npm run eval:compare -- <a.json|dir> <b.json|dir> [--threshold 0.02]");
    return 2;
  }
  let left: Map<Suite, EvalReport>;
  let right: Map<Suite, EvalReport>;
  try {
    [left, right] = await Promise.all([readReports(positional[0]!), readReports(positional[1]!)]);
  } catch (error) {
    print(`Cannot read reports: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const suites = SUITES.filter((suite) => left.has(suite) && right.has(suite));
  if (!suites.length) {
    print(`No suite appears in both ${positional[0]} and ${positional[1]}.`);
    return 2;
  }
  let regressions = 0;
  for (const suite of suites) {
    const comparison = compareReports(left.get(suite)!, right.get(suite)!, threshold);
    print(renderComparison(comparison, left.get(suite)!, right.get(suite)!));
    print("");
    regressions += comparison.regressions.length;
  }
  print(
    regressions
      ? `${regressions} headline metric(s) regressed by more than ${threshold}.`
      : `No headline metric regressed by more than ${threshold}.`,
  );
  return regressions ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = await compareMain(process.argv.slice(2));
}
