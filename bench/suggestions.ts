// Suggestion mode benchmark: on canvases of 1k, 10k and 100k words, propose one-sentence suggestions
// and accept them one by one, server-side (the seam's review on the room's Y.Doc, as the accept route
// runs it), then undo those accepts and reject the suggestions. Reference in the same run: the same
// one-sentence change as a direct targeted edit. Median and p95 of each.
// Goal: accepting one suggestion on 100k words ≤ 10 ms. Run: `npm run bench -- suggestions`.
import * as Y from "yjs";
import { AgentOrigin, ApiOrigin, applyToolCall } from "../shared/engine/index.ts";
import { reviewSuggestionsCall } from "../shared/engine/toolCall.ts";
import { canvasText } from "../shared/markdown/index.ts";
import { listSuggestions } from "../shared/suggestions/record.ts";
import { suggestionState } from "../shared/suggestions/review.ts";
import { essay } from "../tests/engine/fixtures.ts";
import { time, timing, type Timing } from "./timing.ts";

const GOAL_MS = 10;
/** Suggestions (and direct edits) per canvas: more on the long canvases, so their p95 is not the 2nd worst of 30. */
const roundsFor = (words: number): number => (words < 10_000 ? 30 : 100);

interface Figure {
  words: number;
  propose: Timing;
  accept: Timing;
  undo: Timing;
  reject: Timing;
  edit: Timing;
  listMs: number;
}

function canvasOf(words: number, rounds: number): { doc: Y.Doc; canvasId: string; sentences: string[] } {
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
    { length: rounds * 2 },
    (_, i) => all[Math.floor(((i + 0.5) / (rounds * 2)) * all.length)]!,
  );
  return { doc, canvasId: created.canvasId, sentences };
}

function measure(words: number): Figure {
  const rounds = roundsFor(words);
  const { doc, canvasId, sentences } = canvasOf(words, rounds);
  const proposals = sentences.slice(0, rounds);
  const direct = sentences.slice(rounds);
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
  const review = (decision: "accept" | "undo" | "reject") =>
    suggestions.map((suggestion) =>
      time(() => {
        const result = reviewSuggestionsCall(doc, [suggestion.id], decision, reviewer);
        if (!result.ok) throw new Error(`bench ${decision} refused: ${result.message}`);
      }),
    );
  const acceptTimes = review("accept");
  const undoTimes = review("undo");
  const rejectTimes = review("reject");
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
    propose: timing(proposeTimes),
    accept: timing(acceptTimes),
    undo: timing(undoTimes),
    reject: timing(rejectTimes),
    edit: timing(editTimes),
    listMs,
  };
}

const ms = (value: number): string => value.toFixed(2);

export async function runSuggestionsBench(): Promise<Figure[]> {
  measure(1_000); // warm-up: JIT, schema, parser
  const figures = [1_000, 10_000, 100_000].map(measure);
  const columns = ["propose", "accept", "undo accept", "reject", "direct edit (reference)"];
  console.log(`words    ${columns.map((name) => `${name} ms`.padStart(28)).join("")}  states of all ms`);
  console.log(`         ${columns.map(() => "median / p95".padStart(28)).join("")}`);
  for (const f of figures) {
    const cells = [f.propose, f.accept, f.undo, f.reject, f.edit].map((t) => `${ms(t.median)} / ${ms(t.p95)}`);
    console.log(
      `${String(f.words).padEnd(8)} ${cells.map((cell) => cell.padStart(28)).join("")}  ${ms(f.listMs).padStart(8)}`,
    );
  }
  const largest = figures[figures.length - 1]!;
  const { accept, edit } = largest;
  console.log(
    `accept of one suggestion on ${largest.words} words: ${ms(accept.median)} ms median, ${ms(accept.p95)} ms p95 (goal ≤ ${GOAL_MS} ms: ${accept.median <= GOAL_MS ? "met" : "NOT met"}); a direct targeted edit: ${ms(edit.median)} ms median, ${ms(edit.p95)} ms p95 (accept ${(accept.median / Math.max(edit.median, 0.01)).toFixed(1)}× its median)`,
  );
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) void runSuggestionsBench();
