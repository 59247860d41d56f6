// Which spelling findings are safe to fix without a model: lower-case words (capitalised ones are
// usually names) with one clear correction.
import type { ProseFinding } from "./prose.ts";

const sortedLetters = (word: string): string => [...word.toLowerCase()].sort().join("");

/** `longer` is `shorter` with one letter added (a dropped or doubled letter typo). */
function oneInsertion(shorter: string, longer: string): boolean {
  if (longer.length !== shorter.length + 1) return false;
  for (let i = 0; i < longer.length; i += 1) {
    if (longer.slice(0, i) + longer.slice(i + 1) === shorter) return true;
  }
  return false;
}

/**
 * Typos rules can undo safely: swapped letters ("recieved"), a missing letter ("goverment"), an extra
 * or doubled one ("untill"). A changed letter ("mockups" → "lockups") is too often a real word we
 * do not know, so it is never fixed automatically.
 */
function isSafeTypo(word: string, candidate: string): boolean {
  if (word.length === candidate.length) return sortedLetters(word) === sortedLetters(candidate);
  return oneInsertion(word, candidate) || oneInsertion(candidate, word);
}

/** A British spelling of a word the (US) dictionary suggests: "standardised", "colour", "centre". */
export function isBritishVariant(word: string, candidates: string[]): boolean {
  const american = [
    word.replace(/is(e|es|ed|ing|ation|ations|er|ers)$/, "iz$1"),
    word.replace(/our(s|ed|ing|ful|ite|ites)?$/, "or$1"),
    word.replace(/tre(s)?$/, "ter$1"),
    word.replace(/lled$/, "led").replace(/lling$/, "ling"),
    word.replace(/ogue$/, "og"),
    word.replace(/ence$/, "ense"),
  ];
  return american.some((variant) => variant !== word && candidates.includes(variant));
}

/** The one safe correction for a misspelling, or null. */
export function confidentCorrection(finding: ProseFinding): string | null {
  if (finding.rule !== "spelling") return null;
  const word = finding.actual;
  if (!/^[a-z][a-z']*$/.test(word) || word.length < 4 || isBritishVariant(word, finding.expected)) return null;
  const safe = finding.expected.filter((candidate) => /^[a-z][a-z'-]*$/.test(candidate) && isSafeTypo(word, candidate));
  return safe.length === 1 ? safe[0]! : null;
}

/** Whether a misspelling is worth a comment: a lower-case word, not British, with a plausible fix. */
export function isReportableMisspelling(finding: ProseFinding): boolean {
  return (
    finding.rule === "spelling" &&
    /^[a-z][a-z']*$/.test(finding.actual) &&
    finding.actual.length >= 4 &&
    finding.expected.length > 0 &&
    !isBritishVariant(finding.actual, finding.expected)
  );
}
