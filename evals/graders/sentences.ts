// Sentence spans of a canvas, for "is this comment's quote tight?": prose is cut into sentences with
// Intl.Segmenter (ICU's sentence rules, so "Dr. Ng" or "3.5 kg" do not end a sentence) inside each
// line, because a markdown line (a heading, a list item, a table row) is never part of a longer
// sentence; code is cut into lines.
import type { Span } from "./changes.ts";

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/** Non-empty sentence spans (documents) or line spans (code), in order, trimmed of surrounding spaces. */
export function sentenceSpans(text: string, kind: "document" | "code"): Span[] {
  const spans: Span[] = [];
  let lineStart = 0;
  for (const line of text.split("\n")) {
    if (kind === "code") pushTrimmed(spans, text, lineStart, lineStart + line.length);
    else
      for (const piece of segmenter.segment(line))
        pushTrimmed(spans, text, lineStart + piece.index, lineStart + piece.index + piece.segment.length);
    lineStart += line.length + 1;
  }
  return spans;
}

function pushTrimmed(spans: Span[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) spans.push({ start, end });
}

/** The smallest run of whole sentences (or lines) that covers `span`. */
export function enclosingSentences(sentences: readonly Span[], span: Span): Span {
  const touching = sentences.filter((sentence) => sentence.start < span.end && span.start < sentence.end);
  if (!touching.length) return span;
  return {
    start: Math.min(span.start, touching[0]!.start),
    end: Math.max(span.end, touching[touching.length - 1]!.end),
  };
}
