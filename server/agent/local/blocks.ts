// Markdown blocks with their offsets in the canvas text, so edits can quote the canvas exactly.
// A line scanner, not a full parser: it only needs block boundaries (blank lines, headings, fences),
// which is what "paragraph 3" or "the section Background" refer to. Fences are shared/markdown's.
import { FenceTracker, openingFence } from "../../../shared/markdown/fences.ts";
import type { Range } from "./quotes.ts";

export type BlockKind = "heading" | "paragraph" | "list" | "quote" | "code" | "rule" | "table";

export interface Block {
  kind: BlockKind;
  /** Offsets in the canvas text; `text` is content.slice(start, end), without the trailing newline. */
  start: number;
  end: number;
  text: string;
  /** Heading level (1–6); 0 for other blocks. */
  level: number;
  /** Heading text without the #s; empty for other blocks. */
  headingText: string;
}

interface Line {
  start: number;
  end: number;
  text: string;
}

function splitLines(content: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= content.length) {
    const newline = content.indexOf("\n", start);
    const end = newline === -1 ? content.length : newline;
    lines.push({ start, end, text: content.slice(start, end) });
    if (newline === -1) break;
    start = newline + 1;
  }
  return lines;
}

const HEADING = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const RULE = /^ {0,3}([-*_])(\s*\1){2,}\s*$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+/;

function kindOf(firstLine: string): BlockKind {
  if (LIST_ITEM.test(firstLine)) return "list";
  if (/^\s*>/.test(firstLine)) return "quote";
  if (/^\s*\|/.test(firstLine)) return "table";
  return "paragraph";
}

/** The index of the line that closes the fence opened on line `open` (the last line when it never closes). */
function fenceEnd(lines: Line[], open: number): number {
  const tracker = new FenceTracker();
  tracker.line(lines[open]!.text);
  for (let j = open + 1; j < lines.length; j += 1) if (tracker.line(lines[j]!.text) === "close") return j;
  return lines.length - 1;
}

/** Fenced code blocks, opening line to closing line (or to the end of the text when one never closes). */
export function fencedRanges(content: string): Range[] {
  const lines = splitLines(content);
  const ranges: Range[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    if (openingFence(lines[i]!.text) === null) continue;
    const end = fenceEnd(lines, i);
    ranges.push({ start: lines[i]!.start, end: lines[end]!.end });
    i = end;
  }
  return ranges;
}

/** The text cut into fenced code blocks and the rest, in order; joined, the segments are the text. */
export function fenceSegments(content: string): { text: string; fenced: boolean }[] {
  const segments: { text: string; fenced: boolean }[] = [];
  let cursor = 0;
  for (const { start, end } of fencedRanges(content)) {
    if (start > cursor) segments.push({ text: content.slice(cursor, start), fenced: false });
    segments.push({ text: content.slice(start, end), fenced: true });
    cursor = end;
  }
  if (cursor < content.length) segments.push({ text: content.slice(cursor), fenced: false });
  return segments;
}

export function markdownBlocks(content: string): Block[] {
  const lines = splitLines(content);
  const blocks: Block[] = [];
  const push = (kind: BlockKind, from: Line, to: Line, level = 0, headingText = ""): void => {
    blocks.push({ kind, start: from.start, end: to.end, text: content.slice(from.start, to.end), level, headingText });
  };
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.text.trim() === "") {
      i += 1;
      continue;
    }
    if (openingFence(line.text) !== null) {
      const end = fenceEnd(lines, i);
      push("code", line, lines[end]!);
      i = end + 1;
      continue;
    }
    const heading = HEADING.exec(line.text);
    if (heading) {
      push("heading", line, line, heading[1]!.length, heading[2]!);
      i += 1;
      continue;
    }
    if (RULE.test(line.text)) {
      push("rule", line, line);
      i += 1;
      continue;
    }
    let j = i;
    while (
      j + 1 < lines.length &&
      lines[j + 1]!.text.trim() !== "" &&
      !HEADING.test(lines[j + 1]!.text) &&
      openingFence(lines[j + 1]!.text) === null
    ) {
      j += 1;
    }
    push(kindOf(line.text), line, lines[j]!);
    i = j + 1;
  }
  return blocks;
}

/** Blocks a reader counts as "paragraphs": prose paragraphs and quotes, not headings, lists or code. */
export function paragraphs(blocks: Block[]): Block[] {
  return blocks.filter((block) => block.kind === "paragraph" || block.kind === "quote");
}

export interface Section {
  heading: Block;
  start: number;
  /** End of the section's last block (before the next heading of the same or a higher level). */
  end: number;
}

export function sections(blocks: Block[]): Section[] {
  const result: Section[] = [];
  blocks.forEach((block, index) => {
    if (block.kind !== "heading") return;
    let last = block;
    for (const next of blocks.slice(index + 1)) {
      if (next.kind === "heading" && next.level <= block.level) break;
      last = next;
    }
    result.push({ heading: block, start: block.start, end: last.end });
  });
  return result;
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[*_`"'“”‘’]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** The section whose heading matches `name` (exact, then contains), or null. */
export function findSection(blocks: Block[], name: string): Section | null {
  const wanted = normalise(name);
  if (!wanted) return null;
  const all = sections(blocks);
  return (
    all.find((section) => normalise(section.heading.headingText) === wanted) ??
    all.find((section) => normalise(section.heading.headingText).includes(wanted)) ??
    null
  );
}

/**
 * The range to delete so that removing [start, end) leaves the surrounding blocks separated by one
 * blank line: takes the whitespace after the block, or before it when the block is last.
 */
export function removalRange(content: string, start: number, end: number): { start: number; end: number } {
  let after = end;
  while (after < content.length && /\s/.test(content[after]!)) after += 1;
  if (after < content.length) return { start, end: after };
  let before = start;
  while (before > 0 && /\s/.test(content[before - 1]!)) before -= 1;
  return { start: before, end };
}
