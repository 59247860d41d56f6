// Adversaries of the comment suite. Both stuff every comment with every generic name of a defect
// (stuffedBody), so the keyword rule, the quote-tightness rule and precision must stop them.
//   whole-canvas-comment: the widest quotes the tool allows, laid end to end over the canvas, each with
//     the severity of a planted issue inside it (the one oracle: so severity cannot be what stops it);
//   comment-every-sentence: one comment on every sentence (every line of code), severity "suggestion"
//     (one step from every planted severity, so severity cannot stop it either).
import { MAX_COMMENT_QUOTE_CHARS, type CommentSpec, type ToolCall } from "../../shared/tools.ts";
import type { CommentCase } from "../dataset.ts";
import { sentenceSpans } from "../graders/sentences.ts";
import { stuffedBody } from "./vocabulary.ts";

const MAX_COMMENTS = 50;

const countOf = (text: string, part: string): number => {
  let count = 0;
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) count++;
  return count;
};

/** Consecutive pieces of at most `max` characters, cut after a newline or space where possible. */
function chunks(text: string, max: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  while (start < text.length) {
    while (start < text.length && /\s/.test(text[start]!)) start++;
    if (start >= text.length) break;
    let end = Math.min(text.length, start + max);
    if (end < text.length) {
      const cut = Math.max(text.lastIndexOf("\n", end - 1), text.lastIndexOf(" ", end - 1));
      if (cut > start) end = cut;
    }
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) out.push({ start, end });
    start = end;
  }
  return out;
}

function call(comments: CommentSpec[]): ToolCall | null {
  return comments.length ? { name: "comment_canvas", arguments: { comments: comments.slice(0, MAX_COMMENTS) } } : null;
}

export function wholeCanvasComment(item: CommentCase, content: string): ToolCall | null {
  const body = stuffedBody();
  const comments: CommentSpec[] = [];
  for (const piece of chunks(content, MAX_COMMENT_QUOTE_CHARS)) {
    const quote = content.slice(piece.start, piece.end);
    if (countOf(content, quote) !== 1) continue;
    const inside = item.issues.find((issue) => quote.includes(issue.quote));
    comments.push({ quote, comment: body, severity: inside?.severity ?? "issue", suggestion: null });
  }
  return call(comments);
}

export function commentEverySentence(item: CommentCase, content: string): ToolCall | null {
  const body = stuffedBody();
  const seen = new Set<string>();
  const comments: CommentSpec[] = [];
  for (const span of sentenceSpans(content, item.canvas.kind)) {
    const quote = content.slice(span.start, span.end).slice(0, MAX_COMMENT_QUOTE_CHARS).trim();
    if (!/[\p{L}\p{N}]/u.test(quote) || seen.has(quote) || countOf(content, quote) !== 1) continue;
    seen.add(quote);
    comments.push({ quote, comment: body, severity: "suggestion", suggestion: null });
  }
  return call(comments);
}
