// The noun phrases inside an instruction: what part of the canvas it names ("paragraph 3", "the section
// Background", "“some text”") and where something goes ("to the end", "before Escalation"). Each is a
// small ordered table, read top to bottom; the first row that fits wins.

/** A part of the canvas: the Nth paragraph (1-based; -1 is the last), a section by heading, or literal text. */
export type Target =
  | { unit: "paragraph"; index: number }
  | { unit: "section"; name: string }
  | { unit: "text"; text: string }
  | { unit: "selection" }
  /** Unquoted words that may be a heading ("before Escalation") or text in the canvas. */
  | { unit: "named"; name: string };

export type Destination =
  { where: "start" } | { where: "end" } | { where: "before"; target: Target } | { where: "after"; target: Target };

export const ORDINALS: Readonly<Record<string, number>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  "1st": 1,
  "2nd": 2,
  "3rd": 3,
  last: -1,
  final: -1,
  opening: 1,
  closing: -1,
};

/** "third" → "3", "2" → "2": an ordinal word as the number a paragraph target takes. */
export function ordinalNumber(word: string): string {
  const lower = word.toLowerCase();
  return lower in ORDINALS ? String(ORDINALS[lower]) : lower;
}

const QUOTE_PAIRS: readonly (readonly [string, string])[] = [
  ['"', '"'],
  ["“", "”"],
  ["‘", "’"],
  ["'", "'"],
  ["`", "`"],
  ["«", "»"],
];

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// A single quote only opens after a non-letter, so apostrophes (don't) are not quotes.
const QUOTE_PATTERNS = QUOTE_PAIRS.map(
  ([open, close]) =>
    new RegExp(
      `${open === "'" ? "(?<![\\p{L}\\p{N}])" : ""}${escapeRegExp(open)}([^${escapeRegExp(close)}\\n]+?)${escapeRegExp(close)}`,
      "gu",
    ),
);

/** Strings the user put in quotes, in order of appearance (a quote inside another one is not counted). */
export function quotedStrings(text: string): string[] {
  const found: { at: number; value: string }[] = [];
  for (const pattern of QUOTE_PATTERNS) {
    for (const match of text.matchAll(pattern)) found.push({ at: match.index, value: match[1]! });
  }
  found.sort((a, b) => a.at - b.at);
  const result: { at: number; end: number; value: string }[] = [];
  for (const item of found) {
    const end = item.at + item.value.length + 2;
    if (result.some((other) => item.at < other.end && other.at < end)) continue;
    result.push({ ...item, end });
  }
  return result.map((item) => item.value);
}

/** The words without trailing punctuation and, when they are one quoted string, without the quotes. */
export function unquote(text: string): string {
  const trimmed = text
    .trim()
    .replace(/[.!]+$/, "")
    .trim();
  const quoted = quotedStrings(trimmed);
  return quoted.length === 1 && quoted[0]!.length >= trimmed.length - 2 ? quoted[0]! : trimmed;
}

interface TargetRule {
  /** Tested against the phrase without trailing punctuation. */
  pattern: RegExp;
  target: (match: RegExpExecArray, phrase: string, hasSelection: boolean) => Target | null;
}

const TARGETS: readonly TargetRule[] = [
  {
    pattern:
      /^(?:this|it|that|the selection|the selected text|selected text|these lines|this part|this text|this sentence|this paragraph)$/i,
    target: (_, __, hasSelection) => (hasSelection ? { unit: "selection" } : null),
  },
  {
    pattern: /^(?:the\s+)?(?:paragraph|para|p)\s*#?(-?\d+)$/i,
    target: (match) => ({ unit: "paragraph", index: Number(match[1]) }),
  },
  {
    pattern: /^(?:the\s+)?(\w+)\s+paragraph$/i,
    target: (match) => {
      const index = ORDINALS[match[1]!.toLowerCase()];
      return index === undefined ? null : { unit: "paragraph", index };
    },
  },
  {
    pattern: /^(?:the\s+)?(?:section|heading|part|chapter)\s+(?:called\s+|named\s+|titled\s+)?(.+)$/i,
    target: (match) => ({ unit: "section", name: unquote(match[1]!) }),
  },
  {
    pattern: /^(?:the\s+)?(.+?)\s+(?:section|part|chapter)$/i,
    target: (match) => ({ unit: "section", name: unquote(match[1]!) }),
  },
  {
    pattern: /["“‘'`«]/,
    target: (_, phrase) => {
      const quoted = quotedStrings(phrase);
      return quoted.length === 1 ? { unit: "text", text: quoted[0]! } : null;
    },
  },
  { pattern: /^(?:the\s+)?(?:intro|introduction)$/i, target: () => ({ unit: "section", name: "introduction" }) },
  { pattern: /^(?:the\s+)?conclusion$/i, target: () => ({ unit: "section", name: "conclusion" }) },
  {
    pattern: /^(?:the\s+)?([\s\S]+)$/i,
    target: (match) => (match[1]!.split(/\s+/).length <= 6 ? { unit: "named", name: match[1]! } : null),
  },
];

/** What a phrase names in the canvas, or null when it names nothing the engine can find. */
export function parseTarget(phrase: string, hasSelection: boolean): Target | null {
  const text = phrase.trim().replace(/[.!]+$/, "");
  for (const rule of TARGETS) {
    const match = rule.pattern.exec(text);
    const target = match && rule.target(match, text, hasSelection);
    if (target) return target;
  }
  return null;
}

interface DestinationRule {
  /** Tested against the trimmed phrase without trailing punctuation. */
  pattern: RegExp;
  destination: (match: RegExpExecArray, hasSelection: boolean) => Destination | null;
}

const DESTINATIONS: readonly DestinationRule[] = [
  {
    pattern: /^(?:to\s+)?the\s+(?:end|bottom)(?:\s+of\s+the\s+\w+)?$|^to\s+the\s+end$|^last$/i,
    destination: () => ({ where: "end" }),
  },
  {
    pattern: /^(?:to\s+)?the\s+(?:top|start|beginning)(?:\s+of\s+the\s+\w+)?$|^first$/i,
    destination: () => ({ where: "start" }),
  },
  {
    pattern: /^(before|above|after|below|under)\s+(.+)$/i,
    destination: (match, hasSelection) => {
      const target = parseTarget(match[2]!, hasSelection);
      if (!target) return null;
      return /^(?:before|above)$/i.test(match[1]!) ? { where: "before", target } : { where: "after", target };
    },
  },
];

/** Where a phrase puts something: the start, the end, or before/after a target. */
export function parseDestination(phrase: string, hasSelection: boolean): Destination | null {
  const text = phrase.trim().replace(/[.!]+$/, "");
  for (const rule of DESTINATIONS) {
    const match = rule.pattern.exec(text);
    if (match) return rule.destination(match, hasSelection);
  }
  return null;
}
