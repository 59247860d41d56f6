// CLI: npm run eval -- --suite trigger|edit|comment|all --engine local|openai|adversary:<name> [--model m] [--data file]
//   [--split test|train|all] [--repeat k] [--concurrency n] [--out report.json|dir] [--no-cache]
//   [--judge <model> --reference <report.json|dir>]
// Prints a progress bar on stderr and the markdown summary on stdout; --out writes the JSON report
// (with --suite all: <dir>/<suite>.json when --out is a folder, else name.<suite>.json).
// The openai engine reads OPENAI_API_KEY and OPENAI_BASE_URL (any OpenAI-compatible endpoint);
// model responses are cached in .eval-cache/ keyed by prompt + model unless --no-cache.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, extname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import { createEngine } from "../server/agent/engines.ts";
import { PROMPT_VERSION } from "../server/agent/prompts.ts";
import { SUITES, type Suite } from "./dataset.ts";
import { loadSuiteData } from "./suiteData.ts";
import { ADVERSARIES, adversaryEngine, adversaryNamed, type Adversary } from "./adversaries/index.ts";
import type { EvalEngine } from "./engines.ts";
import type { TurnEngine } from "../server/agent/types.ts";
import { judgeReports } from "./judge.ts";
import type { EvalReport } from "./report.ts";
import { renderMarkdown } from "./render.ts";
import { filterSplit, runSuite } from "./runner.ts";

const argsSchema = z.strictObject({
  suite: z.enum([...SUITES, "all"]).default("all"),
  engine: z
    .string()
    .refine((name) => name === "local" || name === "openai" || adversaryFrom(name) !== undefined, {
      message: `expected local, openai or adversary:<name> (${ADVERSARIES.map((a) => a.name).join(", ")})`,
    })
    .default("local"),
  model: z.string().min(1).optional(),
  data: z.string().min(1).optional(),
  split: z.enum(["test", "train", "all"]).default("test"),
  repeat: z.coerce.number().int().min(1).max(50).default(1),
  concurrency: z.coerce.number().int().min(1).max(64).default(4),
  out: z.string().min(1).optional(),
  cache: z.boolean().default(true),
  judge: z.string().min(1).optional(),
  reference: z.string().min(1).optional(),
  baseUrl: z.string().url().optional(),
});
export type RunArgs = z.infer<typeof argsSchema>;

/** The adversary an --engine value names ("adversary:<name>"), if any. */
function adversaryFrom(engine: string): Adversary | undefined {
  return engine.startsWith("adversary:") ? adversaryNamed(engine.slice("adversary:".length)) : undefined;
}

const FLAGS: Record<string, keyof RunArgs> = {
  "--suite": "suite",
  "--engine": "engine",
  "--model": "model",
  "--data": "data",
  "--split": "split",
  "--repeat": "repeat",
  "--concurrency": "concurrency",
  "--out": "out",
  "--judge": "judge",
  "--reference": "reference",
  "--base-url": "baseUrl",
};

export function parseArgs(argv: string[]): { ok: true; args: RunArgs } | { ok: false; error: string } {
  const raw: Record<string, unknown> = {};
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === "--no-cache") {
      raw.cache = false;
      continue;
    }
    const [flag, inline] = arg.includes("=")
      ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
      : [arg, undefined];
    const key = FLAGS[flag];
    if (!key)
      return { ok: false, error: `Unknown argument "${arg}". Flags: ${Object.keys(FLAGS).join(", ")}, --no-cache.` };
    const value = inline ?? argv[++index];
    if (value === undefined) return { ok: false, error: `${flag} needs a value.` };
    raw[key] = value;
  }
  const parsed = argsSchema.safeParse(raw);
  if (!parsed.success)
    return {
      ok: false,
      error: parsed.error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join("; "),
    };
  if (parsed.data.data && parsed.data.suite === "all")
    return { ok: false, error: "--data needs a single --suite (trigger, edit or comment)." };
  if (parsed.data.judge && !parsed.data.reference)
    return { ok: false, error: "--judge needs --reference <report.json|dir> to compare against." };
  return { ok: true, args: parsed.data };
}

export function outPath(out: string, suite: Suite, many: boolean): string {
  if (!many) return out;
  const extension = extname(out);
  return extension === ".json" ? `${out.slice(0, -extension.length)}.${suite}.json` : join(out, `${suite}.json`);
}

function progressBar(label: string): (done: number, total: number) => void {
  const tty = process.stderr.isTTY;
  let lastQuarter = -1;
  return (done, total) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    const bar = `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} ${label}`;
    if (tty) process.stderr.write(`\r${bar}${done === total ? "\n" : ""}`);
    else if (Math.floor((done / total) * 4) !== lastQuarter) {
      lastQuarter = Math.floor((done / total) * 4);
      process.stderr.write(`${bar}\n`);
    }
  };
}

async function readReference(path: string, suite: Suite): Promise<EvalReport> {
  const file = extname(path) === ".json" ? path : join(path, `${suite}.json`);
  return JSON.parse(await readFile(file, "utf8")) as EvalReport;
}

function engineFor(args: RunArgs): TurnEngine | EvalEngine {
  const adversary = adversaryFrom(args.engine);
  if (adversary) return adversaryEngine(adversary);
  return createEngine({
    engine: args.engine === "openai" ? "openai" : "local",
    model: args.model ?? process.env.CANVAS_MODEL,
    baseURL: args.baseUrl ?? process.env.OPENAI_BASE_URL,
    apiKey: process.env.OPENAI_API_KEY,
    cacheDir: args.cache ? ".eval-cache" : null,
  });
}

export async function runMain(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    console.error(parsed.error);
    return 2;
  }
  const args = parsed.args;
  const suites: Suite[] = args.suite === "all" ? [...SUITES] : [args.suite];
  if (args.engine === "openai" && args.cache && args.repeat > 1) {
    console.error("Note: cached responses make repeats identical; add --no-cache for independent samples.");
  }
  const engine = engineFor(args);
  for (const suite of suites) {
    const loaded = await loadSuiteData(suite, args.data);
    if (!loaded.ok) {
      console.error(loaded.message);
      return 2;
    }
    const cases = filterSplit(loaded.cases, args.split);
    const report = await runSuite({
      suite,
      cases,
      engine,
      dataset: loaded.name,
      datasetHash: loaded.hash,
      split: args.split,
      repeats: args.repeat,
      concurrency: args.concurrency,
      promptVersion: args.engine === "openai" ? PROMPT_VERSION : null,
      onProgress: progressBar(suite),
    });
    if (args.judge && args.reference) {
      report.judge = await judgeReports({
        suite,
        model: args.judge,
        cases,
        candidate: report,
        reference: await readReference(args.reference, suite),
      });
    }
    console.log(renderMarkdown(report));
    if (args.out) {
      const target = outPath(args.out, suite, suites.length > 1);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, `${JSON.stringify(report, null, 1)}\n`);
      console.error(`wrote ${target}`);
    }
  }
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = await runMain(process.argv.slice(2));
}
