import { describe, expect, it } from "vitest";
import { EMPHASIS_DELIMITER_BUDGET, defuseEmphasis } from "../../shared/markdown/manager.ts";
import { parseMarkdown, serializeMarkdown } from "../../shared/markdown/index.ts";

const marks = (md: string): string[] => {
  const found: string[] = [];
  parseMarkdown(md).descendants((node) => {
    for (const mark of node.marks) found.push(mark.type.name);
  });
  return found;
};

describe("emphasis delimiter budget (the parser is worse than quadratic on unmatched * and _)", () => {
  it("leaves ordinary markdown alone, emphasis included", () => {
    const md = "# Title\n\nSome **bold**, some *italic* and some _underscored_ words.\n\n- a *list* item";
    expect(defuseEmphasis(md)).toBe(md);
    expect(marks(md)).toEqual(expect.arrayContaining(["bold", "italic"]));
  });

  it("keeps the exact text of a block with more delimiters than prose ever has, without emphasis", () => {
    const md = `${"*a **b ".repeat(EMPHASIS_DELIMITER_BUDGET)}end`;
    const doc = parseMarkdown(md);
    expect(doc.textContent).toBe(md);
    expect(marks(md)).toEqual([]);
    // The projection is stable from there on: serialise → parse gives the same text.
    expect(parseMarkdown(serializeMarkdown(doc)).textContent).toBe(md);
  });

  it("does not touch code blocks, inline code or list markers when it escapes", () => {
    const noise = "_x_ ".repeat(EMPHASIS_DELIMITER_BUDGET);
    const md = ["```py", "def f(*args, **kw): return a_b", "```", "", `* item with \`a*b_c\` and ${noise}`].join("\n");
    const defused = defuseEmphasis(md);
    expect(defused.split("\n").slice(0, 3)).toEqual(["```py", "def f(*args, **kw): return a_b", "```"]);
    expect(defused).toContain("* item with `a*b_c` and \\_x\\_");
    const doc = parseMarkdown(md);
    expect(doc.child(0).type.name).toBe("codeBlock");
    expect(doc.child(0).textContent).toBe("def f(*args, **kw): return a_b");
    expect(doc.child(1).type.name).toBe("bulletList");
  });
});
