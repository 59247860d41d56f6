// The three suites in one table: how a case is graded, which metrics summarise it, which of them gate
// regressions (headline) and which are better when lower. The runner, the report and the compare gate
// all read this, so a metric's meaning cannot differ between them.
import type { Suite, SuiteCases } from "./dataset.ts";
import type { TurnTrace } from "../server/agent/types.ts";
import { commentMetrics, gradeComment, type CommentVerdict } from "./graders/comment.ts";
import { editMetrics, type EditVerdict } from "./graders/edit.ts";
import { gradeEditCase } from "./graders/editRun.ts";
import { gradeTrigger, triggerMetrics, type TriggerVerdict } from "./graders/trigger.ts";
import type { Metrics } from "./graders/metric.ts";
import { usageOf, type CaseUsage } from "./graders/usage.ts";

export interface SuiteVerdicts {
  trigger: TriggerVerdict;
  edit: EditVerdict;
  comment: CommentVerdict;
}
export type AnyVerdict = SuiteVerdicts[Suite];

export interface SuiteDefinition<S extends Suite> {
  grade(item: SuiteCases[S], trace: TurnTrace, usage: CaseUsage): SuiteVerdicts[S] | Promise<SuiteVerdicts[S]>;
  metrics(verdicts: readonly SuiteVerdicts[S][]): Metrics;
  /** Metrics the compare gate fails on (overall and per slice). `score` is the one number per suite. */
  headline: string[];
  /** Columns of the per-slice table. */
  sliceColumns: string[];
}

export const SUITE_DEFINITIONS: { [S in Suite]: SuiteDefinition<S> } = {
  trigger: {
    grade: gradeTrigger,
    metrics: triggerMetrics,
    headline: ["score", "accuracy", "triggerRate", "noTriggerRate"],
    sliceColumns: ["accuracy", "triggerRate", "noTriggerRate"],
  },
  edit: {
    grade: gradeEditCase,
    metrics: editMetrics,
    headline: ["score", "modeAccuracy", "applyRate", "checksPassRate", "localityRate"],
    sliceColumns: ["passRate", "modeAccuracy", "checksPassRate", "localityRate", "outputTokensPerCase"],
  },
  comment: {
    grade: gradeComment,
    metrics: commentMetrics,
    headline: ["score", "recall", "precision", "falseAlarmsPerCleanDoc"],
    sliceColumns: ["score", "recall", "precision", "falseAlarmsPerCleanDoc"],
  },
};

/** Metrics where a smaller number is the better one; everything else is better when higher. */
export const LOWER_IS_BETTER = new Set([
  "falseAlarmsPerCleanDoc",
  "duplicateRate",
  "looseRate",
  "refusedCallRate",
  "meanOutsideChars",
  "retriesPerCase",
  "inputTokensPerCase",
  "outputTokensPerCase",
  "targetedRewriteTokenRatio",
  "latencyMsMean",
  "latencyMsP95",
  "costUsdPerCase",
  "costUsdTotal",
  "falsePositives",
  "falseNegatives",
  "errors",
]);

/** Metrics that describe the run rather than its quality: reported, never judged better or worse. */
export const NEUTRAL = new Set(["truePositives", "trueNegatives", "commentsPerCase", "attemptRate"]);

export function gradeCase<S extends Suite>(
  suite: S,
  item: SuiteCases[S],
  trace: TurnTrace,
  usage: CaseUsage = usageOf(trace),
): Promise<SuiteVerdicts[S]> {
  return Promise.resolve(SUITE_DEFINITIONS[suite].grade(item, trace, usage));
}

export function suiteMetrics<S extends Suite>(suite: S, verdicts: readonly SuiteVerdicts[S][]): Metrics {
  return SUITE_DEFINITIONS[suite].metrics(verdicts);
}
