import { describe, expect, it } from "vitest";
import { fenceSegments, markdownBlocks, paragraphs } from "../../server/agent/local/blocks.ts";
import { decideLocal } from "../../server/agent/local/index.ts";
import { maskMarkdown } from "../../server/agent/local/prose.ts";
import { applyEdits, documentCanvas, editArgs, onCanvas, validCall } from "./helpers.ts";

// A fence that shows markdown: the inner "```python" line opens nothing and closes nothing (CommonMark §4.5).
const NESTED = [
  "Intro paragraph.",
  "",
  "````markdown",
  "```python",
  "print('recieved')",
  "```",
  "````",
  "",
  "Closing paragraph.",
  "",
].join("\n");

describe("offline markdown blocks: fences by the shared tracker", () => {
  it("keeps a fence open until a closing line of the same kind and length", () => {
    const blocks = markdownBlocks(NESTED);
    expect(blocks.map((block) => block.kind)).toEqual(["paragraph", "code", "paragraph"]);
    expect(blocks[1]!.text).toBe(NESTED.slice(NESTED.indexOf("````markdown"), NESTED.indexOf("\n\nClosing")));
  });

  it("does not close a backtick fence on a line with an info string", () => {
    const content = "```\ncode\n```js\nstill code\n```\n\nAfter.\n";
    expect(paragraphs(markdownBlocks(content)).map((block) => block.text)).toEqual(["After."]);
  });

  it("runs an unclosed fence to the end of the canvas", () => {
    const content = "Before.\n\n~~~\nnever closed\n\nstill code\n";
    expect(markdownBlocks(content).map((block) => block.kind)).toEqual(["paragraph", "code"]);
  });

  it("cuts the text into fenced and other segments that join back to it", () => {
    const segments = fenceSegments(NESTED);
    expect(segments.map((segment) => segment.fenced)).toEqual([false, true, false]);
    expect(segments.map((segment) => segment.text).join("")).toBe(NESTED);
  });

  it("masks fenced code for the prose checks, keeping every offset", () => {
    const masked = maskMarkdown(NESTED);
    expect(masked).toHaveLength(NESTED.length);
    expect(masked).not.toContain("recieved");
    expect(masked).toContain("Closing paragraph.");
  });

  it("leaves fenced code alone when fixing spelling or changing case", async () => {
    const content = `${NESTED}The team recieved it.\n`;
    const fixed = applyEdits(
      content,
      editArgs(await decideLocal(onCanvas("fix the spelling", documentCanvas(content)))),
    );
    expect(fixed).toContain("print('recieved')");
    expect(fixed).toContain("The team received it.");
    const upper = validCall(await decideLocal(onCanvas("convert to uppercase", documentCanvas(content))));
    if (upper.name !== "rewrite_canvas") throw new Error(upper.name);
    expect(upper.arguments.content).toContain("````markdown\n```python\nprint('recieved')\n```\n````");
    expect(upper.arguments.content).toContain("CLOSING PARAGRAPH.");
  });
});
