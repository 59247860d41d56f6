// Simple, reliable checks on a code canvas: debug output, TODO/FIXME, `any` in TypeScript, unused
// variables, very long functions, loose equality, empty catch blocks. Each finding becomes a comment
// quoting the exact code.
import type { CommentSpec, Severity } from "../../../shared/tools.ts";
import { findLanguage } from "../../../shared/languages.ts";
import { extendToUnique, wordOccurrences, type Range } from "./quotes.ts";
import { MAX_COMMENTS } from "./review.ts";
import { outputStatements } from "./debugOutput.ts";

export const LONG_FUNCTION_LINES = 60;

type Family = "js" | "ts" | "python" | "other";

export function languageFamily(language: string | null): Family {
  const id = findLanguage(language)?.id;
  if (id === "typescript") return "ts";
  if (id === "javascript") return "js";
  if (id === "python") return "python";
  return "other";
}

interface Finding {
  range: Range;
  comment: string;
  severity: Severity;
  /** Replacement for the text at `range`, when the fix is obvious. */
  fix: string | null;
}

interface Line {
  start: number;
  text: string;
  index: number;
}

function linesOf(source: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  source.split("\n").forEach((text, index) => {
    lines.push({ start, text, index });
    start += text.length + 1;
  });
  return lines;
}

/** The line's text without its indentation and trailing whitespace, as a range. */
function trimmedLine(line: Line): Range {
  const lead = line.text.length - line.text.trimStart().length;
  return { start: line.start + lead, end: line.start + line.text.trimEnd().length };
}

const isCommentLine = (text: string): boolean => /^\s*(\/\/|#|\*|\/\*)/.test(text);

/** Debug output (debugOutput.ts decides which prints are debug, never the program's output) and `debugger`. */
function debugOutput(source: string, language: string | null, lines: Line[], family: Family): Finding[] {
  const found: Finding[] = [];
  for (const statement of outputStatements(source, language) ?? []) {
    if (!statement.debug) continue;
    const first = source.slice(statement.range.start).split("\n", 1)[0]!;
    const lead = first.length - first.trimStart().length;
    found.push({
      range: { start: statement.range.start + lead, end: statement.range.start + first.trimEnd().length },
      comment:
        family === "python" && statement.level === "print" && statement.reason !== "marked as debug"
          ? "print() inside a function: if this is debug output, remove it or use the logging module."
          : "Debug output left in: remove it or use the project's logger.",
      severity: "suggestion",
      fix: null,
    });
  }
  if (family !== "js" && family !== "ts") return found;
  for (const line of lines) {
    if (isCommentLine(line.text) || !/^\s*debugger;?\s*$/.test(line.text)) continue;
    found.push({
      range: trimmedLine(line),
      comment: "A `debugger` statement pauses every run with devtools open: remove it.",
      severity: "issue",
      fix: null,
    });
  }
  return found;
}

function todos(lines: Line[]): Finding[] {
  const found: Finding[] = [];
  for (const line of lines) {
    const match = /\b(TODO|FIXME|XXX|HACK)\b.*$/.exec(line.text);
    if (!match) continue;
    const start = line.start + match.index;
    const end = line.start + line.text.trimEnd().length;
    const urgent = match[1] !== "TODO";
    found.push({
      range: { start, end },
      comment: urgent
        ? `${match[1]} marks known broken or fragile code: fix it before shipping, or open an issue and link it.`
        : "Unfinished work: do it, or track it in an issue so it is not forgotten.",
      severity: urgent ? "issue" : "info",
      fix: null,
    });
  }
  return found;
}

function anyTypes(source: string, family: Family): Finding[] {
  if (family !== "ts") return [];
  const found: Finding[] = [];
  const pattern = /(?:[\w$]+\??\s*:\s*|\bas\s+|[\w$.]*<)any\b(\[\])?/g;
  for (const match of source.matchAll(pattern)) {
    const start = match.index;
    const text = match[0];
    found.push({
      range: { start, end: start + text.length },
      comment: "`any` switches off type checking here: use `unknown` and narrow it, or a precise type.",
      severity: "suggestion",
      fix: text.replace(/\bany\b/, "unknown"),
    });
  }
  return found;
}

function unusedVariables(source: string, lines: Line[], family: Family): Finding[] {
  const found: Finding[] = [];
  const declaration =
    family === "python"
      ? /^(\s+)([A-Za-z_]\w*)\s*=(?!=)/
      : family === "js" || family === "ts"
        ? /^(\s*)(?:const|let|var)\s+([A-Za-z$][\w$]*)\b/
        : null;
  if (!declaration) return found;
  for (const line of lines) {
    const match = declaration.exec(line.text);
    if (!match || /^\s*export\b/.test(line.text)) continue;
    const name = match[2]!;
    if (name.startsWith("_") || wordOccurrences(source, name).length > 1) continue;
    const start = line.start + match[1]!.length;
    found.push({
      range: { start, end: line.start + match[0].length },
      comment: `\`${name}\` is assigned but never used: remove it, or use it if something is missing.`,
      severity: "suggestion",
      fix: null,
    });
  }
  return found;
}

const CONTROL = /^\s*(?:}\s*)?(?:if|for|while|switch|catch|else|do|try|return|with|elif|except)\b/;
const FUNCTION_START =
  /(?:\bfunction\b[\s\w$]*\(|=>\s*\{\s*$|^\s*(?:(?:public|private|protected|static|async|override|export|default|fn|func|def)\s+)*[\w$<>[\],\s*&:]*\b[\w$]+\s*\([^;]*\)[^;=]*\{\s*$)/;

function functionEnd(lines: Line[], from: number, family: Family): number {
  if (family === "python") {
    const indent = lines[from]!.text.length - lines[from]!.text.trimStart().length;
    let last = from;
    for (let i = from + 1; i < lines.length; i += 1) {
      const text = lines[i]!.text;
      if (text.trim() === "") continue;
      if (text.length - text.trimStart().length <= indent) break;
      last = i;
    }
    return last;
  }
  let depth = 0;
  let opened = false;
  for (let i = from; i < lines.length; i += 1) {
    for (const char of lines[i]!.text.replace(/(["'`])(?:\\.|(?!\1).)*\1/g, "").replace(/\/\/.*$/, "")) {
      if (char === "{") {
        depth += 1;
        opened = true;
      }
      if (char === "}") depth -= 1;
    }
    if (opened && depth <= 0) return i;
  }
  return lines.length - 1;
}

/** Offsets of the function called `name` (declaration line to closing line), or null. */
export function functionRange(source: string, name: string, language: string | null): Range | null {
  const family = languageFamily(language);
  const lines = linesOf(source);
  const escaped = name.replace(/[$]/g, "\\$");
  const declaration = new RegExp(
    `(?:\\bfunction\\s*\\*?\\s*${escaped}\\b|\\bdef\\s+${escaped}\\b|\\bfunc\\s+(?:\\([^)]*\\)\\s*)?${escaped}\\b|\\bfn\\s+${escaped}\\b|\\b${escaped}\\s*[=:]\\s*(?:async\\s*)?(?:function\\b|\\(|[\\w$]+\\s*=>)|^\\s*(?:(?:public|private|protected|static|async)\\s+)*${escaped}\\s*\\([^;]*\\)\\s*(?::[^{]+)?\\{)`,
  );
  const start = lines.find((line) => declaration.test(line.text));
  if (!start) return null;
  const last = lines[functionEnd(lines, start.index, family)]!;
  return { start: start.start, end: last.start + last.text.length };
}

function longFunctions(lines: Line[], family: Family): Finding[] {
  const found: Finding[] = [];
  for (const line of lines) {
    const starts =
      family === "python"
        ? /^\s*(?:async\s+)?def\s+\w+/.test(line.text)
        : !CONTROL.test(line.text) && FUNCTION_START.test(line.text);
    if (!starts) continue;
    const length = functionEnd(lines, line.index, family) - line.index + 1;
    if (length <= LONG_FUNCTION_LINES) continue;
    found.push({
      range: trimmedLine(line),
      comment: `This function is ${length} lines long: split it into smaller functions with names that say what each step does.`,
      severity: "info",
      fix: null,
    });
  }
  return found;
}

function looseEquality(lines: Line[], family: Family): Finding[] {
  if (family !== "js" && family !== "ts") return [];
  const loose = /(?<![=!<>])(==|!=)(?!=)/g;
  const found: Finding[] = [];
  for (const line of lines) {
    if (isCommentLine(line.text)) continue;
    const code = line.text.replace(/(["'`])(?:\\.|(?!\1).)*\1/g, (m) => " ".repeat(m.length));
    const operators = [...code.matchAll(loose)].filter((m) => !/^\s*(null|undefined)\b/.test(code.slice(m.index + 2)));
    if (operators.length === 0) continue;
    const range = trimmedLine(line);
    let fixed = line.text;
    for (const m of [...operators].reverse()) fixed = fixed.slice(0, m.index) + m[0] + "=" + fixed.slice(m.index + 2);
    found.push({
      range,
      comment: "Loose equality (`==`/`!=`) converts types before comparing: use `===`/`!==`.",
      severity: "issue",
      fix: fixed.slice(range.start - line.start, range.end - line.start + operators.length),
    });
  }
  return found;
}

function emptyCatches(source: string, family: Family): Finding[] {
  const pattern = family === "python" ? /except\b[^:\n]*:\s*\n\s*pass\b/g : /\bcatch\s*(?:\([^)]*\))?\s*\{\s*\}/g;
  const found: Finding[] = [];
  for (const match of source.matchAll(pattern)) {
    const firstLine = match[0].split("\n")[0]!.trimEnd();
    found.push({
      range: { start: match.index, end: match.index + firstLine.length },
      comment: "This empty handler hides errors: log the error, handle it, or let it propagate.",
      severity: "issue",
      fix: null,
    });
  }
  return found;
}

const SEVERITY_RANK: Record<Severity, number> = { issue: 0, suggestion: 1, info: 2 };

/** Up to MAX_COMMENTS comments on a code canvas, most severe first; [] when nothing is found. */
export function reviewCode(source: string, language: string | null, within: Range | null = null): CommentSpec[] {
  const family = languageFamily(language);
  const lines = linesOf(source);
  const findings = [
    ...emptyCatches(source, family),
    ...looseEquality(lines, family),
    ...todos(lines),
    ...debugOutput(source, language, lines, family),
    ...anyTypes(source, family),
    ...unusedVariables(source, lines, family),
    ...longFunctions(lines, family),
  ].filter((finding) => !within || (finding.range.start >= within.start && finding.range.end <= within.end));
  const comments = new Map<string, { spec: CommentSpec; rank: number; start: number }>();
  findings.forEach((finding, order) => {
    const unique = extendToUnique(source, finding.range, { stop: /(?!)/, maxLength: 400 });
    if (!unique) return;
    const quote = source.slice(unique.start, unique.end);
    if (comments.has(quote)) return;
    const suggestion =
      finding.fix === null
        ? null
        : source.slice(unique.start, finding.range.start) + finding.fix + source.slice(finding.range.end, unique.end);
    comments.set(quote, {
      spec: { quote, comment: finding.comment, severity: finding.severity, suggestion },
      rank: SEVERITY_RANK[finding.severity] * 1000 + order,
      start: unique.start,
    });
  });
  return [...comments.values()]
    .sort((a, b) => a.rank - b.rank)
    .slice(0, MAX_COMMENTS)
    .sort((a, b) => a.start - b.start)
    .map((item) => item.spec);
}
