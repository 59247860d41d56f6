// Safe AI changes (#13): what keeping people's work costs on a 100k-word canvas.
// 1. A streamed rewrite of the whole canvas while a person types into it 20 times, against the same
//    stream with nobody typing (the reference): total stream time and the final three-way merge.
// 2. Undo of one change (the 5th of 10 targeted edits) from its stored record, against one targeted
//    edit on the same canvas (the reference). Run: `npm run bench -- changes`.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as Y from "yjs";
import { AgentOrigin, applyToolCall, openToolCall } from "../shared/engine/index.ts";
import { merge3 } from "../shared/engine/merge.ts";
import { canvasText } from "../shared/markdown/index.ts";
import { canvasFragment, commentsMap } from "../shared/room.ts";
import { SqliteStore } from "../server/store/sqlite.ts";
import { ChangeLog } from "../server/changes/store.ts";
import { undoChange } from "../server/changes/undo.ts";
import { essay, roomWith } from "../tests/engine/fixtures.ts";

const WORDS = 100_000;
const CHUNK = 2_000;
const TYPINGS = 20;

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

/** Every paragraph changed (as a translation would), headings and lists kept. */
function rewriteOf(text: string): string {
  return text
    .split("\n\n")
    .map((block) =>
      /^[#>-]/.test(block)
        ? block
        : block.replace(/\b(\w)(\w*)/g, (_m, a: string, b: string) => `${a.toUpperCase()}${b}`),
    )
    .join("\n\n");
}

/** Type a word at the end of paragraph `n` (counted among paragraphs) of the canvas. */
function typeInto(doc: Y.Doc, canvasId: string, n: number, word: string): void {
  const paragraphs = canvasFragment(doc, canvasId)
    .toArray()
    .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === "paragraph");
  const paragraph = paragraphs[n % paragraphs.length]!;
  const text = paragraph.toArray().find((child): child is Y.XmlText => child instanceof Y.XmlText)!;
  text.insert(text.length, ` ${word}`);
}

function streamedRewrite(original: string, typing: boolean) {
  const { doc, canvasId } = roomWith(original);
  const content = rewriteOf(original);
  const call = openToolCall(doc, "rewrite_canvas", { canvasId, origin: new AgentOrigin("bench") }, { summary: "" });
  const steps = Math.ceil(content.length / CHUNK);
  const typeEvery = Math.max(1, Math.floor(steps / (TYPINGS + 1)));
  const words: string[] = [];
  let streamMs = 0;
  for (let step = 0; step < steps; step++) {
    if (typing && step % typeEvery === 0 && words.length < TYPINGS) {
      const word = `typed${words.length}word`;
      // Half into text already rewritten, half into text still to come.
      typeInto(doc, canvasId, words.length % 2 ? step * 3 : step * 3 + 400, word);
      words.push(word);
    }
    streamMs += time(() => call.appendContent(content.slice(step * CHUNK, (step + 1) * CHUNK))).ms;
  }
  const finish = time(() => call.finish());
  if (!finish.value.ok) throw new Error(`bench rewrite refused: ${finish.value.summary}`);
  const final = canvasText(doc, canvasId);
  const comments = [...commentsMap(doc).values()].map((comment) => comment.body).join("\n");
  const lost = words.filter((word) => !final.includes(word) && !comments.includes(word));
  if (lost.length) throw new Error(`bench: typed words lost: ${lost.join(", ")}`);
  return {
    streamMs,
    finishMs: finish.ms,
    merged: words.filter((word) => final.includes(word)).length,
    comments: commentsMap(doc).size,
  };
}

async function undoFigures(original: string) {
  const dir = mkdtempSync(join(tmpdir(), "canvas-bench-"));
  const store = new SqliteStore(dir);
  try {
    const log = new ChangeLog(store);
    const { doc, canvasId } = roomWith(original);
    const sentences = [...original.matchAll(/[A-Z][a-z']+ [a-z']+ s\d+ [^.]*\./g)].map((match) => match[0]);
    const ids: string[] = [];
    const editMs: number[] = [];
    for (let i = 0; i < 10; i++) {
      const sentence = sentences[Math.floor(((i + 0.5) / 10) * sentences.length)]!;
      const edit = time(() =>
        applyToolCall(
          doc,
          {
            name: "edit_canvas",
            arguments: {
              edits: [{ find: sentence, replace: `${sentence} Edit ${i}.`, all: false }],
              summary: `Edit ${i}`,
            },
          },
          { canvasId, origin: new AgentOrigin(`run${i}`) },
        ),
      );
      if (!edit.value.ok) throw new Error(`bench edit refused: ${edit.value.summary}`);
      editMs.push(edit.ms);
      ids.push((await log.record("bench-room", edit.value)).id);
    }
    const start = performance.now();
    const outcome = await undoChange(log, "bench-room", doc, ids[4]!, { role: "editor", name: "Bench" });
    const undoMs = performance.now() - start;
    if (!outcome.ok) throw new Error(`bench undo refused: ${outcome.message}`);
    if (canvasText(doc, canvasId).includes("Edit 4.")) throw new Error("bench undo left the change in place");
    const sorted = [...editMs].sort((a, b) => a - b);
    return { undoMs, editMs: sorted[Math.floor(sorted.length / 2)]! };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runChangesBench(): Promise<void> {
  const original = essay(WORDS, 11);
  streamedRewrite(essay(2_000, 3), true); // warm up
  const alone = streamedRewrite(original, false);
  const typed = streamedRewrite(original, true);
  // merge3 alone: the canvas at the start, the same with 20 typed words spread over it, the rewrite.
  let typedCount = 0;
  const ours = original.replace(/ s(\d+)0 /g, (match) => (typedCount++ % 35 === 0 ? `${match}typed ` : match));
  const base = original;
  const mergeOnly = time(() => merge3(base, ours, rewriteOf(original)));
  console.log(
    `streamed rewrite of ${WORDS.toLocaleString("en")} words (${original.length.toLocaleString("en")} chars, ${CHUNK}-char chunks)`,
  );
  console.log("                   | stream total | final write | typed words in text / in comments");
  console.log(
    `nobody typing (ref)| ${alone.streamMs.toFixed(0).padStart(9)} ms | ${alone.finishMs.toFixed(0).padStart(8)} ms | -`,
  );
  console.log(
    `${TYPINGS} typings meanwhile | ${typed.streamMs.toFixed(0).padStart(9)} ms | ${typed.finishMs.toFixed(0).padStart(8)} ms | ${typed.merged} / ${typed.comments}`,
  );
  console.log(
    `cost of keeping people's typing: stream ×${(typed.streamMs / alone.streamMs).toFixed(2)}, final write ×${(typed.finishMs / alone.finishMs).toFixed(2)}; ` +
      `merge3 alone on the whole text with ${Math.ceil(typedCount / 35)} typed words: ${mergeOnly.ms.toFixed(0)} ms (${mergeOnly.value.conflicts.length} conflicts)`,
  );
  const undo = await undoFigures(original);
  console.log(
    `undo of one change (5th of 10) on ${WORDS.toLocaleString("en")} words: ${undo.undoMs.toFixed(1)} ms, ` +
      `vs one targeted edit (ref, median): ${undo.editMs.toFixed(1)} ms (×${(undo.undoMs / undo.editMs).toFixed(1)})`,
  );
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/"))) {
  await runChangesBench();
}
