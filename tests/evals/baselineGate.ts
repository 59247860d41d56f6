// The regression gate for the offline engine, shared by the three baseline test files (one per suite,
// so vitest runs them side by side): the engine, run now on the default data, must give the committed
// baseline report (evals/baseline/<suite>.json) case for case. The offline engine is deterministic, so
// any case that flips either way is a real change: a regression fails, and an improvement means the
// baseline is stale. Refresh it after a deliberate change with
//   npm run eval -- --suite all --engine local --out evals/baseline/
import { readFile } from "node:fs/promises";
import { expect } from "vitest";
import { createEngine } from "../../server/agent/engines.ts";
import { compareReports, renderComparison } from "../../evals/compare.ts";
import type { Suite } from "../../evals/dataset.ts";
import { loadSuiteData } from "../../evals/suiteData.ts";
import type { EvalReport } from "../../evals/report.ts";
import { filterSplit, runSuite } from "../../evals/runner.ts";

export async function baseline(suite: Suite): Promise<EvalReport> {
  return JSON.parse(await readFile(`evals/baseline/${suite}.json`, "utf8")) as EvalReport;
}

export async function expectBaselineHolds(suite: Suite): Promise<void> {
  const reference = await baseline(suite);
  expect(reference.engine).toBe("local");
  const loaded = await loadSuiteData(suite);
  if (!loaded.ok) throw new Error(loaded.message);
  expect(loaded.hash, `the ${suite} dataset changed since the baseline was computed: refresh evals/baseline/`).toBe(
    reference.datasetHash,
  );
  const split = reference.split === "train" || reference.split === "all" ? reference.split : "test";
  const report = await runSuite({
    suite,
    cases: filterSplit(loaded.cases, split),
    engine: createEngine({ engine: "local" }),
    dataset: loaded.name,
    datasetHash: loaded.hash,
    split,
    concurrency: 2,
  });
  const comparison = compareReports(reference, report, 0.02);
  const explain = renderComparison(comparison, reference, report);
  expect(comparison.mode).toBe("deterministic");
  expect(comparison.mismatches, explain).toEqual([]);
  expect(comparison.regressions, explain).toEqual([]);
  expect(comparison.fixed, `cases now pass that the baseline says fail: refresh evals/baseline/\n${explain}`).toEqual(
    [],
  );
}
