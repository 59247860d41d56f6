import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { AgentOrigin, applyToolCall } from "../../shared/engine/index.ts";
import { canvasText, parseMarkdown, serializeMarkdown } from "../../shared/markdown/index.ts";
import { canvasFragment, canvasesMap } from "../../shared/room.ts";
import type { ToolCall } from "../../shared/tools.ts";
import { edit, essay, refused, roomWith, succeeded, typescriptFile } from "./fixtures.ts";

const origin = () => new AgentOrigin("test");

/** Relative positions at the start of every top-level block: which blocks kept their Yjs identity. */
function blockAnchors(doc: Y.Doc, canvasId: string): { element: Y.XmlElement; text: string }[] {
  return canvasFragment(doc, canvasId)
    .toArray()
    .map((element) => ({ element: element as Y.XmlElement, text: (element as Y.XmlElement).toString() }));
}

function apply(doc: Y.Doc, canvasId: string, call: ToolCall) {
  return applyToolCall(doc, call, { canvasId, origin: origin() });
}

describe("targeted edits on a long essay", () => {
  const source = essay(3000);
  const paragraphs = source.split("\n\n");
  const second = paragraphs.findIndex(
    (p, i) => i > 2 && p.startsWith("Lighthouse") === false && /^[A-Z][a-z]+ [a-z'\w]+ s\d+/.test(p),
  );

  const cases: { name: string; call: (text: string) => ToolCall; expectText: (before: string) => string }[] = [
    {
      name: "rename a term everywhere",
      call: () => edit("lighthouse", "pharos", true),
      expectText: (before) => serializeMarkdown(parseMarkdown(before.split("lighthouse").join("pharos"))),
    },
    {
      name: "fix one sentence",
      call: () => edit("Second point with **bold** 5", "Second point, now **fixed** 5"),
      expectText: (before) => before.replace("Second point with **bold** 5", "Second point, now **fixed** 5"),
    },
    {
      name: "delete a paragraph",
      call: () => edit(`${paragraphs[second]!}\n\n`, ""),
      expectText: (before) => before.replace(`${paragraphs[second]!}\n\n`, ""),
    },
    {
      name: "change the tone of a paragraph",
      call: () =>
        edit(paragraphs[second]!, "Honestly, this part is simpler than it looks: the lamp is lit, the ships are safe."),
      expectText: (before) =>
        before.replace(
          paragraphs[second]!,
          "Honestly, this part is simpler than it looks: the lamp is lit, the ships are safe.",
        ),
    },
    {
      name: "insert a section after a heading",
      call: () =>
        edit(
          "## Section 2",
          "## Section 2\n\n### A new subsection\n\nWith a fresh paragraph and a [link](https://example.com).",
        ),
      expectText: (before) =>
        before.replace(
          "## Section 2",
          "## Section 2\n\n### A new subsection\n\nWith a fresh paragraph and a [link](https://example.com).",
        ),
    },
  ];

  for (const testCase of cases) {
    it(`${testCase.name}: changes exactly that and keeps other blocks' Yjs identity`, () => {
      const { doc, canvasId } = roomWith(source);
      const before = canvasText(doc, canvasId);
      const anchorsBefore = blockAnchors(doc, canvasId);
      const result = apply(doc, canvasId, testCase.call(before));
      expect(result.ok ? [] : result.errors).toEqual([]);
      expect(result.ok).toBe(true);
      expect(canvasText(doc, canvasId)).toBe(testCase.expectText(before));
      // No block was deleted and recreated with the same content: unchanged blocks kept their Yjs items.
      const afterElements = canvasFragment(doc, canvasId).toArray();
      const beforeSet = new Set(anchorsBefore.map((block) => block.element));
      const afterSet = new Set(afterElements);
      const removedTexts = new Set(
        anchorsBefore.filter((block) => !afterSet.has(block.element)).map((block) => block.text),
      );
      const recreated = afterElements.filter(
        (element) => !beforeSet.has(element as Y.XmlElement) && removedTexts.has(element.toString()),
      );
      expect(recreated).toEqual([]);
      const kept = anchorsBefore.filter(
        (block) => afterSet.has(block.element) && block.element.toString() === block.text,
      );
      const remaining = new Map<string, number>();
      for (const block of canvasText(doc, canvasId).split("\n\n"))
        remaining.set(block, (remaining.get(block) ?? 0) + 1);
      let unchangedBlocks = 0;
      for (const block of before.split("\n\n")) {
        const left = remaining.get(block) ?? 0;
        if (left > 0) {
          unchangedBlocks++;
          remaining.set(block, left - 1);
        }
      }
      expect(kept.length).toBeGreaterThanOrEqual(unchangedBlocks);
    });
  }

  it("keeps a relative position in paragraph 3 when paragraph 2 changes", () => {
    const { doc, canvasId } = roomWith("One.\n\nTwo.\n\nThree is here.");
    const third = canvasFragment(doc, canvasId).get(2) as Y.XmlElement;
    const position = Y.createRelativePositionFromTypeIndex(third.get(0) as Y.XmlText, 6);
    expect(apply(doc, canvasId, edit("Two.", "Two, rewritten with more words.")).ok).toBe(true);
    const absolute = Y.createAbsolutePositionFromRelativePosition(position, doc);
    expect(absolute?.type).toBe(third.get(0));
    expect(absolute?.index).toBe(6);
    expect(canvasText(doc, canvasId)).toBe("One.\n\nTwo, rewritten with more words.\n\nThree is here.");
  });

  it("sends a small Yjs update for a one-word change in a long essay", () => {
    const { doc, canvasId } = roomWith(source);
    const vector = Y.encodeStateVector(doc);
    expect(apply(doc, canvasId, edit("s10 ", "s10 really ")).ok).toBe(true);
    const update = Y.encodeStateAsUpdate(doc, vector);
    // The word, plus the edited paragraph's kept markdown (it has **bold**, so its source is stored with
    // it): bounded by that one block, whatever the size of the essay.
    const paragraph = source.split("\n\n").find((block) => block.includes("s10 "))!;
    expect(update.byteLength).toBeLessThan(200 + paragraph.length);
  });

  it("sends a tiny Yjs update for a one-word change in a plain paragraph", () => {
    const { doc, canvasId } = roomWith(`${source}\n\nA plain closing paragraph with nothing to escape in it.`);
    const vector = Y.encodeStateVector(doc);
    expect(apply(doc, canvasId, edit("nothing to escape", "nothing at all to escape")).ok).toBe(true);
    expect(Y.encodeStateAsUpdate(doc, vector).byteLength).toBeLessThan(200);
  });

  it("an edit that opens a code fence falls back to a whole parse and still equals string-edit-then-parse", () => {
    const { doc, canvasId } = roomWith("Intro.\n\nMiddle.\n\nEnd one.\n\nEnd two.");
    const before = canvasText(doc, canvasId);
    expect(apply(doc, canvasId, edit("Middle.", "```\nopen fence")).ok).toBe(true);
    expect(canvasText(doc, canvasId)).toBe(
      serializeMarkdown(parseMarkdown(before.replace("Middle.", "```\nopen fence"))),
    );
  });
});

describe("targeted edits on a 500-line TypeScript file", () => {
  const source = typescriptFile(500);

  it("renames a function (all occurrences) and leaves the rest byte-identical", () => {
    const { doc, canvasId } = roomWith(source, "code", "typescript");
    const result = apply(doc, canvasId, edit("compute3(", "computeThree(", true));
    expect(result.ok).toBe(true);
    expect(canvasText(doc, canvasId)).toBe(source.split("compute3(").join("computeThree("));
  });

  it("fixes one line", () => {
    const { doc, canvasId } = roomWith(source, "code", "typescript");
    expect(apply(doc, canvasId, edit("  const scaled = input * 9;", "  const scaled = input * 9 + 1;")).ok).toBe(true);
    expect(canvasText(doc, canvasId)).toBe(
      source.replace("  const scaled = input * 9;", "  const scaled = input * 9 + 1;"),
    );
  });

  it("re-indents a replacement quoted without indentation", () => {
    const { doc, canvasId } = roomWith(source, "code", "typescript");
    const result = apply(
      doc,
      canvasId,
      edit(
        "let sum = 0;\nfor (const value of this.items.values()) sum += value;",
        "let sum = 0;\nfor (const value of this.items.values()) {\n  sum += value;\n}",
      ),
    );
    expect(result.ok).toBe(true);
    expect(succeeded(result).applied[0]!.tier).toBe("indentation");
    expect(canvasText(doc, canvasId)).toContain(
      "    let sum = 0;\n    for (const value of this.items.values()) {\n      sum += value;\n    }\n    return sum;",
    );
  });

  it("keeps the trailing newline and every other line", () => {
    const { doc, canvasId } = roomWith(source, "code", "typescript");
    apply(
      doc,
      canvasId,
      edit('import { readFileSync } from "node:fs";', 'import { readFileSync, writeFileSync } from "node:fs";'),
    );
    const after = canvasText(doc, canvasId);
    expect(after.endsWith("// end\n") || after.endsWith("}\n")).toBe(true);
    expect(after.split("\n").length).toBe(source.split("\n").length);
  });
});

describe("tool calls", () => {
  it("create_canvas stores the metadata and the content", () => {
    const doc = new Y.Doc();
    const result = applyToolCall(
      doc,
      {
        name: "create_canvas",
        arguments: { title: "Plan", kind: "code", language: "python", content: "print('hi')\n" },
      },
      { canvasId: null, origin: origin() },
    );
    expect(result.ok).toBe(true);
    const meta = canvasesMap(doc).get(result.canvasId!);
    expect(meta).toMatchObject({ title: "Plan", kind: "code", language: "python" });
    expect(canvasText(doc, result.canvasId!)).toBe("print('hi')\n");
  });

  it("rewrite_canvas replaces the content and keeps unchanged blocks", () => {
    const { doc, canvasId } = roomWith("Keep me.\n\nChange me.\n\nKeep me too.");
    const first = canvasFragment(doc, canvasId).get(0);
    const last = canvasFragment(doc, canvasId).get(2);
    const result = apply(doc, canvasId, {
      name: "rewrite_canvas",
      arguments: { content: "Keep me.\n\nNew middle.\n\nAnother new one.\n\nKeep me too.", summary: "Restyled" },
    });
    expect(result.ok).toBe(true);
    expect(result.summary).toBe("Restyled");
    expect(canvasText(doc, canvasId)).toBe("Keep me.\n\nNew middle.\n\nAnother new one.\n\nKeep me too.");
    const children = canvasFragment(doc, canvasId).toArray();
    expect(children[0]).toBe(first);
    expect(children[3]).toBe(last);
  });

  it("edits without a canvas are refused with no_canvas", () => {
    const doc = new Y.Doc();
    const result = applyToolCall(doc, edit("a", "b"), { canvasId: null, origin: origin() });
    expect(result.ok).toBe(false);
    expect(refused(result).errors[0]!.code).toBe("no_canvas");
    expect(refused(result).errors[0]!.message).toContain("create_canvas");
  });

  it("a refused call changes nothing in the Y.Doc", () => {
    const { doc, canvasId } = roomWith("Alpha.\n\nBeta.");
    const before = Y.encodeStateAsUpdate(doc);
    const result = apply(doc, canvasId, {
      name: "edit_canvas",
      arguments: {
        edits: [
          { find: "Alpha", replace: "A", all: false },
          { find: "Gamma", replace: "G", all: false },
        ],
        summary: "",
      },
    });
    expect(result.ok).toBe(false);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it("all changes of a call happen in one transaction with the agent origin", () => {
    const { doc, canvasId } = roomWith("Alpha.\n\nBeta.\n\nGamma.");
    const seen: unknown[] = [];
    doc.on("afterTransaction", (transaction: Y.Transaction) => seen.push(transaction.origin));
    const agent = new AgentOrigin("run-7");
    applyToolCall(
      doc,
      {
        name: "edit_canvas",
        arguments: {
          edits: [
            { find: "Alpha", replace: "A", all: false },
            { find: "Gamma", replace: "G", all: false },
          ],
          summary: "",
        },
      },
      { canvasId, origin: agent },
    );
    expect(seen).toEqual([agent]);
  });
});
