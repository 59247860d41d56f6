import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { AgentOrigin, applyToolCall } from "../../shared/engine/index.ts";
import { createLocalEngine } from "../../server/agent/localEngine.ts";
import { runTurnOnDoc } from "../../server/agent/turn.ts";
import { CONCLUSION_TEXT, longReport } from "../helpers/longCanvas.ts";

async function turnOn(content: string, userText: string) {
  const doc = new Y.Doc();
  const created = applyToolCall(
    doc,
    { name: "create_canvas", arguments: { title: "Report", kind: "document", language: null, content } },
    { canvasId: null, origin: new AgentOrigin("setup") },
  );
  if (!created.ok) throw new Error(created.summary);
  const activity: string[] = [];
  const trace = await runTurnOnDoc({
    doc,
    canvasId: created.canvasId,
    engine: createLocalEngine(),
    input: {
      userText,
      history: [],
      canvas: { id: created.canvasId, title: "Report", kind: "document", language: null, content },
      selection: null,
      action: null,
    },
    hooks: { onActivity: (card) => activity.push(`${card.tool}: ${card.summary}`) },
  });
  return { trace, activity };
}

describe("the offline engine on a long canvas", () => {
  it("finds the section with search_canvas first, then deletes it", async () => {
    const report = longReport(30_000);
    const { trace, activity } = await turnOn(report, "Delete the Conclusion section");
    expect(trace.error).toBeNull();
    expect(trace.toolCalls.map((call) => [call.name, call.applied])).toEqual([
      ["search_canvas", true],
      ["edit_canvas", true],
    ]);
    expect(activity[0]).toBe('search_canvas: Searched for "Conclusion": 1 passage');
    expect(trace.canvasAfter).not.toContain(CONCLUSION_TEXT);
    expect(trace.canvasAfter).not.toContain("## Conclusion");
    expect(trace.canvasAfter!.length).toBeGreaterThan(report.length - 200);
  });

  it("edits a short canvas in one step, without searching", async () => {
    const { trace } = await turnOn("# Plan\n\n## Risks\n\nMany.\n\n## Budget\n\nSmall.", "Delete the Risks section");
    expect(trace.toolCalls.map((call) => call.name)).toEqual(["edit_canvas"]);
    expect(trace.canvasAfter).not.toContain("Risks");
  });
});
