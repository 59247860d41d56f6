// Which output statements in a program are debug output, and which are the program's own output.
// Debug output: a statement marked as debug (the word debug in it or in a guard around it, a
// debug-level logger call, console.debug, dbg!), or a plain print inside a function. The program's
// output: prints at module level, in Python's `__main__` block, in main() and in functions whose
// name says they print (print_report, showMenu, render…), and everything written to stderr or a file.
// "Remove the debug prints" removes the first kind only and says what it kept.
import { lex, type Lexed } from "./lexer.ts";
import type { Range } from "./quotes.ts";
import { lineScopes, type Scope } from "./scopes.ts";

export type Level = "debug" | "print" | "error";

interface Callee {
  /** Matched on the code view at the start of a line (after the indentation). */
  pattern: RegExp;
  level: Level;
  /** A call's arguments are in parentheses; a stream (`std::cout << x;`) or command (`echo x`) runs to `;` or the line end. */
  form?: "call" | "stream" | "command";
}

const LOGGER = String.raw`(?:[\w$]+\.)*(?:logger|log|logging|_logger|_log|LOG|LOGGER|Logger|Log|slog)`;

const CALLEES: Record<Lexed["family"], readonly Callee[]> = {
  js: [
    { pattern: /console\.(?:debug|trace)\b/y, level: "debug" },
    { pattern: new RegExp(`${LOGGER}\\.(?:debug|trace|verbose)\\b`, "y"), level: "debug" },
    { pattern: /debug\b/y, level: "debug" },
    { pattern: /console\.(?:log|info|dir|table|group|groupEnd|count|time|timeEnd|timeLog)\b/y, level: "print" },
    { pattern: /process\.stdout\.write\b/y, level: "print" },
    { pattern: /console\.(?:error|warn|assert)\b/y, level: "error" },
    { pattern: /process\.stderr\.write\b/y, level: "error" },
  ],
  python: [
    { pattern: new RegExp(`${LOGGER}\\.debug\\b`, "y"), level: "debug" },
    { pattern: /(?:print|pprint(?:\.pprint)?|sys\.stdout\.write)\b/y, level: "print" },
    { pattern: /sys\.stderr\.write\b/y, level: "error" },
  ],
  other: [
    { pattern: /(?:dbg|(?:log::)?(?:debug|trace))!/y, level: "debug" },
    { pattern: new RegExp(`${LOGGER}\\.(?:debug|trace|Debug|Debugf|Trace|Tracef|d|v)\\b`, "y"), level: "debug" },
    { pattern: /(?:System\.Diagnostics\.)?Debug\.(?:WriteLine|Print|Log)\b/y, level: "debug" },
    { pattern: /(?:var_dump|print_r)\b/y, level: "debug" },
    {
      pattern:
        /(?:System\.out\.(?:println|print|printf)|fmt\.(?:Println|Printf|Print)|println|print|printf|puts|Console\.(?:WriteLine|Write)|NSLog)(?:!|\b)/y,
      level: "print",
    },
    { pattern: /(?:std::)?cout\s*<</y, level: "print", form: "stream" },
    { pattern: /echo\b/y, level: "print", form: "command" },
    {
      pattern:
        /(?:System\.err\.\w+|fmt\.Fprint\w*(?=\s*\(\s*os\.Stderr)|eprintln!|eprint!|fprintf(?=\s*\(\s*stderr)|Console\.Error\.\w+|log\.(?:Print|Fatal|Panic)\w*)/y,
      level: "error",
    },
    { pattern: /(?:std::)?cerr\s*<</y, level: "error", form: "stream" },
  ],
};

/** Words that start the name of a function whose job is output: its prints are the program's output. */
const OUTPUT_WORDS = new Set(
  "main print show display report render output write log usage help echo emit banner dump".split(" "),
);
const DEBUG_MARK = /\b(?:debug|dbg)\b/i;
const SIDE_EFFECTS = /\+\+|--|:=|\bawait\b|\byield\b/;
const ASSIGNMENT = /(?<![=!<>+\-*/%&|^?:])=(?![=>])/;
const BRACELESS_BODY = /(?:^|[;}]\s*)(?:(?:else\s+)?if|for|foreach|while)\s*\(.*\)\s*$|(?:^|[;}]\s*)(?:else|do)\s*$/;

export interface OutputStatement {
  /** The statement's whole lines, newline included. */
  range: Range;
  text: string;
  /** What it writes: debug logging, standard output, or errors (stderr, warnings, log files). */
  level: Level;
  /** Removable as debug output. */
  debug: boolean;
  /** Why: "marked as debug", "a print inside average()", "the program's output in __main__"… */
  reason: string;
  /** Where it runs: the innermost named function, "__main__", or null at module level. */
  scope: string | null;
  /** Set when removing it would break the code; it is kept and this says why. */
  unsafe: string | null;
}

interface Line {
  start: number;
  /** End of the line's text (before the newline). */
  end: number;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const part of text.split("\n")) {
    lines.push({ start, end: start + part.length });
    start += part.length + 1;
  }
  return lines;
}

/** The offset after the parenthesis closing the one at `open` (code view), or -1. */
function closingParen(code: string, open: number): number {
  let depth = 0;
  for (let at = open; at < code.length; at += 1) {
    if (code[at] === "(") depth += 1;
    else if (code[at] === ")" && --depth === 0) return at + 1;
  }
  return -1;
}

/** Where the statement starting at `from` (after its callee) ends in the code view, or -1. */
function statementEnd(code: string, from: number, form: Callee["form"]): number {
  if (form === "stream" || form === "command") {
    const newline = code.indexOf("\n", from);
    const lineEnd = newline === -1 ? code.length : newline;
    const semicolon = code.indexOf(";", from);
    if (form === "stream") return semicolon === -1 ? -1 : semicolon + 1;
    return semicolon !== -1 && semicolon < lineEnd ? semicolon + 1 : lineEnd;
  }
  let open = from;
  while (open < code.length && (code[open] === " " || code[open] === "\t")) open += 1;
  if (code[open] !== "(") return -1;
  return closingParen(code, open);
}

/** A statement found in the first pass, before it is judged. */
interface Found {
  range: Range;
  text: string;
  level: Level;
  args: string;
  scopes: readonly Scope[];
  unsafe: string | null;
}

type Place =
  | { kind: "module"; main: boolean }
  | { kind: "function"; scope: Scope & { name: string } }
  /** An anonymous function at module level: a route handler, a `listen` callback. */
  | { kind: "callback"; scope: Scope };

/** Where a statement runs: the innermost named function (a closure inside one runs as part of it), or top level. */
function placeOf(scopes: readonly Scope[]): Place {
  const functions = scopes.filter((scope) => scope.kind === "function");
  const named = [...functions].reverse().find((scope): scope is Scope & { name: string } => scope.name !== null);
  if (named) return { kind: "function", scope: named };
  const callback = functions[functions.length - 1];
  if (callback) return { kind: "callback", scope: callback };
  return { kind: "module", main: scopes.some((scope) => scope.kind === "main") };
}

/** The first word of an identifier: "printReport" → "print", "show_menu" → "show". */
const firstWord = (name: string): string =>
  (/^_*([A-Za-z][a-z0-9]*|[A-Z0-9]+(?![a-z]))/.exec(name)?.[1] ?? name).toLowerCase();

const NEUTRAL_LINE = /^[\s{}()[\];,]*$/;

const onlyOutputMemo = new WeakMap<Scope, boolean>();

/** Is the body of `scope` nothing but output statements? Then printing is what the function is for. */
function onlyOutput(scope: Scope, codeLines: readonly string[], covered: ReadonlySet<number>): boolean {
  const known = onlyOutputMemo.get(scope);
  if (known !== undefined) return known;
  const result = bodyOnlyOutput(scope, codeLines, covered);
  onlyOutputMemo.set(scope, result);
  return result;
}

function bodyOnlyOutput(scope: Scope, codeLines: readonly string[], covered: ReadonlySet<number>): boolean {
  let any = false;
  for (let line = scope.open + 1; line <= scope.close && line < codeLines.length; line += 1) {
    if (covered.has(line)) any = true;
    else if (!NEUTRAL_LINE.test(codeLines[line]!)) return false;
  }
  return any;
}

function judge(found: Found, codeLines: readonly string[], covered: ReadonlySet<number>): [boolean, string] {
  const place = placeOf(found.scopes);
  const guarded = found.scopes.some((scope) => scope.kind === "block" && DEBUG_MARK.test(scope.header));
  const debugName = place.kind === "function" && /debug|dbg/i.test(place.scope.name);
  if (found.level === "debug" || DEBUG_MARK.test(found.text) || guarded || debugName) return [true, "marked as debug"];
  if (found.level === "error")
    return [false, /\bfile\s*=\s*(?!sys\.stderr)/.test(found.args) ? "writes to a file" : "error output"];
  if (place.kind === "module") return [false, `the program's output ${place.main ? "in __main__" : "at module level"}`];
  if (place.kind === "callback") {
    return onlyOutput(place.scope, codeLines, covered)
      ? [false, "the program's output (a callback at module level that only prints)"]
      : [true, "a print inside a callback"];
  }
  const name = place.scope.name;
  if (OUTPUT_WORDS.has(firstWord(name)) || onlyOutput(place.scope, codeLines, covered))
    return [false, `the program's output in ${name}()`];
  return [true, `a print inside ${name}()`];
}

/** Every output statement that stands on lines of its own, classified; null when the language has none. */
export function outputStatements(source: string, language: string | null): OutputStatement[] | null {
  const lexed = lex(source, language);
  if (!lexed) return null;
  const { code } = lexed;
  const lines = linesOf(code);
  const codeLines = code.split("\n");
  const scopes = lineScopes(lexed);
  const callees = CALLEES[lexed.family];
  const found: Found[] = [];
  const covered = new Set<number>();
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    const at = line.start + /^[ \t]*/.exec(codeLines[index]!)![0].length;
    const callee = callees.find((candidate) => {
      candidate.pattern.lastIndex = at;
      return candidate.pattern.test(code);
    });
    if (!callee) continue;
    callee.pattern.lastIndex = at;
    const calleeEnd = at + callee.pattern.exec(code)![0].length;
    const end = statementEnd(code, calleeEnd, callee.form);
    if (end === -1) continue;
    let lastLine = index;
    while (lines[lastLine]!.end < end) lastLine += 1;
    if (!/^\s*;?\s*$/.test(code.slice(end, lines[lastLine]!.end))) continue;
    const args = code.slice(calleeEnd, end);
    // print(…, file=…) writes to stderr or a file, not to the program's standard output.
    const redirected = lexed.family === "python" && /\bfile\s*=/.test(args);
    let before = index - 1;
    while (before >= 0 && codeLines[before]!.trim() === "") before -= 1;
    const previousLine = before >= 0 ? codeLines[before]!.trim() : "";
    found.push({
      range: { start: line.start, end: Math.min(source.length, lines[lastLine]!.end + 1) },
      text: source.slice(line.start, lines[lastLine]!.end),
      level: redirected ? "error" : callee.level,
      args,
      scopes: scopes[index] ?? [],
      unsafe:
        SIDE_EFFECTS.test(args) || (lexed.family !== "python" && ASSIGNMENT.test(args))
          ? "its arguments change state"
          : lexed.blocks === "braces" && BRACELESS_BODY.test(previousLine)
            ? "it is the whole body of a statement without braces"
            : null,
    });
    for (let covering = index; covering <= lastLine; covering += 1) covered.add(covering);
    index = lastLine;
  }
  return found.map((statement) => {
    const [debug, reason] = judge(statement, codeLines, covered);
    const place = placeOf(statement.scopes);
    const scope =
      place.kind === "function" ? place.scope.name : place.kind === "module" && place.main ? "__main__" : null;
    return {
      range: statement.range,
      text: statement.text,
      level: statement.level,
      debug,
      reason,
      scope,
      unsafe: statement.unsafe,
    };
  });
}
