// The builder's checks on the datasets, beyond the schema: what makes a case measure something.
//   - document canvases survive the markdown round trip unchanged (else no passage is byte-identical);
//   - edit checks are not vacuous: mustNotContain text is in the original, an unchanged canvas fails;
//   - each reference answer passes every check, including its code test, and the original fails it;
//   - the prompt's few-shot examples all come from train; no group, prompt or canvas in both splits.
import { MarkdownManager } from "@tiptap/markdown";
import { canvasExtensions } from "../../../shared/schema.ts";
import { FEW_SHOTS } from "../../../server/agent/prompts.ts";
import type { AnyCase, CommentCase, EditCase, TriggerCase } from "../../dataset.ts";
import { runCodeTest } from "../../graders/codeRun.ts";
import { gradeEdit } from "../../graders/edit.ts";
import { runLanguage } from "../../graders/editRun.ts";
import { checkSplit } from "../../splitCheck.ts";
import type { TurnTrace } from "../../../server/agent/types.ts";
import type { EditSeedWithId } from "./editIds.ts";

const markdown = new MarkdownManager({ extensions: canvasExtensions() });

function trace(before: string, after: string, tool: string): TurnTrace {
  return {
    text: "",
    toolCalls: [{ name: tool, arguments: {}, valid: true, applied: true, error: null }],
    retries: 0,
    steps: 0,
    requests: 0,
    inputTokens: 0,
    cachedTokens: 0,
    stopped: null,
    canvasBefore: before,
    canvasAfter: after,
    createdCanvas: null,
    comments: [],
    outputTokens: 0,
    latencyMs: 0,
    error: null,
  };
}

function roundTrip(item: AnyCase): string | null {
  const canvas = "canvas" in item ? item.canvas : undefined;
  if (!canvas || canvas.kind !== "document") return null;
  return markdown.serialize(markdown.parse(canvas.content)) === canvas.content ? null : `${item.id}: document content changes in the markdown round trip`;
}

async function checkReference({ item, seed }: EditSeedWithId, runs: boolean): Promise<string[]> {
  const problems: string[] = [];
  const before = item.canvas.content;
  const unchanged = gradeEdit(item, trace(before, before, item.expect.mode === "targeted" ? "edit_canvas" : "rewrite_canvas"));
  if (unchanged.checksPass && !item.expect.run) problems.push(`${item.id}: an unchanged canvas passes every check`);
  if (!seed.reference) {
    if (item.expect.run) problems.push(`${item.id}: a case with a code test needs a reference`);
    return problems;
  }
  let after: string;
  try {
    after = seed.reference(before);
  } catch (error) {
    return [...problems, `${item.id}: reference threw: ${error instanceof Error ? error.message : String(error)}`];
  }
  const verdict = gradeEdit(item, trace(before, after, item.expect.mode === "targeted" ? "edit_canvas" : "rewrite_canvas"));
  if (!verdict.pass)
    problems.push(`${item.id}: the reference fails: ${verdict.failures.map((f) => `${f.check}: ${f.detail}`).join("; ") || `locality (${verdict.outsideChars} chars outside)`}`);
  const run = item.expect.run;
  const language = runLanguage(item);
  if (run && runs && language) {
    const [original, fixed] = await Promise.all([
      runCodeTest({ language, subject: before, test: run.test, timeoutMs: run.timeoutMs }),
      runCodeTest({ language, subject: after, test: run.test, timeoutMs: run.timeoutMs }),
    ]);
    // A refactor's test may pass on the original (it guards behaviour); then the static checks must fail it.
    if (original.status === "pass" && unchanged.checksPass)
      problems.push(`${item.id}: the test and every other check pass on the original canvas, so the case checks nothing`);
    if (fixed.status !== "pass") problems.push(`${item.id}: the test fails on the reference (${fixed.status}): ${fixed.output.trim().split("\n").slice(-3).join(" | ")}`);
  }
  return problems;
}

export async function checkDatasets(input: {
  trigger: TriggerCase[];
  edits: EditSeedWithId[];
  comment: CommentCase[];
  runs: boolean;
  log(line: string): void;
}): Promise<string[]> {
  const edit = input.edits.map((seed) => seed.item);
  const all: AnyCase[] = [...input.trigger, ...edit, ...input.comment];
  const problems: string[] = all.map(roundTrip).filter((problem): problem is string => problem !== null);
  for (const item of edit)
    for (const text of item.expect.mustNotContain ?? [])
      if (!item.canvas.content.includes(text)) problems.push(`${item.id}: mustNotContain "${text}" is not in the original, so it checks nothing`);
  input.log(`checking ${input.edits.length} edit references${input.runs ? " (running code tests)" : ""}…`);
  for (let index = 0; index < input.edits.length; index += 8)
    for (const found of await Promise.all(input.edits.slice(index, index + 8).map((seed) => checkReference(seed, input.runs)))) problems.push(...found);
  const texts = (item: AnyCase): string => ("prompt" in item ? item.prompt : item.instruction);
  for (const shot of FEW_SHOTS) {
    const matches = all.filter((item) => texts(item) === shot.user);
    if (!matches.length) problems.push(`few-shot "${shot.user}" is not in any dataset`);
    for (const item of matches) if (item.split !== "train") problems.push(`few-shot "${shot.user}" is ${item.id}, a ${item.split} case`);
  }
  for (const suite of [input.trigger, edit, input.comment]) problems.push(...checkSplit(suite).leaks);
  return problems;
}

const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** Sizes, splits, distinct canvases and label mixes, for the builder's output and the report. */
export function describeDatasets(input: { trigger: TriggerCase[]; edit: EditCase[]; comment: CommentCase[] }): string {
  const lines: string[] = [];
  for (const [suite, cases] of Object.entries(input) as [string, AnyCase[]][]) {
    const split = (name: string) => cases.filter((item) => item.split === name).length;
    const canvases = new Set(cases.flatMap((item) => ("canvas" in item && item.canvas ? [item.canvas.content] : [])));
    const groups = new Set(cases.flatMap((item) => ("canvas" in item && item.canvas && item.group ? [item.group] : [])));
    const long = cases.filter((item) => "canvas" in item && item.canvas && words(item.canvas.content) >= 50_000);
    lines.push(`${suite}: ${cases.length} cases (train ${split("train")}, test ${split("test")}), ${canvases.size} distinct canvases from ${groups.size} canvas families, ${long.length} with 50k+ words (test ${long.filter((item) => item.split === "test").length})`);
  }
  const both = input.trigger.filter((item) => item.canvas && item.history?.length);
  lines.push(`trigger cases with an open canvas and history: ${both.length}`);
  const slices = new Map<string, { canvas: number; chat: number }>();
  for (const item of input.trigger) {
    const entry = slices.get(item.slice) ?? { canvas: 0, chat: 0 };
    entry[item.expect]++;
    slices.set(item.slice, entry);
  }
  lines.push(`trigger labels per slice: ${[...slices].map(([slice, n]) => `${slice} ${n.canvas}/${n.chat}`).join(", ")}`);
  return lines.join("\n");
}
