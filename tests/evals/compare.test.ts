// The compare gate: a deterministic engine fails on one flipped case, a sampled one on a drop its
// bootstrap interval cannot explain (overall or in one slice), and reports of different data are
// refused rather than compared.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareMain, compareReports } from "../../evals/compare.ts";
import type { CommentCase, TriggerCase } from "../../evals/dataset.ts";
import { gradeComment } from "../../evals/graders/comment.ts";
import { gradeTrigger } from "../../evals/graders/trigger.ts";
import { buildReport, caseOutput, type EvalReport } from "../../evals/report.ts";
import { call, commentOn, makeTrace } from "./traces.ts";

const triggerCases: TriggerCase[] = Array.from({ length: 60 }, (_, index) => ({
  id: `t${index}`,
  split: "test",
  slice: index < 10 ? "small" : index % 2 ? "code" : "questions",
  prompt: index % 2 ? "Write a program." : "What is X?",
  expect: index % 2 ? "canvas" : "chat",
}));

interface Options {
  /** Case indexes answered wrongly in every repeat. */
  wrong?: number[];
  /** Case indexes answered wrongly in half of the repeats. */
  flaky?: number[];
  repeats?: number;
  deterministic?: boolean;
  datasetHash?: string;
  promptVersion?: string | null;
}

function triggerReport(options: Options = {}): EvalReport {
  const repeats = options.repeats ?? 1;
  return buildReport({
    suite: "trigger",
    engine: options.deterministic ? "local" : "openai",
    model: options.deterministic ? "offline-rules" : "m",
    dataset: "cases.jsonl",
    datasetHash: options.datasetHash ?? "hash-1",
    split: "test",
    repeats,
    promptVersion: options.promptVersion ?? null,
    deterministic: options.deterministic ?? false,
    cases: triggerCases.map((item, index) => ({
      item,
      runs: Array.from({ length: repeats }, (_, repeat) => {
        const wrong = options.wrong?.includes(index) || (options.flaky?.includes(index) && repeat % 2 === 0);
        const opens = (item.expect === "canvas") !== Boolean(wrong);
        const trace = makeTrace({ toolCalls: opens ? [call("create_canvas")] : [] });
        return { output: caseOutput(trace), verdict: gradeTrigger(item, trace) };
      }),
    })),
  });
}

function commentReport(commentsOnClean: number): EvalReport {
  const content = "First sentence here. Second sentence here.";
  const item: CommentCase = {
    id: "clean",
    split: "test",
    slice: "clean-writing",
    canvas: { kind: "document", title: "t", content },
    instruction: "Review",
    issues: [],
  };
  const trace = makeTrace({
    canvasAfter: content,
    comments: Array.from({ length: commentsOnClean }, () => commentOn(content, "First sentence")),
  });
  return buildReport({
    suite: "comment",
    engine: "local",
    model: "m",
    dataset: "d",
    split: "test",
    repeats: 1,
    deterministic: true,
    cases: [{ item, runs: [{ output: caseOutput(trace), verdict: gradeComment(item, trace) }] }],
  });
}

let dir = "";
const write = async (name: string, report: EvalReport): Promise<string> => {
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(report));
  return path;
};
const quiet = (): void => undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "canvas-compare-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("compare gate, deterministic engines", () => {
  it("one flipped case of 60 fails the gate and is named, though no metric moved past the threshold", async () => {
    const a = triggerReport({ deterministic: true });
    const b = triggerReport({ deterministic: true, wrong: [30] });
    const comparison = compareReports(a, b, { threshold: 0.1 });
    expect(comparison.mode).toBe("deterministic");
    expect(comparison.broken).toEqual(["t30"]);
    expect(comparison.regressions).toEqual([{ scope: "case t30", detail: "passed in a, fails in b" }]);
    const printed: string[] = [];
    expect(
      await compareMain([await write("a.json", a), await write("b.json", b), "--threshold", "0.1"], (text) =>
        printed.push(text),
      ),
    ).toBe(1);
    expect(printed.join("\n")).toContain("case t30");
  });

  it("cases that flip to pass are no regression", async () => {
    const a = await write("a2.json", triggerReport({ deterministic: true, wrong: [1, 2, 3] }));
    const b = await write("b2.json", triggerReport({ deterministic: true }));
    expect(await compareMain([a, b], quiet)).toBe(0);
    expect(await compareMain([a, a], quiet)).toBe(0);
  });

  it("more false alarms on clean canvases is a regression (lower is better)", async () => {
    const a = await write("a4.json", commentReport(0));
    const b = await write("b4.json", commentReport(2));
    expect(await compareMain([a, b], quiet)).toBe(1);
    expect(await compareMain([b, a], quiet)).toBe(0);
  });
});

describe("compare gate, sampled engines", () => {
  it("noise in two cases over three repeats is not a regression", () => {
    const a = triggerReport({ repeats: 3 });
    const b = triggerReport({ repeats: 3, flaky: [20, 41] });
    const comparison = compareReports(a, b);
    expect(comparison.mode).toBe("sampled");
    expect(comparison.regressions).toEqual([]);
  });

  it("a real drop fails the gate, with the bootstrap interval of the change below zero", () => {
    const wrong = Array.from({ length: 12 }, (_, index) => 10 + index * 4);
    const comparison = compareReports(triggerReport({ repeats: 3 }), triggerReport({ repeats: 3, wrong }));
    const accuracy = comparison.metrics.find((m) => m.metric === "accuracy")!;
    expect(accuracy.regression).toBe(true);
    expect(accuracy.interval!.high).toBeLessThan(0);
  });

  it("a collapse inside one slice fails that slice even when the overall drop is within the threshold", () => {
    const comparison = compareReports(
      triggerReport({ repeats: 2 }),
      triggerReport({ repeats: 2, wrong: [0, 1, 2, 3, 4, 5, 6, 7] }),
      { threshold: 0.2 },
    );
    expect(comparison.metrics.find((m) => m.metric === "accuracy")!.regression).toBe(false);
    expect(comparison.regressions.map((item) => item.scope)).toContain("slice small");
  });

  it("repeats are bootstrapped by case: three identical repeats give the interval of one", () => {
    const one = triggerReport({ wrong: [1, 2, 3, 4, 5, 6] });
    const three = triggerReport({ repeats: 3, wrong: [1, 2, 3, 4, 5, 6] });
    expect(three.intervalMethod).toBe("bootstrap-by-case");
    const width = (report: EvalReport) => report.intervals.accuracy!.high - report.intervals.accuracy!.low;
    // Pooling 3×60 runs as independent would shrink the interval by √3; by case it stays as wide.
    expect(width(three)).toBeGreaterThan(width(one) * 0.75);
  });
});

describe("compare gate, incomparable reports", () => {
  it("refuses reports of different datasets, splits or case ids, unless told to compare the common cases", async () => {
    const a = await write("a5.json", triggerReport({ deterministic: true }));
    const b = await write("b5.json", triggerReport({ deterministic: true, datasetHash: "hash-2", wrong: [5] }));
    const printed: string[] = [];
    expect(await compareMain([a, b], (text) => printed.push(text))).toBe(2);
    expect(printed.join("\n")).toContain("REFUSED");
    const forced: string[] = [];
    expect(await compareMain([a, b, "--allow-mismatch"], (text) => forced.push(text))).toBe(1);
    expect(forced.join("\n")).toContain("WARNING");
    const subset = triggerReport({ deterministic: true });
    subset.cases = subset.cases.slice(0, 30);
    expect(compareReports(triggerReport({ deterministic: true }), subset).mismatches.join(" ")).toContain("only in a");
  });

  it("says out loud that the prompt version differs", () => {
    const comparison = compareReports(triggerReport({ promptVersion: "v1" }), triggerReport({ promptVersion: "v2" }));
    expect(comparison.notes.join(" ")).toContain("PROMPT VERSION DIFFERS");
    expect(comparison.mismatches).toEqual([]);
  });

  it("exits 2 on unusable input", async () => {
    expect(await compareMain([join(dir, "missing.json"), join(dir, "a.json")], quiet)).toBe(2);
    expect(await compareMain([join(dir, "a.json")], quiet)).toBe(2);
  });
});
