// Quotes and `find` strings the edit engine can locate: exact substrings of the canvas, extended word
// by word until they occur once, because a passage found twice is an error, never a guess.

export interface Range {
  start: number;
  end: number;
}

export function countOccurrences(haystack: string, needle: string): number {
  if (!needle) return 0;
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) count += 1;
  return count;
}

export function isUnique(content: string, text: string): boolean {
  return countOccurrences(content, text) === 1;
}

/** Offsets of every occurrence of `needle` (overlapping ones included). */
export function occurrences(content: string, needle: string): number[] {
  const found: number[] = [];
  if (!needle) return found;
  for (let at = content.indexOf(needle); at !== -1; at = content.indexOf(needle, at + 1)) found.push(at);
  return found;
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

export function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char);
}

/** Offsets of `word` where it stands as a whole word (not inside a longer identifier or word). */
export function wordOccurrences(content: string, word: string): number[] {
  return occurrences(content, word).filter(
    (at) =>
      (!isWordChar(word[0]) || !isWordChar(content[at - 1])) &&
      (!isWordChar(word[word.length - 1]) || !isWordChar(content[at + word.length])),
  );
}

export interface ExtendOptions {
  /** Characters the quote must not grow across (default: newline). */
  stop?: RegExp;
  /** Longest quote worth making (default 300 characters). */
  maxLength?: number;
}

/**
 * Grow [start, end) by whole words on alternate sides until the text occurs once in `content`.
 * Returns null when it cannot become unique within the limits.
 */
export function extendToUnique(content: string, range: Range, options: ExtendOptions = {}): Range | null {
  const stop = options.stop ?? /\n/;
  const maxLength = options.maxLength ?? 300;
  let { start, end } = range;
  let growLeft = false;
  for (let step = 0; step < 200; step += 1) {
    if (end - start > maxLength) return null;
    if (isUnique(content, content.slice(start, end))) return { start, end };
    const left = stepLeft(content, start, stop);
    const right = stepRight(content, end, stop);
    if (left === start && right === end) return null;
    if ((growLeft && left !== start) || right === end) start = left;
    else end = right;
    growLeft = !growLeft;
  }
  return null;
}

function stepLeft(content: string, start: number, stop: RegExp): number {
  let at = start;
  while (at > 0 && !stop.test(content[at - 1]!) && /\s/.test(content[at - 1]!)) at -= 1;
  while (at > 0 && !stop.test(content[at - 1]!) && !/\s/.test(content[at - 1]!)) at -= 1;
  return at;
}

function stepRight(content: string, end: number, stop: RegExp): number {
  let at = end;
  while (at < content.length && !stop.test(content[at]!) && /\s/.test(content[at]!)) at += 1;
  while (at < content.length && !stop.test(content[at]!) && !/\s/.test(content[at]!)) at += 1;
  return at;
}

export interface Replacement extends Range {
  replace: string;
}

export interface FindReplace {
  find: string;
  replace: string;
  all: boolean;
}

/** edit_canvas takes at most this many edits (shared/tools.ts editCanvasArgs). */
export const MAX_EDITS = 50;
/** …and a `find` of at most this many characters. */
const MAX_FIND = 200_000;

/**
 * Turn replacements at known offsets into `{find, replace}` edits whose `find` is unique: each range
 * is extended until unique, overlapping extensions are merged into one edit, and past MAX_EDITS
 * neighbours are merged (a passage holding a unique one is unique too). Null when some occurrence
 * cannot be made unique, or the merged passages would be too long to quote.
 */
export function editsAt(
  content: string,
  replacements: Replacement[],
  options: ExtendOptions = {},
): FindReplace[] | null {
  const sorted = [...replacements].sort((a, b) => a.start - b.start);
  const extended: Extended[] = [];
  for (const replacement of sorted) {
    const range = extendToUnique(content, replacement, options);
    if (!range) return null;
    const previous = extended[extended.length - 1];
    if (previous && range.start < previous.range.end) {
      previous.range.end = Math.max(previous.range.end, range.end);
      previous.parts.push(replacement);
    } else {
      extended.push({ range: { ...range }, parts: [replacement] });
    }
  }
  const grouped = groupTo(extended, MAX_EDITS);
  if (grouped.some(({ range }) => range.end - range.start > MAX_FIND)) return null;
  return grouped.map(({ range, parts }) => {
    let replace = "";
    let cursor = range.start;
    for (const part of parts) {
      replace += content.slice(cursor, part.start) + part.replace;
      cursor = part.end;
    }
    replace += content.slice(cursor, range.end);
    return { find: content.slice(range.start, range.end), replace, all: false };
  });
}

interface Extended {
  range: Range;
  parts: Replacement[];
}

/** Consecutive extended ranges merged into at most `limit` groups of about equal size. */
function groupTo(items: Extended[], limit: number): Extended[] {
  if (items.length <= limit) return items;
  const size = Math.ceil(items.length / limit);
  const groups: Extended[] = [];
  for (let at = 0; at < items.length; at += size) {
    const chunk = items.slice(at, at + size);
    groups.push({
      range: { start: chunk[0]!.range.start, end: chunk[chunk.length - 1]!.range.end },
      parts: chunk.flatMap((item) => item.parts),
    });
  }
  return groups;
}

/**
 * Edits replacing every whole-word occurrence of `word`: one `all: true` edit when the plain substring
 * only ever occurs as a whole word, else one unique edit per occurrence. Null when nothing matches.
 */
export function replaceWordEverywhere(
  content: string,
  word: string,
  replacement: string,
  within?: Range,
): FindReplace[] | null {
  const inside = (at: number): boolean => !within || (at >= within.start && at + word.length <= within.end);
  const whole = wordOccurrences(content, word).filter(inside);
  if (whole.length === 0) return null;
  if (!within && whole.length === occurrences(content, word).length) {
    return [{ find: word, replace: replacement, all: whole.length > 1 }];
  }
  return editsAt(
    content,
    whole.map((at) => ({ start: at, end: at + word.length, replace: replacement })),
  );
}
