// How much of a canvas an edit changed, and where. A character-level diff (the `diff` package) maps
// every removed or inserted character onto a position of the text before the edit, so changes can be
// counted inside or outside the region an instruction was about.
import { diffChars, diffLines, diffWordsWithSpace, type ChangeObject } from "diff";

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
  /** Characters removed plus characters inserted (character diff). */
  changedChars: number;
  /** changedChars / before.length (changedChars itself when before is empty). */
  changedRatio: number;
  /** Changed characters outside every region (insertions at a region's edge count as inside). */
  outsideChars: number;
}

/**
 * Where changes fall is measured on whole tokens — lines of code, words of prose — because a
 * character diff happily aligns an inserted "\tif err" with the "\tf" of the next line's "\tfor" and
 * reports a change outside the line that was edited.
 */
function outsideChanges(before: string, after: string, regions: readonly Span[], kind: "document" | "code"): number {
  if (!regions.length || before === after) return 0;
  const parts = kind === "code" ? diffLines(before, after) : diffWordsWithSpace(before, after);
  const inRegion = (at: number): boolean => regions.some((span) => at >= span.start && at < span.end);
  const atRegion = (at: number): boolean => regions.some((span) => at >= span.start && at <= span.end);
  let position = 0;
  let outside = 0;
  for (const part of parts) {
    const length = part.value.length;
    if (part.added) {
      if (!atRegion(position)) outside += length;
    } else if (part.removed) {
      for (let offset = 0; offset < length; offset++) if (!inRegion(position + offset)) outside++;
      position += length;
    } else {
      position += length;
    }
  }
  return outside;
}

export function summarizeChanges(
  before: string,
  after: string,
  regions: readonly Span[] = [],
  kind: "document" | "code" = "document",
): ChangeSummary {
  let changed = 0;
  for (const part of diffParts(before, after)) if (part.added || part.removed) changed += part.value.length;
  const changedRatio = before.length ? changed / before.length : changed;
  return { changedChars: changed, changedRatio, outsideChars: outsideChanges(before, after, regions, kind) };
}

/** Every occurrence of `needle` in `text`. */
export function occurrences(text: string, needle: string): Span[] {
  const spans: Span[] = [];
  if (!needle) return spans;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1))
    spans.push({ start: at, end: at + needle.length });
  return spans;
}

/**
 * Grow spans to the blocks that contain them, with the separators around them: paragraphs (text
 * between blank lines) for documents, whole lines for code. An instruction about a phrase licenses
 * rewording its paragraph or line, removing it, or adding a paragraph or line right next to it (a
 * guard clause after the line being fixed, an example after the sentence).
 */
export function expandToBlocks(text: string, spans: readonly Span[], kind: "document" | "code"): Span[] {
  const separator = kind === "document" ? "\n\n" : "\n";
  return spans.map((span) => {
    const start = text.lastIndexOf(separator, Math.max(0, span.start - 1));
    const end = text.indexOf(separator, span.end);
    return { start: start < 0 ? 0 : start, end: end < 0 ? text.length : end + separator.length };
  });
}
