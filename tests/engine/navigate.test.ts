import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  applyToolCall,
  AgentOrigin,
  canvasOutline,
  navigateCanvas,
  readCanvas,
  searchCanvas,
} from "../../shared/engine/index.ts";
import { canvasText } from "../../shared/markdown/index.ts";
import { MAX_READ_LINES, openAITools, parseNavigationCall } from "../../shared/tools.ts";

const REPORT = [
  "# Annual report",
  "",
  "Intro paragraph about the year.",
  "",
  "## Budget",
  "",
  "The budget grew by ten percent.",
  "",
  "```",
  "# not a heading inside code",
  "```",
  "",
  "### Budget details",
  "",
  "Travel costs fell. The Budget for travel is small.",
  "",
  "## Conclusion",
  "",
  "The outlook is uncertain and the team is tired.",
].join("\n");

const CODE = [
  "import x from 'x';",
  "",
  "export function parse(input: string) {",
  "  return input.trim();",
  "}",
  "",
  "class Store {",
  "  private save(value: string) {",
  "    return value;",
  "  }",
  "}",
  "",
  "def helper():",
  "    return 1",
  "",
  "print(helper())",
].join("\n");

const lines = (from: number, to: number | null = null) => ({ from_line: from, to_line: to, heading: null });

describe("read_canvas", () => {
  it("returns the asked lines numbered as the canvas has them", () => {
    const result = readCanvas(REPORT, "document", lines(5, 7));
    expect(result).toMatchObject({ ok: true, summary: "Read lines 5–7", count: 3 });
    expect(result.ok && result.content).toContain("5\t## Budget\n6\t\n7\tThe budget grew by ten percent.");
  });

  it("refuses a range past the end and names the valid range", () => {
    const result = readCanvas(REPORT, "document", lines(400, 420));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain("The canvas has 19 lines (1–19)");
  });

  it("reads up to the last line when to_line is past the end, and says where the canvas ends", () => {
    const result = readCanvas(REPORT, "document", lines(17, 90));
    expect(result).toMatchObject({ ok: true, summary: "Read lines 17–19" });
    expect(result.ok && result.content).toContain("The canvas ends at line 19.");
  });

  it("refuses a reversed range and a call that mixes a heading with lines", () => {
    expect(readCanvas(REPORT, "document", lines(9, 3)).ok).toBe(false);
    const mixed = readCanvas(REPORT, "document", { from_line: 1, to_line: 2, heading: "Budget" });
    expect(!mixed.ok && mixed.error).toMatch(/either `heading`/);
  });

  it("caps a long range and says where to go on", () => {
    const long = Array.from({ length: 1_000 }, (_, index) => `Line ${index + 1}.`).join("\n");
    const result = readCanvas(long, "document", lines(1, 1_000));
    expect(result).toMatchObject({ ok: true, count: MAX_READ_LINES });
    expect(result.ok && result.content).toContain(`read from line ${MAX_READ_LINES + 1} to go on`);
  });

  it("reads a section by its heading, to the next heading of the same level, case and #s ignored", () => {
    const budget = readCanvas(REPORT, "document", { from_line: null, to_line: null, heading: "## budget" });
    expect(budget).toMatchObject({ ok: true, summary: "Read lines 5–15" });
    expect(budget.ok && budget.content).toContain("Travel costs fell.");
    expect(budget.ok && budget.content).not.toContain("Conclusion");
    const conclusion = readCanvas(REPORT, "document", { from_line: null, to_line: null, heading: "Conclusion" });
    expect(conclusion.ok && conclusion.content).toContain("19\tThe outlook is uncertain");
  });

  it("names the closest headings when the heading is not there", () => {
    const result = readCanvas(REPORT, "document", {
      from_line: null,
      to_line: null,
      heading: "Conclusions and outlook",
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain("line 17: Conclusion");
  });

  it("reads a function of a code canvas by its name", () => {
    const result = readCanvas(CODE, "code", { from_line: null, to_line: null, heading: "parse" });
    expect(result).toMatchObject({ ok: true, summary: "Read lines 3–5" });
    const python = readCanvas(CODE, "code", { from_line: null, to_line: null, heading: "helper" });
    expect(python).toMatchObject({ ok: true, summary: "Read lines 13–14" });
  });
});

describe("search_canvas", () => {
  it("finds words case-insensitively, headings first, with line numbers and their section", () => {
    const result = searchCanvas(REPORT, "document", { query: "BUDGET", max_results: null });
    expect(result.ok).toBe(true);
    const content = result.ok ? result.content : "";
    expect(content).toContain("4 lines match");
    const hits = content.split("\n").slice(1);
    expect(hits[0]).toMatch(/^5\t## Budget/);
    expect(content).toContain('15\tTravel costs fell. The Budget for travel is small. (in "Budget details", line 13)');
  });

  it("treats the query as words, not a regex, and honours max_results", () => {
    expect(searchCanvas(REPORT, "document", { query: "budget.*", max_results: null }).ok).toBe(true);
    const one = searchCanvas(REPORT, "document", { query: "budget", max_results: 1 });
    expect(one).toMatchObject({ ok: true, count: 1 });
    expect(one.ok && one.content).toContain("showing 1");
  });

  it("says so when nothing matches", () => {
    expect(searchCanvas(REPORT, "document", { query: "zeppelin", max_results: null })).toMatchObject({
      ok: true,
      count: 0,
      summary: 'Searched for "zeppelin": nothing found',
    });
  });
});

describe("outline and tools", () => {
  it("lists headings outside code fences, and top-level symbols of code", () => {
    expect(canvasOutline(REPORT, "document").map((entry) => entry.line)).toEqual([1, 5, 13, 17]);
    expect(canvasOutline(CODE, "code").map((entry) => [entry.line, entry.name])).toEqual([
      [3, "parse"],
      [7, "Store"],
      [8, "save"],
      [13, "helper"],
    ]);
  });

  it("validates navigation arguments with zod and offers them as strict tools", () => {
    expect(parseNavigationCall("read_canvas", { from_line: 0, to_line: 3, heading: null }).ok).toBe(false);
    expect(parseNavigationCall("search_canvas", '{"query":"x","max_results":null}').ok).toBe(true);
    const [read] = openAITools(["read_canvas"]);
    expect(read!.function.parameters).toMatchObject({ required: ["from_line", "to_line", "heading"] });
    const [edit] = openAITools(["edit_canvas"]);
    expect(edit!.function.parameters).toMatchObject({ required: ["edits", "summary", "more_steps"] });
  });

  it("an edit whose find was copied from read_canvas with its line numbers still applies", () => {
    const doc = new Y.Doc();
    const created = applyToolCall(
      doc,
      { name: "create_canvas", arguments: { title: "Report", kind: "document", language: null, content: REPORT } },
      { canvasId: null, origin: new AgentOrigin("r") },
    );
    if (!created.ok) throw new Error(created.summary);
    const read = navigateCanvas(doc, created.canvasId, "read_canvas", { from_line: 19, to_line: 19, heading: null });
    const copied = read.ok ? read.content.split("\n")[1]! : "";
    expect(copied).toBe("19\tThe outlook is uncertain and the team is tired.");
    const edited = applyToolCall(
      doc,
      {
        name: "edit_canvas",
        arguments: { edits: [{ find: copied, replace: "The outlook is bright.", all: false }], summary: "s" },
      },
      { canvasId: created.canvasId, origin: new AgentOrigin("r") },
    );
    expect(edited.ok).toBe(true);
    expect(canvasText(doc, created.canvasId)).toContain("The outlook is bright.");
    expect(navigateCanvas(doc, null, "search_canvas", { query: "x", max_results: null })).toMatchObject({ ok: false });
  });
});
