import { describe, expect, it } from "vitest";
import type { QuickAction } from "../../shared/actions.ts";
import { decideLocal } from "../../server/agent/local/index.ts";
import { parseToolCall } from "../../shared/tools.ts";
import type { TurnInput } from "../../server/agent/types.ts";
import { codeCanvas, documentCanvas, onCanvas, turn } from "./helpers.ts";

const DOC = documentCanvas(`# Trip report

## Summary

Our team recieved the the keys on Monday. The cabin was cleaned by the owner.

## Costs

We will utilize the remaining budget in order to rent kayaks.
`);

const CODE = codeCanvas(
  `function total(items) {
  // TODO: handle discounts
  let sum = 0;
  for (const item of items) sum += item.price;
  console.log(sum);
  return sum;
}
`,
  "javascript",
);

const INPUTS: TurnInput[] = [
  turn("Write an essay about lighthouses"),
  turn("Implement a linked list in Rust"),
  turn("What time is it?"),
  turn("hello"),
  turn("Écris une lettre de motivation pour un poste de serveur"),
  onCanvas("critique this", DOC),
  onCanvas("fix typos", DOC),
  onCanvas('replace "kayaks" with "canoes"', DOC),
  onCanvas("move the section Costs before the section Summary", DOC),
  onCanvas("delete paragraph 1", DOC),
  onCanvas("make it funnier", DOC),
  onCanvas("convert to uppercase", DOC),
  onCanvas("review this code", CODE),
  onCanvas("rename total to sumPrices", CODE),
  onCanvas("", DOC, null, { id: "final_polish" }),
  onCanvas("", DOC, null, { id: "suggest_edits" }),
  onCanvas("", CODE, null, { id: "review_code" }),
  onCanvas("", CODE, null, { id: "port_language", language: "python" }),
];

describe("offline engine: schema, determinism, quick actions", () => {
  it("produces only tool calls that pass the tool schemas, with a chat text every time", async () => {
    for (const input of INPUTS) {
      const decision = await decideLocal(input);
      expect(decision.text.trim().length, input.userText).toBeGreaterThan(0);
      if (decision.toolCall) {
        // Round-trip through JSON, as the run loop receives the call from the engine stream.
        const parsed = parseToolCall(decision.toolCall.name, JSON.stringify(decision.toolCall.arguments));
        expect(parsed.ok ? "valid" : parsed.error, input.userText).toBe("valid");
      }
    }
  });

  it("gives the same answer to the same input, every time", async () => {
    const first = await Promise.all(INPUTS.map((input) => decideLocal(input)));
    const second = [];
    for (const input of INPUTS) second.push(await decideLocal(structuredClone(input)));
    expect(second).toEqual(first);
  });

  it("answers every tool kind across the sample, so none of the paths is dead", async () => {
    const names = new Set(
      (await Promise.all(INPUTS.map((input) => decideLocal(input)))).map(
        (decision) => decision.toolCall?.name ?? "chat",
      ),
    );
    expect([...names].sort()).toEqual(["chat", "comment_canvas", "create_canvas", "edit_canvas", "rewrite_canvas"]);
  });

  it("maps suggest_edits and review_code to comments and final_polish to spelling fixes", async () => {
    expect((await decideLocal(onCanvas("", DOC, null, { id: "suggest_edits" }))).toolCall?.name).toBe("comment_canvas");
    expect((await decideLocal(onCanvas("", CODE, null, { id: "review_code" }))).toolCall?.name).toBe("comment_canvas");
    const polish = await decideLocal(onCanvas("", DOC, null, { id: "final_polish" }));
    expect(polish.toolCall?.name).toBe("edit_canvas");
    expect(polish.text).toMatch(/recieved → received/);
    expect(polish.text).toMatch(/need a model/);
  });

  it.each<QuickAction>([
    { id: "adjust_length", level: 1 },
    { id: "reading_level", level: 0 },
    { id: "add_emojis" },
    { id: "fix_bugs" },
    { id: "add_logs" },
    { id: "add_comments" },
    { id: "port_language", language: "python" },
  ])("answers quick action $id honestly that it needs a model", async (action) => {
    const canvas =
      action.id === "adjust_length" || action.id === "reading_level" || action.id === "add_emojis" ? DOC : CODE;
    const decision = await decideLocal(onCanvas("", canvas, null, action));
    expect(decision.toolCall).toBeNull();
    expect(decision.text).toMatch(/needs a language model/);
  });

  it("asks for a canvas when a quick action arrives without one", async () => {
    const decision = await decideLocal(turn("", { action: { id: "suggest_edits" } }));
    expect(decision.toolCall).toBeNull();
    expect(decision.text).toMatch(/open or create one/);
  });

  it("treats a request about an open canvas as an edit or comment, not a new canvas", async () => {
    const decision = await decideLocal(onCanvas("write a conclusion for this essay", DOC));
    expect(decision.toolCall).toBeNull();
    const fresh = await decideLocal(onCanvas("write a new essay about kayaks", DOC));
    expect(fresh.toolCall?.name).toBe("create_canvas");
  });
});
