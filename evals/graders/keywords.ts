// Whole-word keyword matching for "does the comment name the defect?": case- and accent-insensitive,
// and a keyword only counts where it stands as a word ("lend" does not match "lends"), so a comment
// that echoes the quoted text cannot satisfy a keyword the quote does not contain.

const WORD = /[\p{L}\p{N}_]/u;

/** Lower case without accents (é → e), so "Lisboa"/"LISBOA" and "Belem"/"Belém" compare equal. */
export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

function standsAlone(text: string, at: number, keyword: string): boolean {
  const before = text[at - 1];
  const after = text[at + keyword.length];
  const edgeOk = (edge: string, neighbour: string | undefined) =>
    !WORD.test(edge) || neighbour === undefined || !WORD.test(neighbour);
  return edgeOk(keyword[0]!, before) && edgeOk(keyword[keyword.length - 1]!, after);
}

/** True when `keyword` occurs in `text` as a whole word (or phrase), ignoring case and accents. */
export function hasKeyword(text: string, keyword: string): boolean {
  const haystack = foldText(text);
  const needle = foldText(keyword.trim());
  if (!needle) return false;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1))
    if (standsAlone(haystack, at, needle)) return true;
  return false;
}

/** The keywords that occur in `text` as whole words. */
export function keywordsIn(text: string, keywords: readonly string[]): string[] {
  return keywords.filter((keyword) => hasKeyword(text, keyword));
}

/**
 * The generic words of each kind of defect. A comment that uses the words of three or more kinds is
 * a list of possible problems, not a diagnosis: it cannot claim any issue's keywords.
 */
export const KIND_WORDS: Record<string, string[]> = {
  grammar: [
    "grammar",
    "grammatical",
    "spelling",
    "misspelled",
    "misspelt",
    "typo",
    "agreement",
    "punctuation",
    "tense",
  ],
  style: ["wordy", "redundant", "verbose", "filler", "passive", "concise", "unclear", "clarity", "cliché"],
  factual: ["factual", "inaccurate", "fact-check", "untrue", "false claim"],
  logic: ["logic", "logical", "contradiction", "contradicts", "inconsistent", "fallacy", "non sequitur"],
  bug: ["bug", "crash", "off-by-one", "exception", "undefined behaviour", "race condition"],
  security: ["security", "vulnerability", "injection", "xss", "sanitize", "sanitise", "escape", "exploit"],
  performance: ["performance", "slow", "quadratic", "inefficient", "n+1", "complexity"],
};

/** Does the text name defects of at least `kinds` different kinds? */
export function unspecific(text: string, kinds = 3): boolean {
  return Object.values(KIND_WORDS).filter((words) => words.some((word) => hasKeyword(text, word))).length >= kinds;
}
