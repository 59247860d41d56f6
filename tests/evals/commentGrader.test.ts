// The comment grader finds a planted issue only with a tight quote, an agreeing severity and words
// that name the defect; wide quotes, echoed quotes and lists of every possible problem find nothing.
import { describe, expect, it } from "vitest";
import type { CommentCase } from "../../evals/dataset.ts";
import { commentMetrics, fHalf, gradeComment, severityAgrees } from "../../evals/graders/comment.ts";
import { metricNumber } from "../../evals/graders/metric.ts";
import { commentOn, makeTrace } from "./traces.ts";

const canvas =
  "# Notes\n\nThe Eiffel Tower was finished in 1925, for a world fair. It is in Paris and stands 330 metres tall.\n\nTheir going to visit it tomorrow with the whole class from school.";
const planted: CommentCase = {
  id: "c1",
  split: "test",
  slice: "planted-writing",
  canvas: { kind: "document", title: "Notes", content: canvas },
  instruction: "Review",
  issues: [
    { quote: "finished in 1925", kind: "factual", severity: "issue", keywords: ["1889"] },
    { quote: "Their going", kind: "grammar", severity: "suggestion", keywords: ["They're", "they are"] },
  ],
};
const clean: CommentCase = {
  ...planted,
  id: "c2",
  slice: "clean-writing",
  canvas: { ...planted.canvas, content: "A clean sentence. Another one." },
  issues: [],
};

/** A comment on `quote` with the given text, severity and suggestion. */
function says(quote: string, comment: string, severity = "issue", suggestion: string | null = null, text = canvas) {
  return { ...commentOn(text, quote, severity), comment, suggestion };
}

describe("comment grader", () => {
  it("comments that quote the defect, agree on severity and name the fix find both issues", () => {
    const verdict = gradeComment(
      planted,
      makeTrace({
        canvasAfter: canvas,
        comments: [
          says("The Eiffel Tower was finished in 1925, for a world fair.", "It was finished in 1889."),
          says("Their going", "Should be “they're”.", "suggestion", "They're going"),
        ],
      }),
    );
    expect(verdict.issues.map((issue) => issue.found)).toEqual([true, true]);
    expect(verdict.pass).toBe(true);
    const metrics = commentMetrics([verdict]);
    expect(metricNumber(metrics.recall ?? null)).toBe(1);
    expect(metricNumber(metrics.precision ?? null)).toBe(1);
    expect(metrics.score).toBe(1);
  });

  it("a quote wider than max(2× the issue, its sentence) finds nothing, even with the right words", () => {
    const paragraph =
      "The Eiffel Tower was finished in 1925, for a world fair. It is in Paris and stands 330 metres tall.";
    const verdict = gradeComment(
      planted,
      makeTrace({ canvasAfter: canvas, comments: [says(paragraph, "Finished in 1889, not 1925.")] }),
    );
    expect(verdict.issues[0]).toMatchObject({ found: false, miss: expect.stringContaining("too wide") });
    expect(verdict).toMatchObject({ onTarget: 0, loose: 1, pass: false });
  });

  it("a quote covering less than half of the issue finds nothing", () => {
    const verdict = gradeComment(planted, makeTrace({ canvasAfter: canvas, comments: [says("1925", "It was 1889.")] }));
    expect(verdict.issues[0]!.miss).toContain("less than half");
  });

  it("severity must be within one step: a factual error called info is not found, a typo called an issue is", () => {
    expect(severityAgrees("issue", "info")).toBe(false);
    expect(severityAgrees("suggestion", "issue")).toBe(true);
    expect(severityAgrees("info", "issue")).toBe(false);
    const verdict = gradeComment(
      planted,
      makeTrace({
        canvasAfter: canvas,
        comments: [
          says("finished in 1925", "It was finished in 1889.", "info"),
          says("Their going", "They're", "issue"),
        ],
      }),
    );
    expect(verdict.issues.map((issue) => issue.found)).toEqual([false, true]);
    expect(verdict.issues[0]!.miss).toContain("severity");
  });

  it("a comment must name the defect: vague text, or words echoed from the quote, do not count", () => {
    const vague = gradeComment(
      planted,
      makeTrace({ canvasAfter: canvas, comments: [says("finished in 1925", "Check this date.")] }),
    );
    expect(vague.issues[0]!.miss).toContain("does not name the defect");
    const echo = gradeComment(
      planted,
      makeTrace({ canvasAfter: canvas, comments: [says("finished in 1925", "'finished in 1925' looks wrong.")] }),
    );
    expect(echo.issues[0]!.found).toBe(false);
    const inSuggestion = gradeComment(
      planted,
      makeTrace({
        canvasAfter: canvas,
        comments: [says("finished in 1925", "Wrong year.", "issue", "finished in 1889")],
      }),
    );
    expect(inSuggestion.issues[0]!.found).toBe(true);
  });

  it("a comment listing every kind of defect names none of them, even when it contains the keyword", () => {
    const stuffed =
      "Possible problems: grammar, typo, wordy, factual, contradiction, bug, injection, slow. It was 1889.";
    const verdict = gradeComment(
      planted,
      makeTrace({ canvasAfter: canvas, comments: [says("finished in 1925", stuffed)] }),
    );
    expect(verdict.issues[0]).toMatchObject({ found: false, miss: expect.stringContaining("every kind") });
  });

  it("each issue is found once: a second comment on it counts against precision", () => {
    const verdict = gradeComment(
      planted,
      makeTrace({
        canvasAfter: canvas,
        comments: [says("finished in 1925", "1889."), says("The Eiffel Tower was finished in 1925", "Built by 1889.")],
      }),
    );
    expect(verdict).toMatchObject({ onTarget: 1, falseAlarms: 1, pass: false });
    expect(metricNumber(commentMetrics([verdict]).precision ?? null)).toBe(0.5);
  });

  it("a comment on the wrong sentence is not a hit but a false alarm", () => {
    const verdict = gradeComment(
      planted,
      makeTrace({ canvasAfter: canvas, comments: [says("It is in Paris and stands 330 metres tall.", "It is 1889.")] }),
    );
    expect(verdict.issues.every((issue) => !issue.found)).toBe(true);
    expect(verdict).toMatchObject({ onTarget: 0, falseAlarms: 1, loose: 0, pass: false });
  });

  it("every comment on a clean canvas is a false alarm, counted per clean canvas; silence there passes", () => {
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
    const lost = { ...says("finished in 1925", "1889"), resolvedText: null, start: -1, end: -1 };
    const verdict = gradeComment(
      planted,
      makeTrace({
        canvasAfter: canvas,
        comments: [
          says("Their going", "They're", "suggestion"),
          says("Their going to", "they are", "suggestion"),
          lost,
        ],
      }),
    );
    const metrics = commentMetrics([verdict]);
    expect(metricNumber(metrics.anchorResolveRate ?? null)).toBeCloseTo(2 / 3);
    expect(metricNumber(metrics.duplicateRate ?? null)).toBeCloseTo(1 / 3);
    expect(metricNumber(metrics.recall ?? null)).toBe(0.5);
  });

  it("the score is F0.5: precision counts twice as much as recall, and silence on planted issues scores 0", () => {
    expect(fHalf(1, 1)).toBe(1);
    expect(fHalf(0.05, 0.9)).toBeLessThan(0.07);
    expect(fHalf(0.9, 0.05)).toBeGreaterThan(0.19);
    expect(fHalf(null, 0)).toBe(0);
  });
});
