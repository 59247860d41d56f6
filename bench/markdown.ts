// Markdown parse times: the canvas parser (markdown-it, shared/markdown/parse.ts) against the previous
// one (@tiptap/markdown on marked, whole text at once) in the same run, on a 100k-word document and on
// inputs that make parsers slow ("[a](" repeated, a long table, CommonMark's pathological cases), at
// 50, 100 and 200 KB. Then the round-trip rate on the fidelity corpus, when one was built.
import type { JSONContent } from "@tiptap/core";
import { MarkdownManager } from "@tiptap/markdown";
import { parseBlocks } from "../shared/markdown/index.ts";
import { canvasExtensions } from "../shared/schema.ts";
import { essay } from "../tests/engine/fixtures.ts";
import { printCorpusFigures } from "./markdownCorpus.ts";

const SIZES_KB = [50, 100, 200];
/** The previous parser is skipped at larger sizes once one run takes longer than this. */
const OLD_PARSER_CAP_MS = 3_000;

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

let oldManager: MarkdownManager | null = null;

function oldParse(md: string): JSONContent | null {
  oldManager ??= new MarkdownManager({ extensions: canvasExtensions() });
  try {
    return oldManager.parse(md);
  } catch {
    return null; // it overflows the stack on deep nesting; the time to fail is what is shown
  }
}

/** Median of `runs` timed runs after one warm-up (the warm-up time is returned when it alone is over the cap). */
function time(run: () => unknown, runs = 3): number {
  const warm = performance.now();
  run();
  const first = performance.now() - warm;
  if (first > OLD_PARSER_CAP_MS) return first;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
}

function ms(value: number | null): string {
  return value === null ? "skipped".padStart(9) : `${value.toFixed(1)} ms`.padStart(9);
}

export function runMarkdownBench(): void {
  const book = essay(100_000);
  console.log(
    `  100k-word document (${(book.length / 1024).toFixed(0)} KB): new ${ms(time(() => parseBlocks(book)))}   old ${ms(time(() => oldParse(book), 1))}`,
  );
  console.log(
    `  ${"input".padEnd(26)}${SIZES_KB.map((kb) => `${kb} KB new`.padStart(12) + "old".padStart(10)).join("")}`,
  );
  for (const [name, make] of CASES) {
    const cells: string[] = [];
    let oldTooSlow = false;
    for (const kb of SIZES_KB) {
      const md = make(kb * 1024);
      const fresh = time(() => parseBlocks(md));
      let old: number | null = null;
      if (!oldTooSlow) {
        old = time(() => oldParse(md), 1);
        oldTooSlow = old > OLD_PARSER_CAP_MS;
      }
      cells.push(`${ms(fresh).padStart(12)}${ms(old).padStart(10)}`);
    }
    console.log(`  ${name.padEnd(26)}${cells.join("")}`);
  }
  printCorpusFigures();
}
