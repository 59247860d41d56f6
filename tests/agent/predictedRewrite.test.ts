import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { canvasText } from "../../shared/markdown/index.ts";
import { listCanvases, readChat } from "../../shared/room.ts";
import { unfence } from "../../server/agent/predictedRewrite.ts";
import { startAgentHarness, type AgentHarness } from "./harness.ts";

let harness: AgentHarness;
beforeEach(async () => {
  harness = await startAgentHarness({ predictedOutputs: true, maxRetries: 0 });
});
afterEach(async () => harness.close());

const ESSAY = "# Lighthouses\n\nLighthouses guided ships for centuries.\n\nToday most lights are automated.";
const FRENCH =
  "# Phares\n\nLes phares ont guidé les navires pendant des siècles.\n\nAujourd'hui, la plupart sont automatisés.";

async function openEssay(): Promise<string> {
  harness.fake.script([
    {
      toolCall: {
        name: "create_canvas",
        arguments: { title: "Lighthouses", kind: "document", language: null, content: ESSAY },
      },
    },
  ]);
  await harness.run({ text: "Write a short essay about lighthouses" });
  return listCanvases(await harness.doc())[0]!.id;
}

describe("rewrites with Predicted Outputs (CANVAS_PREDICTED_OUTPUTS=1)", () => {
  it("a chosen rewrite is written by a second call without tools, predicted by the current canvas", async () => {
    const canvasId = await openEssay();
    harness.fake.script([
      {
        toolCall: {
          name: "rewrite_canvas",
          arguments: { content: "the first call's content is not used", summary: "Translated" },
        },
        chunkSize: 4,
      },
      { text: FRENCH, chunkSize: 10 },
    ]);
    const run = await harness.run({ text: "Translate it to French", canvasId });
    expect(run.status).toBe("done");
    const doc = await harness.doc();
    expect(canvasText(doc, canvasId)).toBe(FRENCH);
    const second = harness.fake.requests[2]!.body as {
      prediction?: { type: string; content: string };
      tools?: unknown;
      messages: { content: string }[];
    };
    expect(second.prediction).toEqual({ type: "content", content: ESSAY });
    expect(second.tools).toBeUndefined();
    expect(second.messages.at(-1)!.content).toContain("complete new content");
    expect(readChat(doc).at(-1)!.activity).toEqual([expect.objectContaining({ tool: "rewrite_canvas", ok: true })]);
    // The rewrite is one AI change: undo brings the essay back.
    await harness.server.api(`/api/rooms/${harness.room.roomId}/undo`, {
      method: "POST",
      token: harness.room.tokens.editor,
      body: { canvasId },
    });
    expect(canvasText(doc, canvasId)).toBe(ESSAY);
  });

  it("a failed second call leaves the canvas as it was and says what happened", async () => {
    const canvasId = await openEssay();
    harness.fake.script([
      { toolCall: { name: "rewrite_canvas", arguments: { content: "x", summary: "s" } } },
      { cutAfterChunks: 2, text: FRENCH, chunkSize: 10 },
    ]);
    const run = await harness.run({ text: "Translate it to French", canvasId });
    expect(run.status).toBe("error");
    expect(canvasText(await harness.doc(), canvasId)).toBe(ESSAY);
  });

  it("unwraps an answer the model fenced despite the instruction, and leaves other text alone", () => {
    expect(unfence("```markdown\n# Title\n\nText\n```")).toBe("# Title\n\nText");
    expect(unfence("# Title\n\n```js\ncode\n```")).toBe("# Title\n\n```js\ncode\n```");
  });
});
