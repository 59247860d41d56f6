// The three eval datasets (JSONL, one case per line), validated with zod at the boundary. A bad line is
// reported with its line number and what is wrong, so a hand-edited or external dataset can be fixed
// without guessing. Besides the shape, every quoted passage (planted-issue quotes, `unchanged`
// passages, selections) must occur in the case's canvas: a check on text that is not there measures
// nothing.
import { readFile } from "node:fs/promises";
import { z } from "zod";

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

export const editExpect = z.strictObject({
  mode: z.enum(["targeted", "rewrite"]),
  mustContain: z.array(nonEmpty).optional(),
  mustNotContain: z.array(nonEmpty).optional(),
  unchanged: z.array(nonEmpty).optional(),
  maxChangedRatio: z.number().positive().max(10).optional(),
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
    ];
  }
  if (suite === "comment") {
    return (value as CommentCase).issues.map((issue, index) => ({ where: `issues.${index}.quote`, text: issue.quote }));
  }
  return [];
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
    const content = "canvas" in value && value.canvas ? value.canvas.content : "";
    const missing = quotedPassages(suite, value).filter((passage) => !content.includes(passage.text));
    if (missing.length) {
      errors.push({
        line,
        message: missing
          .map((passage) => `${passage.where}: "${clip(passage.text)}" is not in canvas.content`)
          .join("; "),
      });
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
