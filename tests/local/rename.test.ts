import { describe, expect, it } from "vitest";
import { decideLocal } from "../../server/agent/local/index.ts";
import { applyEdits, codeCanvas, documentCanvas, editArgs, onCanvas } from "./helpers.ts";

async function edited(instruction: string, source: string, language: string, selection: string | null = null) {
  const decision = await decideLocal(onCanvas(instruction, codeCanvas(source, language), selection));
  return { after: applyEdits(source, editArgs(decision)), text: decision.text };
}

const STATS_PY = `import sys


def average(values):
    """Return the average of values (the mean)."""
    return sum(values) / len(values)  # average of an empty list fails


def report(values):
    print("average:", average(values))
    print(f"average of {len(values)} values: {average(values):.2f}")


if __name__ == "__main__":
    report([float(arg) for arg in sys.argv[1:]])
`;

describe("rename in code touches identifiers only", () => {
  it("renames a Python function everywhere it is code, keeping the string 'average:', the docstring and the comment", async () => {
    const { after, text } = await edited("rename average to mean", STATS_PY, "python");
    expect(after).toBe(
      STATS_PY.replace("def average(", "def mean(")
        .replace('print("average:", average(values))', 'print("average:", mean(values))')
        .replace("{average(values):.2f}", "{mean(values):.2f}"),
    );
    expect(after).toContain('print("average:"');
    expect(after).toContain('"""Return the average of values (the mean)."""');
    expect(after).toContain("# average of an empty list fails");
    expect(text).toContain("3 occurrences in code");
    expect(text).toContain("left 4 mentions in strings or comments as they are");
  });

  it("renames in JS/TS code, template interpolations and object keys, not in strings, comments, regexes or JSX text", async () => {
    const source = [
      "// average of the scores",
      "const AVERAGE_RE = /average/;",
      "export function average(xs: number[]): number {",
      "  return xs.reduce((a, b) => a + b, 0) / xs.length;",
      "}",
      'export const summary = { average: average(scores), label: "average" };',
      "export const line = `average: ${average(scores)}`;",
      'export const View = () => <p title="average">average {average(scores)}</p>;',
      "",
    ].join("\n");
    const { after } = await edited("Rename the average function to mean", source, "typescript");
    expect(after).toBe(
      [
        "// average of the scores",
        "const AVERAGE_RE = /average/;",
        "export function mean(xs: number[]): number {",
        "  return xs.reduce((a, b) => a + b, 0) / xs.length;",
        "}",
        'export const summary = { mean: mean(scores), label: "average" };',
        "export const line = `average: ${mean(scores)}`;",
        'export const View = () => <p title="average">average {mean(scores)}</p>;',
        "",
      ].join("\n"),
    );
  });

  it("renames a Java method without touching the println text", async () => {
    const source = [
      "public class Stats {",
      "  /** average of xs */",
      "  static double average(double[] xs) {",
      "    double sum = 0;",
      "    for (double x : xs) sum += x;",
      "    return sum / xs.length;",
      "  }",
      "",
      "  public static void main(String[] args) {",
      '    System.out.println("average: " + average(new double[] {1, 2}));',
      "  }",
      "}",
      "",
    ].join("\n");
    const { after } = await edited('rename "average" to "mean"', source, "java");
    expect(after).toContain("static double mean(double[] xs)");
    expect(after).toContain('System.out.println("average: " + mean(new double[] {1, 2}));');
    expect(after).toContain("/** average of xs */");
  });

  it("leaves longer names that contain the word, and says so", async () => {
    const source = "const total = 1;\nconst totalCount = total + 1;\nexport { total, totalCount };\n";
    const { after, text } = await edited("rename total to sum", source, "javascript");
    expect(after).toBe("const sum = 1;\nconst totalCount = sum + 1;\nexport { sum, totalCount };\n");
    expect(text).toContain("longer names that contain it (totalCount)");
  });

  it("replies instead of renaming text that is only in strings or comments", async () => {
    const source = 'print("average: 3")  # average\n';
    const decision = await decideLocal(onCanvas("rename average to mean", codeCanvas(source, "python")));
    expect(decision.toolCall).toBeNull();
    expect(decision.text).toContain("only appears in strings or comments");
    expect(decision.text).toContain('replace "average" with "mean"');
  });

  it("replaces a word that is only in strings when asked to replace it", async () => {
    const source = 'print("Hello, world")\n';
    const { after } = await edited("replace Hello with Hi", source, "python");
    expect(after).toBe('print("Hi, world")\n');
  });

  it("replaces a keyword in code and not in the comment or string that mention it", async () => {
    const source = '// var is function-scoped\nvar total = 0;\nvar label = "var";\n';
    const { after, text } = await edited("replace var with let", source, "javascript");
    expect(after).toBe('// var is function-scoped\nlet total = 0;\nlet label = "var";\n');
    expect(text).toContain("left 2 mentions in strings or comments");
  });

  it("replaces quoted code text exactly, strings included, when it is not a single name", async () => {
    const source = 'print("a")\nprint("b")\n';
    const { after } = await edited('replace "print(" with "log("', source, "python");
    expect(after).toBe('log("a")\nlog("b")\n');
  });

  it("refuses a replacement that offers a choice instead of writing both options into the code", async () => {
    const source = "var total = 0;\nvar i = 1;\n";
    const decision = await decideLocal(
      onCanvas("Replace var with const or let everywhere.", codeCanvas(source, "javascript")),
    );
    expect(decision.toolCall).toBeNull();
    expect(decision.text).toContain('"const or let" is a choice');
  });

  it("finds the only class declared in code, not a word after 'class' in a comment", async () => {
    const source =
      "// This class keeps books.\nclass Library {\n  constructor() { this.books = []; }\n}\nexport default Library;\n";
    const { after } = await edited("rename the class to Shelf", source, "javascript");
    expect(after).toBe(source.replaceAll("Library", "Shelf"));
  });

  it("renames Rust format-string arguments with the variable", async () => {
    const source = 'fn main() {\n    let total = 3;\n    println!("total: {total}");\n}\n';
    const { after } = await edited("rename total to sum", source, "rust");
    expect(after).toBe('fn main() {\n    let sum = 3;\n    println!("total: {sum}");\n}\n');
  });

  it("limits a rename to the selection", async () => {
    const source = "def a():\n    x = 1\n    return x\n\n\ndef b():\n    x = 2\n    return x\n";
    const { after } = await edited("rename x to y", source, "python", "def b():\n    x = 2\n    return x");
    expect(after).toBe("def a():\n    x = 1\n    return x\n\n\ndef b():\n    y = 2\n    return y\n");
  });

  it("keeps renaming textual in markup and data canvases, where names live in attribute values", async () => {
    const source = '<div class="card"><p>card</p></div>\n';
    const { after } = await edited("rename card to tile", source, "html");
    expect(after).toBe('<div class="tile"><p>tile</p></div>\n');
  });

  it("still renames whole words in a document, strings being prose there", async () => {
    const content = 'Ines said "Ines is here."\n';
    const decision = await decideLocal(onCanvas("rename Ines to Marta", documentCanvas(content)));
    expect(applyEdits(content, editArgs(decision))).toBe('Marta said "Marta is here."\n');
  });
});

describe("rename: the new name", () => {
  it("drops how far the rename reaches from the new name", async () => {
    const source =
      "export interface Warehouse { id: string }\nexport function createWarehouse(w: Warehouse) { return w; }\n";
    const decision = await decideLocal(
      onCanvas(
        "Rename the Warehouse type to Depot everywhere, including function names.",
        codeCanvas(source, "typescript"),
      ),
    );
    expect(applyEdits(source, editArgs(decision))).toBe(
      "export interface Depot { id: string }\nexport function createWarehouse(w: Depot) { return w; }\n",
    );
    expect(decision.text).toContain("longer names that contain it (createWarehouse)");
  });

  it("never writes a new name the language would not accept", async () => {
    const decision = await decideLocal(onCanvas("rename total to grand total", codeCanvas("total = 1\n", "python")));
    expect(decision.toolCall).toBeNull();
    expect(decision.text).toContain('"grand total" is not a name python accepts');
  });
});
