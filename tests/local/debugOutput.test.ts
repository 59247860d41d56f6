import { describe, expect, it } from "vitest";
import { reviewCode } from "../../server/agent/local/codeReview.ts";
import { outputStatements } from "../../server/agent/local/debugOutput.ts";
import { decideLocal } from "../../server/agent/local/index.ts";
import { applyEdits, codeCanvas, editArgs, onCanvas } from "./helpers.ts";

async function removed(instruction: string, source: string, language: string) {
  const decision = await decideLocal(onCanvas(instruction, codeCanvas(source, language)));
  return { after: applyEdits(source, editArgs(decision)), text: decision.text };
}

// The program from issue #18: two real output lines in __main__, debug prints in the functions.
const SCORES_PY = `import sys


def load(path):
    with open(path) as f:
        rows = [line.split(",") for line in f]
    print("debug: loaded", len(rows), "rows")
    return [float(row[1]) for row in rows]


def average(values):
    print(values)
    return sum(values) / len(values)


if __name__ == "__main__":
    scores = load(sys.argv[1])
    print("average:", average(scores))
    print(f"count: {len(scores)}")
`;

describe("remove the debug prints: never the program's output", () => {
  it("keeps the two output lines in __main__ and removes the prints inside functions", async () => {
    const { after, text } = await removed("remove the debug prints", SCORES_PY, "python");
    expect(after).toBe(
      SCORES_PY.replace('    print("debug: loaded", len(rows), "rows")\n', "").replace("    print(values)\n", ""),
    );
    expect(after).toContain('    print("average:", average(scores))\n    print(f"count: {len(scores)}")\n');
    expect(text).toContain("I kept 2 output statements: the program's output in __main__ (2)");
  });

  it("keeps print(result) at module level and in __main__, removes print('debug: x') inside a function", async () => {
    const source = [
      "def compute(x):",
      '    print("debug: x", x)',
      "    return x * 2",
      "",
      "result = compute(21)",
      "print(result)",
      "",
      'if __name__ == "__main__":',
      "    print(result)",
      "",
    ].join("\n");
    const { after } = await removed("Remove the debug prints.", source, "python");
    expect(after).toBe(source.replace('    print("debug: x", x)\n', ""));
  });

  it("removes prints marked as debug anywhere, and debug-level logging, but keeps other logging and stderr", async () => {
    const source = [
      "import logging, sys",
      "log = logging.getLogger(__name__)",
      "",
      'print("DEBUG config loaded")',
      "",
      "def run(job):",
      '    log.debug("starting %s", job)',
      '    log.info("running %s", job)',
      '    print("failed", file=sys.stderr)',
      '    print("row", job, file=out)',
      "    return job",
      "",
    ].join("\n");
    const { after, text } = await removed("remove debug output", source, "python");
    expect(after).not.toContain("DEBUG config loaded");
    expect(after).not.toContain("log.debug");
    expect(after).toContain('log.info("running %s", job)');
    expect(after).toContain('print("failed", file=sys.stderr)');
    expect(after).toContain('print("row", job, file=out)');
    expect(text).toContain("error output (1)");
    expect(text).toContain("writes to a file (1)");
  });

  it("puts `pass` where removing a print would leave a Python block empty", async () => {
    const source = [
      "def walk(items):",
      "    for item in items:",
      "        print(item)  # remove me",
      "    if not items:",
      "        # nothing to do",
      '        print("debug: empty")',
      "    return len(items)",
      "",
    ].join("\n");
    const { after } = await removed("remove the print statements", source, "python");
    expect(after).toBe(
      [
        "def walk(items):",
        "    for item in items:",
        "        pass",
        "    if not items:",
        "        # nothing to do",
        "        pass",
        "    return len(items)",
        "",
      ].join("\n"),
    );
  });

  it("treats prints under a debug guard as debug, even at module level", async () => {
    const source = 'DEBUG = True\nif DEBUG:\n    print("state", 1)\nprint("done")\n';
    const { after } = await removed("remove the debug prints", source, "python");
    expect(after).toBe('DEBUG = True\nif DEBUG:\n    pass\nprint("done")\n');
  });

  it("keeps the prints of main() and of functions whose job is printing", async () => {
    const source = [
      "def total(xs):",
      "    print(xs)",
      "    return sum(xs)",
      "",
      "def print_report(xs):",
      '    print("total:", total(xs))',
      "",
      "def summary(xs):",
      '    print("n:", len(xs))',
      '    print("sum:", total(xs))',
      "",
      "def main():",
      "    print_report([1, 2])",
      '    print("bye")',
      "",
    ].join("\n");
    const statements = outputStatements(source, "python")!;
    expect(statements.map((statement) => [statement.text.trim(), statement.debug])).toEqual([
      ["print(xs)", true],
      ['print("total:", total(xs))', false],
      ['print("n:", len(xs))', false],
      ['print("sum:", total(xs))', false],
      ['print("bye")', false],
    ]);
  });

  it("removes console.log in JS functions and route handlers, keeps module-level output, errors and a listen message", async () => {
    const source = [
      'const express = require("express");',
      "const app = express();",
      "",
      "function price(item) {",
      "  console.log(item);",
      "  console.log('price', {",
      "    id: item.id,",
      "    cents: item.cents,",
      "  });",
      "  return item.cents / 100;",
      "}",
      "",
      'app.post("/login", async (req, res) => {',
      '  console.log("login attempt", req.body.email);',
      '  console.error("login failed");',
      "  res.json({ ok: true });",
      "});",
      "",
      "app.listen(3000, () => {",
      '  console.log("listening on 3000");',
      "});",
      'console.log("ready");',
      "console.debug('config', app.settings);",
      "",
    ].join("\n");
    const { after } = await removed("Remove all the console.log statements.", source, "javascript");
    expect(after).not.toContain("console.log(item)");
    expect(after).not.toContain("console.log('price'");
    expect(after).not.toContain("cents: item.cents");
    expect(after).not.toContain("login attempt");
    expect(after).not.toContain("console.debug");
    expect(after).toContain('console.error("login failed");');
    expect(after).toContain('console.log("listening on 3000");');
    expect(after).toContain('console.log("ready");');
  });

  it("keeps a print that is the whole body of an if without braces, or whose arguments change state", async () => {
    const source =
      "function f(xs) {\n  if (xs.length)\n    console.log(xs);\n  let i = 0;\n  console.log(i++);\n  return i;\n}\n";
    const decision = await decideLocal(onCanvas("remove the console logs", codeCanvas(source, "javascript")));
    expect(decision.toolCall).toBeNull();
    expect(decision.text).toContain("it is the whole body of a statement without braces (1)");
    expect(decision.text).toContain("its arguments change state (1)");
  });

  it("works the same way in Go, Java and Rust", async () => {
    const go =
      'package main\n\nimport "fmt"\n\nfunc sum(xs []int) int {\n\tfmt.Println("xs", xs)\n\tt := 0\n\tfor _, x := range xs {\n\t\tt += x\n\t}\n\treturn t\n}\n\nfunc main() {\n\tfmt.Println("sum:", sum([]int{1, 2}))\n}\n';
    expect((await removed("remove the debug prints", go, "go")).after).toBe(
      go.replace('\tfmt.Println("xs", xs)\n', ""),
    );
    const java = [
      "class App {",
      "  static int twice(int x) {",
      '    System.out.println("x=" + x);',
      "    return x * 2;",
      "  }",
      "  public static void main(String[] args) {",
      "    System.out.println(twice(2));",
      '    System.err.println("warning");',
      "  }",
      "}",
      "",
    ].join("\n");
    expect((await removed("remove the debug prints", java, "java")).after).toBe(
      java.replace('    System.out.println("x=" + x);\n', ""),
    );
    const rust =
      'fn area(w: f64, h: f64) -> f64 {\n    dbg!(w);\n    w * h\n}\n\nfn main() {\n    println!("area: {}", area(2.0, 3.0));\n}\n';
    expect((await removed("remove the debug prints", rust, "rust")).after).toBe(rust.replace("    dbg!(w);\n", ""));
  });

  it("removes the prints of a named function when asked, even ones that look like output", async () => {
    const { after, text } = await removed("remove the prints in __main__", SCORES_PY, "python");
    expect(after).toBe(
      SCORES_PY.replace('    print("average:", average(scores))\n', "").replace(
        '    print(f"count: {len(scores)}")\n',
        "",
      ),
    );
    expect(text).toContain("in __main__");
  });

  it("says what it kept when there is no debug output to remove", async () => {
    const source = 'if __name__ == "__main__":\n    print("hello")\n';
    const decision = await decideLocal(onCanvas("remove the debug prints", codeCanvas(source, "python")));
    expect(decision.toolCall).toBeNull();
    expect(decision.text).toContain("I found no debug output to remove");
    expect(decision.text).toContain("the program's output in __main__ (1)");
  });

  it("does not call the program's output debug output in a code review", () => {
    const comments = reviewCode(SCORES_PY, "python");
    const quotes = comments.map((comment) => comment.quote);
    expect(quotes).toContain('print("debug: loaded", len(rows), "rows")');
    expect(quotes).toContain("print(values)");
    expect(quotes.some((quote) => quote.includes("average:") || quote.includes("count:"))).toBe(false);
  });
});
