import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createOpenAIEngine, type OpenAIEngineOptions } from "../../server/agent/openai/engine.ts";
import { startFakeOpenAI, type FakeOpenAI } from "../fake-openai/server.ts";
import { collect, doneOf, request } from "./helpers.ts";

let fake: FakeOpenAI;
let cacheDir: string;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(async () => {
  fake.reset();
  cacheDir = await mkdtemp(join(tmpdir(), "canvas-cache-"));
});
afterEach(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

const engine = (options: Partial<OpenAIEngineOptions> = {}) =>
  createOpenAIEngine({
    apiKey: "test-key",
    baseURL: fake.url,
    model: "fake-model",
    timeoutMs: 5_000,
    maxRetries: 0,
    ...options,
  });

describe("the eval response cache", () => {
  it("a cache hit replays the answer as events without a request", async () => {
    const args = { edits: [{ find: "old", replace: "new", all: false }], summary: "Changed a word" };
    fake.script([{ text: "Done.", toolCall: { name: "edit_canvas", arguments: args, id: "call_1" } }]);
    const first = await collect(engine({ cacheDir }));
    const second = await collect(engine({ cacheDir }));
    expect(fake.requests).toHaveLength(1);
    expect(doneOf(second)).toEqual(doneOf(first));
    expect(second.map((event) => event.type)).toEqual(["text", "tool_call_start", "tool_call_delta", "done"]);
    expect(second[2]).toEqual({ type: "tool_call_delta", id: "call_1", argumentsSoFar: JSON.stringify(args) });
  });

  it("a different conversation, model or tool list misses the cache", async () => {
    fake.script([{ text: "one" }, { text: "two" }, { text: "three" }, { text: "four" }]);
    await collect(engine({ cacheDir }));
    const other = request({ messages: [{ role: "user", content: "Something else" }] });
    expect(doneOf(await collect(engine({ cacheDir }), other)).text).toBe("two");
    expect(doneOf(await collect(engine({ cacheDir, model: "other-model" }))).text).toBe("three");
    expect(doneOf(await collect(engine({ cacheDir }), request({ tools: [] }))).text).toBe("four");
    expect(fake.requests).toHaveLength(4);
  });

  it("failed answers are not cached, and a damaged entry is a miss", async () => {
    fake.script([{ status: 401 }, { text: "fresh" }]);
    await expect(collect(engine({ cacheDir }))).rejects.toMatchObject({ kind: "auth" });
    expect(await readdir(cacheDir)).toEqual([]);
    expect(doneOf(await collect(engine({ cacheDir }))).text).toBe("fresh");
    const [file] = await readdir(cacheDir);
    await writeFile(join(cacheDir, file!), "{ not json");
    fake.script([{ text: "again" }]);
    expect(doneOf(await collect(engine({ cacheDir }))).text).toBe("again");
  });

  it("without a cache directory every call asks the provider", async () => {
    fake.script([{ text: "a" }, { text: "b" }]);
    await collect(engine());
    await collect(engine());
    expect(fake.requests).toHaveLength(2);
  });
});

describe("predicted outputs", () => {
  const currentText = "# Lighthouses\n\nLighthouses guide ships.\n";
  const messages = [
    { role: "system" as const, content: "Rewrite the canvas as asked. Answer with the whole new text only." },
    { role: "user" as const, content: `Make it about harbours.\n\n${currentText}` },
  ];

  it("a rewrite is a second call without tools that sends the current text as the prediction", async () => {
    fake.script([{ text: "# Harbours\n\nHarbours shelter ships.\n", chunkSize: 6 }]);
    const predicted = engine({ predictedOutputs: true });
    if (!predicted.predictedRewrite) throw new Error("predictedRewrite missing with predictedOutputs on");
    const pieces: string[] = [];
    for await (const piece of predicted.predictedRewrite({
      messages,
      currentText,
      signal: new AbortController().signal,
    }))
      pieces.push(piece);
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.join("")).toBe("# Harbours\n\nHarbours shelter ships.\n");
    const body = fake.requests[0]!.body as Record<string, unknown>;
    expect(body).toMatchObject({
      model: "fake-model",
      stream: true,
      messages,
      prediction: { type: "content", content: currentText },
    });
    expect(body).not.toHaveProperty("tools");
    expect(body).not.toHaveProperty("parallel_tool_calls");
  });

  it("is only offered when enabled", () => {
    expect(engine().predictedRewrite).toBeUndefined();
    expect(engine({ predictedOutputs: true }).predictedRewrite).toBeTypeOf("function");
  });

  it("a provider failure during a predicted rewrite is a ProviderError", async () => {
    fake.script([{ text: "# Harb", cutAfterChunks: 2 }]);
    const predicted = engine({ predictedOutputs: true });
    const run = async () => {
      for await (const _piece of predicted.predictedRewrite!({
        messages,
        currentText,
        signal: new AbortController().signal,
      })) {
        // drain
      }
    };
    await expect(run()).rejects.toMatchObject({ kind: "stream" });
  });
});
