import { describe, expect, it } from "vitest";
import fc from "fast-check";
import * as Y from "yjs";
import { AgentOrigin, applyToolCall, createAgentUndoManager, openToolCall } from "../../shared/engine/index.ts";
import { canvasText } from "../../shared/markdown/index.ts";
import { canvasesMap, canvasFragment } from "../../shared/room.ts";
import { essay, roomWith, typescriptFile } from "./fixtures.ts";

function chunks(text: string, sizes: number[]): string[] {
  const out: string[] = [];
  let at = 0;
  let i = 0;
  while (at < text.length) {
    const size = Math.max(1, sizes[i++ % sizes.length]!);
    out.push(text.slice(at, at + size));
    at += size;
  }
  return out;
}

const NEW_CONTENT =
  "# Rewritten\n\nA new first paragraph.\n\n```ts\nconst a = 1;\n\nconst b = 2;\n```\n\n- one\n- two\n\nClosing words.";

describe("streaming writes", () => {
  it("a streamed rewrite in random chunk sizes ends equal to the one-shot rewrite", () => {
    const original = essay(400);
    const oneShot = roomWith(original);
    applyToolCall(
      oneShot.doc,
      { name: "rewrite_canvas", arguments: { content: NEW_CONTENT, summary: "s" } },
      { canvasId: oneShot.canvasId, origin: new AgentOrigin("a") },
    );
    const expected = canvasText(oneShot.doc, oneShot.canvasId);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }), (sizes) => {
        const { doc, canvasId } = roomWith(original);
        const writer = openToolCall(doc, "rewrite_canvas", { canvasId, origin: new AgentOrigin("s") }, { summary: "" });
        for (const chunk of chunks(NEW_CONTENT, sizes)) writer.appendContent(chunk);
        const result = writer.finish();
        expect(result.ok).toBe(true);
        expect(canvasText(doc, canvasId)).toBe(expected);
      }),
      { numRuns: 25 },
    );
  });

  it("shows only complete blocks, new ones in place of the beginning and the old rest after them", () => {
    const { doc, canvasId } = roomWith("Old one.\n\nOld two.\n\nOld three.");
    const writer = openToolCall(doc, "rewrite_canvas", { canvasId, origin: new AgentOrigin("s") }, { summary: "" });
    writer.appendContent("New one.\n\nNew tw");
    expect(canvasText(doc, canvasId)).toBe("New one.\n\nOld two.\n\nOld three.");
    writer.appendContent("o.\n\n```\ncode\n\nstill code");
    expect(canvasText(doc, canvasId)).toBe("New one.\n\nNew two.\n\nOld three.");
    writer.appendContent("\n```\n");
    expect(canvasText(doc, canvasId)).toBe("New one.\n\nNew two.\n\n```\ncode\n\nstill code\n```");
    writer.finish();
  });

  it("does not rewrite blocks already shown when the next block arrives", () => {
    const { doc, canvasId } = roomWith("placeholder");
    const writer = openToolCall(doc, "rewrite_canvas", { canvasId, origin: new AgentOrigin("s") }, { summary: "" });
    writer.appendContent("First block.\n\n");
    const first = canvasFragment(doc, canvasId).get(0);
    writer.appendContent("Second block.\n\nThird");
    expect(canvasFragment(doc, canvasId).get(0)).toBe(first);
    writer.finish();
    expect(canvasFragment(doc, canvasId).get(0)).toBe(first);
  });

  it("a streamed create makes the canvas at once and accepts update(contentSoFar)", () => {
    const doc = new Y.Doc();
    const source = typescriptFile(60);
    const writer = openToolCall(
      doc,
      "create_canvas",
      { canvasId: null, origin: new AgentOrigin("c") },
      { title: "Code", kind: "code", language: "typescript" },
    );
    expect(canvasesMap(doc).get(writer.canvasId!)).toMatchObject({
      title: "Code",
      kind: "code",
      language: "typescript",
    });
    for (let end = 0; end <= source.length; end += 97) writer.setContent(source.slice(0, end));
    const shown = canvasText(doc, writer.canvasId!);
    expect(source.startsWith(shown)).toBe(true);
    const result = writer.finish({ title: "Code", kind: "code", language: "typescript", content: source });
    expect(result.ok).toBe(true);
    expect(canvasText(doc, writer.canvasId!)).toBe(source);
  });

  it("abort restores the canvas and keeps a person's concurrent edit", () => {
    const { doc, canvasId } = roomWith("Old one.\n\nOld two.\n\nOld three.");
    const writer = openToolCall(doc, "rewrite_canvas", { canvasId, origin: new AgentOrigin("s") }, { summary: "" });
    writer.appendContent("Replaced.\n\nAlso.\n\n");
    expect(canvasText(doc, canvasId)).toBe("Replaced.\n\nAlso.\n\nOld three.");
    const third = canvasFragment(doc, canvasId).get(2) as Y.XmlElement;
    (third.get(0) as Y.XmlText).insert(0, "Human: ");
    writer.abort();
    expect(canvasText(doc, canvasId)).toBe("Old one.\n\nOld two.\n\nHuman: Old three.");
  });

  it("abort of a streamed create removes the canvas and leaves nothing to undo", () => {
    const doc = new Y.Doc();
    const undo = createAgentUndoManager(doc);
    const writer = openToolCall(
      doc,
      "create_canvas",
      { canvasId: null, origin: new AgentOrigin("c") },
      { title: "Draft", kind: "document", language: null },
    );
    writer.appendContent("Para one.\n\nPara two.\n\n");
    writer.abort();
    expect(canvasesMap(doc).size).toBe(0);
    expect(undo.canUndo()).toBe(false);
  });
});
