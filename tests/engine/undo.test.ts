import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { AgentOrigin, applyToolCall, createAgentUndoManager, openToolCall } from "../../shared/engine/index.ts";
import { canvasText } from "../../shared/markdown/index.ts";
import { canvasFragment, commentsMap } from "../../shared/room.ts";
import { edit, roomWith } from "./fixtures.ts";

function typeAt(doc: Y.Doc, canvasId: string, block: number, text: string): void {
  const element = canvasFragment(doc, canvasId).get(block) as Y.XmlElement;
  doc.transact(() => (element.get(0) as Y.XmlText).insert(0, text), "human");
}

describe("undoing AI changes", () => {
  it("undoes one call as a unit without undoing a human edit made after it", () => {
    const { doc, canvasId } = roomWith("Alpha.\n\nBeta.\n\nGamma.");
    const undo = createAgentUndoManager(doc, canvasId);
    const origin = new AgentOrigin("run");
    applyToolCall(
      doc,
      {
        name: "edit_canvas",
        arguments: {
          edits: [
            { find: "Alpha.", replace: "A.", all: false },
            { find: "Gamma.", replace: "G.", all: false },
          ],
          summary: "",
        },
      },
      { canvasId, origin },
    );
    typeAt(doc, canvasId, 1, "Human ");
    expect(canvasText(doc, canvasId)).toBe("A.\n\nHuman Beta.\n\nG.");
    undo.undo();
    expect(canvasText(doc, canvasId)).toBe("Alpha.\n\nHuman Beta.\n\nGamma.");
    expect(undo.canUndo()).toBe(false);
  });

  it("keeps two calls of the same run as two steps, however fast they come", () => {
    const { doc, canvasId } = roomWith("Alpha.\n\nBeta.");
    const undo = createAgentUndoManager(doc, canvasId);
    const origin = new AgentOrigin("run");
    applyToolCall(doc, edit("Alpha.", "One."), { canvasId, origin });
    applyToolCall(doc, edit("Beta.", "Two."), { canvasId, origin });
    undo.undo();
    expect(canvasText(doc, canvasId)).toBe("One.\n\nBeta.");
    undo.undo();
    expect(canvasText(doc, canvasId)).toBe("Alpha.\n\nBeta.");
    undo.redo();
    expect(canvasText(doc, canvasId)).toBe("One.\n\nBeta.");
  });

  it("undoes a whole streamed rewrite in one step", () => {
    const { doc, canvasId } = roomWith("Old one.\n\nOld two.");
    const undo = createAgentUndoManager(doc);
    const writer = openToolCall(doc, "rewrite_canvas", { canvasId, origin: new AgentOrigin("s") }, { summary: "" });
    for (const chunk of ["New ", "one.\n\n", "New two.\n\n", "New three."]) writer.appendContent(chunk);
    writer.finish();
    expect(canvasText(doc, canvasId)).toBe("New one.\n\nNew two.\n\nNew three.");
    undo.undo();
    expect(canvasText(doc, canvasId)).toBe("Old one.\n\nOld two.");
  });

  it("does not track human changes at all", () => {
    const { doc, canvasId } = roomWith("Alpha.");
    const undo = createAgentUndoManager(doc);
    typeAt(doc, canvasId, 0, "Human ");
    expect(undo.canUndo()).toBe(false);
  });

  it("undoes AI comments with the doc-wide manager", () => {
    const { doc, canvasId } = roomWith("Alpha beta.");
    const undo = createAgentUndoManager(doc);
    applyToolCall(
      doc,
      {
        name: "comment_canvas",
        arguments: { comments: [{ quote: "beta", comment: "c", severity: "info", suggestion: null }] },
      },
      { canvasId, origin: new AgentOrigin("r") },
    );
    expect(commentsMap(doc).size).toBe(1);
    undo.undo();
    expect(commentsMap(doc).size).toBe(0);
  });
});
