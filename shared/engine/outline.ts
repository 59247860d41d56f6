// The outline of a canvas: its headings (documents, outside fenced code) or its top-level symbols
// (code), each with its 1-based line number, and the section each one heads. The long-canvas prompt
// shows it, read_canvas {heading} reads a section by it, search results name the section they sit in.
import { FenceTracker } from "../markdown/fences.ts";
import type { CanvasKind } from "../tools.ts";

export interface OutlineEntry {
  /** 1-based line of the heading or symbol. */
  line: number;
  /** Heading level (1–6) for documents; for code 1 at the left margin, 2 when indented (methods). */
  level: number;
  /** The heading's text without its #s, or the symbol's line, trimmed. */
  text: string;
  /** For code: the symbol's name when one was recognised; else null. */
  name: string | null;
}

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$/;
// Declarations that start a unit worth navigating to, across the languages people write here: a
// keyword and a name, a function bound to a name, a method after its modifiers.
const MODIFIERS = "(?:(?:export|default|pub|public|private|protected|static|abstract|final|async|override)\\s+)*";
const SYMBOLS = [
  new RegExp(
    `^(\\s*)${MODIFIERS}(?:function\\*?|class|interface|type|enum|struct|impl|trait|def|fn|func|module|namespace)\\s+([A-Za-z_$][\\w$]*)`,
  ),
  new RegExp(
    `^(\\s*)${MODIFIERS}(?:const|let|var)\\s+([A-Za-z_$][\\w$]*)\\s*=\\s*(?:async\\s*)?(?:\\([^)]*\\)|[A-Za-z_$][\\w$]*)\\s*=>`,
  ),
  /^(\s*)(?:(?:public|private|protected|static|async|override)\s+)+([A-Za-z_$][\w$]*)\s*\(/,
];

/** Headings (documents) or top-level symbols (code) with their line numbers, in order. */
export function canvasOutline(text: string, kind: CanvasKind): OutlineEntry[] {
  const lines = text.split("\n");
  const entries: OutlineEntry[] = [];
  if (kind === "document") {
    const fences = new FenceTracker();
    lines.forEach((line, index) => {
      if (fences.line(line) !== "outside") return;
      const match = HEADING.exec(line);
      if (match) entries.push({ line: index + 1, level: match[1]!.length, text: match[2]!, name: null });
    });
    return entries;
  }
  lines.forEach((line, index) => {
    const match = SYMBOLS.map((pattern) => pattern.exec(line)).find((found) => found !== null);
    if (!match) return;
    const level = match[1]!.length === 0 ? 1 : 2;
    entries.push({ line: index + 1, level, text: line.trim(), name: match[2]! });
  });
  return entries;
}

/**
 * The last line (1-based, inclusive) of the section `entry` heads. A document section runs to the next
 * heading of the same or a higher level; a code symbol to the line that closes it (a closing bracket at
 * its indentation) or to the last line before code at its indentation or less.
 */
export function sectionEnd(
  lines: readonly string[],
  entry: OutlineEntry,
  outline: readonly OutlineEntry[],
  kind: CanvasKind,
): number {
  if (kind === "document") {
    const next = outline.find((other) => other.line > entry.line && other.level <= entry.level);
    return trimBlankEnd(lines, entry.line, next ? next.line - 1 : lines.length);
  }
  const indent = indentOf(lines[entry.line - 1] ?? "");
  for (let index = entry.line; index < lines.length; index++) {
    const line = lines[index]!;
    if (!line.trim() || indentOf(line) > indent) continue;
    if (/^\s*[}\])]/.test(line) || /^\s*end\b/.test(line)) return index + 1;
    return trimBlankEnd(lines, entry.line, index);
  }
  return trimBlankEnd(lines, entry.line, lines.length);
}

/** The outline entry whose section holds `line` (the closest one above it), or null. */
export function sectionOf(outline: readonly OutlineEntry[], line: number): OutlineEntry | null {
  let found: OutlineEntry | null = null;
  for (const entry of outline) {
    if (entry.line > line) break;
    found = entry;
  }
  return found;
}

function indentOf(line: string): number {
  return /^[ \t]*/.exec(line)![0].replace(/\t/g, "    ").length;
}

function trimBlankEnd(lines: readonly string[], start: number, end: number): number {
  let last = end;
  while (last > start && !lines[last - 1]?.trim()) last--;
  return last;
}
