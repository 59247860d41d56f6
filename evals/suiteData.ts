// A suite's cases as the runner, the tests and the baseline load them: a JSONL file given on the
// command line, or the committed dataset plus the cases the builders generate in memory (the long
// canvases). Kept apart from dataset.ts so the schemas do not depend on the builders.
import { generatedCases } from "./data/build/generated.ts";
import { datasetHash, DEFAULT_DATA, loadDataset, parseDataset, type Suite, type SuiteCases } from "./dataset.ts";

export type SuiteData<S extends Suite> =
  { ok: true; cases: SuiteCases[S][]; name: string; hash: string } | { ok: false; message: string };

/**
 * A suite's cases: from `file` when given (any JSONL in the dataset format), else the committed dataset
 * plus the cases generated in memory by the builders (the long canvases of 50k+ words, too big to
 * commit; `npx tsx evals/data/build/index.ts --write-generated <dir>` writes them out as JSONL).
 */
export async function loadSuiteData<S extends Suite>(suite: S, file?: string): Promise<SuiteData<S>> {
  const loaded = await loadDataset(suite, file ?? DEFAULT_DATA[suite]);
  if (!loaded.ok) return { ok: false, message: loaded.message };
  if (file) return { ok: true, cases: loaded.cases, name: file, hash: datasetHash(loaded.cases) };
  const extra = parseDataset(
    suite,
    generatedCases(suite)
      .map((item) => JSON.stringify(item))
      .join("\n"),
    "generated cases",
  );
  if (!extra.ok) return { ok: false, message: extra.message };
  const cases = [...loaded.cases, ...extra.cases];
  const ids = new Set(loaded.cases.map((item) => item.id));
  const clash = extra.cases.find((item) => ids.has(item.id));
  if (clash) return { ok: false, message: `generated case id ${clash.id} is also in ${DEFAULT_DATA[suite]}` };
  return { ok: true, cases, name: `${DEFAULT_DATA[suite]}+generated`, hash: datasetHash(cases) };
}
