// The markdown a person reads for one eval report: the metrics with their intervals, cost and latency,
// the slices, and the failing cases with the reason each failed.
import { SUITE_DEFINITIONS } from "./suites.ts";
import type { CaseRun, EvalReport } from "./report.ts";

/** One line on what the run cost: tokens per case, wall time, money (or why there is no price). */
export function usageLine(report: EvalReport): string {
  const m = report.metrics;
  const tokens = `${Math.round(m.inputTokensPerCase ?? 0)} input + ${Math.round(m.outputTokensPerCase ?? 0)} output tokens per case`;
  const time = `${formatMetric("latencyMsMean", m.latencyMsMean)} ms mean wall time (p95 ${formatMetric("latencyMsP95", m.latencyMsP95)} ms)`;
  const money =
    m.costUsdTotal === null || m.costUsdTotal === undefined
      ? `no price known for ${report.model} (add it to evals/prices.ts)`
      : `${formatMetric("costUsdPerCase", m.costUsdPerCase)} per case, ${formatMetric("costUsdTotal", m.costUsdTotal)} in all`;
  return `Cost and latency: ${tokens}, ${time}, ${money}.`;
}

export function formatMetric(key: string, value: number | null | undefined): string {
  if (value === null || value === undefined) return "–";
  if (
    key.includes("Rate") ||
    key.startsWith("recall") ||
    [
      "score",
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
  if (key.startsWith("costUsd")) return `$${value < 0.01 ? value.toFixed(5) : value.toFixed(3)}`;
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
    .map((issue) => `${issue.kind} "${issue.quote.slice(0, 40)}"${issue.miss ? ` (${issue.miss})` : ""}`);
  return [
    missed.length ? `missed ${missed.join(", ")}` : "",
    verdict.falseAlarms ? `${verdict.falseAlarms} comment(s) not a find` : "",
  ]
    .filter(Boolean)
    .join("; ");
}

export function renderMarkdown(report: EvalReport, options: { failures?: number } = {}): string {
  const definition = SUITE_DEFINITIONS[report.suite];
  const lines: string[] = [];
  lines.push(`## ${report.suite} — ${report.engine} (${report.model})`, "");
  if (report.deterministic) lines.push("Deterministic engine: any flipped case in a comparison is a real change.", "");
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
  const method = report.intervalMethod === "bootstrap-by-case" ? "bootstrap by case" : "Wilson";
  lines.push(
    table(["metric", "value", `95% CI (${method})`, report.repeats > 1 ? "range over repeats" : ""], metricRows),
    "",
  );
  lines.push(usageLine(report), "");
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
