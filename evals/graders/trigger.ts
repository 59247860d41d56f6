// Trigger grader: did the turn open a canvas when it should, and only then? Predicted "canvas" means
// a create_canvas call was made with valid arguments (whether the engine then applied it is the edit
// engine's business, not the decision's). Over- and under-triggering are reported separately
// (PRODUCT.md: "measure both rates separately").
import type { TriggerCase } from "../dataset.ts";
import type { TurnTrace } from "../../server/agent/types.ts";
import { rate, type Metrics } from "./metric.ts";
import { usageMetrics, usageOf, type CaseUsage } from "./usage.ts";

export type TriggerLabel = "canvas" | "chat";

export interface TriggerVerdict {
  expected: TriggerLabel;
  predicted: TriggerLabel;
  pass: boolean;
  /** Tool calls made during the turn, by name, in order. */
  toolNames: string[];
  toolCalls: number;
  validToolCalls: number;
  error: string | null;
  usage: CaseUsage;
}

export function gradeTrigger(item: TriggerCase, trace: TurnTrace, usage: CaseUsage = usageOf(trace)): TriggerVerdict {
  const opened = trace.toolCalls.some((call) => call.name === "create_canvas" && call.valid);
  const predicted: TriggerLabel = opened ? "canvas" : "chat";
  return {
    expected: item.expect,
    predicted,
    pass: predicted === item.expect,
    toolNames: trace.toolCalls.map((call) => call.name),
    toolCalls: trace.toolCalls.length,
    validToolCalls: trace.toolCalls.filter((call) => call.valid).length,
    error: trace.error,
    usage,
  };
}

/**
 * accuracy; triggerRate = canvas cases that opened a canvas (recall); noTriggerRate = chat cases that
 * stayed in chat; precision/recall/F1 with "canvas" as the positive class; confusion counts;
 * schemaValidRate over all tool calls made; score = balanced accuracy; usage.
 */
export function triggerMetrics(verdicts: readonly TriggerVerdict[]): Metrics {
  const count = (expected: TriggerLabel, predicted: TriggerLabel): number =>
    verdicts.filter((v) => v.expected === expected && v.predicted === predicted).length;
  const tp = count("canvas", "canvas");
  const fn = count("canvas", "chat");
  const fp = count("chat", "canvas");
  const tn = count("chat", "chat");
  const precision = tp + fp ? tp / (tp + fp) : null;
  const recall = tp + fn ? tp / (tp + fn) : null;
  const f1 =
    precision !== null && recall !== null && precision + recall > 0
      ? (2 * precision * recall) / (precision + recall)
      : null;
  const calls = verdicts.reduce((sum, v) => sum + v.toolCalls, 0);
  const valid = verdicts.reduce((sum, v) => sum + v.validToolCalls, 0);
  // Balanced accuracy: the mean of both rates, so "always canvas" or "never canvas" scores 0.5 whatever
  // the label mix; the headline score of the suite.
  const balanced = tp + fn && tn + fp ? (tp / (tp + fn) + tn / (tn + fp)) / 2 : null;
  return {
    score: balanced,
    accuracy: rate(tp + tn, verdicts.length),
    triggerRate: rate(tp, tp + fn),
    noTriggerRate: rate(tn, tn + fp),
    precision: tp + fp ? rate(tp, tp + fp) : null,
    recall: tp + fn ? rate(tp, tp + fn) : null,
    f1,
    schemaValidRate: rate(valid, calls),
    truePositives: tp,
    falsePositives: fp,
    trueNegatives: tn,
    falseNegatives: fn,
    errors: verdicts.filter((v) => v.error !== null).length,
    ...usageMetrics(verdicts.map((v) => v.usage)),
  };
}
