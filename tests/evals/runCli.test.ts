// The eval CLI: adversaries are engines like any other, and `--data <file>` runs any JSONL in the
// dataset format, including files written before the v2 fields (group, keywords, target, run…).
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parseArgs, runMain } from "../../evals/run.ts";
import type { EvalReport } from "../../evals/report.ts";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "canvas-eval-cli-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const canvas = {
  kind: "document",
  title: "Memo",
  content: "# Memo\n\nWe meet on Tuesdays at noon.\n\nBring the agenda.",
};
const oldFormat = [
  {
    id: "a",
    split: "test",
    slice: "rename",
    canvas,
    instruction: "Change Tuesdays to Wednesdays.",
    expect: { mode: "targeted", mustContain: ["Wednesdays"], mustNotContain: ["Tuesdays"] },
  },
  {
    id: "b",
    split: "test",
    slice: "translate",
    canvas,
    instruction: "Translate it into French.",
    expect: { mode: "rewrite", mustNotContain: ["Bring the agenda."] },
  },
];

describe("eval CLI", () => {
  it("accepts adversary:<name> as an engine and refuses an unknown one with the list of names", () => {
    expect(parseArgs(["--engine", "adversary:lorem-rewrite"])).toMatchObject({ ok: true });
    const unknown = parseArgs(["--engine", "adversary:nope"]);
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error).toContain("whole-canvas-comment");
  });

  it("runs an old-format --data file with an adversary and writes a report with the dataset's hash", async () => {
    const file = join(dir, "held-out.jsonl");
    await writeFile(file, oldFormat.map((item) => JSON.stringify(item)).join("\n"));
    const out = join(dir, "report.json");
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      expect(
        await runMain(["--suite", "edit", "--data", file, "--engine", "adversary:keyword-mode", "--out", out]),
      ).toBe(0);
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
    const report = JSON.parse(await readFile(out, "utf8")) as EvalReport;
    expect(report).toMatchObject({ engine: "adversary", model: "keyword-mode", dataset: file, deterministic: true });
    expect(report.datasetHash).toMatch(/^[0-9a-f]{64}$/);
    expect(report.cases.map((item) => item.id)).toEqual(["a", "b"]);
    expect(report.metrics.modeAccuracy).toBe(1);
    expect(report.metrics.passRate).toBe(0);
  });
});
