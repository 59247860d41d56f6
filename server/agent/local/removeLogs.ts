// "Remove the debug prints": removes debug output (debugOutput.ts says which statements are) and never
// the program's own output; the reply says what was kept and why, so nothing disappears unexplained.
import type { CanvasContext, LocalDecision } from "../types.ts";
import { functionRange } from "./codeReview.ts";
import { outputStatements, type OutputStatement } from "./debugOutput.ts";
import { lex } from "./lexer.ts";
import { editCall, reply } from "./plan.ts";
import { plural } from "./replies.ts";
import { editsAt, type Range } from "./quotes.ts";
import { removeLines } from "./removeLines.ts";

/** "the program's output in __main__ (2), error output (1)": why statements stay. */
function reasons(statements: readonly OutputStatement[]): string {
  const counts = new Map<string, number>();
  for (const statement of statements) {
    const why = statement.unsafe ?? statement.reason;
    counts.set(why, (counts.get(why) ?? 0) + 1);
  }
  return [...counts].map(([why, count]) => `${why} (${count})`).join(", ");
}

/** The part of the program a scope word names: a function, or Python's `__main__` block. */
function scopeFilter(canvas: CanvasContext, scope: string): ((statement: OutputStatement) => boolean) | null {
  const code = lex(canvas.content, canvas.language)?.code ?? canvas.content;
  const range = functionRange(code, scope, canvas.language);
  if (range) return (statement) => statement.range.start >= range.start && statement.range.end <= range.end + 1;
  if (/^(?:__main__|main)$/.test(scope)) return (statement) => statement.scope === "__main__";
  return null;
}

export function planRemoveLogs(canvas: CanvasContext, scope: string | null, selection: Range | null): LocalDecision {
  if (canvas.kind !== "code")
    return reply("There is no debug output in a document; on code I can remove console.log or print statements.");
  const statements = outputStatements(canvas.content, canvas.language);
  if (!statements) return reply(`${canvas.language ?? "This language"} has no print statements; nothing changed.`);
  const inScope = scope ? scopeFilter(canvas, scope) : () => true;
  if (!inScope) return reply(`I found no function called ${scope}; nothing changed.`);
  const candidates = statements.filter(
    (statement) =>
      inScope(statement) &&
      (!selection || (statement.range.start >= selection.start && statement.range.end <= selection.end + 1)),
  );
  // Naming a function asks for its prints too, even ones that look like output; errors and files stay.
  const removable = (statement: OutputStatement): boolean =>
    statement.unsafe === null && (statement.debug || (scope !== null && statement.level === "print"));
  const removed = candidates.filter(removable);
  const kept = candidates.filter((statement) => !removable(statement));
  const where = scope ? ` in ${scope}` : selection ? " in the selection" : "";
  const keptNote = kept.length ? ` I kept ${plural(kept.length, "output statement")}: ${reasons(kept)}.` : "";
  if (removed.length === 0) return reply(`I found no debug output to remove${where}; nothing changed.${keptNote}`);
  const edits = editsAt(
    canvas.content,
    removeLines(
      canvas.content,
      canvas.language,
      removed.map((statement) => statement.range),
    ),
    { stop: /(?!)/ },
  );
  if (!edits) return reply("I could not quote the debug statements uniquely; nothing changed.");
  return editCall(
    edits,
    `Removed ${plural(removed.length, "debug output statement")}${where}: ${reasons(removed)}.`,
    keptNote,
  );
}
