// Which blocks enclose each line of a program: functions (with their names), Python's `__main__`
// block, classes and plain blocks. Read from the lexer's code view, so a brace or a colon inside a
// string or comment never opens anything.
import type { Lexed } from "./lexer.ts";

export interface Scope {
  kind: "function" | "main" | "class" | "block";
  /** A function's name; null for an anonymous one (a callback or closure). */
  name: string | null;
  /** The header as written (strings and comments included), whitespace collapsed. */
  header: string;
  /** Lines of the body: after the header's line, up to `close` (the closing brace's line, or the last indented line). */
  open: number;
  close: number;
}

const CONTROL = new Set(
  "if for while switch catch else do try with foreach using lock synchronized unless until match loop when guard defer finally static unsafe select go elif except return new".split(
    " ",
  ),
);
const CLASS_LIKE = /(?:^|\s)(?:class|struct|interface|enum|trait|impl|object|namespace|module|record|union)\b/;
const DECLARED =
  /(?:^|[\s;(,=:!])(?:function\*?|def|fn|func|fun)\s*(?:\([^()]*\)\s*)?([A-Za-z_$][\w$]*)?\s*(?:<[^{}]*>)?\s*\(/g;
const NAMED_ARROW =
  /(?:^|[\s;{,])([A-Za-z_$][\w$]*)\s*(?::[^=]*)?[=:]\s*(?:async\s*)?(?:\([^]*\)|[A-Za-z_$][\w$]*)\s*(?::[^=]*)?=>$/;
const RETURN_TAIL =
  /^\s*(?::\s*[^(){}]*|->\s*[^{}]*|throws\s+[\w.,\s]+|const|noexcept|override|final|where\s+[^{}]*)?\s*$/;
const PYTHON_MAIN = /^\s*if\s+(?:__name__\s*==\s*(["'])__main__\1|(["'])__main__\2\s*==\s*__name__)\s*:/;

const collapse = (text: string): string => text.replace(/\s+/g, " ").trim();

/** What a brace block's header (the code before `{`) opens. */
/** Headers longer than this are cut to their end: a function's name and parameters are there. */
const MAX_HEADER = 1_000;

export function braceScope(code: string, raw: string, line: number): Scope {
  const header = collapse(code.slice(-MAX_HEADER));
  const scope = (kind: Scope["kind"], name: string | null = null): Scope => ({
    kind,
    name,
    header: collapse(raw.slice(-MAX_HEADER)),
    open: line,
    close: line,
  });
  const declared = [...header.matchAll(DECLARED)].pop();
  if (declared) return scope("function", declared[1] ?? null);
  if (header.endsWith("=>") || header.endsWith("->")) {
    const arrow = NAMED_ARROW.exec(header);
    return scope("function", arrow ? arrow[1]! : null);
  }
  if (CLASS_LIKE.test(header)) return scope("class");
  const name = methodName(header);
  return name ? scope("function", name) : scope("block");
}

/** `name(params)` at the end of a header (a method or a C-family function), with an optional return type. */
function methodName(header: string): string | null {
  const close = header.lastIndexOf(")");
  if (close === -1 || !RETURN_TAIL.test(header.slice(close + 1))) return null;
  let depth = 0;
  for (let at = close; at >= 0; at -= 1) {
    if (header[at] === ")") depth += 1;
    else if (header[at] === "(" && --depth === 0) {
      const before = header.slice(0, at).trimEnd();
      const name = /([A-Za-z_$][\w$]*)$/.exec(before)?.[1];
      if (!name || CONTROL.has(name)) return null;
      const prefix = before.slice(0, before.length - name.length).trimEnd();
      return /(?:[.=]|\bnew)$/.test(prefix) ? null : name;
    }
  }
  return null;
}

function pythonScope(code: string, raw: string, line: number): Scope {
  const header = collapse(raw);
  const scope = (kind: Scope["kind"], name: string | null = null): Scope => ({
    kind,
    name,
    header,
    open: line,
    close: line,
  });
  const def = /^(?:async\s+)?def\s+([A-Za-z_]\w*)/.exec(code.trim());
  if (def) return scope("function", def[1]!);
  if (/^class\s/.test(code.trim())) return scope("class");
  if (PYTHON_MAIN.test(raw)) return scope("main");
  // A lambda cannot hold statements, so Python has no anonymous function blocks.
  return scope("block");
}

const OPENERS = new Set(["(", "[", "{"]);
const CLOSERS = new Set([")", "]", "}"]);

/** For each line (by index), the scopes enclosing it at its start, outermost first. */
export function lineScopes(lexed: Lexed): Scope[][] {
  if (lexed.blocks === "indent") return indentScopes(lexed);
  if (lexed.blocks === "braces") return braceScopes(lexed);
  return lexed.code.split("\n").map(() => []);
}

function indentScopes(lexed: Lexed): Scope[][] {
  const codeLines = lexed.code.split("\n");
  const rawLines = lexed.source.split("\n");
  const result: Scope[][] = [];
  const stack: { indent: number; scope: Scope }[] = [];
  let brackets = 0;
  let logical: { line: number; indent: number } | null = null;
  codeLines.forEach((text, index) => {
    const blank = text.trim() === "";
    if (!blank && brackets === 0) {
      const indent = text.length - text.trimStart().length;
      while (stack.length && stack[stack.length - 1]!.indent >= indent) stack.pop();
      logical = { line: index, indent };
      for (const entry of stack) entry.scope.close = index;
    }
    result.push(stack.map((entry) => entry.scope));
    if (blank) return;
    for (const char of text) {
      if (OPENERS.has(char)) brackets += 1;
      else if (CLOSERS.has(char)) brackets = Math.max(0, brackets - 1);
    }
    if (brackets === 0 && logical && text.trimEnd().endsWith(":")) {
      const { line, indent } = logical;
      const code = codeLines.slice(line, index + 1).join(" ");
      const raw = rawLines.slice(line, index + 1).join(" ");
      stack.push({ indent, scope: pythonScope(code, raw, index) });
    }
  });
  return result;
}

function braceScopes(lexed: Lexed): Scope[][] {
  const { code, source } = lexed;
  const result: Scope[][] = [[]];
  const stack: { scope: Scope; parens: number; headerStart: number }[] = [];
  let parens = 0;
  let headerStart = 0;
  let line = 0;
  for (let at = 0; at < code.length; at += 1) {
    const char = code[at]!;
    if (char === "\n") {
      line += 1;
      result.push(stack.map((entry) => entry.scope));
    } else if (char === "(" || char === "[") parens += 1;
    else if (char === ")" || char === "]") parens = Math.max(0, parens - 1);
    else if (char === ";" && parens === 0) headerStart = at + 1;
    else if (char === "{") {
      stack.push({
        scope: braceScope(code.slice(headerStart, at), source.slice(headerStart, at), line),
        parens,
        headerStart,
      });
      parens = 0;
      headerStart = at + 1;
    } else if (char === "}") {
      const entry = stack.pop();
      if (entry) entry.scope.close = line;
      parens = entry?.parens ?? 0;
      // A block inside parentheses (a destructured parameter, an object argument) is part of the header.
      headerStart = entry && entry.parens > 0 ? entry.headerStart : at + 1;
    }
  }
  return result;
}
