// Writes evals/data/{trigger,edit,comment}.jsonl from the case sources in this folder and checks
// them: the zod schema (evals/dataset.ts), document canvases that survive the markdown round trip
// unchanged (else `unchanged` passages could never be byte-identical), and edit checks that are not
// vacuous (mustNotContain text is in the original, mustContain text is not all there already).
// Usage: npx tsx evals/data/build/index.ts
import { writeFile } from "node:fs/promises";
import { MarkdownManager } from "@tiptap/markdown";
import { canvasExtensions } from "../../../shared/schema.ts";
import { DEFAULT_DATA, parseDataset, type Suite } from "../../dataset.ts";
import { commentCases } from "./comment.ts";
import { editCases } from "./edit.ts";
import { toJsonl } from "./split.ts";
import { triggerCases } from "./trigger.ts";

const problems: string[] = [];
const markdown = new MarkdownManager({ extensions: canvasExtensions() });

function checkRoundTrip(id: string, canvas: { kind: string; content: string } | undefined): void {
  if (!canvas || canvas.kind !== "document") return;
  const back = markdown.serialize(markdown.parse(canvas.content));
  if (back !== canvas.content) problems.push(`${id}: document content changes in the markdown round trip`);
}

const trigger = triggerCases();
const edit = editCases();
const comment = commentCases();

for (const item of trigger) checkRoundTrip(item.id, item.canvas);
for (const item of comment) checkRoundTrip(item.id, item.canvas);
for (const item of edit) {
  checkRoundTrip(item.id, item.canvas);
  const content = item.canvas.content;
  for (const text of item.expect.mustNotContain ?? []) {
    if (!content.includes(text)) problems.push(`${item.id}: mustNotContain "${text}" is not in the original, so it checks nothing`);
  }
  const contain = item.expect.mustContain ?? [];
  if (contain.length && contain.every((text) => content.includes(text)) && !item.expect.mustNotContain?.length) {
    problems.push(`${item.id}: every mustContain is already in the original and nothing must go: an unchanged canvas passes`);
  }
}

const outputs: [Suite, unknown[]][] = [
  ["trigger", trigger],
  ["edit", edit],
  ["comment", comment],
];
for (const [suite, rows] of outputs) {
  const text = toJsonl(rows);
  const parsed = parseDataset(suite, text, DEFAULT_DATA[suite]);
  if (!parsed.ok) problems.push(parsed.message);
  await writeFile(DEFAULT_DATA[suite], text);
  const splits = rows.reduce<Record<string, number>>((acc, row) => {
    const key = (row as { split: string }).split;
    acc[key] = (acc[key] ?? 0) + 1;
    return acc;
  }, {});
  console.log(`${suite}: ${rows.length} cases (${Object.entries(splits).map(([k, v]) => `${k} ${v}`).join(", ")}) → ${DEFAULT_DATA[suite]}`);
}

if (problems.length) {
  console.error(problems.join("\n"));
  process.exitCode = 1;
}
