// What a case cost: tokens in and out, wall time, and money when the model's price is known
// (evals/prices.ts). Every suite reports the same usage metrics, so a cheaper prompt or model shows up
// next to its quality figures.
import type { TurnTrace } from "../../server/agent/types.ts";
import { percentile, type Metrics } from "./metric.ts";

export interface CaseUsage {
  /** Prompt tokens over every request of the turn (reported by the provider, else estimated as chars/4). */
  inputTokens: number;
  /** Completion tokens (reported, else chars/4). */
  outputTokens: number;
  /** Wall time of the turn. */
  latencyMs: number;
  /** US dollars; null when the model's price is unknown. */
  costUsd: number | null;
  /** Requests made to the engine (every step and retry). */
  calls: number;
  /** Tool calls the turn took (reads and searches on a long canvas, changes, refused calls). */
  steps: number;
}

/** Tokens of a text a provider did not count for us: characters / 4, the estimate the agent uses too. */
export { estimateTokens } from "../../server/agent/budget.ts";

/** Usage as the trace alone knows it (no meter): output tokens and wall time; input unknown (0). */
export function usageOf(trace: TurnTrace): CaseUsage {
  return {
    inputTokens: 0,
    outputTokens: trace.outputTokens,
    latencyMs: trace.latencyMs,
    costUsd: null,
    calls: 0,
    steps: trace.steps,
  };
}

const mean = (values: number[]): number | null =>
  values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null;

/** inputTokensPerCase, outputTokensPerCase, latencyMsMean, latencyMsP95, costUsdPerCase, costUsdTotal. */
export function usageMetrics(usages: readonly CaseUsage[]): Metrics {
  const latencies = usages.map((usage) => usage.latencyMs);
  const priced = usages.every((usage) => usage.costUsd !== null);
  const cost = priced ? usages.reduce((sum, usage) => sum + (usage.costUsd ?? 0), 0) : null;
  return {
    inputTokensPerCase: mean(usages.map((usage) => usage.inputTokens)),
    outputTokensPerCase: mean(usages.map((usage) => usage.outputTokens)),
    latencyMsMean: mean(latencies),
    latencyMsP95: percentile(latencies, 95),
    costUsdPerCase: cost !== null && usages.length ? cost / usages.length : null,
    costUsdTotal: cost,
  };
}
