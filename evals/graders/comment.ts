// Comment grader: did the review land on the planted defects, say what they are, and nothing else?
// A comment finds a planted issue only when all of these hold (see matchIssue):
//   - its resolved range overlaps more than half of the issue's quote;
//   - its range is tight: at most max(2 × the issue's quote, the sentence(s) holding the issue), so a
//     comment on a paragraph or the whole canvas finds nothing;
//   - its severity agrees: at most one step from the planted one (info < suggestion < issue);
//   - when the case lists keywords for the issue, the comment's text or suggestion names one of them
//     as a whole word (words of the quote itself never count: echoing the quote names nothing), and
//     does not name defects of three or more kinds at once (a comment listing every kind of problem
//     names none of them).
// Each issue is found at most once; every other comment (off target, loose, or a repeat of a found
// issue) counts against precision. On a clean canvas every comment is a false alarm.
import type { CommentCase, PlantedIssue } from "../dataset.ts";
import type { CommentTrace, TurnTrace } from "../../server/agent/types.ts";
import { occurrences, type Span } from "./changes.ts";
import { keywordsIn, unspecific } from "./keywords.ts";
import { rate, type Metrics } from "./metric.ts";
import { enclosingSentences, sentenceSpans } from "./sentences.ts";
import { usageMetrics, usageOf, type CaseUsage } from "./usage.ts";

export interface IssueResult {
  quote: string;
  kind: PlantedIssue["kind"];
  severity: PlantedIssue["severity"];
  found: boolean;
  /** Why the best comment that overlapped this issue did not count (null when found or never touched). */
  miss: string | null;
}

export interface CommentVerdict {
  clean: boolean;
  issues: IssueResult[];
  comments: number;
  /** Comments that found a planted issue (each issue counted once). */
  onTarget: number;
  /** Comments that are not a find: off target, loose, or repeating a found issue. */
  falseAlarms: number;
  /** Comments that overlapped a planted issue but failed tightness, severity or keywords. */
  loose: number;
  resolved: number;
  /** Comments whose range overlaps an earlier comment's range in the same turn. */
  duplicates: number;
  /** The comment_canvas call was refused (e.g. a quote not in the canvas). */
  refused: boolean;
  usage: CaseUsage;
  pass: boolean;
}

/** The share of the issue a comment must cover. */
export const MIN_ISSUE_OVERLAP = 0.5;
/** A comment may be this many times longer than the issue's quote (or one sentence, if longer). */
export const MAX_SPAN_FACTOR = 2;

const overlap = (a: Span, b: Span): number => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

function rangeOf(comment: CommentTrace): Span | null {
  return comment.resolvedText !== null && comment.start >= 0 && comment.end > comment.start
    ? { start: comment.start, end: comment.end }
    : null;
}

const SEVERITY_RANK: Record<string, number> = { info: 0, suggestion: 1, issue: 2 };

/**
 * Severities agree when they are at most one step apart (info < suggestion < issue): a typo flagged as an
 * issue or as a suggestion is fine, a factual error called "info" or a stylistic nit called an "issue" is not.
 */
export function severityAgrees(planted: PlantedIssue["severity"], given: string): boolean {
  const rank = SEVERITY_RANK[given];
  return rank !== undefined && Math.abs(rank - SEVERITY_RANK[planted]!) <= 1;
}

interface Target {
  issue: PlantedIssue;
  spans: { span: Span; limit: number }[];
}

type Match = { ok: true } | { ok: false; touched: boolean; reason: string };

function matchIssue(target: Target, range: Span, comment: CommentTrace): Match {
  const touching = target.spans.filter(({ span }) => overlap(range, span) > 0);
  if (!touching.length) return { ok: false, touched: false, reason: "" };
  const covering = touching.find(({ span }) => overlap(range, span) > MIN_ISSUE_OVERLAP * (span.end - span.start));
  if (!covering) return { ok: false, touched: true, reason: "quote covers less than half of the issue" };
  const length = range.end - range.start;
  if (length > covering.limit)
    return { ok: false, touched: true, reason: `quote too wide (${length} chars, limit ${covering.limit})` };
  if (!severityAgrees(target.issue.severity, comment.severity))
    return { ok: false, touched: true, reason: `severity ${comment.severity}, expected ${target.issue.severity}` };
  const keywords = target.issue.keywords ?? [];
  const said = `${comment.comment}\n${comment.suggestion ?? ""}`;
  if (keywords.length && !keywordsIn(said, keywords).length)
    return { ok: false, touched: true, reason: "the comment does not name the defect (no keyword)" };
  if (keywords.length && unspecific(said))
    return { ok: false, touched: true, reason: "the comment names every kind of defect, so it names none" };
  return { ok: true };
}

export function gradeComment(item: CommentCase, trace: TurnTrace, usage: CaseUsage = usageOf(trace)): CommentVerdict {
  const text = trace.canvasAfter ?? item.canvas.content;
  const sentences = sentenceSpans(text, item.canvas.kind);
  const targets: Target[] = item.issues.map((issue) => ({
    issue,
    spans: occurrences(text, issue.quote).map((span) => {
      const sentence = enclosingSentences(sentences, span);
      return { span, limit: Math.max(MAX_SPAN_FACTOR * (span.end - span.start), sentence.end - sentence.start) };
    }),
  }));
  const found = targets.map(() => false);
  const misses: (string | null)[] = targets.map(() => null);
  let onTarget = 0;
  let loose = 0;
  const ranges = trace.comments.map(rangeOf);
  trace.comments.forEach((comment, index) => {
    const range = ranges[index];
    if (!range) return;
    let claim = -1;
    let matched = false;
    let touched = false;
    targets.forEach((target, at) => {
      const match = matchIssue(target, range, comment);
      if (match.ok) {
        matched = true;
        if (!found[at] && claim < 0) claim = at;
      } else if (match.touched) {
        touched = true;
        misses[at] ??= match.reason;
      }
    });
    if (claim >= 0) {
      found[claim] = true;
      onTarget++;
    } else if (touched && !matched) loose++;
  });
  let duplicates = 0;
  ranges.forEach((range, index) => {
    if (range && ranges.slice(0, index).some((earlier) => earlier !== null && overlap(earlier, range) > 0))
      duplicates++;
  });
  const comments = trace.comments.length;
  const issues: IssueResult[] = targets.map((target, index) => ({
    quote: target.issue.quote,
    kind: target.issue.kind,
    severity: target.issue.severity,
    found: found[index]!,
    miss: found[index] ? null : misses[index]!,
  }));
  return {
    clean: item.issues.length === 0,
    issues,
    comments,
    onTarget,
    falseAlarms: comments - onTarget,
    loose,
    resolved: trace.comments.filter((comment) => comment.resolvedText !== null).length,
    duplicates,
    refused: trace.toolCalls.some((call) => call.name === "comment_canvas" && !call.applied),
    usage,
    pass: issues.every((issue) => issue.found) && onTarget === comments,
  };
}

/** F-beta with beta = 0.5: precision weighs twice as much as recall ("few strong comments beat many weak ones"). */
export function fHalf(precision: number | null, recall: number | null): number | null {
  if (precision === null || recall === null) return precision === null && recall !== null ? 0 : null;
  const beta2 = 0.25;
  const denominator = beta2 * precision + recall;
  return denominator > 0 ? ((1 + beta2) * precision * recall) / denominator : 0;
}

/**
 * recall (planted issues found), recall by severity and by kind, precision (finds / all comments),
 * score (F0.5 of the two), falseAlarmsPerCleanDoc, looseRate, anchorResolveRate, duplicateRate, commentsPerCase.
 */
export function commentMetrics(verdicts: readonly CommentVerdict[]): Metrics {
  const issues = verdicts.flatMap((v) => v.issues);
  const recallWhere = (keep: (issue: IssueResult) => boolean): Metrics[string] => {
    const subset = issues.filter(keep);
    return subset.length ? rate(subset.filter((issue) => issue.found).length, subset.length) : null;
  };
  const comments = verdicts.reduce((sum, v) => sum + v.comments, 0);
  const onTarget = verdicts.reduce((sum, v) => sum + v.onTarget, 0);
  const clean = verdicts.filter((v) => v.clean);
  const sumOf = (pick: (v: CommentVerdict) => number): number => verdicts.reduce((sum, v) => sum + pick(v), 0);
  const found = issues.filter((issue) => issue.found).length;
  const metrics: Metrics = {
    score: fHalf(comments ? onTarget / comments : null, issues.length ? found / issues.length : null),
    recall: rate(found, issues.length),
    precision: comments ? rate(onTarget, comments) : null,
    falseAlarmsPerCleanDoc: clean.length ? clean.reduce((sum, v) => sum + v.comments, 0) / clean.length : null,
    cleanDocsWithoutComments: clean.length ? rate(clean.filter((v) => v.comments === 0).length, clean.length) : null,
    looseRate: comments
      ? rate(
          sumOf((v) => v.loose),
          comments,
        )
      : null,
    anchorResolveRate: comments
      ? rate(
          sumOf((v) => v.resolved),
          comments,
        )
      : null,
    duplicateRate: comments
      ? rate(
          sumOf((v) => v.duplicates),
          comments,
        )
      : null,
    refusedCallRate: rate(verdicts.filter((v) => v.refused).length, verdicts.length),
    commentsPerCase: verdicts.length ? comments / verdicts.length : null,
    passRate: rate(verdicts.filter((v) => v.pass).length, verdicts.length),
    ...usageMetrics(verdicts.map((v) => v.usage)),
  };
  for (const severity of ["issue", "suggestion", "info"] as const)
    metrics[`recall.${severity}`] = recallWhere((issue) => issue.severity === severity);
  for (const kind of ["factual", "logic", "grammar", "style", "bug", "security", "performance"] as const) {
    metrics[`recall.${kind}`] = recallWhere((issue) => issue.kind === kind);
  }
  return metrics;
}
