// How much of a canvas an edit changed, and where. A character-level diff (the `diff` package) maps
// every removed or inserted character onto a position of the text before the edit, so changes can be
// counted inside or outside the region an instruction was about.
import { diffChars, diffWordsWithSpace, type ChangeObject } from "diff";

/** Half-open [start, end) offsets in the text before the edit. */
export interface Span {
  start: number;
  end: number;
}

// Myers' diff costs O((N+M)·D); past this many edits a character diff of a long canvas gets slow, so
// the word diff (far fewer tokens) takes over. Deterministic: no timeouts.
const MAX_CHAR_EDITS = 3_000;

function diffParts(before: string, after: string): ChangeObject<string>[] {
  if (before === after) return [{ value: before, count: 1, added: false, removed: false }];
  return diffChars(before, after, { maxEditLength: MAX_CHAR_EDITS }) ?? diffWordsWithSpace(before, after);
}

export interface ChangeSummary {
  /** Characters removed plus characters inserted. */
  changedChars: number;
  /** changedChars / before.length (0 for an empty before with no change, else changedChars when before is empty). */
  changedRatio: number;
  /** Changed characters that fall outside every region (insertions at a region's edge count as inside). */
  outsideChars: number;
}

export function summarizeChanges(before: string, after: string, regions: readonly Span[] = []): ChangeSummary {
  let position = 0;
  let changed = 0;
  let outside = 0;
  const inRegion = (at: number): boolean => regions.some((span) => at >= span.start && at < span.end);
  const atRegion = (at: number): boolean => regions.some((span) => at >= span.start && at <= span.end);
  for (const part of diffParts(before, after)) {
    const length = part.value.length;
    if (part.added) {
      changed += length;
      if (!atRegion(position)) outside += length;
    } else if (part.removed) {
      changed += length;
      for (let offset = 0; offset < length; offset++) if (!inRegion(position + offset)) outside++;
      position += length;
    } else {
      position += length;
    }
  }
  const changedRatio = before.length ? changed / before.length : changed;
  return { changedChars: changed, changedRatio, outsideChars: outside };
}

/** Every occurrence of `needle` in `text`. */
export function occurrences(text: string, needle: string): Span[] {
  const spans: Span[] = [];
  if (!needle) return spans;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) spans.push({ start: at, end: at + needle.length });
  return spans;
}

/**
 * Grow spans to the blocks that contain them: paragraphs (text between blank lines) for documents,
 * whole lines for code. An instruction about a phrase licenses rewording its paragraph or line.
 */
export function expandToBlocks(text: string, spans: readonly Span[], kind: "document" | "code"): Span[] {
  const separator = kind === "document" ? "\n\n" : "\n";
  return spans.map((span) => {
    const start = text.lastIndexOf(separator, Math.max(0, span.start - 1));
    const end = text.indexOf(separator, span.end);
    return { start: start < 0 ? 0 : start + separator.length, end: end < 0 ? text.length : end };
  });
}
