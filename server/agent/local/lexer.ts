// What each character of a program is: code, or the inside of a string, comment or regex literal. The
// offline engine's code edits (rename, replace, debug-output removal) read this so that they change
// code and never the text a program prints or the comments a person wrote. A lexer, not a parser: it
// only needs to know where literals and comments begin and end, from the table in syntaxes.ts.
import { scanJs } from "./lexJs.ts";
import { Scanner, type CharKind, type Run } from "./scanner.ts";
import { GENERIC, SYNTAXES, type LiteralRule, type StringRule, type Syntax } from "./syntaxes.ts";

export type { CharKind, Run } from "./scanner.ts";

export interface Lexed {
  source: string;
  /** The kind of each character as runs: sorted, contiguous, covering the whole source. */
  runs: readonly Run[];
  /** The source with every character that is not code replaced by a space (newlines kept): offsets match. */
  code: string;
  /** Characters identifiers are made of besides letters, digits and `_` (`$` in JS). */
  identifierExtra: string;
  /** Which output statements the language has (console.log, print, the C family's printf and println). */
  family: "js" | "python" | "other";
  /** How blocks nest: by indentation (Python), braces, or not known (every line counts as top level). */
  blocks: "indent" | "braces" | "none";
}

/** The syntax for a canvas language: "text" for markup and data, where names live inside strings. */
export function syntaxFor(language: string | null): Syntax | "js" | "text" {
  const name = (language ?? "").trim().toLowerCase();
  return SYNTAXES[name] ?? GENERIC;
}

/** The kinds of the characters of `source`; null for markup and data languages (edits stay textual there). */
export function lex(source: string, language: string | null): Lexed | null {
  const syntax = syntaxFor(language);
  if (syntax === "text") return null;
  const scanner = new Scanner(source);
  if (syntax === "js") scanJs(scanner, null);
  else scanCode(scanner, syntax, null);
  // Whatever a stop delimiter left unread (an unmatched closing brace at the top) is code.
  while (!scanner.done) {
    scanner.take(1, "code");
    if (syntax === "js") scanJs(scanner, null);
    else scanCode(scanner, syntax, null);
  }
  const js = syntax === "js";
  return {
    source,
    runs: scanner.runs,
    code: maskedCode(source, scanner.runs),
    identifierExtra: js ? "$" : syntax.identifierExtra,
    family: js ? "js" : syntax.blocks === "indent" ? "python" : "other",
    blocks: js ? "braces" : syntax.blocks,
  };
}

const isLiteral = (rule: StringRule | LiteralRule): rule is LiteralRule => "literal" in rule;

/** The character class of identifier characters: letters, digits, `_` and the syntax's extras. */
function identifierClass(extra: string): string {
  return `[\\p{L}\\p{N}_${extra.replace(/[-$\\\]^]/g, "\\$&")}]`;
}

const identifierTests = new Map<string, (char: string | undefined) => boolean>();

/** A test for identifier characters, with a table for ASCII (the hot path) and a regex beyond it; one per extras. */
function identifierTest(extra: string): (char: string | undefined) => boolean {
  const known = identifierTests.get(extra);
  if (known) return known;
  const pattern = new RegExp(identifierClass(extra), "u");
  const ascii = new Uint8Array(128);
  for (let code = 0; code < 128; code += 1) ascii[code] = pattern.test(String.fromCharCode(code)) ? 1 : 0;
  const test = (char: string | undefined): boolean => {
    if (char === undefined) return false;
    const code = char.charCodeAt(0);
    return code < 128 ? ascii[code] === 1 : pattern.test(char);
  };
  identifierTests.set(extra, test);
  return test;
}

/** Code in a language of the table, until `stop` (an interpolation's end) at the outermost level. */
function scanCode(scanner: Scanner, syntax: Syntax, stop: string | null): void {
  const source = scanner.source;
  const isIdentifier = identifierTest(syntax.identifierExtra);
  const opener = stop === "}" ? "{" : stop === ")" ? "(" : null;
  let depth = 0;
  let code = scanner.pos;
  const flush = (): void => scanner.mark(code, scanner.pos, "code");
  const resume = (): void => {
    code = scanner.pos;
  };
  while (!scanner.done) {
    const char = source[scanner.pos]!;
    const previous = source[scanner.pos - 1];
    const inWord = isIdentifier(char);
    // Inside a word or on plain space nothing can start: the common case, kept cheap.
    if ((inWord && isIdentifier(previous)) || char === " " || char === "\t" || char === "\n") {
      scanner.pos += 1;
      continue;
    }
    if (stop !== null && depth === 0 && scanner.startsWith(stop)) break;
    const lineStart = previous === undefined || previous === "\n";
    const block = syntax.blockComments.find(
      (comment) => scanner.startsWith(comment.open) && (!comment.atLineStart || lineStart),
    );
    if (block) {
      flush();
      scanner.blockComment(block.open, block.close, block.nests ?? false);
      resume();
      continue;
    }
    const afterSpace = previous === undefined || /\s/.test(previous);
    if (
      syntax.lineComments.some((marker) => scanner.startsWith(marker)) ||
      (afterSpace && (syntax.lineCommentsAtTokenStart ?? []).some((marker) => scanner.startsWith(marker)))
    ) {
      flush();
      scanner.lineComment();
      resume();
      continue;
    }
    // A prefixed literal (f"…", r#"…"#, u8"…") only starts a token; a quote always may.
    if (readLiteral(scanner, syntax, flush, (close) => scanCode(scanner, syntax, close))) {
      resume();
      continue;
    }
    if (opener !== null && char === opener) depth += 1;
    else if (opener !== null && char === stop) depth -= 1;
    scanner.pos += 1;
  }
  flush();
}

const literalStarts = new WeakMap<Syntax, RegExp>();

/** One sticky pattern for "some literal of this syntax opens here", so most positions cost one test. */
function literalStart(syntax: Syntax): RegExp {
  let pattern = literalStarts.get(syntax);
  if (!pattern) {
    const sources = syntax.strings.map((rule) => (isLiteral(rule) ? rule.literal : rule.open).source);
    pattern = new RegExp(sources.map((source) => `(?:${source})`).join("|") || "(?!)", "yu");
    literalStarts.set(syntax, pattern);
  }
  return pattern;
}

/** A string or char literal starting at the current position, read whole; false when none starts here. */
function readLiteral(scanner: Scanner, syntax: Syntax, flush: () => void, code: (close: string) => void): boolean {
  const hint = literalStart(syntax);
  hint.lastIndex = scanner.pos;
  if (!hint.test(scanner.source)) return false;
  for (const rule of syntax.strings) {
    const pattern = isLiteral(rule) ? rule.literal : rule.open;
    pattern.lastIndex = scanner.pos;
    const match = pattern.exec(scanner.source);
    if (!match) continue;
    flush();
    if (isLiteral(rule)) scanner.take(match[0].length, "string");
    else scanner.string(rule, match, code);
    return true;
  }
  return false;
}

function maskedCode(source: string, runs: readonly Run[]): string {
  const parts: string[] = [];
  for (const run of runs) {
    const text = source.slice(run.start, run.end);
    parts.push(run.kind === "code" ? text : text.replace(/[^\n]/g, " "));
  }
  return parts.join("");
}

/** The kind of the character at `offset` (binary search over the runs). */
export function kindAt(lexed: Lexed, offset: number): CharKind {
  let low = 0;
  let high = lexed.runs.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const run = lexed.runs[middle]!;
    if (offset < run.start) high = middle - 1;
    else if (offset >= run.end) low = middle + 1;
    else return run.kind;
  }
  return "code";
}

export interface Token {
  start: number;
  end: number;
  name: string;
}

/** Identifier (and keyword) tokens in code, with their offsets; a run starting with a digit is a number. */
export function identifiers(lexed: Lexed): Token[] {
  const pattern = new RegExp(`${identifierClass(lexed.identifierExtra)}+`, "gu");
  return [...lexed.code.matchAll(pattern)]
    .filter((match) => !/^\p{N}/u.test(match[0]))
    .map((match) => ({ start: match.index, end: match.index + match[0].length, name: match[0] }));
}

/** Is `word` one whole name (or keyword) in this language? */
export function isName(lexed: Lexed, word: string): boolean {
  return new RegExp(`^${identifierClass(lexed.identifierExtra)}+$`, "u").test(word) && !/^\p{N}/u.test(word);
}

/** Is the character at `offset` part of a name (so a word touching it is part of a longer one)? */
export function isNameChar(lexed: Lexed, offset: number): boolean {
  return identifierTest(lexed.identifierExtra)(lexed.source[offset]);
}
