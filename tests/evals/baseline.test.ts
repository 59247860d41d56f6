// The regression gate: the offline engine, run now on the committed datasets, must not fall below the
// committed baseline reports (evals/baseline/<suite>.json) on any headline metric. After a deliberate
// change to the offline rules, refresh the baseline with
//   npm run eval -- --suite all --engine local --out evals/baseline/
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { createEngine } from "../../server/agent/engines.ts";
import { compareReports, renderComparison } from "../../evals/compare.ts";
import { loadDataset, SUITES, type Suite } from "../../evals/dataset.ts";
import type { EvalReport } from "../../evals/report.ts";
import { filterSplit, runSuite } from "../../evals/runner.ts";

async function baseline(suite: Suite): Promise<EvalReport> {
  return JSON.parse(await readFile(`evals/baseline/${suite}.json`, "utf8")) as EvalReport;
}

describe("offline engine vs the committed baseline", () => {
  for (const suite of SUITES) {
    it(`the ${suite} suite does not regress on a headline metric`, { timeout: 300_000 }, async () => {
      const reference = await baseline(suite);
      expect(reference.engine).toBe("local");
      const loaded = await loadDataset(suite, reference.dataset);
      if (!loaded.ok) throw new Error(loaded.message);
      const split = reference.split === "train" || reference.split === "all" ? reference.split : "test";
      const report = await runSuite({
        suite,
        cases: filterSplit(loaded.cases, split),
        engine: createEngine({ engine: "local" }),
        dataset: reference.dataset,
        split,
        concurrency: 2,
      });
      const comparison = compareReports(reference, report, 0.02);
      expect(comparison.regressions, renderComparison(comparison, reference, report)).toEqual([]);
    });
  }
});
