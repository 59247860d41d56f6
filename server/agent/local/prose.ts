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

// Hedges and common words that retext-intensify flags in almost every sentence; flagging them
// would bury the useful comments.
const INTENSIFY_IGNORE = [
  "will", "may", "might", "can", "could", "would", "should", "well", "many", "most", "some", "often",
  "various", "several", "largely", "mostly", "generally", "usually", "probably", "possibly", "just",
];

type Processor = ReturnType<typeof buildProcessor>;

function buildProcessor() {
  return retext()
    .use(retextSpell, { dictionary, max: 200 })
    .use(retextPassive)
    .use(retextReadability, { age: 16, threshold: 5 / 7, minWords: 8 })
    .use(retextRepeatedWords)
    .use(retextSimplify)
    .use(retextIntensify, { ignore: INTENSIFY_IGNORE })
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
    findings.push({
      rule,
      start,
      end,
      actual: text.slice(start, end),
      expected: (message.expected ?? []).filter((value): value is string => typeof value === "string"),
      reason: message.reason,
    });
  }
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}

const blank = (match: string): string => match.replace(/[^\n]/g, " ");

/**
 * The markdown text with everything that is not prose (code, URLs, HTML, syntax markers) replaced
 * by spaces, keeping every offset. Tables and code blocks are blanked whole.
 */
export function maskMarkdown(markdown: string): string {
  return markdown
    .replace(/^( {0,3})(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^ {0,3}\2[^\n]*$|(?![\s\S]))/gm, blank)
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
