import { describe, expect, it } from "vitest";
import { DEFAULT_DATA, loadDataset, type EditCase, type TriggerCase } from "../../evals/dataset.ts";
import { editMetrics, gradeEdit } from "../../evals/graders/edit.ts";
import { metricNumber } from "../../evals/graders/metric.ts";
import { gradeTrigger, triggerMetrics } from "../../evals/graders/trigger.ts";
import { call, makeTrace } from "./traces.ts";

async function editCase(id: string): Promise<EditCase> {
  const result = await loadDataset("edit", DEFAULT_DATA.edit);
  if (!result.ok) throw new Error(result.message);
  const found = result.cases.find((item) => item.id === id);
  if (!found) throw new Error(`no edit case ${id}`);
  return found;
}

const chatCase: TriggerCase = {
  id: "t-chat",
  split: "test",
  slice: "questions",
  prompt: "What is a closure?",
  expect: "chat",
};
const canvasCase: TriggerCase = {
  id: "t-canvas",
  split: "test",
  slice: "code",
  prompt: "Write a snake game.",
  expect: "canvas",
};

describe("trigger grader", () => {
  it("a perfect run scores 1 on accuracy, both rates, F1 and schema validity", () => {
    const verdicts = [
      gradeTrigger(canvasCase, makeTrace({ toolCalls: [call("create_canvas")] })),
      gradeTrigger(chatCase, makeTrace({ text: "A closure is…" })),
    ];
    const metrics = triggerMetrics(verdicts);
    for (const key of ["accuracy", "triggerRate", "noTriggerRate", "precision", "recall", "f1", "schemaValidRate"]) {
      expect(metricNumber(metrics[key] ?? null), key).toBe(1);
    }
  });

  it("an invalid create_canvas call does not count as opening a canvas, and lowers the schema-valid rate", () => {
    const verdict = gradeTrigger(
      canvasCase,
      makeTrace({ toolCalls: [call("create_canvas", { valid: false, applied: false })] }),
    );
    expect(verdict).toMatchObject({ predicted: "chat", pass: false });
    expect(metricNumber(triggerMetrics([verdict]).schemaValidRate ?? null)).toBe(0);
  });

  it("over- and under-triggering show up separately in the rates and the confusion counts", () => {
    const verdicts = [
      gradeTrigger(chatCase, makeTrace({ toolCalls: [call("create_canvas")] })),
      gradeTrigger(chatCase, makeTrace()),
      gradeTrigger(canvasCase, makeTrace({ toolCalls: [call("create_canvas")] })),
      gradeTrigger(canvasCase, makeTrace({ toolCalls: [call("create_canvas")] })),
    ];
    const metrics = triggerMetrics(verdicts);
    expect(metricNumber(metrics.triggerRate ?? null)).toBe(1);
    expect(metricNumber(metrics.noTriggerRate ?? null)).toBe(0.5);
    expect(metricNumber(metrics.precision ?? null)).toBeCloseTo(2 / 3);
    expect(metrics).toMatchObject({ truePositives: 2, falsePositives: 1, trueNegatives: 1, falseNegatives: 0 });
  });
});

describe("edit grader", () => {
  it("a correct targeted edit passes mode, checks and locality", async () => {
    const item = await editCase("edit-memo-3"); // Change Tuesdays to Wednesdays.
    const before = item.canvas.content;
    const verdict = gradeEdit(
      item,
      makeTrace({
        canvasBefore: before,
        canvasAfter: before.replace("Tuesdays", "Wednesdays"),
        toolCalls: [call("edit_canvas")],
      }),
    );
    expect(verdict).toMatchObject({
      mode: "targeted",
      modeCorrect: true,
      applied: true,
      checksPass: true,
      local: true,
      pass: true,
    });
    const metrics = editMetrics([verdict]);
    for (const key of ["passRate", "modeAccuracy", "applyRate", "checksPassRate", "localityRate"])
      expect(metricNumber(metrics[key] ?? null), key).toBe(1);
  });

  it("the same change made with a rewrite fails on mode only", async () => {
    const item = await editCase("edit-memo-3");
    const before = item.canvas.content;
    const verdict = gradeEdit(
      item,
      makeTrace({
        canvasBefore: before,
        canvasAfter: before.replace("Tuesdays", "Wednesdays"),
        toolCalls: [call("rewrite_canvas")],
      }),
    );
    expect(verdict).toMatchObject({ mode: "rewrite", modeCorrect: false, checksPass: true, pass: false });
  });

  it("an over-broad edit that also rewords an unrelated paragraph fails locality and the untouched-passage check", async () => {
    const item = await editCase("edit-memo-3");
    const before = item.canvas.content;
    const after = before
      .replace("Tuesdays", "Wednesdays")
      .replace(
        "The reason is simple: collaboration has suffered.",
        "Why? Because working together has become harder than it used to be.",
      );
    const verdict = gradeEdit(
      item,
      makeTrace({ canvasBefore: before, canvasAfter: after, toolCalls: [call("edit_canvas")] }),
    );
    expect(verdict.local).toBe(false);
    expect(verdict.outsideChars).toBeGreaterThan(30);
    expect(verdict.failures.map((failure) => failure.check)).toContain("unchanged");
    expect(verdict.pass).toBe(false);
  });

  it("a refused edit leaves mode none: attempted but not applied, and the checks fail on the unchanged canvas", async () => {
    const item = await editCase("edit-py-cart-1"); // Fix the off-by-one error in subtotal.
    const before = item.canvas.content;
    const verdict = gradeEdit(
      item,
      makeTrace({
        canvasBefore: before,
        canvasAfter: before,
        toolCalls: [call("edit_canvas", { applied: false, error: "not found" })],
      }),
    );
    expect(verdict).toMatchObject({ mode: "none", attempted: true, applied: false, checksPass: false });
    expect(metricNumber(editMetrics([verdict]).applyRate ?? null)).toBe(0);
  });

  it("a change larger than maxChangedRatio fails the size check", async () => {
    const item = await editCase("edit-py-cart-1");
    const before = item.canvas.content;
    const reprinted = before
      .split("\n")
      .map((line) => `${line}  # reviewed`)
      .join("\n");
    const after = reprinted.replace("range(len(items) + 1)", "range(len(items))");
    const verdict = gradeEdit(
      item,
      makeTrace({ canvasBefore: before, canvasAfter: after, toolCalls: [call("edit_canvas")] }),
    );
    expect(verdict.failures.map((failure) => failure.check)).toContain("maxChangedRatio");
  });

  it("doing nothing fails the checks of every committed case that asks for text to go", async () => {
    const result = await loadDataset("edit", DEFAULT_DATA.edit);
    if (!result.ok) throw new Error(result.message);
    const withRemovals = result.cases.filter((item) => item.expect.mustNotContain?.length);
    expect(withRemovals.length).toBeGreaterThan(80);
    for (const item of withRemovals) {
      const verdict = gradeEdit(
        item,
        makeTrace({ canvasBefore: item.canvas.content, canvasAfter: item.canvas.content }),
      );
      expect(verdict.checksPass, item.id).toBe(false);
    }
  });

  it("the targeted/rewrite token ratio compares applied targeted edits with applied rewrites", async () => {
    const item = await editCase("edit-memo-3");
    const before = item.canvas.content;
    const after = before.replace("Tuesdays", "Wednesdays");
    const targeted = gradeEdit(
      item,
      makeTrace({ canvasBefore: before, canvasAfter: after, toolCalls: [call("edit_canvas")], outputTokens: 20 }),
    );
    const rewrite = gradeEdit(
      item,
      makeTrace({ canvasBefore: before, canvasAfter: after, toolCalls: [call("rewrite_canvas")], outputTokens: 200 }),
    );
    expect(editMetrics([targeted, rewrite]).targetedRewriteTokenRatio).toBeCloseTo(0.1);
  });
});
