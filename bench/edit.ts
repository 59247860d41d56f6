// Edit engine benchmark: targeted one-paragraph edits and full rewrites on canvases of 1k, 10k and
// 100k words. Prints ms per call and growth between sizes. Goal: ≤ 10 ms for a one-paragraph targeted
// edit on 100k words, linear or better. Run: `npm run bench -- edit` or `npx tsx bench/edit.ts`.
import * as Y from "yjs";
import { AgentOrigin, applyToolCall } from "../shared/engine/index.ts";
import { canvasText } from "../shared/markdown/index.ts";
import { essay } from "../tests/engine/fixtures.ts";
import { time, timing } from "./timing.ts";

interface Figure {
  words: number;
  createMs: number;
  readColdMs: number;
  editMs: number;
  editP95Ms: number;
  rewriteMs: number;
  updateBytes: number;
}

function measure(words: number): Figure {
  const content = essay(words, 7);
  const doc = new Y.Doc();
  let canvasId = "";
  const createMs = time(() => {
    const result = applyToolCall(
      doc,
      { name: "create_canvas", arguments: { title: "Bench", kind: "document", language: null, content } },
      { canvasId: null, origin: new AgentOrigin("bench") },
    );
    canvasId = result.canvasId!;
  });
  // A fresh replica reads the canvas without any cache (what a restarted server does once).
  const replica = new Y.Doc();
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
  const readColdMs = time(() => canvasText(replica, canvasId));

  // Targeted edits: change one sentence in a paragraph spread over the document, one call each.
  const text = canvasText(doc, canvasId);
  const sentences = [...text.matchAll(/[A-Z][a-z']+ [a-z']+ s\d+ [^.]*\./g)].map((match) => match[0]);
  const picks = Array.from({ length: 30 }, (_, i) => sentences[Math.floor(((i + 0.5) / 30) * sentences.length)]!);
  const editTimes: number[] = [];
  let updateBytes = 0;
  picks.forEach((sentence, i) => {
    const vector = Y.encodeStateVector(doc);
    const replace = sentence.replace(/\.$/, `, edited ${i}.`);
    editTimes.push(
      time(() => {
        const result = applyToolCall(
          doc,
          { name: "edit_canvas", arguments: { edits: [{ find: sentence, replace, all: false }], summary: "" } },
          { canvasId, origin: new AgentOrigin("bench") },
        );
        if (!result.ok) throw new Error(`bench edit refused: ${result.summary}`);
      }),
    );
    updateBytes = Math.max(updateBytes, Y.encodeStateAsUpdate(doc, vector).byteLength);
  });

  // Rewrites: the whole text with every tenth paragraph changed (a restyle that keeps most of it).
  const rewriteTimes: number[] = [];
  for (let round = 0; round < 3; round++) {
    const current = canvasText(doc, canvasId);
    const next = current
      .split("\n\n")
      .map((block, i) => (i % 10 === round ? `${block} Rewritten ${round}.` : block))
      .join("\n\n");
    rewriteTimes.push(
      time(() =>
        applyToolCall(
          doc,
          { name: "rewrite_canvas", arguments: { content: next, summary: "" } },
          { canvasId, origin: new AgentOrigin("bench") },
        ),
      ),
    );
  }
  return {
    words,
    createMs,
    readColdMs,
    editMs: timing(editTimes).median,
    editP95Ms: timing(editTimes).p95,
    rewriteMs: timing(rewriteTimes).median,
    updateBytes,
  };
}

export async function runEditBench(): Promise<void> {
  // Warm up the parser and serialiser so the first size is not charged for JIT compilation.
  measure(1_000);
  const figures = [1_000, 10_000, 100_000].map(measure);
  console.log("edit engine: ms per call (median of 30 targeted edits, 3 rewrites)");
  console.log("words    | create | cold read | targeted edit (p95) | rewrite | edit update bytes");
  for (const f of figures) {
    console.log(
      `${String(f.words).padEnd(8)} | ${f.createMs.toFixed(1).padStart(6)} | ${f.readColdMs.toFixed(1).padStart(9)} | ` +
        `${f.editMs.toFixed(2).padStart(8)} (${f.editP95Ms.toFixed(2)})`.padEnd(20) +
        ` | ${f.rewriteMs.toFixed(1).padStart(7)} | ${f.updateBytes}`,
    );
  }
  for (let i = 1; i < figures.length; i++) {
    const a = figures[i - 1]!;
    const b = figures[i]!;
    console.log(
      `growth ${a.words}→${b.words} words (×${b.words / a.words}): targeted edit ×${(b.editMs / a.editMs).toFixed(2)}, rewrite ×${(b.rewriteMs / a.rewriteMs).toFixed(2)}`,
    );
  }
  const largest = figures[figures.length - 1]!;
  console.log(
    `goal: one-paragraph targeted edit on 100k words ≤ 10 ms → ${largest.editMs.toFixed(2)} ms (${largest.editMs <= 10 ? "met" : "NOT met"})`,
  );
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/"))) {
  await runEditBench();
}
