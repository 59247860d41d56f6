// Generate new eval cases with a model from seed templates: a few train-split cases of the suite show
// the format and the kind of case wanted, the model writes new ones, and only those that pass dataset
// validation (schema, quotes present in their canvas) are kept, marked `review: true` for a person to
// read before they join a dataset. Needs an OpenAI-compatible endpoint (OPENAI_API_KEY, OPENAI_BASE_URL).
// CLI: npm run eval:gen -- --suite trigger|edit|comment --engine openai [--model m] [--count 20]
//      [--slice name] [--out evals/data/drafts/gen-<suite>.jsonl]
import { appendFile, mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { pathToFileURL } from "node:url";
import OpenAI from "openai";
import { z } from "zod";
import { DEFAULT_DATA, loadDataset, parseDataset, SUITES, type AnyCase, type Suite } from "./dataset.ts";
import { DEFAULT_CANVAS_MODEL, PLACEHOLDER_API_KEY } from "../server/config.ts";

const argsSchema = z.object({
  suite: z.enum(SUITES),
  engine: z.literal("openai", { message: "case generation needs a model: pass --engine openai" }),
  model: z.string().default(process.env.CANVAS_MODEL ?? DEFAULT_CANVAS_MODEL),
  count: z.coerce.number().int().min(1).max(200).default(20),
  slice: z.string().optional(),
  out: z.string().optional(),
});

const GUIDES: Record<Suite, string> = {
  trigger:
    'Each case is a user message to a writing and coding assistant. expect is "canvas" for substantial writing or code ' +
    'the user will iterate on (or an explicit request for a canvas), "chat" for questions, short answers and chit-chat.',
  edit:
    'Each case is a canvas, an instruction to change it and the expected mode: "targeted" for changes to a named part ' +
    'or under ~30% of the text, "rewrite" for whole-document changes. Add checks a correct edit passes and a wrong one ' +
    "fails: mustContain, mustNotContain (text in the canvas that must go), unchanged (passages copied exactly from the " +
    "canvas that must stay), maxChangedRatio for targeted edits, target (passages the instruction is about), " +
    "language (ISO 639-3) and entities for rewrites, and for JavaScript/TypeScript/Python a run.test that imports " +
    "./subject and fails unless the edit did its job.",
  comment:
    "Each case is a canvas with deliberately planted defects (factual, logic, grammar, style, bug, security, performance) " +
    "and a review instruction. issues lists each planted defect with quote copied exactly from the canvas content " +
    "(the defective words, not the whole paragraph) and keywords a correct comment would use (the fix or the name " +
    "of the problem, never words of the quote). " +
    "Some cases should be clean canvases with issues: [].",
};

function seeds(cases: AnyCase[], slice: string | undefined): AnyCase[] {
  const pool = cases.filter((item) => item.split === "train" && (!slice || item.slice === slice));
  // Short examples keep the prompt small; spread them over slices.
  const bySlice = new Map<string, AnyCase>();
  for (const item of [...pool].sort((a, b) => JSON.stringify(a).length - JSON.stringify(b).length))
    if (!bySlice.has(item.slice)) bySlice.set(item.slice, item);
  return [...bySlice.values()].slice(0, 8);
}

async function main(argv: string[]): Promise<number> {
  const raw: Record<string, string> = {};
  for (let index = 0; index < argv.length; index += 2) raw[argv[index]!.replace(/^--/, "")] = argv[index + 1] ?? "";
  const parsed = argsSchema.safeParse(raw);
  if (!parsed.success) {
    console.error(parsed.error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join("\n"));
    return 2;
  }
  const args = parsed.data;
  const loaded = await loadDataset(args.suite, DEFAULT_DATA[args.suite]);
  if (!loaded.ok) {
    console.error(loaded.message);
    return 2;
  }
  const examples = seeds(loaded.cases, args.slice);
  const client = new OpenAI({
    apiKey: process.env.OPENAI_API_KEY ?? PLACEHOLDER_API_KEY,
    baseURL: process.env.OPENAI_BASE_URL,
  });
  const completion = await client.chat.completions.create({
    model: args.model,
    temperature: 0.9,
    response_format: { type: "json_object" },
    messages: [
      {
        role: "system",
        content: `You write evaluation cases for Canvas, a collaborative editor with a language model. ${GUIDES[args.suite]} Reply with JSON {"cases": [...]}, each case in exactly the format of the examples, with new ids, realistic and varied content.`,
      },
      {
        role: "user",
        content: `Examples:\n${examples.map((item) => JSON.stringify(item)).join("\n")}\n\nWrite ${args.count} new cases${args.slice ? ` for the slice "${args.slice}"` : ""}.`,
      },
    ],
  });
  const body = z
    .object({ cases: z.array(z.unknown()) })
    .safeParse(JSON.parse(completion.choices[0]?.message.content ?? "{}"));
  if (!body.success) {
    console.error('The model did not return {"cases": [...]}.');
    return 1;
  }
  const stamp = Date.now().toString(36);
  const kept: string[] = [];
  const rejected: string[] = [];
  body.data.cases.forEach((value, index) => {
    const item = {
      ...(value as Record<string, unknown>),
      id: `gen-${stamp}-${index + 1}`,
      split: "test",
      review: true,
      note: `generated by ${args.model}`,
    };
    const line = JSON.stringify(item);
    const check = parseDataset(args.suite, line);
    if (check.ok) kept.push(line);
    else rejected.push(`case ${index + 1}: ${check.errors[0]?.message ?? "invalid"}`);
  });
  const out = args.out ?? `evals/data/drafts/gen-${args.suite}.jsonl`;
  await mkdir(dirname(out), { recursive: true });
  if (kept.length) await appendFile(out, `${kept.join("\n")}\n`);
  console.log(
    `${kept.length} new ${args.suite} cases appended to ${out} (marked review: true); ${rejected.length} rejected.`,
  );
  for (const line of rejected) console.log(`- ${line}`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = await main(process.argv.slice(2));
}
