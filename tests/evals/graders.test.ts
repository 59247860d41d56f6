import { describe, expect, it } from "vitest";
import { DEFAULT_DATA, loadDataset, type CommentCase, type EditCase, type TriggerCase } from "../../evals/dataset.ts";
import { commentMetrics, gradeComment } from "../../evals/graders/comment.ts";
import { editMetrics, gradeEdit } from "../../evals/graders/edit.ts";
import { metricNumber } from "../../evals/graders/metric.ts";
import { gradeTrigger, triggerMetrics } from "../../evals/graders/trigger.ts";
import { call, commentOn, makeTrace } from "./traces.ts";

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

describe("comment grader", () => {
  const canvas =
    "# Notes\n\nThe Eiffel Tower was finished in 1925. It is in Paris.\n\nTheir going to visit it tomorrow.";
  const planted: CommentCase = {
    id: "c1",
    split: "test",
    slice: "planted-writing",
    canvas: { kind: "document", title: "Notes", content: canvas },
    instruction: "Review",
    issues: [
      { quote: "The Eiffel Tower was finished in 1925.", kind: "factual", severity: "issue" },
      { quote: "Their going", kind: "grammar", severity: "suggestion" },
    ],
  };
  const clean: CommentCase = {
    ...planted,
    id: "c2",
    slice: "clean-writing",
    canvas: { ...planted.canvas, content: "A clean sentence. Another one." },
    issues: [],
  };

  it("comments on both planted issues give recall and precision 1", () => {
    const verdict = gradeComment(
      planted,
      makeTrace({
        canvasAfter: canvas,
        comments: [commentOn(canvas, "finished in 1925"), commentOn(canvas, "Their going to visit")],
      }),
    );
    expect(verdict.pass).toBe(true);
    const metrics = commentMetrics([verdict]);
    expect(metricNumber(metrics.recall ?? null)).toBe(1);
    expect(metricNumber(metrics.precision ?? null)).toBe(1);
    expect(metricNumber(metrics["recall.issue"] ?? null)).toBe(1);
    expect(metricNumber(metrics["recall.grammar"] ?? null)).toBe(1);
  });

  it("a comment on the wrong sentence is not a hit but a false alarm", () => {
    const verdict = gradeComment(
      planted,
      makeTrace({ canvasAfter: canvas, comments: [commentOn(canvas, "It is in Paris.")] }),
    );
    expect(verdict.issues.every((issue) => !issue.found)).toBe(true);
    expect(verdict).toMatchObject({ onTarget: 0, falseAlarms: 1, pass: false });
    const metrics = commentMetrics([verdict]);
    expect(metricNumber(metrics.recall ?? null)).toBe(0);
    expect(metricNumber(metrics.precision ?? null)).toBe(0);
  });

  it("every comment on a clean canvas is a false alarm, counted per clean canvas", () => {
    const text = clean.canvas.content;
    const noisy = gradeComment(
      clean,
      makeTrace({
        canvasAfter: text,
        comments: [commentOn(text, "A clean sentence."), commentOn(text, "Another one.")],
      }),
    );
    const quiet = gradeComment(clean, makeTrace({ canvasAfter: text }));
    expect(noisy.pass).toBe(false);
    expect(quiet.pass).toBe(true);
    const metrics = commentMetrics([noisy, quiet]);
    expect(metrics.falseAlarmsPerCleanDoc).toBe(1);
    expect(metricNumber(metrics.cleanDocsWithoutComments ?? null)).toBe(0.5);
  });

  it("lost anchors and overlapping comments lower the resolve rate and raise the duplicate rate", () => {
    const lost = { ...commentOn(canvas, "finished in 1925"), resolvedText: null, start: -1, end: -1 };
    const verdict = gradeComment(
      planted,
      makeTrace({
        canvasAfter: canvas,
        comments: [commentOn(canvas, "Their going"), commentOn(canvas, "Their going to"), lost],
      }),
    );
    const metrics = commentMetrics([verdict]);
    expect(metricNumber(metrics.anchorResolveRate ?? null)).toBeCloseTo(2 / 3);
    expect(metricNumber(metrics.duplicateRate ?? null)).toBeCloseTo(1 / 3);
    expect(metricNumber(metrics.recall ?? null)).toBe(0.5);
  });
});
