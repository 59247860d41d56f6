// The three eval datasets (JSONL, one case per line), validated with zod at the boundary. A bad line is
// reported with its line number and what is wrong, so a hand-edited or external dataset can be fixed
// without guessing. Besides the shape, every quoted passage (planted-issue quotes, `unchanged`
// passages, selections) must occur in the case's canvas: a check on text that is not there measures
// nothing.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { RUN_LANGUAGES } from "./graders/codeRun.ts";
import { hasKeyword } from "./graders/keywords.ts";

export const SUITES = ["trigger", "edit", "comment"] as const;
export type Suite = (typeof SUITES)[number];

const split = z.enum(["train", "test"]);
const nonEmpty = z.string().min(1);

export const caseCanvas = z.strictObject({
  kind: z.enum(["document", "code"]),
  language: z.string().min(1).max(40).optional(),
  title: nonEmpty,
  content: z.string(),
});

const common = {
  id: nonEmpty,
  split,
  slice: nonEmpty,
  /**
   * Cases whose canvases are the same or derive from one base (planted variants, shared prompts) share
   * a group; a split never divides a group, so a model is never tested on a canvas it was tuned on.
   */
  group: nonEmpty.optional(),
  /** Drafts (generated or exported from feedback) carry `review: true` until a person has read them. */
  review: z.boolean().optional(),
  /** Free text for reviewers: where a draft came from, what to check. */
  note: z.string().optional(),
};

export const triggerCase = z.strictObject({
  ...common,
  prompt: nonEmpty,
  history: z.array(z.strictObject({ role: z.enum(["user", "assistant"]), content: z.string() })).optional(),
  canvas: caseCanvas.optional(),
  expect: z.enum(["canvas", "chat"]),
});

export const codeRun = z.strictObject({
  /** The program the test runs against; defaults to the canvas's language (a port names its target). */
  language: z.enum(RUN_LANGUAGES).optional(),
  /** Imports `subject` (the canvas after the turn) and exits non-zero when the edit did not do its job. */
  test: nonEmpty,
  timeoutMs: z.number().int().min(500).max(60_000).optional(),
});

/** One named entity that must survive: a string, or the forms it may take (e.g. in a translation). */
const entity = z.union([nonEmpty, z.array(nonEmpty).min(1)]);

export const editExpect = z.strictObject({
  mode: z.enum(["targeted", "rewrite"]),
  mustContain: z.array(nonEmpty).optional(),
  mustNotContain: z.array(nonEmpty).optional(),
  unchanged: z.array(nonEmpty).optional(),
  maxChangedRatio: z.number().positive().max(10).optional(),
  /** Passages of the canvas the instruction is about (with mustNotContain and the selection: the region). */
  target: z.array(nonEmpty).optional(),
  /** The task removes the region; otherwise a targeted edit must leave the region in place, changed. */
  deletion: z.boolean().optional(),
  /** Share of the region's words a targeted edit must change (e.g. 0.2 for "make it friendlier"). */
  minRegionChange: z.number().min(0).max(1).optional(),
  /** ISO 639-3 language (franc) of the changed text: the region for targeted edits, else the canvas. */
  language: z
    .string()
    .regex(/^[a-z]{3}$/, "an ISO 639-3 code such as eng, fra, spa")
    .optional(),
  /** Words after / words before, of the region (targeted edits) or the canvas (rewrites). */
  lengthRatio: z.strictObject({ min: z.number().min(0).optional(), max: z.number().positive().optional() }).optional(),
  /** Names, figures and identifiers that must still be in the canvas after the turn. */
  entities: z.array(entity).optional(),
  run: codeRun.optional(),
});

export const editCase = z.strictObject({
  ...common,
  canvas: caseCanvas,
  instruction: nonEmpty,
  selection: nonEmpty.optional(),
  expect: editExpect,
});

export const ISSUE_KINDS = ["factual", "logic", "grammar", "style", "bug", "security", "performance"] as const;
export const ISSUE_SEVERITIES = ["info", "suggestion", "issue"] as const;

export const plantedIssue = z.strictObject({
  quote: nonEmpty,
  kind: z.enum(ISSUE_KINDS),
  severity: z.enum(ISSUE_SEVERITIES),
  /**
   * Words, any one of which a comment (its text or suggestion) must use to count as naming this defect:
   * the fix ("Portugal", "lend") or the precise name of the problem ("injection", "off-by-one"). None
   * may be a word of the quote itself, or echoing the quote would name it.
   */
  keywords: z.array(nonEmpty).optional(),
});

export const commentCase = z.strictObject({
  ...common,
  canvas: caseCanvas,
  instruction: nonEmpty,
  issues: z.array(plantedIssue),
});

export type CaseCanvas = z.infer<typeof caseCanvas>;
export type TriggerCase = z.infer<typeof triggerCase>;
export type EditExpect = z.infer<typeof editExpect>;
export type EditCase = z.infer<typeof editCase>;
export type PlantedIssue = z.infer<typeof plantedIssue>;
export type CommentCase = z.infer<typeof commentCase>;

export interface SuiteCases {
  trigger: TriggerCase;
  edit: EditCase;
  comment: CommentCase;
}
export type AnyCase = SuiteCases[Suite];

const SCHEMAS = { trigger: triggerCase, edit: editCase, comment: commentCase } as const;

export interface DatasetError {
  /** 1-based line number in the file. */
  line: number;
  message: string;
}

export type DatasetResult<S extends Suite> =
  { ok: true; cases: SuiteCases[S][] } | { ok: false; errors: DatasetError[]; message: string };

/** Text that a case quotes from its canvas, with where it is used, for the substring checks. */
function quotedPassages(suite: Suite, value: AnyCase): { where: string; text: string }[] {
  if (suite === "edit") {
    const item = value as EditCase;
    return [
      ...(item.selection !== undefined ? [{ where: "selection", text: item.selection }] : []),
      ...(item.expect.unchanged ?? []).map((text, index) => ({ where: `expect.unchanged.${index}`, text })),
      ...(item.expect.target ?? []).map((text, index) => ({ where: `expect.target.${index}`, text })),
    ];
  }
  if (suite === "comment") {
    return (value as CommentCase).issues.map((issue, index) => ({ where: `issues.${index}.quote`, text: issue.quote }));
  }
  return [];
}

/** What makes a case measure nothing, beyond its shape: quotes not in the canvas, keywords the quote already says. */
function caseProblems(suite: Suite, value: AnyCase): string[] {
  const content = "canvas" in value && value.canvas ? value.canvas.content : "";
  const problems = quotedPassages(suite, value)
    .filter((passage) => !content.includes(passage.text))
    .map((passage) => `${passage.where}: "${clip(passage.text)}" is not in canvas.content`);
  if (suite === "comment")
    (value as CommentCase).issues.forEach((issue, index) => {
      const echoed = (issue.keywords ?? []).filter((keyword) => hasKeyword(issue.quote, keyword));
      if (echoed.length)
        problems.push(
          `issues.${index}.keywords: ${echoed.map((k) => `"${k}"`).join(", ")} already in the quote, so echoing the quote would name the defect`,
        );
    });
  if (suite === "edit")
    ((value as EditCase).expect.entities ?? []).forEach((entity, index) => {
      const forms = typeof entity === "string" ? [entity] : entity;
      if (!forms.some((form) => content.includes(form)))
        problems.push(
          `expect.entities.${index}: none of ${forms.map((f) => `"${clip(f)}"`).join(", ")} is in canvas.content`,
        );
    });
  return problems;
}

function zodMessage(error: z.ZodError): string {
  return error.issues
    .slice(0, 6)
    .map((issue) => `${issue.path.length ? issue.path.join(".") : "(root)"}: ${issue.message}`)
    .join("; ");
}

/** Validate JSONL text for a suite. Blank lines are skipped; every other line must be one valid case. */
export function parseDataset<S extends Suite>(suite: S, text: string, source = "dataset"): DatasetResult<S> {
  const schema = SCHEMAS[suite];
  const cases: SuiteCases[S][] = [];
  const errors: DatasetError[] = [];
  const seen = new Map<string, number>();
  text.split("\n").forEach((raw, index) => {
    const line = index + 1;
    if (!raw.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      errors.push({ line, message: `not valid JSON (${error instanceof Error ? error.message : String(error)})` });
      return;
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      errors.push({ line, message: zodMessage(parsed.error) });
      return;
    }
    const value = parsed.data as SuiteCases[S];
    const earlier = seen.get(value.id);
    if (earlier !== undefined) {
      errors.push({ line, message: `duplicate id "${value.id}" (first on line ${earlier})` });
      return;
    }
    seen.set(value.id, line);
    const problems = caseProblems(suite, value);
    if (problems.length) {
      errors.push({ line, message: problems.join("; ") });
      return;
    }
    cases.push(value);
  });
  if (errors.length) {
    const listed = errors.slice(0, 10).map((error) => `${source}:${error.line}: ${error.message}`);
    const more = errors.length > 10 ? [`…and ${errors.length - 10} more`] : [];
    return {
      ok: false,
      errors,
      message: [`${errors.length} invalid line(s) in ${source}:`, ...listed, ...more].join("\n"),
    };
  }
  return { ok: true, cases };
}

/** Read and validate a dataset file. A missing file is an error value too. */
export async function loadDataset<S extends Suite>(suite: S, file: string): Promise<DatasetResult<S>> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      errors: [{ line: 0, message: reason }],
      message: `Cannot read ${suite} dataset ${file}: ${reason}`,
    };
  }
  return parseDataset(suite, text, file);
}

export const DEFAULT_DATA: Record<Suite, string> = {
  trigger: "evals/data/trigger.jsonl",
  edit: "evals/data/edit.jsonl",
  comment: "evals/data/comment.jsonl",
};

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** sha256 over the cases (in order), so two reports can tell whether they ran the same dataset. */
export function datasetHash(cases: readonly AnyCase[]): string {
  const hash = createHash("sha256");
  for (const item of cases) hash.update(`${JSON.stringify(item)}\n`);
  return hash.digest("hex");
}
