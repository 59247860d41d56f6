// Which spelling findings are safe to fix without a model: lower-case words (capitalised ones are
// usually names) with one clear correction.
import type { ProseFinding } from "./prose.ts";

const sortedLetters = (word: string): string => [...word.toLowerCase()].sort().join("");

/**
 * The correction for a misspelling when there is exactly one candidate, or exactly one candidate made
 * of the same letters (a transposition typo like "recieved" → "received"); else null.
 */
export function confidentCorrection(finding: ProseFinding): string | null {
  if (finding.rule !== "spelling") return null;
  const word = finding.actual;
  if (!/^[a-z][a-z']*$/.test(word) || word.length < 3) return null;
  const candidates = finding.expected.filter((candidate) => /^[a-z][a-z'-]*$/.test(candidate));
  if (candidates.length === 1) return candidates[0]!;
  const anagrams = candidates.filter((candidate) => sortedLetters(candidate) === sortedLetters(word));
  return anagrams.length === 1 ? anagrams[0]! : null;
}

/** Whether a finding is a misspelling worth mentioning at all (has suggestions, not a name). */
export function isReportableMisspelling(finding: ProseFinding): boolean {
  return finding.rule === "spelling" && /^[a-z][a-z']*$/.test(finding.actual) && finding.expected.length > 0;
}
