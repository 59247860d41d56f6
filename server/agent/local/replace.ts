// Replace and rename: whole words, the user's casing carried over in prose, identifier tokens only in
// code (symbols.ts), every `find` unique.
import type { CanvasContext, LocalDecision } from "../types.ts";
import type { EditIntent } from "./instructions.ts";
import { isName, lex } from "./lexer.ts";
import { editCall, reply } from "./plan.ts";
import { planSymbol } from "./symbols.ts";
import { editsAt, replaceWordEverywhere, wordOccurrences, type FindReplace, type Range } from "./quotes.ts";

/** Carry the capitalisation of the replaced word over to its replacement ("Lamps" → "Lights"). */
function matchCase(original: string, replacement: string): string {
  if (original === original.toUpperCase() && original.length > 1 && /\p{L}/u.test(original))
    return replacement.toUpperCase();
  if (/^\p{Lu}/u.test(original) && /^\p{Ll}/u.test(replacement))
    return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  return replacement;
}

/** Whole-word, case-insensitive occurrences (a typed "lighthouses" also means "Lighthouses"). */
function caseInsensitiveWords(content: string, word: string, within: Range | null): number[] {
  const lower = content.toLowerCase();
  if (lower.length !== content.length) return [];
  return wordOccurrences(lower, word.toLowerCase()).filter(
    (at) => !within || (at >= within.start && at + word.length <= within.end),
  );
}

const DECLARATIONS: Record<string, RegExp> = {
  class: /\b(?:class|interface|struct|enum|trait)\s+([A-Za-z_$][\w$]*)/g,
  interface: /\binterface\s+([A-Za-z_$][\w$]*)/g,
  struct: /\bstruct\s+([A-Za-z_][\w]*)/g,
  enum: /\benum\s+([A-Za-z_$][\w$]*)/g,
  type: /\btype\s+([A-Za-z_$][\w$]*)\s*=/g,
  function: /\b(?:function\s*\*?\s*|def\s+|fn\s+|func\s+(?:\([^)]*\)\s*)?)([A-Za-z_$][\w$]*)/g,
  method: /\b(?:function\s*\*?\s*|def\s+|fn\s+|func\s+(?:\([^)]*\)\s*)?)([A-Za-z_$][\w$]*)/g,
  component: /\b(?:function|const|class)\s+([A-Z][\w$]*)/g,
};

/** The name of the only declaration of that kind ("the class" → "Library"), or a reply listing them. */
function soleDeclaration(content: string, kind: string): string | LocalDecision {
  const pattern = DECLARATIONS[kind] ?? DECLARATIONS.function!;
  const names = [...new Set([...content.matchAll(pattern)].map((match) => match[1]!))];
  if (names.length === 1) return names[0]!;
  if (names.length === 0) return reply(`I found no ${kind} declaration in the canvas; name the symbol to rename.`);
  return reply(
    `There are ${names.length} ${kind} declarations (${names.slice(0, 6).join(", ")}); say which one to rename.`,
  );
}

export function planReplace(
  canvas: CanvasContext,
  intent: Extract<EditIntent, { type: "replace" | "rename" }>,
  selection: Range | null,
): LocalDecision | null {
  const content = canvas.content;
  const lexed = canvas.kind === "code" ? lex(content, canvas.language) : null;
  let from = intent.from;
  if (intent.type === "rename" && intent.declaration) {
    // Declarations are read from the code view, so "class" in a comment declares nothing.
    const name = soleDeclaration(lexed?.code ?? content, intent.declaration);
    if (typeof name !== "string") return name;
    from = name;
  }
  if (intent.type === "replace" && !intent.quoted && /\s+or\s+/i.test(intent.to)) {
    return reply(
      `"${intent.to}" is a choice, and the offline engine cannot make it: name one (replace "${from}" with "${intent.to.split(/\s+or\s+/i)[0]}"), or ask a model.`,
    );
  }
  if (lexed && isName(lexed, from)) {
    const verb = intent.type === "rename" ? "Renamed" : "Replaced";
    return planSymbol(canvas, lexed, { verb, from, to: intent.to }, selection);
  }
  const wordLike = /^[\p{L}\p{N}_$][\p{L}\p{N}_$ '-]*$/u.test(from);
  const verb = intent.type === "rename" ? "Renamed" : "Replaced";
  const inSelection = (at: number): boolean =>
    !selection || (at >= selection.start && at + from.length <= selection.end);
  // Symbols and quoted text are matched exactly; a plain word in prose is matched in any case.
  const quoted = intent.type === "replace" && intent.quoted;
  const exact = intent.type === "rename" || quoted || canvas.kind === "code" || !wordLike;
  let edits: FindReplace[] | null;
  let count: number;
  if (exact) {
    const found = wordOccurrences(content, from).filter(inSelection);
    count = found.length;
    edits = wordLike
      ? replaceWordEverywhere(content, from, intent.to, selection ?? undefined)
      : found.length
        ? editsAt(
            content,
            found.map((at) => ({ start: at, end: at + from.length, replace: intent.to })),
            { stop: /(?!)/ },
          )
        : null;
  } else {
    const found = caseInsensitiveWords(content, from, selection);
    count = found.length;
    const texts = new Set(found.map((at) => content.slice(at, at + from.length)));
    const single = texts.size === 1 ? [...texts][0]! : null;
    edits =
      single !== null && !selection
        ? replaceWordEverywhere(content, single, matchCase(single, intent.to))
        : found.length
          ? editsAt(
              content,
              found.map((at) => ({
                start: at,
                end: at + from.length,
                replace: matchCase(content.slice(at, at + from.length), intent.to),
              })),
            )
          : null;
  }
  if (!edits || count === 0) {
    if (!quoted && intent.type === "replace" && !content.toLowerCase().includes(from.toLowerCase())) return null;
    return reply(
      `I could not find "${from}"${wordLike ? " as a whole word" : ""}${selection ? " in the selection" : ""}; nothing changed.`,
    );
  }
  return editCall(
    edits,
    `${verb} "${from}" ${intent.type === "rename" ? "to" : "with"} "${intent.to}" (${count} occurrence${count === 1 ? "" : "s"}).`,
  );
}
