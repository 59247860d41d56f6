// Markdown parse times: the canvas parser (shared/markdown/parse.ts: markdown-it plus the canvas nodes,
// kept sources and checks) against bare markdown-it (`md.parse`, same options, stock states) on the same
// input in the same run, so load on the machine shows in both columns. Inputs: a 100k-word document and
// the inputs that make parsers slow ("[a](" repeated, a long table, CommonMark's pathological cases) at
// 50, 100 and 200 KB, each against issue #17's goal (under 50 ms per 100 KB; the 100k-word document in
// 150 ms). Then the round-trip rate on the fidelity corpus, when one was built.
import { loadavg } from "node:os";
import type { JSONContent } from "@tiptap/core";
import { MarkdownManager } from "@tiptap/markdown";
import markdownItFactory, { type MarkdownIt } from "markdown-it";
import { parseBlocks } from "../shared/markdown/index.ts";
import { canvasExtensions } from "../shared/schema.ts";
import { essay } from "../tests/engine/fixtures.ts";
import { printCorpusFigures } from "./markdownCorpus.ts";

const SIZES_KB = [50, 100, 200];
/** Issue #17: under 50 ms per 100 KB of input, a 100k-word document in 150 ms. */
const GOAL_MS_PER_100KB = 50;
const GOAL_BOOK_MS = 150;
const RUNS = Number(process.env.MARKDOWN_BENCH_RUNS ?? 5);

function repeatTo(unit: string, bytes: number): string {
  return unit.repeat(Math.max(1, Math.floor(bytes / unit.length)));
}

function table(bytes: number): string {
  const rows = ["| name | value | note |", "| :--- | ---: | :---: |"];
  for (let length = 0; length < bytes; length += 32) rows.push(`| row ${rows.length} | ${rows.length * 7} | *ok* |`);
  return rows.join("\n");
}

/** Inputs sized to `bytes`: the cases of issue #17 and CommonMark's pathological tests (cmark's list). */
const CASES: [string, (bytes: number) => string][] = [
  ['"[a](" repeated', (bytes) => repeatTo("[a](", bytes)],
  ["table", table],
  ["nested emphasis *a **b", (bytes) => repeatTo("*a **b ", bytes)],
  ["emphasis closers a*", (bytes) => repeatTo("a* ", bytes)],
  ["emphasis openers *a", (bytes) => repeatTo("*a ", bytes)],
  ["link closers a]", (bytes) => repeatTo("a]", bytes)],
  ["link openers [a", (bytes) => repeatTo("[a", bytes)],
  ["mismatched *a_", (bytes) => repeatTo("*a_ ", bytes)],
  ["nested brackets [[[a]]]", (bytes) => `${"[".repeat(bytes / 2)}a${"]".repeat(bytes / 2)}`],
  ["backticks", (bytes) => repeatTo("e`", bytes)],
  ["unclosed links [a](<b", (bytes) => repeatTo("[a](<b", bytes)],
  ["unclosed <!--", (bytes) => `<!--${repeatTo("a", bytes)}`],
  ["many references", (bytes) => repeatTo("[a]: /u\n", bytes / 2) + repeatTo("[a] ", bytes / 2)],
  ["nested quotes", (bytes) => `${">".repeat(Math.min(bytes, 100_000))} a`],
  ["nested lists", (bytes) => Array.from({ length: bytes / 40 }, (_, i) => `${"  ".repeat(i % 60)}- item`).join("\n")],
];

let bare: MarkdownIt | null = null;

/** markdown-it as the canvas configures it, without the canvas's states and link-label bound. */
function bareParse(md: string): unknown {
  if (!bare) {
    bare = new markdownItFactory("default", { html: true, linkify: true });
    bare.linkify.set({ fuzzyLink: false, fuzzyEmail: false });
    bare.validateLink = () => true;
  }
  return bare.parse(md, {});
}

let oldManager: MarkdownManager | null = null;

/** The parser before issue #17 (@tiptap/markdown on marked), for the 100k-word document. */
function oldParse(md: string): JSONContent | null {
  oldManager ??= new MarkdownManager({ extensions: canvasExtensions() });
  try {
    return oldManager.parse(md);
  } catch {
    return null;
  }
}

/** Median wall-clock time of `runs` runs after one warm-up. */
function time(run: () => unknown, runs = RUNS): number {
  run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}

export function runMarkdownBench(): void {
  const load = loadavg().map((value) => value.toFixed(2));
  console.log(`  load average ${load.join(", ")}; median of ${RUNS} runs after a warm-up`);
  const book = essay(100_000);
  const bookOurs = time(() => parseBlocks(book));
  console.log(
    `  100k-word document (${(book.length / 1024).toFixed(0)} KB): canvas ${ms(bookOurs)}   markdown-it ${ms(time(() => bareParse(book)))}` +
      `   previous parser ${ms(time(() => oldParse(book), 1))}   goal ${GOAL_BOOK_MS} ms: ${bookOurs <= GOAL_BOOK_MS ? "pass" : "FAIL"}`,
  );
  console.log(
    `  ${"input".padEnd(26)}${SIZES_KB.map((kb) => `${kb} KB canvas`.padStart(15) + "md-it".padStart(10)).join("")}` +
      `${"worst /100 KB".padStart(15)}  goal <${GOAL_MS_PER_100KB}`,
  );
  let failures = 0;
  for (const [name, make] of CASES) {
    const cells: string[] = [];
    let worst = 0;
    for (const kb of SIZES_KB) {
      const md = make(kb * 1024);
      const ours = time(() => parseBlocks(md));
      const reference = time(() => bareParse(md));
      worst = Math.max(worst, (ours * 100 * 1024) / md.length);
      cells.push(`${ms(ours).padStart(15)}${ms(reference).padStart(10)}`);
    }
    const pass = worst < GOAL_MS_PER_100KB;
    if (!pass) failures++;
    console.log(`  ${name.padEnd(26)}${cells.join("")}${ms(worst).padStart(15)}  ${pass ? "pass" : "FAIL"}`);
  }
  console.log(`  ${CASES.length - failures}/${CASES.length} inputs under ${GOAL_MS_PER_100KB} ms per 100 KB`);
  printCorpusFigures();
}
