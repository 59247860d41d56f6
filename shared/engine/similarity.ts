// "Did you mean": the passages of a text closest to a quote that was not found, scored by the Dice
// coefficient of character bigrams (robust to small wording and whitespace differences, cheap enough
// to scan a 100k-word canvas on the error path).
import type { Candidate } from "./result.ts";

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  const lower = text.toLowerCase().replace(/\s+/g, " ");
  for (let i = 0; i < lower.length - 1; i++) {
    const gram = lower.slice(i, i + 2);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const left = bigrams(a);
  const right = bigrams(b);
  let total = 0;
  let shared = 0;
  for (const count of left.values()) total += count;
  for (const [gram, count] of right) {
    total += count;
    shared += Math.min(count, left.get(gram) ?? 0);
  }
  return total === 0 ? 0 : (2 * shared) / total;
}

interface Unit {
  text: string;
  line: number;
}

/** Lines, and for long prose lines their sentences, each with its 1-based line number. */
function units(text: string): Unit[] {
  const result: Unit[] = [];
  text.split("\n").forEach((line, index) => {
    if (!line.trim()) return;
    const sentences = line.length > 160 ? (line.match(/[^.!?]+[.!?]*\s*/g) ?? [line]) : [line];
    for (const sentence of sentences) if (sentence.trim()) result.push({ text: sentence.trim(), line: index + 1 });
  });
  return result;
}

/** The `count` passages most similar to `quote`, best first. */
export function closestPassages(text: string, quote: string, count = 3): Candidate[] {
  const pieces = units(text);
  const target = quote.trim();
  const best: Candidate[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < pieces.length; i++) {
    // Grow a window of consecutive units until it is about as long as the quote.
    let window = pieces[i]!.text;
    let j = i;
    while (window.length < target.length * 0.8 && j + 1 < pieces.length && j - i < 40) {
      j++;
      window += (pieces[j]!.line === pieces[j - 1]!.line ? " " : "\n") + pieces[j]!.text;
    }
    if (seen.has(window)) continue;
    seen.add(window);
    const score = similarity(target, window.length > target.length * 3 ? window.slice(0, target.length * 3) : window);
    if (best.length < count || score > best[best.length - 1]!.similarity) {
      best.push({ text: clip(window, 300), similarity: Math.round(score * 100) / 100, line: pieces[i]!.line });
      best.sort((a, b) => b.similarity - a.similarity);
      if (best.length > count) best.pop();
    }
  }
  return best;
}

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
