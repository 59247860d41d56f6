// Review comments on a document from the retext findings: each comment quotes the canvas exactly,
// says plainly what to change, and offers a replacement only when the fix is obvious.
import type { CommentSpec, Severity } from "../../../shared/tools.ts";
import { MARKUP, analyseProse, maskMarkdown, type ProseFinding } from "./prose.ts";
import { extendToUnique, type Range } from "./quotes.ts";
import { confidentCorrection, isReportableMisspelling } from "./spelling.ts";

export const MAX_COMMENTS = 8;
/** Passive voice is often fine; more than a couple of such comments reads as nagging. */
const MAX_PASSIVE = 2;

const SEVERITY_RANK: Record<Severity, number> = { issue: 0, suggestion: 1, info: 2 };
// Within one severity, the more certain checks first.
const RULE_RANK: Record<ProseFinding["rule"], number> = {
  spelling: 0,
  repeated: 1,
  passive: 2,
  simplify: 3,
  readability: 4,
  intensify: 5,
};

interface Drafted {
  range: Range;
  spec: CommentSpec;
  rank: number;
}

const BE_VERBS = /\b(?:am|is|are|was|were|be|been|being|get|gets|got|gotten)\s+(?:\w+ly\s+)?$/i;

function draft(content: string, finding: ProseFinding): { range: Range; spec: CommentSpec } {
  const flagged: Range = { start: finding.start, end: finding.end };
  switch (finding.rule) {
    case "spelling": {
      const fix = confidentCorrection(finding);
      const options = finding.expected
        .slice(0, 3)
        .map((word) => `"${word}"`)
        .join(", ");
      return {
        range: flagged,
        spec: {
          quote: "",
          comment: fix
            ? `Spelling: "${finding.actual}" should be "${fix}".`
            : `Spelling: "${finding.actual}" is not in the dictionary; did you mean ${options}?`,
          severity: "issue",
          suggestion: fix,
        },
      };
    }
    case "repeated": {
      const word = finding.expected[0] ?? finding.actual.split(/\s+/)[0] ?? finding.actual;
      return {
        range: flagged,
        spec: { quote: "", comment: `"${word}" is repeated; remove one.`, severity: "issue", suggestion: word },
      };
    }
    case "passive": {
      const before = content.slice(Math.max(0, finding.start - 30), finding.start);
      const auxiliary = BE_VERBS.exec(before);
      const range = auxiliary ? { start: finding.start - auxiliary[0].length, end: finding.end } : flagged;
      return {
        range,
        spec: {
          quote: "",
          comment: `Passive voice ("${content.slice(range.start, range.end)}"): say who does it, in the active voice, if that is clearer.`,
          severity: "suggestion",
          suggestion: null,
        },
      };
    }
    case "simplify": {
      const replacement = finding.expected.length === 1 ? finding.expected[0]! : null;
      const alternatives = finding.expected.map((word) => `"${word}"`).join(" or ");
      return {
        range: flagged,
        spec: {
          quote: "",
          comment: finding.expected.length
            ? `Simpler: use ${alternatives} instead of "${finding.actual}".`
            : `"${finding.actual}" adds little; consider cutting it.`,
          severity: "suggestion",
          suggestion: replacement,
        },
      };
    }
    case "intensify":
      return {
        range: flagged,
        spec: {
          quote: "",
          comment: `"${finding.actual}" is vague; use a specific fact or figure, or cut it.`,
          severity: "suggestion",
          suggestion: null,
        },
      };
    case "readability":
      return {
        range: trimRange(content, flagged),
        spec: {
          quote: "",
          comment: "This sentence is hard to read: split it in two or use shorter words.",
          severity: "info",
          suggestion: null,
        },
      };
  }
}

function trimRange(content: string, range: Range): Range {
  let { start, end } = range;
  while (start < end && /\s/.test(content[start]!)) start += 1;
  while (end > start && /\s/.test(content[end - 1]!)) end -= 1;
  return { start, end };
}

/** Two unknown words side by side are usually a foreign phrase or a name ("pastel de nata"), not typos. */
function inForeignPhrase(content: string, finding: ProseFinding, unknown: ProseFinding[]): boolean {
  return unknown.some(
    (other) =>
      other !== finding &&
      ((other.end <= finding.start && /^\s+$/.test(content.slice(other.end, finding.start))) ||
        (other.start >= finding.end && /^\s+$/.test(content.slice(finding.end, other.start)))),
  );
}

function keep(finding: ProseFinding): boolean {
  if (finding.rule === "spelling") return isReportableMisspelling(finding);
  if (finding.rule === "simplify")
    return finding.expected.length > 0 || /^(very|really|actually|basically)$/i.test(finding.actual);
  return true;
}

// Unfinished text: the offline outline's placeholders, and the usual markers people leave.
const PLACEHOLDER =
  /(?:Placeholder:[^*\n]*[^*\s]|\b(?:TODO|TBD|TK|FIXME)\b:?[^*\n]*[^*\s]|\b[Ll]orem ipsum[^*\n]*[^*\s])/g;

function placeholders(content: string, within: Range | null): Drafted[] {
  const found: Drafted[] = [];
  for (const match of content.matchAll(PLACEHOLDER)) {
    const range = { start: match.index, end: match.index + match[0].length };
    if (within && (range.start < within.start || range.end > within.end)) continue;
    const unique = extendToUnique(content, range, { maxLength: 400 });
    if (!unique) continue;
    const quote = content.slice(unique.start, unique.end);
    if (MARKUP.test(quote)) continue;
    found.push({
      range: unique,
      spec: {
        quote,
        comment: "Still a placeholder: replace it with the real text before sharing.",
        severity: "info",
        suggestion: null,
      },
      // After issues and suggestions, but a missing section matters more than style advice.
      rank: SEVERITY_RANK.suggestion * 10 + 9,
    });
  }
  return found;
}

/** Up to MAX_COMMENTS review comments on a markdown document, strongest first; [] for a clean one. */
export async function reviewDocument(content: string, within: Range | null = null): Promise<CommentSpec[]> {
  const findings = await analyseProse(maskMarkdown(content));
  const drafted: Drafted[] = placeholders(content, within);
  const unknownWords = findings.filter((finding) => finding.rule === "spelling");
  const seenAdvice = new Set<string>();
  let passives = 0;
  for (const finding of findings.filter(keep)) {
    if (finding.rule === "spelling" && inForeignPhrase(content, finding, unknownWords)) continue;
    // The same advice on the same words once is enough ("previous" five times is one comment).
    const advice = `${finding.rule}:${finding.actual.toLowerCase()}`;
    if (finding.rule !== "spelling" && finding.rule !== "repeated" && seenAdvice.has(advice)) continue;
    seenAdvice.add(advice);
    if (finding.rule === "passive" && ++passives > MAX_PASSIVE) continue;
    if (within && (finding.start < within.start || finding.end > within.end)) continue;
    const { range, spec } = draft(content, finding);
    const unique = extendToUnique(content, range, { maxLength: 400 });
    if (!unique) continue;
    const quote = content.slice(unique.start, unique.end);
    if (MARKUP.test(quote) || quote.includes("\n")) continue;
    let suggestion = spec.suggestion;
    if (suggestion !== null) {
      // The suggestion replaces the whole quote, so carry the quote's extra context around the fix.
      suggestion = content.slice(unique.start, finding.start) + suggestion + content.slice(finding.end, unique.end);
    }
    drafted.push({
      range: unique,
      spec: { ...spec, quote, suggestion },
      rank: SEVERITY_RANK[spec.severity] * 10 + RULE_RANK[finding.rule],
    });
  }
  const byQuote = new Map<string, Drafted>();
  for (const item of drafted) {
    const existing = byQuote.get(item.spec.quote);
    if (!existing || item.rank < existing.rank) byQuote.set(item.spec.quote, item);
  }
  return [...byQuote.values()]
    .sort((a, b) => a.rank - b.rank || a.range.start - b.range.start)
    .slice(0, MAX_COMMENTS)
    .sort((a, b) => a.range.start - b.range.start)
    .map((item) => item.spec);
}
