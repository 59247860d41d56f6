// Removing whole lines of code without breaking it: where a removal would leave a Python block with no
// statement (a syntax error), the first removed line in that block becomes `pass`.
import { lex } from "./lexer.ts";
import type { Range, Replacement } from "./quotes.ts";

/** Line start offsets of `text`. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) starts.push(at + 1);
  return starts;
}

/** The range grown to whole lines (newline included) when only whitespace is around it on its lines; else null. */
export function wholeLines(source: string, range: Range): Range | null {
  const start = source.lastIndexOf("\n", range.start - 1) + 1;
  const newline = source.indexOf("\n", range.end);
  const end = newline === -1 ? source.length : newline + 1;
  const around = source.slice(start, range.start) + source.slice(range.end, newline === -1 ? end : newline);
  return around.trim() === "" ? { start, end } : null;
}

/** Replacements removing each range (whole lines), with `pass` where a Python block would be left empty. */
export function removeLines(source: string, language: string | null, ranges: readonly Range[]): Replacement[] {
  const replacements: Replacement[] = ranges.map((range) => ({ ...range, replace: "" }));
  const lexed = lex(source, language);
  if (!lexed || lexed.blocks !== "indent") return replacements;
  const code = lexed.code.split("\n");
  // Strings count as statements (a docstring keeps a body valid); comments do not.
  const content = lexed.runs
    .map((run) => {
      const text = source.slice(run.start, run.end);
      return run.kind === "comment" ? text.replace(/[^\n]/g, " ") : text;
    })
    .join("")
    .split("\n");
  const starts = lineStarts(source);
  const lineAt = (offset: number): number => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  const removed = new Set<number>();
  for (const range of ranges)
    for (let line = lineAt(range.start); line <= lineAt(range.end - 1); line += 1) removed.add(line);
  const indentOf = (line: number): number => code[line]!.length - code[line]!.trimStart().length;
  const emptied = new Set<number>();
  replacements.forEach((replacement, index) => {
    const first = lineAt(replacement.start);
    let header = first - 1;
    while (
      header >= 0 &&
      (code[header]!.trim() === "" || indentOf(header) >= indentOf(first) || !code[header]!.trimEnd().endsWith(":"))
    )
      header -= 1;
    if (header < 0 || emptied.has(header)) return;
    for (let line = header + 1; line < code.length; line += 1) {
      if (code[line]!.trim() !== "" && indentOf(line) <= indentOf(header)) break;
      if (!removed.has(line) && content[line]!.trim() !== "") return;
    }
    emptied.add(header);
    const indentation = /^[ \t]*/.exec(source.slice(replacement.start))![0];
    const newline = source[replacement.end - 1] === "\n" ? "\n" : "";
    replacements[index] = { ...replacement, replace: `${indentation}pass${newline}` };
  });
  return replacements;
}
