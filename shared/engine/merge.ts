// A three-way merge of canvas texts, the one place that reconciles two lines of work on a common base:
// a streamed rewrite with what people typed meanwhile (base: the canvas as the stream showed it, ours:
// the canvas with people's typing, theirs: the model's result), and the undo of one AI change with what
// came after it (base: the text right after the change, ours: the canvas now, theirs: the text before
// the change, like `git revert`). Lines are aligned first (patience diff, bounded), then a region that
// both sides changed is merged again word by word when both versions still resemble the base; what
// still overlaps is a conflict: theirs is kept in the text and the conflict says what ours did there.
// Whole lines that ours only added are never part of a conflict: they are new text (a paragraph someone
// wrote), not a change of what theirs replaced, so they stay, right after theirs' version of that part.
import { diffWordsWithSpace } from "diff";
import { lineDiff } from "./lineDiff.ts";

/** A replacement of base[from, to) by `text` (from === to: an insertion). */
interface Hunk {
  from: number;
  to: number;
  text: string;
}

/** One of ours' edits inside a conflicting region, as base text → ours text. */
export interface DisplacedEdit {
  before: string;
  after: string;
  /** Where it would have been, as an offset in the merged text (estimated by proportion). */
  at: number;
}

export interface MergeConflict {
  /** The region of the base both sides changed. */
  base: string;
  ours: string;
  theirs: string;
  /** Where theirs' version of the region sits in the merged text. */
  from: number;
  to: number;
  /** Ours' edits in the region, each on its own (what a conflict comment quotes verbatim). */
  edits: DisplacedEdit[];
}

export interface MergeResult {
  /** The merge; in a conflicting region, theirs. */
  text: string;
  conflicts: MergeConflict[];
}

/** Bounds the Myers step of the line diff (a rewrite with nothing in common becomes one region). */
const MAX_LINE_EDITS = 2_000;
/** Regions longer than this (characters, all three versions) are not merged word by word. */
const MAX_WORD_MERGE_CHARS = 200_000;
const MAX_WORD_EDITS = 5_000;
/** A version that keeps less than this share of the base region's words is a rewrite of it, not an edit. */
const MIN_KEPT_SHARE = 0.5;

/**
 * Merge ours' and theirs' changes to `base`. Pure; linear in the texts plus the diffs' cost. `words:
 * false` merges whole lines only (for texts whose lines are tokens, e.g. one line per block).
 */
export function merge3(base: string, ours: string, theirs: string, options: { words?: boolean } = {}): MergeResult {
  if (ours === base || ours === theirs) return { text: theirs, conflicts: [] };
  if (theirs === base) return { text: ours, conflicts: [] };
  // Every line ends with a newline while merging, so text added after the last line is not a change of it.
  const [b, o, t] = [base + "\n", ours + "\n", theirs + "\n"];
  const merged = mergeHunks(b, lineHunks(b, o), lineHunks(b, t), { refine: options.words ?? true, lines: true });
  const end = merged.text.length - 1;
  const clip = (offset: number) => Math.min(offset, end);
  return {
    text: merged.text.slice(0, end),
    conflicts: merged.conflicts.map((conflict) => ({
      ...conflict,
      base: trimSentinel(conflict.base, conflict.to > end),
      ours: trimSentinel(conflict.ours, conflict.to > end),
      theirs: trimSentinel(conflict.theirs, conflict.to > end),
      from: clip(conflict.from),
      to: clip(conflict.to),
      edits: conflict.edits.map((edit) => ({ ...edit, at: clip(edit.at) })),
    })),
  };
}

/** A region at the very end carries the newline merge3 added; drop it. */
function trimSentinel(text: string, atEnd: boolean): string {
  return atEnd && text.endsWith("\n") ? text.slice(0, -1) : text;
}

function lineHunks(base: string, other: string): Hunk[] {
  return hunksOf(lineDiff(base, other, MAX_LINE_EDITS).map((op) => ({ value: op.value, kind: op.kind })));
}

/** Word hunks, or null when the diff is too costly. */
function wordHunks(base: string, other: string): { hunks: Hunk[]; kept: number } | null {
  const parts = diffWordsWithSpace(base, other, { maxEditLength: MAX_WORD_EDITS });
  if (!parts) return null;
  let kept = 0;
  const ops = parts.map((part) => {
    const kind = part.added ? ("added" as const) : part.removed ? ("removed" as const) : ("equal" as const);
    if (kind === "equal") kept += part.value.length;
    return { value: part.value, kind };
  });
  return { hunks: hunksOf(ops), kept };
}

function hunksOf(ops: readonly { value: string; kind: "equal" | "removed" | "added" }[]): Hunk[] {
  const out: Hunk[] = [];
  let position = 0;
  let current: Hunk | null = null;
  for (const op of ops) {
    if (op.kind === "equal") {
      current = null;
      position += op.value.length;
      continue;
    }
    if (!current) {
      current = { from: position, to: position, text: "" };
      out.push(current);
    }
    if (op.kind === "removed") {
      position += op.value.length;
      current.to = position;
    } else current.text += op.value;
  }
  return out;
}

/** base[from, to) with `hunks` (all inside it, in order) applied. */
function applyHunks(base: string, from: number, to: number, hunks: readonly Hunk[]): string {
  let out = "";
  let position = from;
  for (const hunk of hunks) {
    out += base.slice(position, hunk.from) + hunk.text;
    position = hunk.to;
  }
  return out + base.slice(position, to);
}

/**
 * Walk both sides' hunks in base order, grouping the ones that overlap: a hunk that starts strictly
 * inside a group joins it, and two insertions at the same point join; an insertion at the edge of a
 * replaced range does not (typing right after a changed word is not in the way of that change).
 * `refine`: merge a clashing group again word by word; `lines`: the hunks are whole lines (then ours'
 * insertions in a clashing group stay, see `withInsertions`).
 */
function mergeHunks(
  base: string,
  ours: readonly Hunk[],
  theirs: readonly Hunk[],
  options: { refine: boolean; lines: boolean },
): MergeResult {
  let text = "";
  // Its last two characters, without reading back the text being built.
  let tail = "";
  const add = (piece: string): void => {
    text += piece;
    tail = piece.length >= 2 ? piece.slice(-2) : (tail + piece).slice(-2);
  };
  const conflicts: MergeConflict[] = [];
  let position = 0;
  let i = 0;
  let j = 0;
  const firstOf = (): { side: "ours" | "theirs"; hunk: Hunk } | null => {
    const a = ours[i];
    const b = theirs[j];
    if (!a && !b) return null;
    if (!b || (a && (a.from < b.from || (a.from === b.from && a.to <= b.to)))) return { side: "ours", hunk: a! };
    return { side: "theirs", hunk: b };
  };
  for (let first = firstOf(); first; first = firstOf()) {
    const groupOurs: Hunk[] = [];
    const groupTheirs: Hunk[] = [];
    const from = first.hunk.from;
    let to = first.hunk.to;
    const take = (side: "ours" | "theirs"): void => {
      const hunk = side === "ours" ? ours[i++]! : theirs[j++]!;
      (side === "ours" ? groupOurs : groupTheirs).push(hunk);
      to = Math.max(to, hunk.to);
    };
    take(first.side);
    const joins = (hunk: Hunk | undefined): boolean =>
      !!hunk && (hunk.from < to || (hunk.from === to && hunk.from === hunk.to && from === to));
    while (joins(ours[i]) || joins(theirs[j])) take(joins(ours[i]) ? "ours" : "theirs");

    add(base.slice(position, from));
    position = to;
    const oursText = applyHunks(base, from, to, groupOurs);
    const theirsText = applyHunks(base, from, to, groupTheirs);
    if (!groupTheirs.length || oursText === theirsText) {
      add(oursText);
      continue;
    }
    if (!groupOurs.length) {
      add(theirsText);
      continue;
    }
    // Both typed at the same point: keep both, ours first.
    if (from === to) {
      add(oursText + theirsText);
      continue;
    }
    const region = base.slice(from, to);
    const fine = options.refine ? mergeWords(region, oursText, theirsText) : null;
    if (fine && !fine.conflicts.length) {
      add(fine.text);
      continue;
    }
    const inserted = options.lines ? groupOurs.filter((hunk) => hunk.from === hunk.to) : [];
    const changed = inserted.length ? groupOurs.filter((hunk) => hunk.from !== hunk.to) : groupOurs;
    const at = text.length;
    const kept = inserted.length ? withInsertions(base, from, to, groupTheirs, inserted, tail) : theirsText;
    add(kept);
    if (!changed.length) continue;
    conflicts.push({
      base: region,
      ours: oursText,
      theirs: theirsText,
      from: at,
      to: text.length,
      edits: changed.map((hunk) => ({
        before: base.slice(hunk.from, hunk.to),
        after: hunk.text,
        at: at + Math.round(((hunk.from - from) / Math.max(1, to - from)) * kept.length),
      })),
    });
  }
  return { text: text + base.slice(position), conflicts };
}

/**
 * base[from, to) with theirs' hunks applied and ours' line insertions kept: each where it was when that
 * part of the base is unchanged, else right after theirs' replacement of the part it was inside. A blank
 * line at one end of an insertion moves to the other end when that keeps it apart from the text before
 * it as in ours (the diff may align "paragraph, blank" where "blank, paragraph" was meant). `tail`: the
 * last two characters of the merged text before `from`.
 */
function withInsertions(
  base: string,
  from: number,
  to: number,
  theirs: readonly Hunk[],
  inserted: readonly Hunk[],
  tail: string,
): string {
  const parts: string[] = [];
  const write = (piece: string): void => {
    parts.push(piece);
    tail = piece.length >= 2 ? piece.slice(-2) : (tail + piece).slice(-2);
  };
  let position = from;
  let next = 0;
  const insertAt = (hunk: Hunk): void => {
    write(base.slice(position, hunk.from));
    write(hunk.text);
    position = hunk.from;
  };
  for (const hunk of theirs) {
    while (next < inserted.length && inserted[next]!.from <= hunk.from) insertAt(inserted[next++]!);
    write(base.slice(position, hunk.from));
    write(hunk.text);
    position = hunk.to;
    while (next < inserted.length && inserted[next]!.from < hunk.to) write(placeAfter(tail, inserted[next++]!.text));
  }
  while (next < inserted.length) insertAt(inserted[next++]!);
  write(base.slice(position, to));
  return parts.join("");
}

/** Lines put after text that ends in `tail`, a blank line at one end moved to keep them apart from it. */
function placeAfter(tail: string, lines: string): string {
  const afterBlank = tail === "" || tail === "\n\n";
  const startsBlank = lines.startsWith("\n");
  const endsBlank = lines.endsWith("\n\n") || lines === "\n";
  if (!afterBlank && !startsBlank && endsBlank) return `\n${lines.slice(0, -1)}`;
  if (afterBlank && startsBlank && !endsBlank) return `${lines.slice(1)}\n`;
  return lines;
}

/** The word-level merge of one region both sides changed, or null when it would not be meaningful. */
function mergeWords(base: string, ours: string, theirs: string): MergeResult | null {
  if (base.length + ours.length + theirs.length > MAX_WORD_MERGE_CHARS) return null;
  const a = wordHunks(base, ours);
  const b = wordHunks(base, theirs);
  if (!a || !b) return null;
  // A side that rewrote the region leaves nothing to place the other's edits against.
  const share = (kept: number, other: string) => kept / Math.max(1, base.length, other.length);
  if (share(a.kept, ours) < MIN_KEPT_SHARE || share(b.kept, theirs) < MIN_KEPT_SHARE) return null;
  return mergeHunks(base, a.hunks, b.hunks, { refine: false, lines: false });
}
