import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { AgentOrigin, applyToolCall, resolveCommentRange } from "../../shared/engine/index.ts";
import { commentsMap, canvasFragment } from "../../shared/room.ts";
import type { CommentSpec } from "../../shared/tools.ts";
import { edit, refused, roomWith } from "./fixtures.ts";

function comment(quote: string, extra: Partial<CommentSpec> = {}): CommentSpec {
  return { quote, comment: "Say why.", severity: "suggestion", suggestion: null, ...extra };
}

function commentOn(doc: Y.Doc, canvasId: string, comments: CommentSpec[]) {
  return applyToolCall(
    doc,
    { name: "comment_canvas", arguments: { comments } },
    { canvasId, origin: new AgentOrigin("review") },
  );
}

describe("comments", () => {
  it("anchors each quote and resolves to its text and ProseMirror range", () => {
    const { doc, canvasId } = roomWith("# Title\n\nThe storm came at night.\n\nThe keeper lit the lamp.");
    const result = commentOn(doc, canvasId, [
      comment("keeper lit the lamp", { suggestion: "keeper lit the great lamp" }),
    ]);
    expect(result.ok).toBe(true);
    const [record] = [...commentsMap(doc).values()];
    expect(record).toMatchObject({
      canvasId,
      quote: "keeper lit the lamp",
      body: "Say why.",
      severity: "suggestion",
      author: "ai",
      runId: "review",
      resolved: false,
    });
    const range = resolveCommentRange(doc, record!);
    expect(range?.text).toBe("keeper lit the lamp");
    // "# Title" = heading(7) ; paragraph 1 starts at 7, its text at 8; paragraph 2 text starts at 7+26+1.
    expect(range).toMatchObject({ from: 38, to: 57 });
  });

  it("anchors a quote that includes markdown markup on the words it shows", () => {
    const { doc, canvasId } = roomWith("A **bold** claim here.");
    expect(commentOn(doc, canvasId, [comment("**bold** claim")]).ok).toBe(true);
    expect(resolveCommentRange(doc, [...commentsMap(doc).values()][0]!)?.text).toBe("bold claim");
  });

  it("keeps the anchor on its text while people and the model edit around it", () => {
    const { doc, canvasId } = roomWith("First paragraph.\n\nThe quoted sentence is here.\n\nLast one.");
    commentOn(doc, canvasId, [comment("quoted sentence")]);
    const record = [...commentsMap(doc).values()][0]!;
    // A person types at the start of the paragraph; the model rewrites another paragraph.
    const paragraph = canvasFragment(doc, canvasId).get(1) as Y.XmlElement;
    (paragraph.get(0) as Y.XmlText).insert(0, "Indeed, ");
    expect(
      applyToolCall(doc, edit("First paragraph.", "A new first paragraph, longer."), {
        canvasId,
        origin: new AgentOrigin("e"),
      }).ok,
    ).toBe(true);
    expect(resolveCommentRange(doc, record)?.text).toBe("quoted sentence");
  });

  it("returns null once the quoted text is deleted", () => {
    const { doc, canvasId } = roomWith("Keep.\n\nDelete this sentence.");
    commentOn(doc, canvasId, [comment("this sentence")]);
    applyToolCall(doc, edit("\n\nDelete this sentence.", ""), { canvasId, origin: new AgentOrigin("e") });
    expect(resolveCommentRange(doc, [...commentsMap(doc).values()][0]!)).toBeNull();
  });

  it("refuses the whole call when any quote cannot be found, and adds no comment", () => {
    const { doc, canvasId } = roomWith("Alpha beta.\n\nGamma delta.");
    const result = commentOn(doc, canvasId, [comment("Alpha"), comment("Epsilon zeta")]);
    expect(result.ok).toBe(false);
    expect(refused(result).errors[0]).toMatchObject({ code: "not_found", editIndex: 1 });
    expect(refused(result).errors[0]!.message).toMatch(/^Comment 2: quote/);
    expect(commentsMap(doc).size).toBe(0);
  });

  it("refuses an ambiguous quote instead of guessing", () => {
    const { doc, canvasId } = roomWith("The end.\n\nThe end.");
    const result = commentOn(doc, canvasId, [comment("The end.")]);
    expect(result.ok).toBe(false);
    expect(refused(result).errors[0]!.code).toBe("ambiguous");
    expect(commentsMap(doc).size).toBe(0);
  });

  it("anchors comments in code canvases", () => {
    const { doc, canvasId } = roomWith("function a() {\n  console.log(1);\n}\n", "code", "ts");
    expect(commentOn(doc, canvasId, [comment("console.log(1);")]).ok).toBe(true);
    expect(resolveCommentRange(doc, [...commentsMap(doc).values()][0]!)).toMatchObject({
      text: "console.log(1);",
      from: 18,
      to: 33,
    });
  });
});
