import { describe, expect, it } from "vitest";
import { createOpenAIEngine, type OpenAIEngineOptions } from "../../server/agent/openai/engine.ts";
import { useFakeOpenAI, collect, doneOf, failure, request } from "./helpers.ts";

const suite = useFakeOpenAI();

const engine = (options: Partial<OpenAIEngineOptions> = {}) =>
  createOpenAIEngine({
    apiKey: "test-key",
    baseURL: suite.fake.url,
    model: "fake-model",
    timeoutMs: 5_000,
    maxRetries: 2,
    ...options,
  });

describe("provider failures become ProviderErrors a person can act on", () => {
  it("a 429 with retry-after is retried by the SDK and then succeeds", async () => {
    suite.fake.script([{ status: 429, retryAfter: 0 }, { text: "Hello!" }]);
    const events = await collect(engine());
    expect(doneOf(events).text).toBe("Hello!");
    expect(suite.fake.requests).toHaveLength(2);
  });

  it("a 429 that persists says it was rate limited and how often it retried", async () => {
    suite.fake.script([
      { status: 429, retryAfter: 0 },
      { status: 429, retryAfter: 0 },
      { status: 429, retryAfter: 0 },
    ]);
    const { error } = await failure(engine());
    expect(error).toMatchObject({ kind: "rate_limited", status: 429 });
    expect(error.userMessage).toMatch(
      /Rate limited by the provider \(429\); retried 2 times\. Try again in a minute\./,
    );
    expect(suite.fake.requests).toHaveLength(3);
  });

  it("a 429 asking for a long wait fails at once and says how long to wait", async () => {
    suite.fake.script([{ status: 429, retryAfter: 600 }, { text: "not asked" }]);
    const { error } = await failure(engine());
    expect(error).toMatchObject({ kind: "rate_limited", status: 429 });
    expect(error.userMessage).toContain("it asks to wait 10 min before the next request");
    expect(suite.fake.requests).toHaveLength(1);
  });

  it("a 401 is not retried and points at OPENAI_API_KEY", async () => {
    suite.fake.script([{ status: 401 }]);
    const { error } = await failure(engine());
    expect(error).toMatchObject({ kind: "auth", status: 401 });
    expect(error.userMessage).toMatch(/rejected the API key \(401\)\. Check OPENAI_API_KEY/);
    expect(suite.fake.requests).toHaveLength(1);
  });

  it("a 404 names the model and the base URL", async () => {
    suite.fake.script([{ status: 404 }]);
    const { error } = await failure(engine({ model: "gpt-nope" }));
    expect(error).toMatchObject({ kind: "model_not_found", status: 404 });
    expect(error.userMessage).toContain(
      `Model 'gpt-nope' was not found (404) at ${suite.fake.url}. Check CANVAS_MODEL`,
    );
  });

  it("a 500 is retried, then reported as a provider error", async () => {
    suite.fake.script([
      { status: 500, retryAfter: 0 },
      { status: 500, retryAfter: 0 },
      { status: 500, retryAfter: 0 },
    ]);
    const { error } = await failure(engine());
    expect(error).toMatchObject({ kind: "server", status: 500 });
    expect(error.userMessage).toMatch(/The provider had an error \(500\) \(tried 3 times\)/);
    expect(suite.fake.requests).toHaveLength(3);
  });

  it("a 400 passes the provider's explanation on", async () => {
    suite.fake.script([
      {
        status: 400,
        body: {
          error: { message: "This model's maximum context length is 8192 tokens.", type: "invalid_request_error" },
        },
      },
    ]);
    const { error } = await failure(engine());
    expect(error).toMatchObject({ kind: "bad_request", status: 400 });
    expect(error.userMessage).toContain("maximum context length is 8192 tokens");
  });

  it("a server that refuses stream_options or parallel_tool_calls is asked again without them", async () => {
    const refuse = (name: string) => ({
      status: 400,
      body: { error: { message: `Unrecognized request argument supplied: ${name}`, type: "invalid_request_error" } },
    });
    suite.fake.script([
      refuse("stream_options"),
      refuse("parallel_tool_calls"),
      { text: "Hello from an older server." },
    ]);
    expect(doneOf(await collect(engine())).text).toBe("Hello from an older server.");
    const bodies = suite.fake.requests.map((entry) => entry.body as Record<string, unknown>);
    expect(bodies.map((body) => ["stream_options" in body, "parallel_tool_calls" in body])).toEqual([
      [true, true],
      [false, true],
      [false, false],
    ]);
    expect(bodies[2]).toHaveProperty("tools");
  });

  it("a stream cut in half after text was shown is a broken stream, not retried", async () => {
    suite.fake.script([{ text: "The first half of a long answer that never ends", chunkSize: 5, cutAfterChunks: 4 }]);
    const { error, events } = await failure(engine());
    expect(error.kind).toBe("stream");
    expect(error.userMessage).toMatch(/The model's response stream broke off/);
    expect(events.some((event) => event.type === "text")).toBe(true);
    expect(events.some((event) => event.type === "done")).toBe(false);
    expect(suite.fake.requests).toHaveLength(1);
  });

  it("a stream cut inside a tool call yields no completed call", async () => {
    suite.fake.script([
      {
        cutAfterChunks: 3,
        toolCall: { name: "rewrite_canvas", arguments: { content: "# Broken\n\nHalf a rewrite", summary: "s" } },
      },
    ]);
    const { error, events } = await failure(engine());
    expect(error.kind).toBe("stream");
    expect(events.some((event) => event.type === "tool_call_start")).toBe(true);
    expect(events.some((event) => event.type === "done")).toBe(false);
  });

  it("a stream that breaks before any output is retried once", async () => {
    suite.fake.script([{ text: "lost", cutAfterChunks: 1 }, { text: "Second time lucky." }]);
    expect(doneOf(await collect(engine())).text).toBe("Second time lucky.");
    expect(suite.fake.requests).toHaveLength(2);
  });

  it("a server that never answers times out with a message naming the wait", async () => {
    suite.fake.script([{ hang: true }]);
    const { error } = await failure(engine({ timeoutMs: 300, maxRetries: 0 }));
    expect(error.kind).toBe("timeout");
    expect(error.userMessage).toMatch(/No response from the model within 0\.3 s/);
  });

  it("a stream that stalls mid-answer times out instead of waiting forever", async () => {
    suite.fake.script([{ text: "Starting to answer and then silence", stallAfterChunks: 3 }]);
    const { error, events } = await failure(engine({ timeoutMs: 300, maxRetries: 0 }));
    expect(error.kind).toBe("timeout");
    expect(error.userMessage).toMatch(/stopped sending for 0\.3 s in the middle of its answer/);
    expect(events.some((event) => event.type === "text")).toBe(true);
  });

  it("a malformed SSE line is a stream error that says the data was not JSON", async () => {
    suite.fake.script([{ malformed: true, text: "Some text" }]);
    const { error } = await failure(engine());
    expect(error.kind).toBe("stream");
    expect(error.userMessage).toMatch(/not valid JSON/);
  });

  it("a malformed stream is not retried even before any output", async () => {
    suite.fake.script([{ malformed: true }, { text: "should not be asked for" }]);
    const { error } = await failure(engine());
    expect(error.kind).toBe("stream");
    expect(suite.fake.requests).toHaveLength(1);
  });

  it("aborting mid-stream ends with a cancelled error", async () => {
    suite.fake.script([{ text: "word ".repeat(200), chunkSize: 5, delayMs: 10 }]);
    const controller = new AbortController();
    const events: string[] = [];
    let caught: unknown = null;
    try {
      for await (const event of engine().stream(request({ signal: controller.signal }))) {
        events.push(event.type);
        if (events.length === 5) controller.abort();
      }
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ kind: "cancelled" });
    expect(events).not.toContain("done");
    expect(events.length).toBeLessThan(20);
  });

  it("aborting while the SDK waits out a long retry-after cancels at once", async () => {
    suite.fake.script([{ status: 429, retryAfter: 20 }, { text: "too late" }]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const { error } = await failure(engine(), request({ signal: controller.signal }));
    expect(error.kind).toBe("cancelled");
    expect(suite.fake.requests).toHaveLength(1);
  });

  it("an unreachable base URL says where it tried to connect", async () => {
    const { error } = await failure(engine({ baseURL: "http://127.0.0.1:9/v1", maxRetries: 0 }));
    expect(error.kind).toBe("server");
    expect(error.userMessage).toContain("Could not reach the model provider at http://127.0.0.1:9/v1");
  });
});
