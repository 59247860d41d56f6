// Compare two eval reports (a = reference, b = candidate): per-metric and per-slice deltas, the cases
// that flipped, and a verdict from the gate (gate.ts).
// CLI: npm run eval:compare -- a.json b.json [--threshold 0.02] [--allow-mismatch]   (or two folders of <suite>.json)
// Exit code 1 on a regression, 2 on unusable or incomparable input (different dataset, split or case
// ids; --allow-mismatch compares the common cases instead, with a warning), 0 otherwise.
import { readFile, readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { SUITES, type Suite } from "./dataset.ts";
import { compareReports, type Comparison, type MetricDelta } from "./gate.ts";
import type { EvalReport } from "./report.ts";
import { formatMetric } from "./render.ts";

export { compareReports, type Comparison, type MetricDelta } from "./gate.ts";

function signed(metric: string, value: number | null): string {
  if (value === null) return "–";
  const text = formatMetric(metric, Math.abs(value));
  return value > 0 ? `+${text}` : value < 0 ? `-${text}` : text;
}

function mark(item: MetricDelta): string {
  if (item.regression) return "REGRESSION";
  return item.direction === "better" ? "better" : item.direction === "worse" ? "worse" : "";
}

export function renderComparison(comparison: Comparison, a: EvalReport, b: EvalReport): string {
  const lines = [`## ${comparison.suite}: ${a.engine}/${a.model} → ${b.engine}/${b.model}`, ""];
  if (comparison.mismatches.length)
    lines.push(
      `**WARNING: these reports are not of the same cases; only the ${comparison.cases} common cases are compared.**`,
      ...comparison.mismatches.map((item) => `- ${item}`),
      "",
    );
  for (const note of comparison.notes) lines.push(`**${note}**`, "");
  lines.push(
    comparison.mode === "deterministic"
      ? "Gate: deterministic engines, so every case that flipped to fail is a regression."
      : "Gate: sampled engine, so a metric regresses when it drops beyond the threshold and its 95% paired bootstrap interval excludes no change.",
    "",
    "| metric | a | b | Δ | 95% CI of Δ | |",
    "| --- | --- | --- | --- | --- | --- |",
  );
  for (const item of comparison.metrics) {
    const interval = item.interval
      ? `${signed(item.metric, item.interval.low)} … ${signed(item.metric, item.interval.high)}`
      : "";
    lines.push(
      `| ${item.headline ? `**${item.metric}**` : item.metric} | ${formatMetric(item.metric, item.a)} | ${formatMetric(item.metric, item.b)} | ${signed(item.metric, item.delta)} | ${interval} | ${mark(item)} |`,
    );
  }
  const changed = comparison.slices.filter((slice) =>
    slice.deltas.some((d) => d.direction === "better" || d.direction === "worse"),
  );
  if (changed.length) {
    const columns = changed[0]!.deltas.map((d) => d.metric);
    lines.push(
      "",
      `| slice | ${columns.map((c) => `Δ ${c}`).join(" | ")} |`,
      `| --- | ${columns.map(() => "---").join(" | ")} |`,
    );
    for (const slice of changed)
      lines.push(
        `| ${slice.slice} | ${slice.deltas.map((d) => `${signed(d.metric, d.delta)}${d.regression ? " REGRESSION" : ""}`).join(" | ")} |`,
      );
  }
  lines.push("", `Flipped to pass (${comparison.fixed.length}): ${comparison.fixed.join(", ") || "none"}`);
  lines.push(`Flipped to fail (${comparison.broken.length}): ${comparison.broken.join(", ") || "none"}`);
  if (comparison.regressions.length) {
    lines.push("", "Regressions:");
    for (const item of comparison.regressions) lines.push(`- ${item.scope}: ${item.detail}`);
  }
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

const USAGE = "Usage: npm run eval:compare -- <a.json|dir> <b.json|dir> [--threshold 0.02] [--allow-mismatch]";

/** Runs the CLI; returns the exit code. */
export async function compareMain(argv: string[], print: (text: string) => void = console.log): Promise<number> {
  const positional: string[] = [];
  let threshold = 0.02;
  let allowMismatch = false;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === "--threshold") threshold = Number(argv[++index]);
    else if (arg.startsWith("--threshold=")) threshold = Number(arg.slice("--threshold=".length));
    else if (arg === "--allow-mismatch") allowMismatch = true;
    else positional.push(arg);
  }
  if (positional.length !== 2 || !Number.isFinite(threshold) || threshold < 0) {
    print(USAGE);
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
  let refused = 0;
  for (const suite of suites) {
    const a = left.get(suite)!;
    const b = right.get(suite)!;
    const comparison = compareReports(a, b, { threshold, allowMismatch });
    if (comparison.mismatches.length && !allowMismatch) {
      print(
        [
          `## ${suite}: REFUSED — the reports did not run the same cases, so their figures are not comparable:`,
          ...comparison.mismatches.map((item) => `- ${item}`),
          "Run both on the same dataset and split, or pass --allow-mismatch to compare the common cases only.",
          "",
        ].join("\n"),
      );
      refused++;
      continue;
    }
    print(renderComparison(comparison, a, b));
    print("");
    regressions += comparison.regressions.length;
  }
  if (refused) return 2;
  print(
    regressions ? `${regressions} regression(s) (threshold ${threshold}).` : `No regression (threshold ${threshold}).`,
  );
  return regressions ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = await compareMain(process.argv.slice(2));
}
