// Suggestion mode benchmark: on canvases of 1k, 10k and 100k words, propose one-sentence suggestions
// and accept them one by one, server-side (the seam's review on the room's Y.Doc, as the accept route
// runs it). Reference in the same run: the same one-sentence change as a direct targeted edit.
// Goal: accepting one suggestion on 100k words ≤ 10 ms. Run: `npm run bench -- suggestions`.
import * as Y from "yjs";
import { AgentOrigin, ApiOrigin, applyToolCall } from "../shared/engine/index.ts";
import { reviewSuggestionsCall } from "../shared/engine/toolCall.ts";
import { canvasText } from "../shared/markdown/index.ts";
import { listSuggestions } from "../shared/suggestions/record.ts";
import { suggestionState } from "../shared/suggestions/review.ts";
import { essay } from "../tests/engine/fixtures.ts";

const GOAL_MS = 10;
const ROUNDS = 30;

interface Figure {
  words: number;
  proposeMs: number;
  acceptMs: number;
  acceptP95Ms: number;
  editMs: number;
  listMs: number;
}

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!;
}

function canvasOf(words: number): { doc: Y.Doc; canvasId: string; sentences: string[] } {
  const doc = new Y.Doc();
  const created = applyToolCall(
    doc,
    {
      name: "create_canvas",
      arguments: { title: "Bench", kind: "document", language: null, content: essay(words, 7) },
    },
    { canvasId: null, origin: new AgentOrigin("bench") },
  );
  if (!created.ok) throw new Error(`bench canvas refused: ${created.summary}`);
  const text = canvasText(doc, created.canvasId);
  const all = [...text.matchAll(/[A-Z][a-z']+ [a-z']+ s\d+ [^.]*\./g)].map((match) => match[0]);
  const sentences = Array.from(
    { length: ROUNDS * 2 },
    (_, i) => all[Math.floor(((i + 0.5) / (ROUNDS * 2)) * all.length)]!,
  );
  return { doc, canvasId: created.canvasId, sentences };
}

function measure(words: number): Figure {
  const { doc, canvasId, sentences } = canvasOf(words);
  const proposals = sentences.slice(0, ROUNDS);
  const direct = sentences.slice(ROUNDS);
  const proposeTimes = proposals.map((sentence, i) =>
    time(() => {
      const result = applyToolCall(
        doc,
        {
          name: "edit_canvas",
          arguments: {
            edits: [{ find: sentence, replace: sentence.replace(/\.$/, `, suggested ${i}.`), all: false }],
            summary: "",
          },
        },
        { canvasId, origin: new AgentOrigin("bench-run"), mode: "suggest" },
      );
      if (!result.ok) throw new Error(`bench suggestion refused: ${result.summary}`);
    }),
  );
  const suggestions = listSuggestions(doc, canvasId);
  const listMs = time(() => suggestions.forEach((suggestion) => suggestionState(doc, suggestion)));
  const reviewer = { origin: new ApiOrigin("editor", "review_suggestion"), author: { id: "bench", name: "Bench" } };
  const acceptTimes = suggestions.map((suggestion) =>
    time(() => {
      const result = reviewSuggestionsCall(doc, [suggestion.id], "accept", reviewer);
      if (!result.ok) throw new Error(`bench accept refused: ${result.message}`);
    }),
  );
  const editTimes = direct.map((sentence, i) =>
    time(() => {
      const result = applyToolCall(
        doc,
        {
          name: "edit_canvas",
          arguments: {
            edits: [{ find: sentence, replace: sentence.replace(/\.$/, `, edited ${i}.`), all: false }],
            summary: "",
          },
        },
        { canvasId, origin: new AgentOrigin("bench-edit") },
      );
      if (!result.ok) throw new Error(`bench edit refused: ${result.summary}`);
    }),
  );
  return {
    words,
    proposeMs: median(proposeTimes),
    acceptMs: median(acceptTimes),
    acceptP95Ms: p95(acceptTimes),
    editMs: median(editTimes),
    listMs,
  };
}

export async function runSuggestionsBench(): Promise<Figure[]> {
  measure(1_000); // warm-up: JIT, schema, parser
  const figures = [1_000, 10_000, 100_000].map(measure);
  console.log("words    propose ms  accept ms  accept p95  direct edit ms (reference)  list 30 ms");
  for (const f of figures)
    console.log(
      `${String(f.words).padEnd(8)} ${f.proposeMs.toFixed(2).padStart(10)} ${f.acceptMs.toFixed(2).padStart(10)} ${f.acceptP95Ms.toFixed(2).padStart(11)} ${f.editMs.toFixed(2).padStart(27)} ${f.listMs.toFixed(2).padStart(11)}`,
    );
  const largest = figures[figures.length - 1]!;
  const ratio = largest.acceptMs / Math.max(largest.editMs, 0.01);
  console.log(
    `accept of one suggestion on ${largest.words} words: ${largest.acceptMs.toFixed(2)} ms median (goal ≤ ${GOAL_MS} ms: ${largest.acceptMs <= GOAL_MS ? "met" : "NOT met"}), ${ratio.toFixed(1)}× a direct targeted edit`,
  );
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) void runSuggestionsBench();
