// Edit grader: did the turn change the canvas the way the instruction asked, with the right tool, and
// leave the rest alone? Mode is what the engine applied: an applied edit_canvas is "targeted", an
// applied rewrite_canvas "rewrite", anything else "none".
import type { EditCase } from "../dataset.ts";
import type { TurnTrace } from "../../server/agent/types.ts";
import { expandToBlocks, occurrences, summarizeChanges, type Span } from "./changes.ts";
import { meanOf, percentile, rate, type Metrics } from "./metric.ts";

export type EditMode = "targeted" | "rewrite" | "none";

export interface CheckFailure {
  check: "mustContain" | "mustNotContain" | "unchanged" | "maxChangedRatio" | "canvas";
  detail: string;
}

export interface EditVerdict {
  expectedMode: "targeted" | "rewrite";
  mode: EditMode;
  modeCorrect: boolean;
  /** An edit or rewrite call was made. */
  attempted: boolean;
  /** The edit engine applied one (possibly after retries). */
  applied: boolean;
  retries: number;
  checksPass: boolean;
  failures: CheckFailure[];
  changedChars: number;
  changedRatio: number;
  /** Changed characters outside the expected region; null when the case defines no region, expects a rewrite, or nothing was applied. */
  outsideChars: number | null;
  local: boolean | null;
  outputTokens: number;
  latencyMs: number;
  pass: boolean;
}

// Slack for the diff aligning a replaced passage's first or last characters with its neighbours.
const LOCALITY_SLACK_CHARS = 12;

/**
 * The region an instruction licenses changes in: the blocks that hold text that must go
 * (mustNotContain) and the selection. Null when the case names no such text (e.g. "add a section").
 */
export function expectedRegion(item: EditCase, before: string): Span[] | null {
  const spans = [...(item.expect.mustNotContain ?? []), ...(item.selection ? [item.selection] : [])].flatMap((text) =>
    occurrences(before, text),
  );
  return spans.length ? expandToBlocks(before, spans, item.canvas.kind) : null;
}

function modeOf(trace: TurnTrace): EditMode {
  const applied = trace.toolCalls.find(
    (call) => call.applied && (call.name === "edit_canvas" || call.name === "rewrite_canvas"),
  );
  if (!applied) return "none";
  return applied.name === "edit_canvas" ? "targeted" : "rewrite";
}

export function gradeEdit(item: EditCase, trace: TurnTrace): EditVerdict {
  const before = trace.canvasBefore ?? item.canvas.content;
  const after = trace.canvasAfter;
  const mode = modeOf(trace);
  const attempted = trace.toolCalls.some((call) => call.name === "edit_canvas" || call.name === "rewrite_canvas");
  const failures: CheckFailure[] = [];
  const region = expectedRegion(item, before);
  const changes = summarizeChanges(before, after ?? before, region ?? [], item.canvas.kind);

  if (after === null) {
    failures.push({ check: "canvas", detail: "the canvas is gone after the turn" });
  } else {
    for (const text of item.expect.mustContain ?? []) {
      if (!after.includes(text)) failures.push({ check: "mustContain", detail: `missing "${clip(text)}"` });
    }
    for (const text of item.expect.mustNotContain ?? []) {
      if (after.includes(text)) failures.push({ check: "mustNotContain", detail: `still contains "${clip(text)}"` });
    }
    for (const text of item.expect.unchanged ?? []) {
      if (!after.includes(text))
        failures.push({ check: "unchanged", detail: `passage changed or removed: "${clip(text)}"` });
    }
    const max = item.expect.maxChangedRatio;
    if (max !== undefined && changes.changedRatio > max) {
      failures.push({
        check: "maxChangedRatio",
        detail: `changed ${(changes.changedRatio * 100).toFixed(1)}% of the canvas (limit ${(max * 100).toFixed(0)}%)`,
      });
    }
  }

  // Locality is a property of a change that happened: a turn that changed nothing is not "local".
  const graded = item.expect.mode === "targeted" && region !== null && mode !== "none";
  const slack = Math.max(LOCALITY_SLACK_CHARS, Math.round(before.length * 0.002));
  const outsideChars = graded ? changes.outsideChars : null;
  const local = outsideChars === null ? null : outsideChars <= slack;
  const modeCorrect = mode === item.expect.mode;
  const checksPass = failures.length === 0;
  return {
    expectedMode: item.expect.mode,
    mode,
    modeCorrect,
    attempted,
    applied: mode !== "none",
    retries: trace.retries,
    checksPass,
    failures,
    changedChars: changes.changedChars,
    changedRatio: changes.changedRatio,
    outsideChars,
    local,
    outputTokens: trace.outputTokens,
    latencyMs: trace.latencyMs,
    pass: modeCorrect && checksPass && local !== false,
  };
}

/**
 * modeAccuracy; applyRate = applied / attempted (the engine accepted the call, incl. after retries);
 * attemptRate = cases with an edit or rewrite call; checksPassRate; localityRate over cases with a
 * region; output tokens, the targeted/rewrite token ratio (mean tokens of applied targeted edits over
 * mean tokens of applied rewrites) and latency.
 */
export function editMetrics(verdicts: readonly EditVerdict[]): Metrics {
  const attempted = verdicts.filter((v) => v.attempted);
  const withRegion = verdicts.filter((v) => v.local !== null);
  const tokens = (mode: EditMode): number | null =>
    meanOf(verdicts.filter((v) => v.mode === mode).map((v) => v.outputTokens));
  const targetedTokens = tokens("targeted");
  const rewriteTokens = tokens("rewrite");
  const latencies = verdicts.map((v) => v.latencyMs);
  return {
    passRate: rate(verdicts.filter((v) => v.pass).length, verdicts.length),
    modeAccuracy: rate(verdicts.filter((v) => v.modeCorrect).length, verdicts.length),
    attemptRate: rate(attempted.length, verdicts.length),
    applyRate: rate(attempted.filter((v) => v.applied).length, attempted.length),
    checksPassRate: rate(verdicts.filter((v) => v.checksPass).length, verdicts.length),
    localityRate: rate(withRegion.filter((v) => v.local).length, withRegion.length),
    meanOutsideChars: meanOf(withRegion.map((v) => v.outsideChars ?? 0)),
    targetedWhenExpected: rate(
      verdicts.filter((v) => v.expectedMode === "targeted" && v.mode === "targeted").length,
      verdicts.filter((v) => v.expectedMode === "targeted").length,
    ),
    rewriteWhenExpected: rate(
      verdicts.filter((v) => v.expectedMode === "rewrite" && v.mode === "rewrite").length,
      verdicts.filter((v) => v.expectedMode === "rewrite").length,
    ),
    retriesPerCase: meanOf(verdicts.map((v) => v.retries)),
    outputTokensPerCase: meanOf(verdicts.map((v) => v.outputTokens)),
    targetedRewriteTokenRatio: targetedTokens !== null && rewriteTokens ? targetedTokens / rewriteTokens : null,
    latencyMsMean: meanOf(latencies),
    latencyMsP95: percentile(latencies, 95),
  };
}

function clip(text: string): string {
  const flat = text.replace(/\n/g, "\\n");
  return flat.length > 70 ? `${flat.slice(0, 67)}…` : flat;
}
