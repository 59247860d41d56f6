// How much of a canvas an edit changed, and where. A diff maps every removed or inserted piece onto a
// position of the text before the edit, so changes can be counted inside or outside the region an
// instruction was about, and the region's new text read back.
//
// Cost is bounded for any input (a 300 KB canvas rewritten whole included): lines are diffed first
// (patience diff, lineDiff.ts), and only replaced hunks of moderate size are refined to words, then
// small word replacements to characters. A hunk too big to refine counts as wholly replaced.
import { diffChars, diffWordsWithSpace, type ChangeObject } from "diff";
import { lineDiff, type DiffOp } from "../../shared/engine/lineDiff.ts";

/** Half-open [start, end) offsets in the text before the edit. */
export interface Span {
  start: number;
  end: number;
}

export type { DiffOp } from "../../shared/engine/lineDiff.ts";

export type Granularity = "line" | "word" | "char";

// Myers' diff costs O(D²) in the number of edits D: past this many changed lines between two anchor
// lines, a stretch is treated as replaced whole (a rewrite), which is what it is, at a bounded cost.
const MAX_LINE_EDITS = 1_000;
const MAX_WORD_EDITS = 2_000;
/** Hunks larger than this (removed + added characters) stay at line granularity. */
const REFINE_WORDS_BELOW = 20_000;
/** Word-level replacements smaller than this on both sides are refined to characters. */
const REFINE_CHARS_BELOW = 300;

function toOps(parts: readonly ChangeObject<string>[]): DiffOp[] {
  return parts.map((part) => ({
    kind: part.added ? "added" : part.removed ? "removed" : "equal",
    value: part.value,
  }));
}

const coarse = (removed: string, added: string): DiffOp[] => [
  ...(removed ? [{ kind: "removed" as const, value: removed }] : []),
  ...(added ? [{ kind: "added" as const, value: added }] : []),
];

/** Replace each run of removed/added ops by `refine(removed, added)`. */
function refineHunks(ops: DiffOp[], refine: (removed: string, added: string) => DiffOp[]): DiffOp[] {
  const out: DiffOp[] = [];
  let removed = "";
  let added = "";
  const flush = (): void => {
    if (removed || added) out.push(...(removed && added ? refine(removed, added) : coarse(removed, added)));
    removed = "";
    added = "";
  };
  for (const op of ops) {
    if (op.kind === "removed") removed += op.value;
    else if (op.kind === "added") added += op.value;
    else {
      flush();
      out.push(op);
    }
  }
  flush();
  return out;
}

/** The diff of two texts at the given granularity, computed in bounded time. */
let lastLines: { before: string; after: string; ops: DiffOp[] } | null = null;

function lineOps(before: string, after: string): DiffOp[] {
  if (lastLines && lastLines.before === before && lastLines.after === after) return lastLines.ops;
  const ops = lineDiff(before, after, MAX_LINE_EDITS);
  lastLines = { before, after, ops };
  return ops;
}

export function alignedDiff(before: string, after: string, granularity: Granularity): DiffOp[] {
  if (before === after) return before ? [{ kind: "equal", value: before }] : [];
  let ops = lineOps(before, after);
  if (granularity === "line") return ops;
  ops = refineHunks(ops, (removed, added) => {
    if (removed.length + added.length > REFINE_WORDS_BELOW) return coarse(removed, added);
    const words = diffWordsWithSpace(removed, added, { maxEditLength: MAX_WORD_EDITS });
    return words ? toOps(words) : coarse(removed, added);
  });
  if (granularity === "word") return ops;
  return refineHunks(ops, (removed, added) => {
    if (removed.length > REFINE_CHARS_BELOW || added.length > REFINE_CHARS_BELOW) return coarse(removed, added);
    return toOps(diffChars(removed, added));
  });
}

export interface RegionChange {
  /** The regions' text after the edit (kept text plus text inserted inside or at their edges). */
  after: string;
  /** Characters of the regions before the edit. */
  beforeChars: number;
  /** A non-whitespace character was removed from or inserted into a region. */
  changed: boolean;
  /** max(words removed, words inserted) / words of the regions before, capped at 1. */
  wordShare: number;
}

export interface ChangeSummary {
  /** Characters removed plus characters inserted. */
  changedChars: number;
  /** changedChars / before.length (changedChars itself when before is empty). */
  changedRatio: number;
  /** Changed characters outside every region (insertions at a region's edge count as inside). */
  outsideChars: number;
  /** What happened inside the regions; null when there are none. */
  region: RegionChange | null;
}

const wordCount = (text: string): number => text.match(/[\p{L}\p{N}_]+/gu)?.length ?? 0;

/** A run of removed and added ops between two equal ones: `removed` is [start, end) of the text before. */
interface Hunk {
  start: number;
  end: number;
  removed: string;
  added: string;
}

/** The equal stretches and the hunks of a diff, with positions in the text before the edit. */
function walk(
  ops: readonly DiffOp[],
  onEqual: (start: number, value: string) => void,
  onHunk: (hunk: Hunk) => void,
): void {
  let position = 0;
  let hunk: Hunk | null = null;
  const flush = (): void => {
    if (hunk) onHunk(hunk);
    hunk = null;
  };
  for (const op of ops) {
    if (op.kind === "equal") {
      flush();
      onEqual(position, op.value);
      position += op.value.length;
      continue;
    }
    hunk ??= { start: position, end: position, removed: "", added: "" };
    if (op.kind === "removed") {
      hunk.removed += op.value;
      position += op.value.length;
      hunk.end = position;
    } else hunk.added += op.value;
  }
  flush();
}

function spanTools(regions: readonly Span[]) {
  const inRegion = (at: number): boolean => regions.some((span) => at >= span.start && at < span.end);
  // A hunk belongs to a region when it replaces text inside it or inserts at one of its edges: the text
  // it adds is then the region's new text, wherever the diff happened to put it within the hunk.
  const touches = (hunk: Hunk): boolean =>
    regions.some((span) =>
      hunk.end > hunk.start
        ? hunk.start < span.end && hunk.end > span.start
        : hunk.start >= span.start && hunk.start <= span.end,
    );
  const inside = (start: number, value: string): string => {
    let out = "";
    for (let offset = 0; offset < value.length; offset++) if (inRegion(start + offset)) out += value[offset];
    return out;
  };
  return { touches, inside };
}

function regionChanges(ops: readonly DiffOp[], before: string, regions: readonly Span[]): RegionChange {
  const { touches, inside } = spanTools(regions);
  const pieces: string[] = [];
  let changed = false;
  let removedWords = 0;
  let addedWords = 0;
  walk(
    ops,
    (start, value) => pieces.push(inside(start, value)),
    (hunk) => {
      if (!touches(hunk)) return;
      const removed = inside(hunk.start, hunk.removed);
      removedWords += wordCount(removed);
      addedWords += wordCount(hunk.added);
      pieces.push(hunk.added);
      if (/\S/.test(removed) || /\S/.test(hunk.added)) changed = true;
    },
  );
  const regionText = regions.map((span) => before.slice(span.start, span.end)).join("");
  const words = Math.max(1, wordCount(regionText));
  return {
    after: pieces.join(""),
    beforeChars: regionText.length,
    changed,
    wordShare: Math.min(1, Math.max(removedWords, addedWords) / words),
  };
}

function outsideChanges(ops: readonly DiffOp[], regions: readonly Span[]): number {
  const { touches, inside } = spanTools(regions);
  let outside = 0;
  walk(
    ops,
    () => undefined,
    (hunk) => {
      outside += hunk.removed.length - inside(hunk.start, hunk.removed).length;
      if (!touches(hunk)) outside += hunk.added.length;
    },
  );
  return outside;
}

/**
 * Where changes fall is measured on whole tokens (words and the whitespace between them) because a
 * character diff happily aligns an inserted "\tif err" with the "\tf" of the next line's "\tfor" and
 * reports a change outside the line that was edited.
 */
export function summarizeChanges(before: string, after: string, regions: readonly Span[] = []): ChangeSummary {
  let changed = 0;
  for (const op of alignedDiff(before, after, "char")) if (op.kind !== "equal") changed += op.value.length;
  const changedRatio = before.length ? changed / before.length : changed;
  if (!regions.length) return { changedChars: changed, changedRatio, outsideChars: 0, region: null };
  // Words, not characters (see above), for code too: a line diff would blame the last line of a file
  // for the newline that a deletion after it took away.
  const ops = alignedDiff(before, after, "word");
  return {
    changedChars: changed,
    changedRatio,
    outsideChars: before === after ? 0 : outsideChanges(ops, regions),
    region: regionChanges(ops, before, regions),
  };
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
 * guard clause after the line being fixed, an example after the sentence). Overlapping blocks merge.
 */
export function expandToBlocks(text: string, spans: readonly Span[], kind: "document" | "code"): Span[] {
  const separator = kind === "document" ? "\n\n" : "\n";
  const blocks = spans
    .map((span) => {
      const start = text.lastIndexOf(separator, Math.max(0, span.start - 1));
      const end = text.indexOf(separator, span.end);
      return { start: start < 0 ? 0 : start, end: end < 0 ? text.length : end + separator.length };
    })
    .sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const block of blocks) {
    const last = merged[merged.length - 1];
    if (last && block.start <= last.end) last.end = Math.max(last.end, block.end);
    else merged.push({ ...block });
  }
  return merged;
}
