// The edit cases are satisfiable and not vacuous: the reference answer written next to each case (what
// a careful editor would do) passes every check, and an unchanged canvas fails. The builder
// (evals/data/build/index.ts) also runs every code test on the original and the reference; here a
// sample per language keeps the suite fast.
import { describe, expect, it } from "vitest";
import { editSeeds } from "../../evals/data/build/edit.ts";
import { generatedEditSeeds } from "../../evals/data/build/generated.ts";
import { DEFAULT_DATA, loadDataset } from "../../evals/dataset.ts";
import { gradeEdit } from "../../evals/graders/edit.ts";
import { gradeEditCase } from "../../evals/graders/editRun.ts";
import { call, makeTrace } from "./traces.ts";

const seeds = [...editSeeds(), ...generatedEditSeeds()];
const toolFor = (mode: string) => (mode === "targeted" ? "edit_canvas" : "rewrite_canvas");

describe("edit cases", () => {
  it("the builder's cases are the committed dataset", async () => {
    const loaded = await loadDataset("edit", DEFAULT_DATA.edit);
    if (!loaded.ok) throw new Error(loaded.message);
    expect(loaded.cases).toEqual(editSeeds().map((seed) => seed.item));
  });

  it("every reference answer passes the case's text, region, language and length checks", () => {
    const withReference = seeds.filter((seed) => seed.seed.reference);
    expect(withReference.length).toBeGreaterThan(180);
    for (const { item, seed } of withReference) {
      const before = item.canvas.content;
      const verdict = gradeEdit(
        item,
        makeTrace({
          canvasBefore: before,
          canvasAfter: seed.reference!(before),
          toolCalls: [call(toolFor(item.expect.mode))],
        }),
      );
      expect({ id: item.id, failures: verdict.failures, local: verdict.local }).toEqual({
        id: item.id,
        failures: [],
        local: verdict.local === null ? null : true,
      });
    }
  });

  it("an unchanged canvas fails every case", () => {
    for (const { item } of seeds) {
      const before = item.canvas.content;
      const verdict = gradeEdit(
        item,
        makeTrace({ canvasBefore: before, canvasAfter: before, toolCalls: [call(toolFor(item.expect.mode))] }),
      );
      // Refactors whose test guards behaviour may pass their static checks unchanged only if a test runs.
      if (verdict.checksPass) expect(item.expect.run, item.id).toBeDefined();
      else expect(verdict.pass, item.id).toBe(false);
    }
  });

  it("a reference passes its code test in each language the cases run (Python, JavaScript, TypeScript)", async () => {
    const sample = ["edit-py-cart-1", "edit-js-todos-1", "edit-py-bank-3"];
    for (const id of sample) {
      const found = seeds.find((seed) => seed.item.id === id);
      expect(found, id).toBeDefined();
      const { item, seed } = found!;
      const before = item.canvas.content;
      const verdict = await gradeEditCase(
        item,
        makeTrace({
          canvasBefore: before,
          canvasAfter: seed.reference!(before),
          toolCalls: [call(toolFor(item.expect.mode))],
        }),
      );
      expect({ id, tests: verdict.tests, output: verdict.testOutput }).toEqual({ id, tests: "pass", output: null });
    }
  });
});
