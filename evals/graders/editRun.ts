// The code part of the edit grade: a case's test runs against the canvas after the turn, but only when
// every cheaper check has passed (otherwise the case has already failed and the run would only cost
// time; the verdict says "skipped").
import type { EditCase } from "../dataset.ts";
import type { TurnTrace } from "../../server/agent/types.ts";
import { runCodeTest, RUN_LANGUAGES, type RunLanguage } from "./codeRun.ts";
import { gradeEdit, type EditVerdict } from "./edit.ts";
import { usageOf, type CaseUsage } from "./usage.ts";

/** The language a case's test runs in: its own, else the canvas's (JavaScript/TypeScript/Python only). */
export function runLanguage(item: EditCase): RunLanguage | null {
  const named = item.expect.run?.language ?? item.canvas.language?.toLowerCase();
  const aliases: Record<string, RunLanguage> = { js: "javascript", ts: "typescript", py: "python" };
  const language = named ? (aliases[named] ?? named) : null;
  return RUN_LANGUAGES.find((candidate) => candidate === language) ?? null;
}

export async function gradeEditCase(
  item: EditCase,
  trace: TurnTrace,
  usage: CaseUsage = usageOf(trace),
): Promise<EditVerdict> {
  const verdict = gradeEdit(item, trace, usage);
  const run = item.expect.run;
  if (!run || !verdict.pass || trace.canvasAfter === null) return verdict;
  const language = runLanguage(item);
  if (!language) {
    const detail = `no runner for ${item.expect.run?.language ?? item.canvas.language ?? "this language"}`;
    return {
      ...verdict,
      tests: "error",
      testOutput: detail,
      checksPass: false,
      pass: false,
      failures: [...verdict.failures, { check: "tests", detail }],
    };
  }
  const result = await runCodeTest({ language, subject: trace.canvasAfter, test: run.test, timeoutMs: run.timeoutMs });
  if (result.status === "pass") return { ...verdict, tests: "pass", testOutput: null };
  const detail = `${result.status}: ${lastLines(result.output)}`;
  return {
    ...verdict,
    tests: result.status,
    testOutput: result.output,
    checksPass: false,
    pass: false,
    failures: [...verdict.failures, { check: "tests", detail }],
  };
}

function lastLines(output: string): string {
  const lines = output.trim().split("\n").filter(Boolean);
  return lines.slice(-2).join(" | ").slice(0, 200) || "(no output)";
}
