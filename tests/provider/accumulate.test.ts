import type { ChatCompletionChunk } from "openai/resources/chat/completions";
import { describe, expect, it } from "vitest";
import { CompletionAccumulator } from "../../server/agent/openai/accumulate.ts";

type Delta = ChatCompletionChunk["choices"][number]["delta"];
const chunk = (
  delta: Delta,
  finish: ChatCompletionChunk["choices"][number]["finish_reason"] = null,
): ChatCompletionChunk => ({
  id: "c",
  object: "chat.completion.chunk",
  created: 0,
  model: "m",
  choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
});

describe("CompletionAccumulator (servers that stream tool calls differently)", () => {
  it("gives a tool call without an id one, and does not double a name repeated in every chunk", () => {
    const acc = new CompletionAccumulator();
    const events = [
      ...acc.apply(chunk({ tool_calls: [{ index: 0, function: { name: "edit_canvas", arguments: '{"edits":' } }] })),
      ...acc.apply(
        chunk({ tool_calls: [{ index: 0, function: { name: "edit_canvas", arguments: "[]}" } }] }, "tool_calls"),
      ),
    ];
    expect(events[0]).toMatchObject({ type: "tool_call_start", name: "edit_canvas" });
    const id = (events[0] as { id: string }).id;
    expect(id).toMatch(/^call_0_/);
    expect(acc.done().toolCalls).toEqual([{ id, name: "edit_canvas", arguments: '{"edits":[]}' }]);
    expect(acc.isComplete()).toBe(true);
  });

  it("keeps several tool calls apart by index, in index order", () => {
    const acc = new CompletionAccumulator();
    acc.apply(chunk({ tool_calls: [{ index: 1, id: "b", function: { name: "comment_canvas", arguments: "{}" } }] }));
    acc.apply(chunk({ tool_calls: [{ index: 0, id: "a", function: { name: "edit_canvas", arguments: "{" } }] }));
    acc.apply(chunk({ tool_calls: [{ index: 0, function: { arguments: "}" } }] }, "tool_calls"));
    expect(acc.done().toolCalls.map((call) => [call.id, call.name, call.arguments])).toEqual([
      ["a", "edit_canvas", "{}"],
      ["b", "comment_canvas", "{}"],
    ]);
  });

  it("a whole tool call in one chunk yields start then delta; a stream without a finish reason is incomplete", () => {
    const acc = new CompletionAccumulator();
    const events = acc.apply(
      chunk({
        tool_calls: [
          { index: 0, id: "x", type: "function", function: { name: "rewrite_canvas", arguments: '{"content":"a"}' } },
        ],
      }),
    );
    expect(events.map((event) => event.type)).toEqual(["tool_call_start", "tool_call_delta"]);
    expect(acc.isComplete()).toBe(false);
    expect(acc.hasOutput()).toBe(true);
  });
});
