import { describe, expect, it } from "vitest";
import { decideLocal } from "../../server/agent/local/index.ts";
import { applyEdits, codeCanvas, documentCanvas, editArgs, onCanvas } from "./helpers.ts";

describe("mechanical edits on code canvases", () => {
  it("deletes a quoted line of code with its newline, and keeps a Python block valid", async () => {
    const source = "def check(x):\n    if x < 0:\n        raise ValueError(x)\n    return x\n";
    const decision = await decideLocal(onCanvas('delete "raise ValueError(x)"', codeCanvas(source, "python")));
    expect(applyEdits(source, editArgs(decision))).toBe("def check(x):\n    if x < 0:\n        pass\n    return x\n");
  });

  it("deletes quoted code inside a line without touching the rest of the line", async () => {
    const source = "const total = price * qty + shipping;\n";
    const decision = await decideLocal(onCanvas('delete " + shipping"', codeCanvas(source, "typescript")));
    expect(applyEdits(source, editArgs(decision))).toBe("const total = price * qty;\n");
  });

  it("asks which one when the quoted text appears more than once, instead of deleting the first", async () => {
    const source = "print(result)\nresult = 2\nprint(result)\n";
    const decision = await decideLocal(onCanvas('delete "print(result)"', codeCanvas(source, "python")));
    expect(decision.toolCall).toBeNull();
    expect(decision.text).toContain("appears 2 times");
  });

  it("uses the selection to tell repeated quoted text apart", async () => {
    const source = "a = 1\nprint(a)\n\nb = 2\nprint(b)\nprint(a)\n";
    const decision = await decideLocal(
      onCanvas('delete "print(a)"', codeCanvas(source, "python"), "b = 2\nprint(b)\nprint(a)"),
    );
    expect(applyEdits(source, editArgs(decision))).toBe("a = 1\nprint(a)\n\nb = 2\nprint(b)\n");
  });

  it("refuses ambiguous quoted text in documents too", async () => {
    const content = "The cat sat. The cat ran.\n";
    const decision = await decideLocal(onCanvas('delete "The cat"', documentCanvas(content)));
    expect(decision.toolCall).toBeNull();
    expect(decision.text).toContain("appears 2 times");
  });

  it("renames a symbol used more than fifty times in at most fifty edits, each unique", async () => {
    const lines = Array.from({ length: 120 }, (_, i) => `    total += ${i}  # total so far`);
    const source = `def run():\n    total = 0\n${lines.join("\n")}\n    return total\n`;
    const args = editArgs(await decideLocal(onCanvas("rename total to acc", codeCanvas(source, "python"))));
    expect(args.edits.length).toBeLessThanOrEqual(50);
    const after = applyEdits(source, args);
    expect(after.match(/\bacc\b/g)).toHaveLength(122);
    expect(after.match(/# total so far/g)).toHaveLength(120);
  });

  it.each([
    ["fix the spelling", "does not spell-check code"],
    ["convert to uppercase", "select the text to change"],
    ["move paragraph 1 to the end", "Paragraphs, sections and titles are for documents"],
    ["swap paragraphs 1 and 2", "Paragraphs, sections and titles are for documents"],
    ["make the title Stats", "Paragraphs, sections and titles are for documents"],
  ])("refuses %j on code, saying why", async (instruction, why) => {
    const source = "def a():\n    return 1\n\n\ndef b():\n    return 2\n";
    const decision = await decideLocal(onCanvas(instruction, codeCanvas(source, "python")));
    expect(decision.toolCall).toBeNull();
    expect(decision.text).toContain(why);
  });
});
