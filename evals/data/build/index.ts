// Writes evals/data/{trigger,edit,comment}.jsonl from the case sources in this folder and checks them
// (checks.ts): the schema, the markdown round trip, checks that are not vacuous, references that pass
// where the original fails (code tests included, unless --skip-runs), few-shots only from train.
// The long-canvas cases are not written (generated.ts builds them at load time) unless asked.
// Usage: npx tsx evals/data/build/index.ts [--skip-runs] [--write-generated <dir>]
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { DEFAULT_DATA, parseDataset, type Suite } from "../../dataset.ts";
import { checkDatasets, describeDatasets } from "./checks.ts";
import { commentCases } from "./comment.ts";
import { editSeeds } from "./edit.ts";
import { generatedCases, generatedEditSeeds } from "./generated.ts";
import { toJsonl } from "./split.ts";
import { triggerCases } from "./trigger.ts";

const args = process.argv.slice(2);
const skipRuns = args.includes("--skip-runs");
const generatedDir = args.includes("--write-generated") ? args[args.indexOf("--write-generated") + 1] : undefined;

const trigger = triggerCases();
const edits = editSeeds();
const comment = commentCases();
const problems: string[] = [];

const outputs: [Suite, unknown[]][] = [
  ["trigger", trigger],
  ["edit", edits.map((seed) => seed.item)],
  ["comment", comment],
];
for (const [suite, rows] of outputs) {
  const text = toJsonl(rows);
  const parsed = parseDataset(suite, text, DEFAULT_DATA[suite]);
  if (!parsed.ok) problems.push(parsed.message);
  await writeFile(DEFAULT_DATA[suite], text);
  console.log(`${suite}: ${rows.length} cases → ${DEFAULT_DATA[suite]}`);
}
if (generatedDir) {
  await mkdir(generatedDir, { recursive: true });
  for (const suite of ["trigger", "edit"] as const) {
    const file = join(generatedDir, `${suite}.jsonl`);
    await writeFile(file, toJsonl(generatedCases(suite)));
    console.log(`generated ${suite}: ${generatedCases(suite).length} cases → ${file}`);
  }
}

problems.push(
  ...(await checkDatasets({
    trigger: [...trigger, ...(generatedCases("trigger") as typeof trigger)],
    edits: [...edits, ...generatedEditSeeds()],
    comment,
    runs: !skipRuns,
    log: (line) => console.log(line),
  })),
);
console.log(describeDatasets({ trigger: [...trigger, ...(generatedCases("trigger") as typeof trigger)], edit: [...edits, ...generatedEditSeeds()].map((seed) => seed.item), comment }));

if (problems.length) {
  console.error(`\n${problems.length} problem(s):\n${problems.join("\n")}`);
  process.exitCode = 1;
}
