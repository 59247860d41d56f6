// The committed edit cases are satisfiable: a reference solution written by hand (what a careful
// editor would do) passes every check, including locality, for a sample across slices.
import { describe, expect, it } from "vitest";
import { DEFAULT_DATA, loadDataset, type EditCase } from "../../evals/dataset.ts";
import { gradeEdit } from "../../evals/graders/edit.ts";
import { call, makeTrace } from "./traces.ts";

const between = (text: string, start: string, end: string): string =>
  text.slice(text.indexOf(start), text.indexOf(end));

const REFERENCE: Record<string, (before: string) => string> = {
  "edit-memo-1": (t) =>
    t.replace(
      "Starting next month, everyone must be in the office on Tuesdays and Thursdays. No exceptions will be made, so do not ask.",
      "Starting next month, we'd love to see everyone in the office on Tuesdays and Thursdays. If that is hard for you, talk to your manager.",
    ),
  "edit-garden-4": (t) => t.slice(0, t.indexOf("\n\n## Risks")),
  "edit-report-3": (t) => t.replace(between(t, "## Gulf Coast", "## Southeast"), ""),
  "edit-letter-3": (t) =>
    t.replace(
      /I am writing to apply[^\n]*/,
      "I am applying for the Junior Data Analyst position at Northwind Logistics, bringing two years of building route-planning reports at Harbor Freight Lines.",
    ),
  "edit-library-2": (t) => {
    const second = between(t, "They lend books", "\n\nTowns");
    const third = between(t, "Towns that fund", "\n\nYet many");
    return t.replace(`${second}\n\n${third}`, `${third}\n\n${second}`);
  },
  "edit-lisbon-2": (t) => t.replace("Day one", "Day 1").replace("Day two", "Day 2").replace("Day three", "Day 3"),
  "edit-notes-2": (t) => t.replace("- [ ] Jonas", "- [x] Jonas"),
  "edit-go-books-1": (t) =>
    t.replace(
      '\tid, _ := strconv.Atoi(r.URL.Query().Get("id"))',
      '\tid, err := strconv.Atoi(r.URL.Query().Get("id"))\n\tif err != nil {\n\t\tw.WriteHeader(http.StatusBadRequest)\n\t\treturn\n\t}',
    ),
  "edit-py-inventory-4": (t) => t.replace(/\bconn\b/g, "connection"),
  "edit-orders-8": (t) =>
    t.replace(
      "  const current = productStore.get(id);",
      '  if (changes.priceCents !== undefined && changes.priceCents < 0) return { ok: false, error: "Price cannot be negative" };\n  const current = productStore.get(id);',
    ),
  "edit-orders-9": (t) => t.replaceAll("Warehouse", "Depot"),
  "edit-py-cart-1": (t) => t.replace("range(len(items) + 1)", "range(len(items))"),
};

describe("committed edit cases", () => {
  it("accept a hand-written correct edit, within the locality region", async () => {
    const loaded = await loadDataset("edit", DEFAULT_DATA.edit);
    if (!loaded.ok) throw new Error(loaded.message);
    const byId = new Map<string, EditCase>(loaded.cases.map((item) => [item.id, item]));
    for (const [id, solve] of Object.entries(REFERENCE)) {
      const item = byId.get(id);
      expect(item, id).toBeDefined();
      const before = item!.canvas.content;
      const after = solve(before);
      expect(after, `${id}: the reference changes the canvas`).not.toBe(before);
      const verdict = gradeEdit(
        item!,
        makeTrace({ canvasBefore: before, canvasAfter: after, toolCalls: [call("edit_canvas")] }),
      );
      expect({ id, failures: verdict.failures, local: verdict.local, outside: verdict.outsideChars }).toMatchObject({
        id,
        failures: [],
      });
      expect(verdict.local, `${id}: ${verdict.outsideChars} chars outside the region`).not.toBe(false);
      expect(verdict.pass, id).toBe(item!.expect.mode === "targeted");
    }
  });
});
