// The passages a change touches, as {from, to, insert} on the old text: what a suggestion is made of.
// A targeted edit is one passage (trimmed to the words that differ); a rewrite is diffed line by line,
// then word by word inside each changed group, with a bounded cost on any input.
import { diffLines, diffWordsWithSpace, type ChangeObject } from "diff";

export interface Passage {
  from: number;
  to: number;
  insert: string;
}

/** More passages than this from one rewrite are merged (a review of hundreds of fragments helps nobody). */
export const MAX_PASSAGES = 200;
/** Changed groups longer than this are one passage, not diffed word by word. */
const MAX_WORD_DIFF_CHARS = 4_000;
const MAX_LINE_EDITS = 5_000;

/** Shrink a passage to the words that change: drop the common prefix and suffix, at word boundaries. */
export function trimPassage(text: string, passage: Passage): Passage {
  const before = text.slice(passage.from, passage.to);
  const after = passage.insert;
  const limit = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < limit && before[prefix] === after[prefix]) prefix++;
  // A boundary between words on both sides: after a space, or before one (or the end) in both texts.
  const prefixAtBoundary = (n: number): boolean =>
    n === 0 || /\s/.test(before[n - 1]!) || (edge(before, n) && edge(after, n));
  while (prefix > 0 && !prefixAtBoundary(prefix)) prefix--;
  let suffix = 0;
  while (suffix < limit - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  const suffixAtBoundary = (n: number): boolean =>
    n === 0 ||
    /\s/.test(before[before.length - n]!) ||
    (edge(before, before.length - n - 1) && edge(after, after.length - n - 1));
  while (suffix > 0 && !suffixAtBoundary(suffix)) suffix--;
  return {
    from: passage.from + prefix,
    to: passage.to - suffix,
    insert: after.slice(prefix, after.length - suffix),
  };
}

/** True when text[at] is whitespace or outside the text. */
function edge(text: string, at: number): boolean {
  return at < 0 || at >= text.length || /\s/.test(text[at]!);
}

/** The passages that turn `before` into `after`, in order, never overlapping, at most MAX_PASSAGES. */
export function diffPassages(before: string, after: string): Passage[] {
  if (before === after) return [];
  const whole = [trimPassage(before, { from: 0, to: before.length, insert: after })];
  const lines = diffLines(before, after, { maxEditLength: MAX_LINE_EDITS });
  if (!lines) return whole;
  const groups = collect(lines, 0);
  const passages: Passage[] = [];
  for (const group of groups) passages.push(...wordPassages(before, group));
  if (passages.length <= MAX_PASSAGES) return passages;
  if (groups.length <= MAX_PASSAGES) return groups.map((group) => trimPassage(before, group));
  return whole;
}

/** A changed group of lines, word by word when most of it stays; else the group as one passage. */
function wordPassages(text: string, group: Passage): Passage[] {
  const old = text.slice(group.from, group.to);
  if (old.length + group.insert.length > MAX_WORD_DIFF_CHARS || !old) return [trimPassage(text, group)];
  const parts = diffWordsWithSpace(old, group.insert);
  const kept = parts.reduce((sum, part) => sum + (part.added || part.removed ? 0 : part.value.trim().length), 0);
  if (kept < Math.max(old.trim().length, group.insert.trim().length) / 2) return [trimPassage(text, group)];
  return collect(parts, group.from);
}

/** Diff parts as passages on the old text starting at `offset` (a removal and an addition side by side are one). */
function collect(parts: readonly ChangeObject<string>[], offset: number): Passage[] {
  const passages: Passage[] = [];
  for (const part of parts) {
    const last = passages[passages.length - 1];
    const joins = last !== undefined && last.to === offset;
    if (part.added) {
      if (joins) last.insert += part.value;
      else passages.push({ from: offset, to: offset, insert: part.value });
    } else if (part.removed) {
      if (joins) last.to += part.value.length;
      else passages.push({ from: offset, to: offset + part.value.length, insert: "" });
      offset += part.value.length;
    } else offset += part.value.length;
  }
  return passages;
}
