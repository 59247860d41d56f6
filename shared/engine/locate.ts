// Finding the passage a model quoted. Tiers, first that matches wins: the exact text; for code, a line
// match that ignores indentation and re-indents the replacement to the code it replaces; a normalised
// match (whitespace runs, typographic quotes and dashes, trailing spaces, markdown escapes). A quote
// that kept read_canvas's line numbers is tried again without them.
import type { CanvasKind } from "../tools.ts";
import { normalizeText } from "./normalize.ts";
import { stripLineNumbers } from "./lineNumbers.ts";

export type LocateTier = "exact" | "normalized" | "indentation";

export interface TextMatch {
  from: number;
  to: number;
  tier: LocateTier;
  /** For the indentation tier: the indentation to give the replacement's lines. */
  reindent?: { found: string; actual: string };
}

interface LocateResult {
  tier: LocateTier | null;
  matches: TextMatch[];
}

interface LocateOptions {
  kind: CanvasKind;
}

export function locate(text: string, find: string, opts: LocateOptions): LocateResult {
  const found = locateAsSent(text, find, opts);
  if (found.matches.length) return found;
  // A quote copied from read_canvas's numbered lines, numbers and all: the same tiers without them.
  const unnumbered = stripLineNumbers(find);
  return unnumbered === null ? found : locateAsSent(text, unnumbered, opts);
}

function locateAsSent(text: string, find: string, opts: LocateOptions): LocateResult {
  if (find.length === 0) return { tier: null, matches: [] };
  const exact = exactMatches(text, find);
  if (exact.length) return { tier: "exact", matches: exact };
  // For code, a line match comes before the whitespace-collapsing one so the replacement is re-indented.
  if (opts.kind === "code") {
    const lines = indentationMatches(text, find);
    if (lines.length) return { tier: "indentation", matches: lines };
  }
  const normalized = normalizedMatches(text, find, opts.kind === "document");
  if (normalized.length) return { tier: "normalized", matches: normalized };
  return { tier: null, matches: [] };
}

function exactMatches(text: string, find: string): TextMatch[] {
  const matches: TextMatch[] = [];
  for (let at = text.indexOf(find); at !== -1; at = text.indexOf(find, at + find.length)) {
    matches.push({ from: at, to: at + find.length, tier: "exact" });
  }
  return matches;
}

function normalizedMatches(text: string, find: string, markdown: boolean): TextMatch[] {
  const needle = normalizeText(find, markdown).text.trim();
  if (!needle) return [];
  const hay = normalizeText(text, markdown);
  const matches: TextMatch[] = [];
  for (let at = hay.text.indexOf(needle); at !== -1; at = hay.text.indexOf(needle, at + needle.length)) {
    const last = at + needle.length - 1;
    matches.push({ from: hay.starts[at]!, to: hay.ends[last]!, tier: "normalized" });
  }
  return matches;
}

function indentationMatches(text: string, find: string): TextMatch[] {
  const findLines = trimBlankEdges(find.split("\n"));
  if (!findLines.length) return [];
  const wanted = findLines.map((line) => line.trim());
  const lines = text.split("\n");
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    lineStarts.push(offset);
    offset += line.length + 1;
  }
  const matches: TextMatch[] = [];
  for (let i = 0; i + wanted.length <= lines.length; i++) {
    let same = true;
    for (let k = 0; k < wanted.length && same; k++) same = lines[i + k]!.trim() === wanted[k];
    if (!same) continue;
    const last = i + wanted.length - 1;
    matches.push({
      from: lineStarts[i]!,
      to: lineStarts[last]! + lines[last]!.length,
      tier: "indentation",
      reindent: { found: leadingSpace(findLines[0]!), actual: leadingSpace(lines[i]!) },
    });
    i = last;
  }
  return matches;
}

function trimBlankEdges(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && !lines[start]!.trim()) start++;
  while (end > start && !lines[end - 1]!.trim()) end--;
  return lines.slice(start, end);
}

function leadingSpace(line: string): string {
  return /^[ \t]*/.exec(line)![0];
}

/** Give a replacement written at the quote's indentation the indentation of the code it replaces. */
export function reindent(replace: string, change: { found: string; actual: string }): string {
  const lines = trimBlankEdges(replace.split("\n"));
  return lines
    .map((line) => {
      if (!line.trim()) return "";
      if (line.startsWith(change.found)) return change.actual + line.slice(change.found.length);
      return change.actual + line.trimStart();
    })
    .join("\n");
}
