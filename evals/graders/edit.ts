// Edit grader: did the turn change the canvas the way the instruction asked, with the right tool, and
// leave the rest alone? Mode is what the engine applied: an applied edit_canvas is "targeted", an
// applied rewrite_canvas "rewrite", anything else "none". Checks are on outcomes:
//   - text: mustContain / mustNotContain / unchanged passages / maxChangedRatio / entities that survive;
//     a rewrite must change at least MIN_REWRITE_CHANGE of the canvas;
//   - the region (the blocks the instruction is about: `target`, mustNotContain text, the selection):
//     a targeted edit must change it (not only its whitespace), leave it in place unless the task is a
//     deletion, change at least `minRegionChange` of its words, and change nothing outside it;
//   - the changed text (region for targeted edits, canvas for rewrites) is in `language` and its
//     length ratio is within `lengthRatio`;
//   - code: `run` executes a test against the canvas after the turn (editRun.ts).
import type { EditCase } from "../dataset.ts";
import type { TurnTrace } from "../../server/agent/types.ts";
import { expandToBlocks, occurrences, summarizeChanges, type RegionChange, type Span } from "./changes.ts";
import { detectLanguage } from "./language.ts";
import { rate, type Metrics } from "./metric.ts";
import { usageMetrics, usageOf, type CaseUsage } from "./usage.ts";

export type EditMode = "targeted" | "rewrite" | "none";

export type CheckName =
  | "mustContain"
  | "mustNotContain"
  | "unchanged"
  | "maxChangedRatio"
  | "rewriteChange"
  | "canvas"
  | "region"
  | "language"
  | "lengthRatio"
  | "entities"
  | "tests";

export interface CheckFailure {
  check: CheckName;
  detail: string;
}

export type TestStatus = "pass" | "fail" | "timeout" | "error" | "skipped";

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
  /** What happened to the region (targeted cases with one). */
  region: { changed: boolean; kept: boolean; wordShare: number } | null;
  /** Detected language of the changed text, when the case names one. */
  language: string | null;
  /** Words after / before of the changed text, when the case bounds it. */
  lengthRatio: number | null;
  /** The code test's result (null: the case has none; skipped: the case had already failed). */
  tests: TestStatus | null;
  testOutput: string | null;
  usage: CaseUsage;
  /** @deprecated kept for old reports: usage.outputTokens */
  outputTokens: number;
  /** @deprecated kept for old reports: usage.latencyMs */
  latencyMs: number;
  pass: boolean;
}

/** A rewrite must change at least this share of the canvas: reprinting it nearly as it was is no rewrite. */
export const MIN_REWRITE_CHANGE = 0.15;

// Slack for the diff aligning a replaced passage's first or last characters with its neighbours.
const LOCALITY_SLACK_CHARS = 12;
/** A region that must stay keeps at least this share of its characters (and this many characters). */
const KEEP_SHARE = 0.15;
const KEEP_MIN_CHARS = 12;

/**
 * The region an instruction licenses changes in: the blocks that hold the target passages, the text
 * that must go (mustNotContain) and the selection. Null when the case names none (e.g. "add a section").
 */
export function expectedRegion(item: EditCase, before: string): Span[] | null {
  const texts = [
    ...(item.expect.target ?? []),
    ...(item.expect.mustNotContain ?? []),
    ...(item.selection ? [item.selection] : []),
  ];
  const spans = texts.flatMap((text) => occurrences(before, text));
  return spans.length ? expandToBlocks(before, spans, item.canvas.kind) : null;
}

/** Deletion tasks may remove their region; `deletion` defaults to true in the "delete" slice. */
export function isDeletion(item: EditCase): boolean {
  return item.expect.deletion ?? item.slice === "delete";
}

function modeOf(trace: TurnTrace): EditMode {
  const applied = trace.toolCalls.find(
    (call) => call.applied && (call.name === "edit_canvas" || call.name === "rewrite_canvas"),
  );
  if (!applied) return "none";
  return applied.name === "edit_canvas" ? "targeted" : "rewrite";
}

const words = (text: string): number => text.match(/[\p{L}\p{N}_]+/gu)?.length ?? 0;

function regionFailures(item: EditCase, region: RegionChange): { failures: CheckFailure[]; kept: boolean } {
  const failures: CheckFailure[] = [];
  if (!region.changed)
    failures.push({
      check: "region",
      detail: "the passage the instruction is about did not change (whitespace aside)",
    });
  const keep = Math.min(region.beforeChars, Math.max(KEEP_MIN_CHARS, Math.round(KEEP_SHARE * region.beforeChars)));
  const kept = region.after.trim().length >= keep;
  if (!kept && !isDeletion(item))
    failures.push({
      check: "region",
      detail: "the passage the instruction is about was removed; the task asks to change it",
    });
  const min = item.expect.minRegionChange;
  if (min !== undefined && region.changed && region.wordShare < min)
    failures.push({
      check: "region",
      detail: `changed ${(region.wordShare * 100).toFixed(0)}% of the passage's words (at least ${(min * 100).toFixed(0)}% expected)`,
    });
  return { failures, kept };
}

/** The static part of the grade: everything except running code (see editRun.ts). */
export function gradeEdit(item: EditCase, trace: TurnTrace, usage: CaseUsage = usageOf(trace)): EditVerdict {
  const before = trace.canvasBefore ?? item.canvas.content;
  const after = trace.canvasAfter;
  const mode = modeOf(trace);
  const attempted = trace.toolCalls.some((call) => call.name === "edit_canvas" || call.name === "rewrite_canvas");
  const failures: CheckFailure[] = [];
  const region = expectedRegion(item, before);
  const changes = summarizeChanges(before, after ?? before, region ?? []);
  const targeted = item.expect.mode === "targeted";
  // The text the task is about: the region for targeted edits that have one, else the whole canvas.
  const scopedBefore = targeted && region ? region.map((span) => before.slice(span.start, span.end)).join("") : before;
  const scopedAfter = targeted && changes.region ? changes.region.after : (after ?? before);
  let language: string | null = null;
  let lengthRatio: number | null = null;
  let kept = true;

  if (after === null) {
    failures.push({ check: "canvas", detail: "the canvas is gone after the turn" });
  } else {
    for (const text of item.expect.mustContain ?? [])
      if (!after.includes(text)) failures.push({ check: "mustContain", detail: `missing "${clip(text)}"` });
    for (const text of item.expect.mustNotContain ?? [])
      if (after.includes(text)) failures.push({ check: "mustNotContain", detail: `still contains "${clip(text)}"` });
    for (const text of item.expect.unchanged ?? [])
      if (!after.includes(text))
        failures.push({ check: "unchanged", detail: `passage changed or removed: "${clip(text)}"` });
    const max = item.expect.maxChangedRatio;
    if (max !== undefined && changes.changedRatio > max)
      failures.push({
        check: "maxChangedRatio",
        detail: `changed ${(changes.changedRatio * 100).toFixed(1)}% of the canvas (limit ${(max * 100).toFixed(0)}%)`,
      });
    if (!targeted && changes.changedRatio < MIN_REWRITE_CHANGE)
      failures.push({
        check: "rewriteChange",
        detail: `changed ${(changes.changedRatio * 100).toFixed(1)}% of the canvas; a rewrite changes at least ${MIN_REWRITE_CHANGE * 100}%`,
      });
    for (const entity of item.expect.entities ?? []) {
      const forms = typeof entity === "string" ? [entity] : entity;
      if (!forms.some((form) => after.includes(form)))
        failures.push({ check: "entities", detail: `lost "${clip(forms.join('" / "'))}"` });
    }
    if (targeted && changes.region) {
      const checked = regionFailures(item, changes.region);
      failures.push(...checked.failures);
      kept = checked.kept;
    }
    if (item.expect.language) {
      language = detectLanguage(scopedAfter);
      if (language !== item.expect.language)
        failures.push({
          check: "language",
          detail: `the changed text reads as ${language}, expected ${item.expect.language}`,
        });
    }
    const bounds = item.expect.lengthRatio;
    if (bounds) {
      lengthRatio = words(scopedAfter) / Math.max(1, words(scopedBefore));
      if (
        (bounds.min !== undefined && lengthRatio < bounds.min) ||
        (bounds.max !== undefined && lengthRatio > bounds.max)
      )
        failures.push({
          check: "lengthRatio",
          detail: `length ratio ${lengthRatio.toFixed(2)} outside [${bounds.min ?? 0}, ${bounds.max ?? "∞"}]`,
        });
    }
  }

  // Locality is a property of a change that happened: a turn that changed nothing is not "local".
  const graded = targeted && region !== null && mode !== "none";
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
    region:
      targeted && changes.region
        ? { changed: changes.region.changed, kept, wordShare: changes.region.wordShare }
        : null,
    language,
    lengthRatio,
    tests: item.expect.run ? "skipped" : null,
    testOutput: null,
    usage,
    outputTokens: usage.outputTokens,
    latencyMs: usage.latencyMs,
    pass: modeCorrect && checksPass && local !== false,
  };
}

/**
 * modeAccuracy; applyRate = applied / attempted (the engine accepted the call, incl. after retries);
 * attemptRate = cases with an edit or rewrite call; checksPassRate; localityRate over cases with a
 * region; testsPassRate over cases whose test ran; the targeted/rewrite token ratio; usage.
 */
export function editMetrics(verdicts: readonly EditVerdict[]): Metrics {
  const attempted = verdicts.filter((v) => v.attempted);
  const withRegion = verdicts.filter((v) => v.local !== null);
  const tested = verdicts.filter((v) => v.tests !== null && v.tests !== "skipped");
  const tokens = (mode: EditMode): number | null => {
    const values = verdicts.filter((v) => v.mode === mode).map((v) => v.usage.outputTokens);
    return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null;
  };
  const targetedTokens = tokens("targeted");
  const rewriteTokens = tokens("rewrite");
  const passRate = rate(verdicts.filter((v) => v.pass).length, verdicts.length);
  return {
    score: verdicts.length ? passRate.successes / passRate.total : null,
    passRate,
    modeAccuracy: rate(verdicts.filter((v) => v.modeCorrect).length, verdicts.length),
    attemptRate: rate(attempted.length, verdicts.length),
    applyRate: rate(attempted.filter((v) => v.applied).length, attempted.length),
    checksPassRate: rate(verdicts.filter((v) => v.checksPass).length, verdicts.length),
    localityRate: rate(withRegion.filter((v) => v.local).length, withRegion.length),
    meanOutsideChars: withRegion.length
      ? withRegion.reduce((sum, v) => sum + (v.outsideChars ?? 0), 0) / withRegion.length
      : null,
    testsPassRate: tested.length ? rate(tested.filter((v) => v.tests === "pass").length, tested.length) : null,
    targetedWhenExpected: rate(
      verdicts.filter((v) => v.expectedMode === "targeted" && v.mode === "targeted").length,
      verdicts.filter((v) => v.expectedMode === "targeted").length,
    ),
    rewriteWhenExpected: rate(
      verdicts.filter((v) => v.expectedMode === "rewrite" && v.mode === "rewrite").length,
      verdicts.filter((v) => v.expectedMode === "rewrite").length,
    ),
    retriesPerCase: verdicts.length ? verdicts.reduce((sum, v) => sum + v.retries, 0) / verdicts.length : null,
    targetedRewriteTokenRatio: targetedTokens !== null && rewriteTokens ? targetedTokens / rewriteTokens : null,
    ...usageMetrics(verdicts.map((v) => v.usage)),
  };
}

function clip(text: string): string {
  const flat = text.replace(/\n/g, "\\n");
  return flat.length > 70 ? `${flat.slice(0, 67)}…` : flat;
}
