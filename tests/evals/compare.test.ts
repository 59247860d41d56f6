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

const triggerCases: TriggerCase[] = Array.from({ length: 20 }, (_, index) => ({
  id: `t${index}`,
  split: "test",
  slice: index % 2 ? "code" : "questions",
  prompt: index % 2 ? "Write a program." : "What is X?",
  expect: index % 2 ? "canvas" : "chat",
}));

/** A trigger report where the first `wrong` cases are answered wrongly. */
function triggerReport(wrong: number): EvalReport {
  return buildReport({
    suite: "trigger",
    engine: "local",
    model: "offline-rules",
    dataset: "test",
    split: "test",
    repeats: 1,
    cases: triggerCases.map((item, index) => {
      const opens = (item.expect === "canvas") !== index < wrong;
      const trace = makeTrace({ toolCalls: opens ? [call("create_canvas")] : [] });
      return { item, runs: [{ output: caseOutput(trace), verdict: gradeTrigger(item, trace) }] };
    }),
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

describe("compare gate", () => {
  it("exits 1 when the candidate's accuracy drops beyond the threshold, and lists the flipped cases", async () => {
    const a = await write("a.json", triggerReport(0));
    const b = await write("b.json", triggerReport(3));
    const printed: string[] = [];
    expect(await compareMain([a, b, "--threshold", "0.02"], (text) => printed.push(text))).toBe(1);
    const comparison = compareReports(triggerReport(0), triggerReport(3));
    expect(comparison.regressions.map((item) => item.metric)).toContain("accuracy");
    expect(comparison.broken).toEqual(["t0", "t1", "t2"]);
    expect(printed.join("\n")).toContain("REGRESSION");
  });

  it("exits 0 when the candidate is better or equal", async () => {
    const a = await write("a2.json", triggerReport(3));
    const b = await write("b2.json", triggerReport(0));
    expect(await compareMain([a, b], quiet)).toBe(0);
    expect(await compareMain([a, a], quiet)).toBe(0);
    expect(compareReports(triggerReport(3), triggerReport(0)).fixed).toEqual(["t0", "t1", "t2"]);
  });

  it("tolerates a drop within the threshold", async () => {
    const a = await write("a3.json", triggerReport(0));
    const b = await write("b3.json", triggerReport(1)); // accuracy -5 points
    expect(await compareMain([a, b, "--threshold", "0.1"], quiet)).toBe(0);
    expect(await compareMain([a, b, "--threshold=0.02"], quiet)).toBe(1);
  });

  it("treats more false alarms on clean canvases as a regression (lower is better)", async () => {
    const a = await write("a4.json", commentReport(0));
    const b = await write("b4.json", commentReport(2));
    expect(await compareMain([a, b], quiet)).toBe(1);
    expect(await compareMain([b, a], quiet)).toBe(0);
  });

  it("exits 2 on unusable input", async () => {
    expect(await compareMain([join(dir, "missing.json"), join(dir, "a.json")], quiet)).toBe(2);
    expect(await compareMain([join(dir, "a.json")], quiet)).toBe(2);
  });
});
