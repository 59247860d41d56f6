// What a keyword-stuffing reviewer writes: every generic name of a defect, in every comment. It knows
// nothing about the case (no labels, no planted keywords), like a model prompted to "mention every
// possible problem". A grader that lets such a comment "name" a defect it does not sit on is gameable.
import { KIND_WORDS } from "../graders/keywords.ts";

export const GENERIC_DEFECT_WORDS = [
  ...new Set([...Object.values(KIND_WORDS).flat(), "error", "incorrect", "wrong", "mistake"]),
];

export function stuffedBody(): string {
  return `Possible problems here: ${GENERIC_DEFECT_WORDS.join(", ")}.`;
}
