// Spelling fixes (and, for "final polish", repeated words): the corrections rules can make safely.
// Anything less certain is listed for the user, not changed.
import type { CanvasContext, LocalDecision } from "../types.ts";
import { editCall, reply } from "./plan.ts";
import { analyseProse, maskMarkdown, type ProseFinding } from "./prose.ts";
import { editsAt, type Range } from "./quotes.ts";
import { confidentCorrection, isReportableMisspelling } from "./spelling.ts";

interface Fix {
  finding: ProseFinding;
  replace: string;
}

function fixFor(finding: ProseFinding, repeatedWords: boolean): string | null {
  if (finding.rule === "spelling") return confidentCorrection(finding);
  if (repeatedWords && finding.rule === "repeated") return finding.expected[0] ?? null;
  return null;
}

export async function spellingPlan(
  canvas: CanvasContext,
  selection: Range | null,
  options: { repeatedWords: boolean },
): Promise<LocalDecision> {
  if (canvas.kind === "code") {
    return reply(
      "The offline engine does not spell-check code (identifiers look like misspellings). A model (OPENAI_API_KEY) can fix typos in comments and strings.",
    );
  }
  const content = canvas.content;
  const findings = (await analyseProse(maskMarkdown(content))).filter(
    (finding) => !selection || (finding.start >= selection.start && finding.end <= selection.end),
  );
  const fixes: Fix[] = [];
  for (const finding of findings) {
    const replace = fixFor(finding, options.repeatedWords);
    if (replace !== null && !fixes.some((fix) => fix.finding.start < finding.end && finding.start < fix.finding.end)) {
      fixes.push({ finding, replace });
    }
  }
  const unsure = findings
    .filter((finding) => isReportableMisspelling(finding) && !confidentCorrection(finding))
    .map((finding) => `"${finding.actual}"`);
  const unsureNote = unsure.length
    ? ` Not sure about ${unsure.slice(0, 5).join(", ")}: more than one possible correction, so I left them.`
    : "";
  if (fixes.length === 0) {
    return reply(
      `I found no ${options.repeatedWords ? "spelling mistakes or repeated words" : "spelling mistakes"} with one clear fix.${unsureNote}`,
    );
  }
  const edits = editsAt(
    content,
    fixes.map(({ finding, replace }) => ({ start: finding.start, end: finding.end, replace })),
  );
  if (!edits) return reply("I found mistakes but could not quote them uniquely; nothing changed.");
  const list = fixes
    .slice(0, 6)
    .map(({ finding, replace }) => `${finding.actual} → ${replace}`)
    .join(", ");
  const summary = `Fixed ${fixes.length} mistake${fixes.length === 1 ? "" : "s"}: ${list}${fixes.length > 6 ? ", …" : ""}.`;
  const plan = editCall(edits, summary);
  return plan.toolCall ? { ...plan, text: plan.text + unsureNote } : plan;
}

/** Final polish without a model: the confident spelling and repeated-word fixes, and an honest note. */
export async function polishPlan(canvas: CanvasContext): Promise<LocalDecision> {
  const plan = await spellingPlan(canvas, null, { repeatedWords: true });
  const note = " Grammar, clarity and consistency need a model (OPENAI_API_KEY).";
  return { ...plan, text: plan.text + note };
}
