import { describe, expect, it } from "vitest";
import { parseDataset, type AnyCase, type Suite } from "../../evals/dataset.ts";
import { loadSuiteData } from "../../evals/suiteData.ts";
import { checkSplit, NEAR_COPY } from "../../evals/splitCheck.ts";
import { presentCanvas } from "../../server/agent/prompts.ts";

async function suite<S extends Suite>(name: S) {
  const loaded = await loadSuiteData(name);
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.cases;
}

const trigger = await suite("trigger");
const edit = await suite("edit");
const comment = await suite("comment");
const families = (cases: readonly AnyCase[]) =>
  new Set(cases.flatMap((item) => ("canvas" in item && item.canvas ? [item.group] : [])));
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe("eval datasets", () => {
  it("split by canvas: no group, prompt or near copy of a canvas is in both train and test", () => {
    for (const cases of [trigger, edit, comment, [...trigger, ...edit, ...comment]]) {
      const report = checkSplit(cases);
      expect(report.leaks).toEqual([]);
      expect(report.closest?.containment ?? 0).toBeLessThan(NEAR_COPY);
    }
    for (const item of [...trigger, ...edit, ...comment]) expect(item.group, item.id).toBeTruthy();
  });

  it("the split check catches a planted variant whose base is in the other split", () => {
    const base = comment.find((item) => item.id === "comment-library-a")!;
    const copy = {
      ...base,
      id: "copy",
      group: "elsewhere",
      split: base.split === "train" ? "test" : "train",
    } as AnyCase;
    expect(checkSplit([base, copy]).leaks.join("\n")).toContain("5-grams");
  });

  it("edit cases sit on at least 60 distinct canvases, comment cases on at least 40 bases", () => {
    expect(families(edit).size).toBeGreaterThanOrEqual(60);
    expect(families(comment).size).toBeGreaterThanOrEqual(40);
    expect(new Set(edit.map((item) => item.expect.mode))).toEqual(new Set(["targeted", "rewrite"]));
    expect(new Set(edit.map((item) => item.canvas.kind))).toEqual(new Set(["document", "code"]));
    expect(edit.filter((item) => item.expect.run).length).toBeGreaterThanOrEqual(60);
  });

  it("every trigger slice mixes both labels, and 30+ cases have an open canvas and history", () => {
    const slices = new Map<string, Set<string>>();
    for (const item of trigger) slices.set(item.slice, (slices.get(item.slice) ?? new Set()).add(item.expect));
    for (const [slice, labels] of slices) expect([slice, [...labels].sort()]).toEqual([slice, ["canvas", "chat"]]);
    expect(trigger.filter((item) => item.canvas && item.history?.length).length).toBeGreaterThanOrEqual(30);
    const canvasShare = trigger.filter((item) => item.expect === "canvas").length / trigger.length;
    expect(canvasShare).toBeGreaterThan(0.35);
    expect(canvasShare).toBeLessThan(0.65);
  });

  it("at least ten test cases have a canvas of 50k+ words, and the prompt shows it as outline and excerpt", () => {
    const long = [...trigger, ...edit].filter(
      (item) => item.split === "test" && item.canvas && words(item.canvas.content) >= 50_000,
    );
    expect(long.length).toBeGreaterThanOrEqual(10);
    for (const item of long) {
      const canvas = {
        id: "c",
        title: item.canvas!.title,
        kind: item.canvas!.kind,
        language: item.canvas!.language ?? null,
        content: item.canvas!.content,
      };
      const shown = presentCanvas(
        canvas,
        "selection" in item ? (item.selection ?? null) : null,
        Math.floor(24_000 * 0.7),
      );
      expect(shown, item.id).toContain("too long to show whole");
      if ("selection" in item && item.selection) expect(shown, item.id).toContain(item.selection.slice(0, 200));
    }
  });

  it("every planted issue has keywords, none of them a word of its quote, and ten or more canvases are clean", () => {
    expect(comment.filter((item) => item.issues.length === 0).length).toBeGreaterThanOrEqual(10);
    const kinds = new Set(comment.flatMap((item) => item.issues.map((issue) => issue.kind)));
    expect(kinds).toEqual(new Set(["factual", "logic", "grammar", "style", "bug", "security", "performance"]));
    for (const item of comment)
      for (const issue of item.issues) {
        expect(item.canvas.content).toContain(issue.quote);
        expect(issue.keywords?.length, `${item.id}: ${issue.quote}`).toBeGreaterThan(0);
      }
  });

  it("a bad line is reported with its line number and the schema message", () => {
    const good = JSON.stringify({ id: "a", split: "test", slice: "chit-chat", prompt: "Hi", expect: "chat" });
    const bad = JSON.stringify({ id: "b", split: "test", slice: "chit-chat", prompt: "Hi", expect: "maybe" });
    const result = parseDataset("trigger", [good, "", bad, "{not json"].join("\n"), "cases.jsonl");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.line)).toEqual([3, 4]);
    expect(result.errors[0]!.message).toContain("expect");
    expect(result.message).toContain("cases.jsonl:3:");
    expect(result.errors[1]!.message).toContain("not valid JSON");
  });

  it("a quote or unchanged passage that is not in the canvas is an error, and so is a duplicate id", () => {
    const canvas = { kind: "document", title: "T", content: "One sentence here." };
    const comment = JSON.stringify({
      id: "c",
      split: "test",
      slice: "s",
      canvas,
      instruction: "Review",
      issues: [{ quote: "Not there", kind: "factual", severity: "issue" }],
    });
    expect(parseDataset("comment", comment)).toMatchObject({ ok: false, errors: [{ line: 1 }] });
    const edit = (id: string): string =>
      JSON.stringify({
        id,
        split: "train",
        slice: "fix",
        canvas,
        instruction: "Fix",
        expect: { mode: "targeted", unchanged: ["One sentence"] },
      });
    const duplicate = parseDataset("edit", [edit("e"), edit("e")].join("\n"));
    expect(duplicate.ok).toBe(false);
    if (!duplicate.ok)
      expect(duplicate.errors[0]).toMatchObject({ line: 2, message: expect.stringContaining("duplicate id") });
    expect(parseDataset("edit", edit("e"))).toMatchObject({ ok: true });
  });
});
