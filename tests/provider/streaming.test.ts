import { describe, expect, it } from "vitest";
import { createOpenAIEngine } from "../../server/agent/openai/engine.ts";
import { parseToolCall } from "../../shared/tools.ts";
import { useFakeOpenAI, collect, doneOf, request } from "./helpers.ts";

const suite = useFakeOpenAI();

const engine = () =>
  createOpenAIEngine({
    apiKey: "test-key",
    baseURL: suite.fake.url,
    model: "fake-model",
    timeoutMs: 5_000,
    maxRetries: 0,
  });

describe("the OpenAI engine streaming through the real SDK", () => {
  it("streams chat text as deltas and ends with the whole text and the reported tokens", async () => {
    suite.fake.script([
      { text: "A sonnet has fourteen lines.", chunkSize: 4, usage: { prompt_tokens: 50, completion_tokens: 7 } },
    ]);
    const events = await collect(engine());
    const deltas = events.filter((event) => event.type === "text").map((event) => event.delta);
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join("")).toBe("A sonnet has fourteen lines.");
    expect(doneOf(events)).toEqual({
      type: "done",
      text: "A sonnet has fourteen lines.",
      toolCalls: [],
      outputTokens: 7,
      inputTokens: 50,
    });
  });

  it("a streamed tool call arrives whole and its arguments pass the tool schema", async () => {
    const args = {
      title: "Lighthouses",
      kind: "document",
      language: null,
      content: '# Lighthouses\n\nThey guide ships — "safely" 🚢.',
    };
    suite.fake.script([
      { text: "Here is a draft.", toolCall: { name: "create_canvas", arguments: args, id: "call_abc" }, chunkSize: 3 },
    ]);
    const events = await collect(engine());
    const done = doneOf(events);
    expect(done.text).toBe("Here is a draft.");
    expect(done.toolCalls).toEqual([{ id: "call_abc", name: "create_canvas", arguments: JSON.stringify(args) }]);
    const parsed = parseToolCall(done.toolCalls[0]!.name, done.toolCalls[0]!.arguments);
    expect(parsed).toMatchObject({ ok: true });
    expect(events.filter((event) => event.type === "tool_call_start")).toEqual([
      { type: "tool_call_start", id: "call_abc", name: "create_canvas" },
    ]);
  });

  it("tool_call_delta carries the arguments so far, growing monotonically to the final string", async () => {
    const args = { content: "x".repeat(200), summary: "Rewrote it" };
    suite.fake.script([{ toolCall: { name: "rewrite_canvas", arguments: args }, chunkSize: 6 }]);
    const events = await collect(engine());
    const deltas = events.flatMap((event) => (event.type === "tool_call_delta" ? [event.argumentsSoFar] : []));
    expect(deltas.length).toBeGreaterThan(20);
    for (let i = 1; i < deltas.length; i += 1) {
      expect(deltas[i]!.startsWith(deltas[i - 1]!)).toBe(true);
      expect(deltas[i]!.length).toBeGreaterThan(deltas[i - 1]!.length);
    }
    expect(deltas.at(-1)).toBe(JSON.stringify(args));
    const startIndex = events.findIndex((event) => event.type === "tool_call_start");
    const firstDelta = events.findIndex((event) => event.type === "tool_call_delta");
    expect(startIndex).toBeGreaterThanOrEqual(0);
    expect(startIndex).toBeLessThan(firstDelta);
  });

  it("estimates output tokens as characters / 4 when the server reports no usage", async () => {
    suite.fake.script([{ text: "abcdefghi", omitUsage: true }]);
    const events = await collect(engine(), request({ tools: [] }));
    expect(suite.fake.requests[0]!.body).toMatchObject({ stream_options: { include_usage: true } });
    expect(doneOf(events).outputTokens).toBe(3);
  });

  it("sends strict tools, tool_choice auto and parallel_tool_calls false, and the messages as given", async () => {
    suite.fake.script([{ text: "ok" }]);
    const req = request();
    await collect(engine(), req);
    const body = suite.fake.requests[0]!.body as Record<string, unknown>;
    expect(body).toMatchObject({
      model: "fake-model",
      stream: true,
      tool_choice: "auto",
      parallel_tool_calls: false,
      messages: req.messages,
    });
    const tools = body.tools as {
      type: string;
      function: { name: string; strict: boolean; parameters: { additionalProperties: boolean } };
    }[];
    expect(tools.map((tool) => tool.function.name).sort()).toEqual([
      "comment_canvas",
      "create_canvas",
      "edit_canvas",
      "rewrite_canvas",
    ]);
    for (const tool of tools) {
      expect(tool.type).toBe("function");
      expect(tool.function.strict).toBe(true);
      expect(tool.function.parameters.additionalProperties).toBe(false);
    }
    expect(suite.fake.requests[0]!.headers.authorization).toBe("Bearer test-key");
  });

  it("leaves out tools and parallel_tool_calls when no tools are offered", async () => {
    suite.fake.script([{ text: "ok" }]);
    await collect(engine(), request({ tools: [] }));
    const body = suite.fake.requests[0]!.body as Record<string, unknown>;
    expect(body).not.toHaveProperty("tools");
    expect(body).not.toHaveProperty("parallel_tool_calls");
    expect(body).not.toHaveProperty("tool_choice");
  });

  it("sends earlier tool calls and tool results back in OpenAI's message shape", async () => {
    suite.fake.script([{ text: "Fixed." }]);
    const messages = [
      { role: "user" as const, content: "Fix it" },
      {
        role: "assistant" as const,
        content: null,
        tool_calls: [{ id: "call_1", type: "function" as const, function: { name: "edit_canvas", arguments: "{}" } }],
      },
      { role: "tool" as const, tool_call_id: "call_1", content: "Error: find text not found" },
    ];
    await collect(engine(), request({ messages }));
    expect((suite.fake.requests[0]!.body as { messages: unknown }).messages).toEqual(messages);
  });

  it("the suite.fake answers GET /v1/models and reports an empty queue loudly", async () => {
    const models = (await (await fetch(`${suite.fake.url}/models`)).json()) as { data: { id: string }[] };
    expect(models.data[0]!.id).toBe("fake-model");
    const response = await fetch(`${suite.fake.url}/chat/completions`, { method: "POST", body: "{}" });
    expect(response.status).toBe(500);
    expect(await response.text()).toContain("fake OpenAI: no scripted response left");
  });

  it("the suite.fake takes scripts over HTTP for other processes and rejects a misspelt step", async () => {
    const base = suite.fake.url.replace(/\/v1$/, "");
    const bad = await fetch(`${base}/__script`, { method: "POST", body: JSON.stringify([{ txt: "typo" }]) });
    expect(bad.status).toBe(400);
    const good = await fetch(`${base}/__script`, {
      method: "POST",
      body: JSON.stringify([{ text: "From another process." }]),
    });
    expect(good.status).toBe(200);
    expect(doneOf(await collect(engine())).text).toBe("From another process.");
    const recorded = (await (await fetch(`${base}/__requests`)).json()) as { requests: unknown[]; pending: number };
    expect(recorded).toMatchObject({ pending: 0 });
    expect(recorded.requests).toHaveLength(1);
  });
});
