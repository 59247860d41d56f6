// Optional pairwise model judge (--judge <model> --reference <report>): for each case in both reports,
// a model compares the candidate's output with the reference run's, twice with the positions swapped
// to cancel position bias. Both orders agree → win or loss; they disagree or say tie → tie. Quality is
// the question here (is this edit better written, is this comment more useful), where no
// deterministic grader exists. Needs an OpenAI-compatible endpoint (OPENAI_API_KEY, OPENAI_BASE_URL).
import OpenAI from "openai";
import { z } from "zod";
import type { Suite, SuiteCases } from "./dataset.ts";
import type { CaseOutput, EvalReport, JudgeSummary } from "./report.ts";
import { wilson } from "./stats.ts";
import { PLACEHOLDER_API_KEY } from "../server/config.ts";

const verdictSchema = z.object({ winner: z.enum(["A", "B", "tie"]), reason: z.string() });
type Preference = "candidate" | "reference" | "tie";

const SYSTEM = `You compare two assistant responses to the same request in a collaborative editor.
Judge only how well each fulfils the request: for edits, the quality of the resulting text and whether
unrelated text was left alone; for reviews, whether the comments are correct, specific and useful.
Length is not quality. Reply with JSON: {"winner": "A" | "B" | "tie", "reason": "<one sentence>"}.`;

function describe(output: CaseOutput): string {
  const parts = [`Chat reply: ${output.text || "(none)"}`];
  for (const call of output.toolCalls) parts.push(`Tool call ${call.name} (${call.applied ? "applied" : "refused"})`);
  if (output.canvasAfter !== null) parts.push(`Canvas after the turn:\n${output.canvasAfter.slice(0, 8_000)}`);
  for (const comment of output.comments)
    parts.push(`Comment on "${comment.quote}" [${comment.severity}]: ${comment.comment}`);
  return parts.join("\n");
}

function request(item: SuiteCases[Suite]): string {
  const text = "prompt" in item ? item.prompt : item.instruction;
  const canvas =
    "canvas" in item && item.canvas ? `\n\nCanvas before the turn:\n${item.canvas.content.slice(0, 8_000)}` : "";
  const selection = "selection" in item && item.selection ? `\n\nSelected text: ${item.selection}` : "";
  return `Request: ${text}${selection}${canvas}`;
}

async function ask(client: OpenAI, model: string, prompt: string): Promise<"A" | "B" | "tie"> {
  const completion = await client.chat.completions.create({
    model,
    temperature: 0,
    response_format: { type: "json_object" },
    messages: [
      { role: "system", content: SYSTEM },
      { role: "user", content: prompt },
    ],
  });
  const content = completion.choices[0]?.message.content ?? "";
  return verdictSchema.parse(JSON.parse(content)).winner;
}

/** Combine the two orders: A=candidate first, then A=reference. */
export function combine(first: "A" | "B" | "tie", swapped: "A" | "B" | "tie"): Preference {
  const one: Preference = first === "A" ? "candidate" : first === "B" ? "reference" : "tie";
  const two: Preference = swapped === "A" ? "reference" : swapped === "B" ? "candidate" : "tie";
  return one === two ? one : "tie";
}

export function summarize(model: string, reference: string, preferences: Preference[], errors: number): JudgeSummary {
  const wins = preferences.filter((p) => p === "candidate").length;
  const losses = preferences.filter((p) => p === "reference").length;
  const ties = preferences.length - wins - losses;
  const decided = wins + losses;
  return {
    model,
    reference,
    judged: preferences.length,
    wins,
    losses,
    ties,
    winRate: preferences.length ? (wins + ties / 2) / preferences.length : null,
    interval: decided ? (({ low, high }) => ({ low, high }))(wilson(wins, decided)) : null,
    errors,
  };
}

export async function judgeReports(options: {
  suite: Suite;
  model: string;
  cases: SuiteCases[Suite][];
  candidate: EvalReport;
  reference: EvalReport;
  client?: OpenAI;
}): Promise<JudgeSummary> {
  const client =
    options.client ??
    new OpenAI({ apiKey: process.env.OPENAI_API_KEY ?? PLACEHOLDER_API_KEY, baseURL: process.env.OPENAI_BASE_URL });
  const byId = new Map(options.reference.cases.map((item) => [item.id, item]));
  const preferences: Preference[] = [];
  let errors = 0;
  for (const item of options.cases) {
    const candidate = options.candidate.cases.find((entry) => entry.id === item.id)?.runs[0]?.output;
    const reference = byId.get(item.id)?.runs[0]?.output;
    if (!candidate || !reference) continue;
    const prompt = (a: CaseOutput, b: CaseOutput): string =>
      `${request(item)}\n\n=== Response A ===\n${describe(a)}\n\n=== Response B ===\n${describe(b)}`;
    try {
      const first = await ask(client, options.model, prompt(candidate, reference));
      const swapped = await ask(client, options.model, prompt(reference, candidate));
      preferences.push(combine(first, swapped));
    } catch (error) {
      errors++;
      console.error(`judge: ${item.id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return summarize(options.model, `${options.reference.engine}/${options.reference.model}`, preferences, errors);
}
