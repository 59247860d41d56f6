import { describe, expect, it } from "vitest";
import { DEFAULT_DATA, loadDataset, parseDataset } from "../../evals/dataset.ts";

describe("eval datasets", () => {
  it("the committed trigger set loads, has every slice and is roughly half canvas, half chat", async () => {
    const result = await loadDataset("trigger", DEFAULT_DATA.trigger);
    if (!result.ok) throw new Error(result.message);
    expect(result.cases.length).toBeGreaterThanOrEqual(150);
    const slices = new Set(result.cases.map((item) => item.slice));
    for (const slice of [
      "long-writing",
      "code",
      "short-writing",
      "questions",
      "chit-chat",
      "explicit-canvas",
      "ambiguous",
      "non-english",
    ]) {
      expect(slices).toContain(slice);
    }
    const canvasShare = result.cases.filter((item) => item.expect === "canvas").length / result.cases.length;
    expect(canvasShare).toBeGreaterThan(0.4);
    expect(canvasShare).toBeLessThan(0.6);
    const trainShare = result.cases.filter((item) => item.split === "train").length / result.cases.length;
    expect(trainShare).toBeGreaterThan(0.3);
    expect(trainShare).toBeLessThan(0.5);
  });

  it("the committed edit set loads with both modes, writing and code, and long canvases", async () => {
    const result = await loadDataset("edit", DEFAULT_DATA.edit);
    if (!result.ok) throw new Error(result.message);
    expect(result.cases.length).toBeGreaterThanOrEqual(100);
    expect(new Set(result.cases.map((item) => item.expect.mode))).toEqual(new Set(["targeted", "rewrite"]));
    expect(new Set(result.cases.map((item) => item.canvas.kind))).toEqual(new Set(["document", "code"]));
    for (const slice of [
      "tone",
      "fix",
      "rename",
      "delete",
      "insert",
      "restructure",
      "translate",
      "shorten",
      "selection",
    ]) {
      expect(result.cases.some((item) => item.slice === slice)).toBe(true);
    }
    const longEssay = result.cases.some(
      (item) => item.canvas.kind === "document" && item.canvas.content.split(/\s+/).length >= 2_000,
    );
    const longCode = result.cases.some(
      (item) => item.canvas.kind === "code" && item.canvas.content.split("\n").length >= 300,
    );
    expect(longEssay && longCode).toBe(true);
  });

  it("the committed comment set loads, quotes are in their canvases and at least ten canvases are clean", async () => {
    const result = await loadDataset("comment", DEFAULT_DATA.comment);
    if (!result.ok) throw new Error(result.message);
    expect(result.cases.length).toBeGreaterThanOrEqual(60);
    expect(result.cases.filter((item) => item.issues.length === 0).length).toBeGreaterThanOrEqual(10);
    const kinds = new Set(result.cases.flatMap((item) => item.issues.map((issue) => issue.kind)));
    expect(kinds).toEqual(new Set(["factual", "logic", "grammar", "style", "bug", "security", "performance"]));
    for (const item of result.cases)
      for (const issue of item.issues) expect(item.canvas.content).toContain(issue.quote);
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
