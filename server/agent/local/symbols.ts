// Rename (and replace a word) in code: identifier tokens only. Strings, comments and regex literals
// keep the word, and longer names that contain it are left too; the reply says how many, so the user
// knows what did not change and can ask for it by quoting text.
import type { CanvasContext, LocalDecision } from "../types.ts";
import { identifiers, isName, isNameChar, kindAt, type Lexed, type Token } from "./lexer.ts";
import { editCall, reply } from "./plan.ts";
import { plural } from "./replies.ts";
import { editsAt, occurrences, type FindReplace, type Range } from "./quotes.ts";

export interface SymbolChange {
  verb: "Renamed" | "Replaced";
  from: string;
  to: string;
}

/**
 * Edits changing every code token spelled `from` (in the selection, if any). When the word is only in
 * strings or comments, a rename replies instead and a replace changes the text there (that is what the
 * user pointed at).
 */
export function planSymbol(
  canvas: CanvasContext,
  lexed: Lexed,
  change: SymbolChange,
  selection: Range | null,
): LocalDecision {
  const { from, to, verb } = change;
  const content = canvas.content;
  if (verb === "Renamed" && !isName(lexed, to))
    return reply(`"${to}" is not a name ${canvas.language ?? "this language"} accepts, so I did not rename "${from}".`);
  const inside = (start: number, end: number): boolean =>
    !selection || (start >= selection.start && end <= selection.end);
  const tokens = identifiers(lexed).filter((token) => inside(token.start, token.end));
  const exact = tokens.filter((token) => token.name === from);
  const longer = [...new Set(tokens.filter((token) => token.name !== from && token.name.includes(from)).map(nameOf))];
  const inText = occurrences(content, from).filter(
    (at) => inside(at, at + from.length) && kindAt(lexed, at) !== "code" && wholeWord(lexed, at, from),
  );
  const where = selection ? " in the selection" : "";
  if (exact.length === 0) {
    if (inText.length === 0) {
      const near = longer.length ? ` (it is part of ${list(longer)})` : "";
      return reply(`I found no code named "${from}"${where}${near}; nothing changed.`);
    }
    if (verb === "Renamed") {
      return reply(
        `"${from}" only appears in strings or comments${where}, and a rename changes code. To change that text, say: replace "${from}" with "${to}".`,
      );
    }
    return textEdits(content, inText, change, `${plural(inText.length, "occurrence")} in strings or comments`);
  }
  const left: string[] = [];
  if (inText.length) left.push(`${plural(inText.length, "mention")} in strings or comments`);
  if (longer.length) left.push(`longer names that contain it (${list(longer)})`);
  const note = left.length ? `; left ${left.join(" and ")} as they are` : "";
  const all = !selection && exact.length === occurrences(content, from).length;
  const edits: FindReplace[] | null = all
    ? [{ find: from, replace: to, all: exact.length > 1 }]
    : editsAt(
        content,
        exact.map((token) => ({ start: token.start, end: token.end, replace: to })),
        { stop: /(?!)/ },
      );
  if (!edits) return reply(`I could not quote every use of "${from}" uniquely; nothing changed.`);
  return editCall(
    edits,
    `${verb} "${from}" ${verb === "Renamed" ? "to" : "with"} "${to}" (${plural(exact.length, "occurrence")} in code${note}).`,
  );
}

function textEdits(content: string, at: number[], change: SymbolChange, what: string): LocalDecision {
  const edits = editsAt(
    content,
    at.map((start) => ({ start, end: start + change.from.length, replace: change.to })),
  );
  if (!edits) return reply(`I could not quote every "${change.from}" uniquely; nothing changed.`);
  return editCall(edits, `${change.verb} "${change.from}" with "${change.to}" (${what}).`);
}

/** `from` at `at` is not part of a longer word (by the language's identifier characters). */
const wholeWord = (lexed: Lexed, at: number, from: string): boolean =>
  !isNameChar(lexed, at - 1) && !isNameChar(lexed, at + from.length);

const nameOf = (token: Token): string => token.name;

function list(names: readonly string[]): string {
  return names.length > 4 ? `${names.slice(0, 4).join(", ")}…` : names.join(", ");
}
