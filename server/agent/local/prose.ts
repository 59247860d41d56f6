// The retext pipeline over a markdown canvas. Markdown syntax, code and URLs are blanked out with
// spaces of the same length before analysis, so every message's offsets point into the canvas text
// itself and quotes can be cut from it exactly.
import { retext } from "retext";
import retextSpell from "retext-spell";
import retextPassive from "retext-passive";
import retextReadability from "retext-readability";
import retextRepeatedWords from "retext-repeated-words";
import retextSimplify from "retext-simplify";
import retextIntensify from "retext-intensify";
import dictionary from "dictionary-en";
import { fenceSegments } from "./blocks.ts";

export type ProseRule = "spelling" | "repeated" | "passive" | "simplify" | "intensify" | "readability";

export interface ProseFinding {
  rule: ProseRule;
  /** Offsets of the flagged words in the analysed text. */
  start: number;
  end: number;
  actual: string;
  expected: string[];
  reason: string;
}

// retext-intensify flags ordinary words ("back", "better", "works", "will") in almost every
// sentence; only these empty intensifiers and fillers are worth a comment.
export const VAGUE_WORDS = new Set([
  "very",
  "really",
  "extremely",
  "quite",
  "fairly",
  "rather",
  "somewhat",
  "basically",
  "actually",
  "literally",
  "totally",
  "completely",
  "absolutely",
  "truly",
  "highly",
  "incredibly",
  "hugely",
  "vastly",
  "remarkably",
  "clearly",
  "obviously",
  "essentially",
  "virtually",
  "arguably",
  "surprisingly",
  "interestingly",
  "exceedingly",
]);

// "was born", "is based in": passive in form, but nobody would write them in the active voice.
const IDIOMATIC_PARTICIPLES = [
  "born",
  "based",
  "located",
  "called",
  "named",
  "known",
  "supposed",
  "married",
  "involved",
  "interested",
  "tired",
  "done",
  "gone",
  "used",
  "required",
  "situated",
  "concerned",
  "finished",
  "dressed",
];

// retext-simplify knows hundreds of words; single words are only worth a comment when they are
// plainly inflated. Multi-word phrases ("in order to") almost always are.
const INFLATED_WORDS = new Set([
  "utilize",
  "utilise",
  "utilization",
  "commence",
  "facilitate",
  "endeavor",
  "endeavour",
  "approximately",
  "assistance",
  "demonstrate",
  "numerous",
  "sufficient",
  "terminate",
  "ascertain",
  "expedite",
  "leverage",
  "modify",
  "optimal",
  "prioritize",
  "remainder",
  "subsequently",
  "additionally",
  "nevertheless",
  "notwithstanding",
]);

type Processor = ReturnType<typeof buildProcessor>;

function buildProcessor() {
  return retext()
    .use(retextSpell, { dictionary, max: 200 })
    .use(retextPassive, { ignore: IDIOMATIC_PARTICIPLES })
    .use(retextReadability, { age: 16, threshold: 5 / 7, minWords: 8 })
    .use(retextRepeatedWords)
    .use(retextSimplify)
    .use(retextIntensify)
    .freeze();
}

let processor: Processor | null = null;

/** The frozen pipeline, built once: loading the dictionary is the slow part. */
function pipeline(): Processor {
  processor ??= buildProcessor();
  return processor;
}

const SOURCES: Record<string, ProseRule> = {
  "retext-spell": "spelling",
  "retext-repeated-words": "repeated",
  "retext-passive": "passive",
  "retext-simplify": "simplify",
  "retext-intensify": "intensify",
  "retext-readability": "readability",
};

/** Findings for plain or masked text; offsets index into `text`. */
export async function analyseProse(text: string): Promise<ProseFinding[]> {
  if (!text.trim()) return [];
  const file = await pipeline().process(text);
  const findings: ProseFinding[] = [];
  for (const message of file.messages) {
    const rule = message.source ? SOURCES[message.source] : undefined;
    const start = message.place && "start" in message.place ? message.place.start.offset : undefined;
    const end = message.place && "end" in message.place ? message.place.end.offset : undefined;
    if (!rule || start === undefined || end === undefined) continue;
    const flagged = text.slice(start, end).toLowerCase();
    if (rule === "intensify" && !VAGUE_WORDS.has(flagged)) continue;
    if (rule === "simplify" && !/\s/.test(flagged) && !INFLATED_WORDS.has(flagged) && !VAGUE_WORDS.has(flagged))
      continue;
    findings.push({
      rule,
      start,
      end,
      actual: text.slice(start, end),
      expected: (message.expected ?? []).filter((value): value is string => typeof value === "string"),
      reason: message.reason,
    });
  }
  for (const extra of regularPassives(text)) {
    if (
      !findings.some((finding) => finding.rule === "passive" && finding.start < extra.end && extra.start < finding.end)
    )
      findings.push(extra);
  }
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}

// retext-passive knows irregular participles only ("written", "made"); a regular one ("approved")
// counts when an agent follows ("was approved by"), which keeps adjectives ("was tired") out.
const REGULAR_PASSIVE = /\b(?:am|is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?(\w{3,}ed)\s+by\b/gi;

function regularPassives(text: string): ProseFinding[] {
  return [...text.matchAll(REGULAR_PASSIVE)].map((match) => {
    const start = match.index + match[0].indexOf(match[1]!, match[0].search(/\s/));
    return {
      rule: "passive",
      start,
      end: start + match[1]!.length,
      actual: match[1]!,
      expected: [],
      reason: "Unexpected use of the passive voice",
    };
  });
}

const blank = (match: string): string => match.replace(/[^\n]/g, " ");

/**
 * The markdown text with everything that is not prose (code, URLs, HTML, syntax markers) replaced
 * by spaces, keeping every offset. Tables and code blocks are blanked whole.
 */
export function maskMarkdown(markdown: string): string {
  return fenceSegments(markdown)
    .map((segment) => (segment.fenced ? blank(segment.text) : segment.text))
    .join("")
    .replace(/^\s*\|.*$/gm, blank)
    .replace(/`+[^`\n]*`+/g, blank)
    .replace(/!\[[^\]\n]*\]\([^)\n]*\)/g, blank)
    .replace(/\]\([^)\n]*\)/g, blank)
    .replace(/<[^>\n]+>/g, blank)
    .replace(/\b(?:https?:\/\/|www\.)\S+/g, blank)
    .replace(/\S+@\S+\.\w+/g, blank)
    .replace(/^( {0,3})(#{1,6}\s|>\s?|[-*+]\s(?:\[[ xX]\]\s)?|\d+[.)]\s)/gm, blank)
    .replace(/[*_~[\]\\]/g, " ");
}

/** Characters that are markdown syntax: a quote containing one may not be found in the rendered text. */
export const MARKUP = /[*_~`[\]\\<>|#]/;
