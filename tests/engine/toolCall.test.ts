import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { AgentOrigin, ApiOrigin, applyRawToolCall, applyToolCall, openToolCall } from "../../shared/engine/index.ts";
import { canvasText } from "../../shared/markdown/index.ts";
import { canvasesMap } from "../../shared/room.ts";
import { edit, refused, roomWith, succeeded } from "./fixtures.ts";

/** The change id each transaction carried (agent origins only). */
function changeIdsOf(doc: Y.Doc): string[] {
  const ids: string[] = [];
  doc.on("afterTransaction", (transaction: Y.Transaction) => {
    if (transaction.origin instanceof AgentOrigin) ids.push(transaction.origin.changeId);
  });
  return ids;
}

describe("the tool call seam", () => {
  it("a one-shot edit is one change whose record names run, canvas, tool, summary and author", () => {
    const { doc, canvasId } = roomWith("Alpha.\n\nBeta.");
    const seen = changeIdsOf(doc);
    const result = succeeded(
      applyToolCall(doc, edit("Beta.", "Gamma."), {
        canvasId,
        origin: new AgentOrigin("run-1"),
        author: { id: "ai", name: "Canvas AI" },
      }),
    );
    expect(result.change).toMatchObject({
      runId: "run-1",
      canvasId,
      tool: "edit_canvas",
      summary: result.summary,
      author: { id: "ai", name: "Canvas AI" },
      origin: "agent",
    });
    expect(seen).toEqual([result.change.id]);
    expect(result.call.name).toBe("edit_canvas");
  });

  it("a streamed rewrite is one change: every transaction of the stream carries the record's id", () => {
    const { doc, canvasId } = roomWith("Old one.\n\nOld two.");
    const seen = changeIdsOf(doc);
    const call = openToolCall(doc, "rewrite_canvas", { canvasId, origin: new AgentOrigin("run-2") });
    const raw = JSON.stringify({ content: "New one.\n\nNew two.\n\nNew three.", summary: "Renewed" });
    for (let end = 1; end <= raw.length; end += 7) call.arguments(raw.slice(0, end));
    expect(canvasText(doc, canvasId)).toMatch(/^New one\./);
    const result = succeeded(call.finish(raw));
    expect(canvasText(doc, canvasId)).toBe("New one.\n\nNew two.\n\nNew three.");
    expect(seen.length).toBeGreaterThan(1);
    expect(new Set(seen)).toEqual(new Set([result.change.id]));
    expect(result.change).toMatchObject({ tool: "rewrite_canvas", summary: "Renewed", runId: "run-2" });
    // Reported against the canvas as the stream found it, not against what the stream showed.
    expect(result.applied[0]!.before).toContain("Old");
  });

  it("a canvas created through the API is a create_canvas call with an API origin and the person as author", () => {
    const doc = new Y.Doc();
    const author = { id: "editor:abcd1234", name: "Someone" };
    const result = succeeded(
      applyRawToolCall(
        doc,
        "create_canvas",
        { title: "Imported", kind: "code", language: null, content: "print(1)\n" },
        { canvasId: null, origin: new ApiOrigin("editor", "create_canvas"), author },
      ),
    );
    expect(canvasesMap(doc).get(result.canvasId)).toMatchObject({ title: "Imported", kind: "code", language: null });
    expect(canvasText(doc, result.canvasId)).toBe("print(1)\n");
    expect(result.change).toMatchObject({ origin: "api", runId: null, author, tool: "create_canvas" });
  });

  it("raw arguments that fail the schema are refused with invalid_arguments and write nothing", () => {
    const doc = new Y.Doc();
    const before = Y.encodeStateAsUpdate(doc);
    const result = refused(
      applyRawToolCall(doc, "create_canvas", '{"title": "x", "kind": "poem"}', {
        canvasId: null,
        origin: new AgentOrigin("r"),
      }),
    );
    expect(result.errors[0]!.code).toBe("invalid_arguments");
    expect(result.errors[0]!.message).toMatch(/kind/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it("a streamed create whose final arguments are invalid removes the canvas it showed", () => {
    const doc = new Y.Doc();
    const call = openToolCall(doc, "create_canvas", { canvasId: null, origin: new AgentOrigin("r") });
    call.arguments('{"title": "Draft", "kind": "document", "language": null, "content": "Para one.\\n\\nPara');
    expect(canvasesMap(doc).size).toBe(1);
    const result = call.finish('{"title": "Draft", "kind": "document", "language": null}');
    expect(refused(result).errors[0]!.code).toBe("invalid_arguments");
    expect(canvasesMap(doc).size).toBe(0);
  });

  it("an unknown tool is refused with the list of tools, and its streamed arguments are ignored", () => {
    const { doc, canvasId } = roomWith("Alpha.");
    const call = openToolCall(doc, "delete_canvas", { canvasId, origin: new AgentOrigin("r") });
    expect(call.streams).toBe(false);
    call.arguments('{"content": "gone"}');
    expect(refused(call.finish('{"content": "gone"}')).errors[0]!.message).toMatch(/Unknown tool.*create_canvas/);
    expect(canvasText(doc, canvasId)).toBe("Alpha.");
  });

  it("tells the caller which existing canvas a call changes, so a version can be stored first", () => {
    const { doc, canvasId } = roomWith("Alpha.");
    const origin = new AgentOrigin("r");
    expect(openToolCall(doc, "edit_canvas", { canvasId, origin }).changes).toBe(canvasId);
    expect(openToolCall(doc, "rewrite_canvas", { canvasId, origin }).changes).toBe(canvasId);
    expect(openToolCall(doc, "comment_canvas", { canvasId, origin }).changes).toBeNull();
    expect(openToolCall(doc, "create_canvas", { canvasId, origin }).changes).toBeNull();
    expect(openToolCall(doc, "rewrite_canvas", { canvasId, origin }).prediction).toBe("Alpha.");
    expect(openToolCall(doc, "edit_canvas", { canvasId, origin }).prediction).toBeNull();
  });
});
