// `npm run bench` runs every benchmark; `npm run bench -- <name>` runs one of them.
// Benchmarks print figures and compare against a reference in the same run; they are never tests.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

interface Bench {
  /** File in bench/ that exports the runner. */
  file: string;
  exportName: string;
  /** Environment variables the benchmark needs (skipped with a message without them). */
  needsEnv?: string[];
}

const BENCHES: Record<string, Bench> = {
  fanout: { file: "fanout.ts", exportName: "runFanoutBench" },
  coldload: { file: "coldLoad.ts", exportName: "runColdLoadBench" },
  sustained: { file: "sustained.ts", exportName: "runSustainedBench" },
  edit: { file: "edit.ts", exportName: "runEditBench" },
  typing: { file: "typing.ts", exportName: "runTypingBench" },
  changes: { file: "changes.ts", exportName: "runChangesBench" },
  export: { file: "export.ts", exportName: "runExportBench" },
  hardening: { file: "hardening.ts", exportName: "runHardeningBench" },
  markdown: { file: "markdown.ts", exportName: "runMarkdownBench" },
  longcanvas: { file: "longCanvas.ts", exportName: "runLongCanvasBench" },
  suggestions: { file: "suggestions.ts", exportName: "runSuggestionsBench" },
  crossprocess: {
    file: "crossProcess.ts",
    exportName: "runCrossProcessBench",
    needsEnv: ["DATABASE_URL", "REDIS_URL"],
  },
};

async function runOne(name: string, bench: Bench): Promise<boolean> {
  const path = join(here, bench.file);
  if (!existsSync(path)) {
    console.log(`\n== ${name}: skipped (bench/${bench.file} is not there yet)`);
    return true;
  }
  const missing = (bench.needsEnv ?? []).filter((name) => !process.env[name]);
  if (missing.length > 0) {
    console.log(`\n== ${name}: skipped (set ${missing.join(" and ")}; see docs/SCALE.md)`);
    return true;
  }
  const module = (await import(path)) as Record<string, unknown>;
  const run = module[bench.exportName];
  if (typeof run !== "function") {
    console.log(`\n== ${name}: skipped (bench/${bench.file} does not export ${bench.exportName})`);
    return true;
  }
  console.log(`\n== ${name}`);
  const started = performance.now();
  try {
    await (run as () => Promise<unknown>)();
    console.log(`== ${name}: finished in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return true;
  } catch (error) {
    console.error(`== ${name}: failed:`, error);
    return false;
  }
}

async function main(): Promise<void> {
  const requested = process.argv.slice(2).map((arg) => arg.toLowerCase());
  const unknown = requested.filter((name) => !(name in BENCHES));
  if (unknown.length > 0) {
    console.error(`Unknown benchmark ${unknown.join(", ")}. Choose from: ${Object.keys(BENCHES).join(", ")}.`);
    process.exit(2);
  }
  const names = requested.length > 0 ? requested : Object.keys(BENCHES);
  let ok = true;
  for (const name of names) ok = (await runOne(name, BENCHES[name]!)) && ok;
  process.exit(ok ? 0 : 1);
}

void main();
