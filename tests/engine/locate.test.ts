import { describe, expect, it } from "vitest";
import { locate, planEdits, reindent } from "../../shared/engine/index.ts";

describe("locate", () => {
  it("finds exact text first", () => {
    const result = locate("alpha beta gamma", "beta", { kind: "document" });
    expect(result.tier).toBe("exact");
    expect(result.matches).toEqual([{ from: 6, to: 10, tier: "exact" }]);
  });

  it("matches across different whitespace runs and trailing spaces", () => {
    const text = "The keeper  lit\nthe lamp.   \nThen slept.";
    const result = locate(text, "keeper lit the lamp. Then", { kind: "document" });
    expect(result.tier).toBe("normalized");
    expect(text.slice(result.matches[0]!.from, result.matches[0]!.to)).toBe("keeper  lit\nthe lamp.   \nThen");
  });

  it("matches curly quotes and dashes against straight ones, both ways", () => {
    const text = "He said \u201chello\u201d \u2014 it\u2019s late.";
    const result = locate(text, 'said "hello" - it\'s late', { kind: "document" });
    expect(result.tier).toBe("normalized");
    expect(text.slice(result.matches[0]!.from, result.matches[0]!.to)).toBe(
      "said \u201chello\u201d \u2014 it\u2019s late",
    );
    expect(locate("it's", "it\u2019s", { kind: "document" }).matches).toHaveLength(1);
  });

  it("reads markdown escapes and entities as their characters in documents", () => {
    const text = "Costs 5 \\* 3 &lt;b&gt; today";
    const result = locate(text, "5 * 3 <b> today", { kind: "document" });
    expect(result.tier).toBe("normalized");
    expect(text.slice(result.matches[0]!.from, result.matches[0]!.to)).toBe("5 \\* 3 &lt;b&gt; today");
  });

  it("matches code lines regardless of indentation and re-indents the replacement", () => {
    const text = "class A {\n  run() {\n    if (x) {\n      go();\n    }\n  }\n}\n";
    const find = "if (x) {\n  go();\n}";
    const result = locate(text, find, { kind: "code" });
    expect(result.tier).toBe("indentation");
    const match = result.matches[0]!;
    expect(text.slice(match.from, match.to)).toBe("    if (x) {\n      go();\n    }");
    expect(reindent("if (y) {\n  stop();\n}", match.reindent!)).toBe("    if (y) {\n      stop();\n    }");
  });

  it("does not use the indentation tier for documents", () => {
    expect(locate("  a\n  b", "a\nb", { kind: "document" }).matches).toHaveLength(1); // whitespace tier
    expect(locate("x\n    y", "x\ny", { kind: "document" }).tier).toBe("normalized");
  });

  it("treats regex metacharacters literally", () => {
    const text = "a.*b (c) [d] $e ^f";
    expect(locate(text, ".*b (c) [d] $e", { kind: "document" }).matches).toEqual([{ from: 1, to: 15, tier: "exact" }]);
    expect(locate("aXb", "a.b", { kind: "document" }).matches).toHaveLength(0);
  });

  it("finds nothing for an empty find", () => {
    expect(locate("abc", "", { kind: "document" })).toEqual({ tier: null, matches: [] });
  });
});

describe("edit planning errors", () => {
  const text = "# Notes\n\nThe storm came at night.\n\nThe keeper lit the lamp.\n\nThe ships were safe.";

  it("not found lists the three closest passages with their similarity", () => {
    const plan = planEdits(text, [{ find: "The keeper lighted the lamp.", replace: "x", all: false }], "document");
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    const [error] = plan.errors;
    expect(error!.code).toBe("not_found");
    expect(error!.candidates).toHaveLength(3);
    expect(error!.candidates![0]!.text).toBe("The keeper lit the lamp.");
    expect(error!.candidates![0]!.similarity).toBeGreaterThan(error!.candidates![1]!.similarity);
    expect(error!.message).toContain("The keeper lit the lamp.");
    expect(error!.message).toMatch(/similarity 0\.\d\d/);
    expect(error!.message).toContain("Nothing was changed");
  });

  it("ambiguous reports the count and the lines, and suggests all: true", () => {
    const plan = planEdits(text, [{ find: "The", replace: "A", all: false }], "document");
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.errors[0]!.code).toBe("ambiguous");
    expect(plan.errors[0]!.message).toContain("occurs 3 times");
    expect(plan.errors[0]!.message).toContain("line 3");
    expect(plan.errors[0]!.message).toContain("`all` to true");
  });

  it("all: true replaces every occurrence", () => {
    const plan = planEdits(text, [{ find: "The", replace: "A", all: true }], "document");
    expect(plan.ok && plan.text).toBe(
      "# Notes\n\nA storm came at night.\n\nA keeper lit the lamp.\n\nA ships were safe.",
    );
  });

  it("overlapping edits are refused as a whole", () => {
    const plan = planEdits(
      text,
      [
        { find: "storm came", replace: "x", all: false },
        { find: "came at night", replace: "y", all: false },
      ],
      "document",
    );
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.errors.map((error) => error.code)).toEqual(["overlap"]);
    expect(plan.errors[0]!.message).toContain("Edits 1 and 2 overlap");
  });

  it("one bad edit refuses the others (all or nothing) and names which edit failed", () => {
    const plan = planEdits(
      text,
      [
        { find: "storm", replace: "gale", all: false },
        { find: "no such text", replace: "y", all: false },
      ],
      "document",
    );
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.errors).toHaveLength(1);
    expect(plan.errors[0]!.editIndex).toBe(1);
    expect(plan.errors[0]!.message).toMatch(/^Edit 2:/);
  });

  it("applies several edits against the original text, reporting old and new offsets", () => {
    const plan = planEdits(
      "aaa bbb ccc",
      [
        { find: "ccc", replace: "C", all: false },
        { find: "aaa", replace: "AAAAA", all: false },
      ],
      "document",
    );
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.text).toBe("AAAAA bbb C");
    expect(plan.applied.map((c) => [c.from, c.to, c.newFrom, c.newTo, c.index])).toEqual([
      [0, 3, 0, 5, 1],
      [8, 11, 10, 11, 0],
    ]);
  });
});
