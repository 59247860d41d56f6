// JavaScript and TypeScript (JSX/TSX included): strings, template literals with `${…}`, comments, regex
// literals and JSX. Whether `/` starts a regex and `<` an element depends on the token before it: after
// an operand they are operators, after an operator or a keyword like `return` they open a literal.
import { Scanner } from "./scanner.ts";
import type { StringRule } from "./syntaxes.ts";

const EXPRESSION_KEYWORDS = new Set([
  "return",
  "typeof",
  "instanceof",
  "in",
  "of",
  "new",
  "delete",
  "void",
  "throw",
  "case",
  "do",
  "else",
  "yield",
  "await",
]);

const QUOTE: Record<string, StringRule> = {
  '"': { open: /"/y, close: () => '"', escapes: true, multiline: false },
  "'": { open: /'/y, close: () => "'", escapes: true, multiline: false },
  "`": {
    open: /`/y,
    close: () => "`",
    escapes: true,
    multiline: true,
    interpolation: { open: "${", close: "}" },
  },
};

const IDENTIFIER = /[\p{L}\p{N}_$]+/uy;
const JSX_NAME = /[\p{L}_$][\p{L}\p{N}_$.:-]*/uy;

class JsxMismatch extends Error {}

/** Per source: how much work failed JSX guesses may still cost (each failure may read to the end). */
const budgets = new WeakMap<Scanner, { left: number }>();

/** JS/TS code until `stop` (the `}` of an interpolation or JSX expression) at the outermost level. */
export function scanJs(scanner: Scanner, stop: string | null): void {
  if (!budgets.has(scanner)) budgets.set(scanner, { left: scanner.source.length * 4 + 10_000 });
  const source = scanner.source;
  let depth = 0;
  // Does the token before end an operand (then `/` divides and `<` compares)?
  let operand = false;
  while (!scanner.done) {
    const char = source[scanner.pos]!;
    if (stop !== null && depth === 0 && char === stop) return;
    if (/\s/.test(char)) {
      scanner.take(1, "code");
      continue;
    }
    if (scanner.startsWith("//") || (scanner.pos === 0 && scanner.startsWith("#!"))) {
      scanner.lineComment();
      continue;
    }
    if (scanner.startsWith("/*")) {
      scanner.blockComment("/*", "*/", false);
      continue;
    }
    const quote = QUOTE[char];
    if (quote) {
      quote.open.lastIndex = scanner.pos;
      scanner.string(quote, quote.open.exec(source)!, (close) => scanJs(scanner, close[0]!));
      operand = true;
      continue;
    }
    if (char === "/" && !operand && regexLiteral(scanner)) {
      operand = true;
      continue;
    }
    if (char === "<" && !operand && jsxElement(scanner)) {
      operand = true;
      continue;
    }
    IDENTIFIER.lastIndex = scanner.pos;
    const word = IDENTIFIER.exec(source);
    if (word) {
      scanner.take(word[0].length, "code");
      operand = !EXPRESSION_KEYWORDS.has(word[0]);
      continue;
    }
    if ((char === "+" || char === "-") && source[scanner.pos + 1] === char && operand) {
      // Postfix `i++`: still an operand, so a `/` after it divides.
      scanner.take(2, "code");
      continue;
    }
    if (char === "{") depth += 1;
    if (char === "}") depth -= 1;
    scanner.take(1, "code");
    operand = char === ")" || char === "]";
  }
}

/** A regex literal at `/`, or false (then it is division) when none closes on this line. */
function regexLiteral(scanner: Scanner): boolean {
  const source = scanner.source;
  let at = scanner.pos + 1;
  let inClass = false;
  for (; at < source.length; at += 1) {
    const char = source[at]!;
    if (char === "\n") return false;
    if (char === "\\") at += 1;
    else if (inClass) inClass = char !== "]";
    else if (char === "[") inClass = true;
    else if (char === "/") break;
  }
  if (at >= source.length) return false;
  at += 1;
  while (at < source.length && /[a-z]/.test(source[at]!)) at += 1;
  scanner.take(at - scanner.pos, "regex");
  return true;
}

/** A JSX element (or fragment) at `<`, read whole; false when what follows is not one (a comparison, a generic). */
function jsxElement(scanner: Scanner): boolean {
  const source = scanner.source;
  const next = source[scanner.pos + 1] ?? "";
  if (next !== ">" && !/[\p{L}_$]/u.test(next)) return false;
  JSX_NAME.lastIndex = scanner.pos + 1;
  const name = next === ">" ? "" : (JSX_NAME.exec(source)?.[0] ?? "");
  const budget = budgets.get(scanner)!;
  if (budget.left <= 0) return false;
  // Cheap test before a tentative read: an element closes somewhere after. Its cost counts too.
  const searched = (found: number): number => (found === -1 ? source.length : found) - scanner.pos;
  const closing = source.indexOf(`</${name}`, scanner.pos);
  budget.left -= searched(closing);
  if (closing === -1) {
    const selfClosing = name === "" ? -1 : source.indexOf("/>", scanner.pos);
    budget.left -= name === "" ? 0 : searched(selfClosing);
    if (selfClosing === -1) return false;
  }
  const checkpoint = scanner.checkpoint();
  try {
    if (!scanner.nested(() => element(scanner))) throw new JsxMismatch();
    return true;
  } catch (error) {
    if (!(error instanceof JsxMismatch)) throw error;
    budget.left -= scanner.pos - checkpoint.pos;
    scanner.restore(checkpoint);
    return false;
  }
}

function element(scanner: Scanner): void {
  const source = scanner.source;
  scanner.take(1, "code");
  const name = readName(scanner);
  if (name !== "") attributes(scanner);
  else expect(scanner, ">");
  if (source[scanner.pos - 2] === "/" && source[scanner.pos - 1] === ">") return;
  // Children: text (what the component shows, as much a literal as a string), expressions, elements.
  while (!scanner.done) {
    if (scanner.startsWith("</")) {
      scanner.take(2, "code");
      skipSpace(scanner);
      const closing = readName(scanner);
      skipSpace(scanner);
      expect(scanner, ">");
      if (closing !== name) throw new JsxMismatch();
      return;
    }
    const char = scanner.at();
    if (char === "<") {
      if (!scanner.nested(() => element(scanner))) throw new JsxMismatch();
    } else if (char === "{") {
      expression(scanner);
    } else {
      scanner.take(1, "string");
    }
  }
  throw new JsxMismatch();
}

function attributes(scanner: Scanner): void {
  for (;;) {
    skipSpace(scanner);
    if (scanner.startsWith("/>")) {
      scanner.take(2, "code");
      return;
    }
    const char = scanner.at();
    if (char === ">") {
      scanner.take(1, "code");
      return;
    }
    if (char === "{") {
      expression(scanner);
      continue;
    }
    if (readName(scanner) === "") throw new JsxMismatch();
    skipSpace(scanner);
    if (scanner.at() !== "=") continue;
    scanner.take(1, "code");
    skipSpace(scanner);
    const value = scanner.at();
    if (value === '"' || value === "'") {
      const end = scanner.source.indexOf(value, scanner.pos + 1);
      if (end === -1) throw new JsxMismatch();
      scanner.take(end + 1 - scanner.pos, "string");
    } else if (value === "{") {
      expression(scanner);
    } else if (value === "<") {
      if (!scanner.nested(() => element(scanner))) throw new JsxMismatch();
    } else {
      throw new JsxMismatch();
    }
  }
}

/** `{…}` inside JSX: code up to the matching brace. */
function expression(scanner: Scanner): void {
  scanner.take(1, "code");
  if (!scanner.nested(() => scanJs(scanner, "}"))) throw new JsxMismatch();
  expect(scanner, "}");
}

function readName(scanner: Scanner): string {
  JSX_NAME.lastIndex = scanner.pos;
  const name = JSX_NAME.exec(scanner.source)?.[0] ?? "";
  scanner.take(name.length, "code");
  return name;
}

function skipSpace(scanner: Scanner): void {
  while (/\s/.test(scanner.at())) scanner.take(1, "code");
}

function expect(scanner: Scanner, char: string): void {
  if (scanner.at() !== char) throw new JsxMismatch();
  scanner.take(1, "code");
}
