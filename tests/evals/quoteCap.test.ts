// A comment anchors to a defect, not to a paragraph: the comment tool caps a quote at
// MAX_COMMENT_QUOTE_CHARS, and the engine refuses longer quotes with a message the model can act on.
import { describe, expect, it } from "vitest";
import { commentsMap } from "../../shared/room.ts";
import { AgentOrigin, applyToolCall } from "../../shared/engine/index.ts";
import { MAX_COMMENT_QUOTE_CHARS, openAITools, parseToolCall, type CommentCanvasArgs } from "../../shared/tools.ts";
import { docForCase } from "../../evals/caseDoc.ts";

const sentence =
  "The committee met on a Tuesday afternoon and agreed, after a long and careful debate, to fund the new library wing.";
const content = `# Minutes\n\n${Array.from({ length: 6 }, (_, index) => `${index + 1}. ${sentence}`).join(" ")}`;
const args = (quote: string): CommentCanvasArgs => ({
  comments: [{ quote, comment: "Check this.", severity: "issue", suggestion: null }],
});

describe("comment quote cap", () => {
  it("the tool schema refuses a quote longer than the cap, saying to quote one sentence or less", () => {
    const long = content.slice(content.indexOf("1."), content.indexOf("1.") + MAX_COMMENT_QUOTE_CHARS + 1);
    const parsed = parseToolCall("comment_canvas", args(long));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain("quote one sentence or less");
    expect(parseToolCall("comment_canvas", args(sentence.slice(0, 60))).ok).toBe(true);
  });

  it("the model is told the limit in the tool's description", () => {
    const comment = openAITools().find((tool) => tool.function.name === "comment_canvas")!;
    expect(JSON.stringify(comment.function.parameters)).toContain(`at most ${MAX_COMMENT_QUOTE_CHARS} characters`);
  });

  it("the engine refuses a longer quote even from a caller that skipped the schema, and leaves no comment", () => {
    const setup = docForCase({ kind: "document", title: "Minutes", content });
    const quote = setup.canvas!.content.slice(setup.canvas!.content.indexOf("1."), setup.canvas!.content.indexOf("5."));
    expect(quote.length).toBeGreaterThan(MAX_COMMENT_QUOTE_CHARS);
    const result = applyToolCall(
      setup.doc,
      { name: "comment_canvas", arguments: args(quote) },
      { canvasId: setup.canvasId, origin: new AgentOrigin("cap") },
    );
    if (result.ok) throw new Error("the engine accepted a quote over the cap");
    expect(result.errors[0]).toMatchObject({ code: "too_large", editIndex: 0 });
    expect(result.errors[0]!.message).toMatch(/^Comment 1: the quote is \d+ characters; quote one sentence or less/);
    expect(commentsMap(setup.doc).size).toBe(0);
    const ok = applyToolCall(
      setup.doc,
      { name: "comment_canvas", arguments: args(`2. ${sentence}`) },
      { canvasId: setup.canvasId, origin: new AgentOrigin("cap") },
    );
    expect(ok.ok).toBe(true);
    setup.doc.destroy();
  });
});
