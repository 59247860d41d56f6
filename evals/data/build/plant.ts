// Planting defects in a clean canvas by exact replacement, so every label comes from how the data was
// made (PRODUCT.md "Synthetic data"): the replaced text, or a tighter quote inside it, is where a good
// comment must land, and the keywords are what it must say (the fix or the name of the problem).
import { derived } from "./family.ts";
import type { CanvasSeed } from "./writing.ts";

export type IssueKind = "factual" | "logic" | "grammar" | "style" | "bug" | "security" | "performance";
export type IssueSeverity = "info" | "suggestion" | "issue";

export interface PlantedIssue {
  quote: string;
  kind: IssueKind;
  severity: IssueSeverity;
  keywords: string[];
}

export interface Plant {
  find: string;
  replace: string;
  /** The planted text a comment must overlap; defaults to `replace`. Omit kind for a supporting change. */
  quote?: string;
  kind?: IssueKind;
  severity?: IssueSeverity;
  /** Words a comment must use to name this defect (never words of the quote). */
  keywords?: string[];
}

export interface Variant {
  base: CanvasSeed;
  name: string;
  instruction: string;
  plants: Plant[];
}

export function countOf(text: string, part: string): number {
  let count = 0;
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) count++;
  return count;
}

export function plant(variant: Variant): { canvas: CanvasSeed; issues: PlantedIssue[] } {
  let content = variant.base.content;
  const issues: PlantedIssue[] = [];
  for (const item of variant.plants) {
    if (countOf(content, item.find) !== 1)
      throw new Error(`${variant.name}: "${item.find}" occurs ${countOf(content, item.find)} times; plant needs exactly one`);
    content = content.replace(item.find, () => item.replace);
    if (item.kind) {
      if (!item.keywords?.length) throw new Error(`${variant.name}: the ${item.kind} issue "${item.quote ?? item.replace}" needs keywords`);
      issues.push({ quote: item.quote ?? item.replace, kind: item.kind, severity: item.severity ?? "issue", keywords: item.keywords });
    }
  }
  for (const issue of issues)
    if (countOf(content, issue.quote) !== 1) throw new Error(`${variant.name}: quote "${issue.quote}" must occur exactly once`);
  return { canvas: derived(variant.base, { ...variant.base, content }), issues };
}

/** A clean copy of a canvas with its known bug fixed (a comment on the bug would be a false alarm). */
export function fixed(base: CanvasSeed, fixes: [string, string][]): CanvasSeed {
  let content = base.content;
  for (const [find, replace] of fixes) {
    if (countOf(content, find) !== 1) throw new Error(`fixed ${base.title}: "${find}" must occur once`);
    content = content.replace(find, () => replace);
  }
  return derived(base, { ...base, content });
}

export const REVIEW = "Review this and leave comments where something is wrong.";
export const CRITIQUE = "Critique my draft.";
export const PROOFREAD = "Proofread this and point out any mistakes.";
export const FEEDBACK = "Can you give me feedback on this before I send it?";
export const SUGGEST = "Suggest edits: review the canvas and leave inline comments with concrete suggestions.";
export const CODE_REVIEW = "Review this code: leave inline comments on bugs, risks and improvements.";
export const BUGS = "Look for bugs and security problems in this code.";
export const FACTS = "Fact-check this and flag anything that is wrong or contradicts itself.";

/** Keywords that name wordiness, for the many style plants that pad a sentence. */
export const WORDY = ["wordy", "filler", "concise", "redundant", "padding", "verbose", "tighten", "simplify", "shorter", "cliché", "cliche", "repetitive"];
