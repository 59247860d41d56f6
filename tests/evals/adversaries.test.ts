// Every adversary engine (evals/adversaries) games the graders in one known way; each must score far
// below the offline engine on the suites it attacks, so a grader change that lets one through fails
// here. The offline engine's score on the same cases comes from the committed baseline (which the
// baseline tests hold to the engine's current output). To keep the run short it takes every other
// test case of each slice and leaves out canvases of 50k+ words (no adversary's trick depends on
// length); `npm run eval -- --suite <s> --engine adversary:<name>` runs the whole split.
import { describe, expect, it } from "vitest";
import { ADVERSARIES, adversaryEngine, adversaryNamed } from "../../evals/adversaries/index.ts";
import type { Suite } from "../../evals/dataset.ts";
import { loadSuiteData } from "../../evals/suiteData.ts";
import { isDeletion } from "../../evals/graders/edit.ts";
import { metricNumber } from "../../evals/graders/metric.ts";
import type { EvalReport } from "../../evals/report.ts";
import { filterSplit, runSuite } from "../../evals/runner.ts";
import { suiteMetrics, type AnyVerdict } from "../../evals/suites.ts";
import { baseline } from "./baselineGate.ts";

const SHORT = 50_000 * 5;

async function attack(
  name: string,
  suite: Suite,
): Promise<{ adversary: EvalReport; offline: Record<string, number | null> }> {
  const reference = await baseline(suite);
  const loaded = await loadSuiteData(suite);
  if (!loaded.ok) throw new Error(loaded.message);
  // Every other test case of each slice: half the time, the same mix of tasks.
  const seen = new Map<string, number>();
  const cases = filterSplit(loaded.cases, "test")
    .filter((item) => !("canvas" in item && item.canvas && item.canvas.content.length > SHORT))
    .filter((item) => {
      const n = seen.get(item.slice) ?? 0;
      seen.set(item.slice, n + 1);
      return n % 2 === 0;
    });
  const ids = new Set(cases.map((item) => item.id));
  const offlineVerdicts = reference.cases
    .filter((item) => ids.has(item.id))
    .flatMap((item) => item.runs.map((run) => run.verdict)) as AnyVerdict[];
  expect(offlineVerdicts.length).toBe(cases.length);
  const offline = Object.fromEntries(
    Object.entries(suiteMetrics(suite, offlineVerdicts as never[])).map(([key, value]) => [key, metricNumber(value)]),
  );
  const adversary = await runSuite({
    suite,
    cases,
    engine: adversaryEngine(adversaryNamed(name)!),
    dataset: loaded.name,
    datasetHash: loaded.hash,
    split: "test",
    concurrency: 4,
  });
  return { adversary, offline };
}

const score = (metrics: Record<string, number | null>): number => metrics.score ?? 0;

describe("adversaries score far below the offline engine", () => {
  it("every adversary named in the issue exists and says what it attacks", () => {
    for (const name of [
      "whole-canvas-comment",
      "comment-every-sentence",
      "delete-region",
      "lorem-rewrite",
      "always-rewrite",
      "keyword-mode",
      "length-rule",
    ])
      expect(adversaryNamed(name)?.suites.length, name).toBeGreaterThan(0);
    expect(ADVERSARIES.length).toBeGreaterThanOrEqual(7);
  });

  for (const name of ["whole-canvas-comment", "comment-every-sentence"]) {
    it(`${name}: finds no planted issue and floods clean canvases`, { timeout: 120_000 }, async () => {
      const { adversary, offline } = await attack(name, "comment");
      expect(adversary.metrics.commentsPerCase!).toBeGreaterThan(3);
      expect(score(offline)).toBeGreaterThan(0.05);
      expect(score(adversary.metrics)).toBeLessThanOrEqual(0.25 * score(offline));
      expect(adversary.metrics.recall!).toBeLessThanOrEqual(0.05);
      expect(adversary.metrics.falseAlarmsPerCleanDoc!).toBeGreaterThan(3 * (offline.falseAlarmsPerCleanDoc ?? 0) + 1);
    });
  }

  for (const name of ["lorem-rewrite", "always-rewrite", "keyword-mode"]) {
    it(`${name}: passes (almost) no edit case although its calls apply`, { timeout: 180_000 }, async () => {
      const { adversary, offline } = await attack(name, "edit");
      expect(adversary.metrics.applyRate!).toBeGreaterThan(0.9);
      expect(score(offline)).toBeGreaterThan(0.08);
      expect(score(adversary.metrics)).toBeLessThanOrEqual(0.25 * score(offline));
    });
  }

  it(
    "keyword-mode no longer gets the mode right from keywords alone on the contrasting cases",
    { timeout: 180_000 },
    async () => {
      const { adversary } = await attack("keyword-mode", "edit");
      expect(adversary.metrics.modeAccuracy!).toBeLessThan(0.9);
    },
  );

  it(
    "delete-region: passes only deletion tasks, and scores at most half the offline engine",
    { timeout: 180_000 },
    async () => {
      const { adversary, offline } = await attack("delete-region", "edit");
      expect(adversary.metrics.applyRate!).toBeGreaterThan(0.9);
      const loaded = await loadSuiteData("edit");
      if (!loaded.ok) throw new Error(loaded.message);
      const byId = new Map(loaded.cases.map((item) => [item.id, item]));
      const passed = adversary.cases.filter((item) => item.pass).map((item) => byId.get(item.id)!);
      expect(passed.filter((item) => !isDeletion(item)).map((item) => item.id)).toEqual([]);
      expect(score(adversary.metrics)).toBeLessThanOrEqual(0.6 * score(offline));
    },
  );

  it(
    "length-rule: at least 12 points of balanced accuracy below the offline engine",
    { timeout: 120_000 },
    async () => {
      const { adversary, offline } = await attack("length-rule", "trigger");
      expect(score(adversary.metrics)).toBeLessThanOrEqual(score(offline) - 0.12);
    },
  );
});
