// Comment grader: did the review land on the planted defects, and only there? A planted issue is found
// when some comment's resolved range [start, end) in the canvas after the turn overlaps the span of the
// issue's quote. A comment that overlaps no planted issue is a false alarm (on a clean canvas, every
// comment is). Comments whose anchor no longer resolves cannot overlap anything.
import type { CommentCase, PlantedIssue } from "../dataset.ts";
import type { CommentTrace, TurnTrace } from "../../server/agent/types.ts";
import { occurrences, type Span } from "./changes.ts";
import { rate, type Metrics } from "./metric.ts";

export interface IssueResult {
  quote: string;
  kind: PlantedIssue["kind"];
  severity: PlantedIssue["severity"];
  found: boolean;
}

export interface CommentVerdict {
  clean: boolean;
  issues: IssueResult[];
  comments: number;
  /** Comments overlapping at least one planted issue. */
  onTarget: number;
  falseAlarms: number;
  resolved: number;
  /** Comments whose range overlaps an earlier comment's range in the same turn. */
  duplicates: number;
  /** The comment_canvas call was refused (e.g. a quote not in the canvas). */
  refused: boolean;
  pass: boolean;
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

function rangeOf(comment: CommentTrace): Span | null {
  return comment.resolvedText !== null && comment.start >= 0 && comment.end > comment.start
    ? { start: comment.start, end: comment.end }
    : null;
}

export function gradeComment(item: CommentCase, trace: TurnTrace): CommentVerdict {
  const text = trace.canvasAfter ?? item.canvas.content;
  const issueSpans = item.issues.map((issue) => occurrences(text, issue.quote));
  const ranges = trace.comments.map(rangeOf);
  const hits = (range: Span | null, spans: Span[]): boolean =>
    range !== null && spans.some((span) => overlaps(range, span));

  const issues: IssueResult[] = item.issues.map((issue, index) => ({
    quote: issue.quote,
    kind: issue.kind,
    severity: issue.severity,
    found: ranges.some((range) => hits(range, issueSpans[index]!)),
  }));
  const onTarget = ranges.filter((range) => issueSpans.some((spans) => hits(range, spans))).length;
  let duplicates = 0;
  ranges.forEach((range, index) => {
    if (range && ranges.slice(0, index).some((earlier) => earlier !== null && overlaps(earlier, range))) duplicates++;
  });
  const comments = trace.comments.length;
  const falseAlarms = comments - onTarget;
  return {
    clean: item.issues.length === 0,
    issues,
    comments,
    onTarget,
    falseAlarms,
    resolved: trace.comments.filter((comment) => comment.resolvedText !== null).length,
    duplicates,
    refused: trace.toolCalls.some((call) => call.name === "comment_canvas" && !call.applied),
    pass: issues.every((issue) => issue.found) && falseAlarms === 0,
  };
}

/**
 * recall (planted issues found), recall by severity and by kind, precision (comments on a planted issue
 * / all comments), falseAlarmsPerCleanDoc, anchorResolveRate, duplicateRate, commentsPerCase.
 */
export function commentMetrics(verdicts: readonly CommentVerdict[]): Metrics {
  const issues = verdicts.flatMap((v) => v.issues);
  const recallWhere = (keep: (issue: IssueResult) => boolean): Metrics[string] => {
    const subset = issues.filter(keep);
    return subset.length ? rate(subset.filter((issue) => issue.found).length, subset.length) : null;
  };
  const comments = verdicts.reduce((sum, v) => sum + v.comments, 0);
  const clean = verdicts.filter((v) => v.clean);
  const metrics: Metrics = {
    recall: rate(issues.filter((issue) => issue.found).length, issues.length),
    precision: comments
      ? rate(
          verdicts.reduce((sum, v) => sum + v.onTarget, 0),
          comments,
        )
      : null,
    falseAlarmsPerCleanDoc: clean.length ? clean.reduce((sum, v) => sum + v.comments, 0) / clean.length : null,
    cleanDocsWithoutComments: clean.length ? rate(clean.filter((v) => v.comments === 0).length, clean.length) : null,
    anchorResolveRate: comments
      ? rate(
          verdicts.reduce((sum, v) => sum + v.resolved, 0),
          comments,
        )
      : null,
    duplicateRate: comments
      ? rate(
          verdicts.reduce((sum, v) => sum + v.duplicates, 0),
          comments,
        )
      : null,
    refusedCallRate: rate(verdicts.filter((v) => v.refused).length, verdicts.length),
    commentsPerCase: verdicts.length ? comments / verdicts.length : null,
    passRate: rate(verdicts.filter((v) => v.pass).length, verdicts.length),
  };
  for (const severity of ["issue", "suggestion", "info"] as const)
    metrics[`recall.${severity}`] = recallWhere((issue) => issue.severity === severity);
  for (const kind of ["factual", "logic", "grammar", "style", "bug", "security", "performance"] as const) {
    metrics[`recall.${kind}`] = recallWhere((issue) => issue.kind === kind);
  }
  return metrics;
}
