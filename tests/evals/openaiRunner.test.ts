// The eval runner drives the real agent turn and the real openai SDK against the fake OpenAI server:
// scripted model answers go through validation, the edit engine and the graders end to end.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine } from "../../server/agent/engines.ts";
import { DEFAULT_DATA, loadDataset, type CommentCase, type EditCase, type TriggerCase } from "../../evals/dataset.ts";
import { runSuite } from "../../evals/runner.ts";
import { startFakeOpenAI, type FakeOpenAI } from "../fake-openai/server.ts";

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake.close();
});

const engine = () =>
  createEngine({
    engine: "openai",
    apiKey: "test-key",
    baseURL: fake.url,
    model: "fake-model",
    cacheDir: null,
    maxRetries: 0,
    timeoutMs: 5_000,
  });

async function cases<T extends "trigger" | "edit" | "comment">(suite: T, ids: string[]) {
  const loaded = await loadDataset(suite, DEFAULT_DATA[suite]);
  if (!loaded.ok) throw new Error(loaded.message);
  return ids.map((id) => {
    const found = loaded.cases.find((item) => item.id === id);
    if (!found) throw new Error(`no ${suite} case ${id}`);
    return found;
  });
}

describe("eval runner with the openai engine", () => {
  it("grades a scripted canvas and a scripted chat answer on the trigger suite", async () => {
    const items = (await cases("trigger", ["trigger-code-01", "trigger-questions-01"])) as TriggerCase[];
    fake.script([
      {
        toolCall: {
          name: "create_canvas",
          arguments: {
            title: "rename_by_date.py",
            kind: "code",
            language: "python",
            content: "import os\n\nfor name in os.listdir('.'):\n    print(name)",
          },
        },
      },
      { text: "A memo is short and internal; a report is longer and structured." },
    ]);
    const report = await runSuite({
      suite: "trigger",
      cases: items,
      engine: engine(),
      dataset: "test",
      split: "test",
      concurrency: 1,
    });
    expect(report.metrics).toMatchObject({ accuracy: 1, triggerRate: 1, noTriggerRate: 1, schemaValidRate: 1 });
    expect(report.model).toBe("fake-model");
  });

  it("applies a targeted edit after one refused attempt, and grades a rewrite as the wrong mode", async () => {
    const items = (await cases("edit", ["edit-memo-3", "edit-memo-9"])) as EditCase[];
    fake.script([
      {
        toolCall: {
          name: "edit_canvas",
          arguments: {
            edits: [{ find: "on Tuesdayz", replace: "on Wednesdays", all: false }],
            summary: "Moved the day.",
          },
        },
      },
      {
        toolCall: {
          name: "edit_canvas",
          arguments: {
            edits: [{ find: "on Tuesdays", replace: "on Wednesdays", all: false }],
            summary: "Moved the day.",
          },
        },
      },
      {
        toolCall: {
          name: "rewrite_canvas",
          arguments: {
            content: items[1]!.canvas.content.replace("contact HR", "contact People Operations"),
            summary: "Renamed HR.",
          },
        },
      },
    ]);
    const report = await runSuite({
      suite: "edit",
      cases: items,
      engine: engine(),
      dataset: "test",
      split: "test",
      concurrency: 1,
    });
    const [first, second] = report.cases;
    expect(first!.runs[0]!.verdict).toMatchObject({
      mode: "targeted",
      applied: true,
      retries: 1,
      checksPass: true,
      pass: true,
    });
    expect(second!.runs[0]!.verdict).toMatchObject({
      mode: "rewrite",
      modeCorrect: false,
      checksPass: true,
      pass: false,
    });
    expect(report.metrics.modeAccuracy).toBe(0.5);
    expect(report.metrics.applyRate).toBe(1);
  });

  it("grades comments anchored on the planted quotes", async () => {
    const [item] = (await cases("comment", ["comment-garden-a"])) as CommentCase[];
    fake.script([
      {
        toolCall: {
          name: "comment_canvas",
          arguments: {
            comments: item!.issues.map((issue) => ({
              quote: issue.quote,
              comment: `This looks wrong: ${issue.keywords?.[0] ?? ""}?`,
              severity: issue.severity,
              suggestion: null,
            })),
          },
        },
      },
    ]);
    const report = await runSuite({
      suite: "comment",
      cases: [item!],
      engine: engine(),
      dataset: "test",
      split: "test",
      concurrency: 1,
    });
    expect(report.metrics).toMatchObject({ recall: 1, precision: 1, anchorResolveRate: 1 });
  });

  it("records the prompt and completion tokens the stream reports, and prices them when the model is known", async () => {
    const [item] = (await cases("trigger", ["trigger-questions-01"])) as TriggerCase[];
    fake.reset();
    fake.script([{ text: "A memo is short.", usage: { prompt_tokens: 1_234, completion_tokens: 56 } }]);
    const priced = createEngine({
      engine: "openai",
      apiKey: "k",
      baseURL: fake.url,
      model: "gpt-4.1",
      cacheDir: null,
      maxRetries: 0,
      timeoutMs: 5_000,
    });
    const report = await runSuite({
      suite: "trigger",
      cases: [item!],
      engine: priced,
      dataset: "test",
      split: "test",
      concurrency: 1,
    });
    expect(fake.requests[0]!.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    const usage = report.cases[0]!.runs[0]!.output.usage;
    expect(usage).toMatchObject({ inputTokens: 1_234, outputTokens: 56, calls: 1 });
    expect(usage.costUsd).toBeCloseTo((1_234 * 2 + 56 * 8) / 1_000_000, 10);
    expect(report.metrics).toMatchObject({ inputTokensPerCase: 1_234, outputTokensPerCase: 56 });
    expect(report.metrics.costUsdTotal).toBeCloseTo(usage.costUsd!, 10);
  });

  it("adds up every request of a turn with retries, and leaves the price unknown for an unknown model", async () => {
    const [item] = (await cases("edit", ["edit-memo-3"])) as EditCase[];
    fake.reset();
    const edit = (find: string) => ({
      toolCall: {
        name: "edit_canvas",
        arguments: { edits: [{ find, replace: "on Wednesdays", all: false }], summary: "Moved." },
      },
    });
    fake.script([
      { ...edit("on Tuesdayz"), usage: { prompt_tokens: 1_000, completion_tokens: 20 } },
      { ...edit("on Tuesdays"), usage: { prompt_tokens: 1_100, completion_tokens: 20 } },
    ]);
    const report = await runSuite({
      suite: "edit",
      cases: [item!],
      engine: engine(),
      dataset: "test",
      split: "test",
      concurrency: 1,
    });
    expect(report.cases[0]!.runs[0]!.output.usage).toMatchObject({
      inputTokens: 2_100,
      outputTokens: 40,
      calls: 2,
      costUsd: null,
    });
    expect(report.metrics.costUsdTotal).toBeNull();
  });

  it("estimates input tokens as characters / 4 when the server sends no usage", async () => {
    const [item] = (await cases("trigger", ["trigger-questions-01"])) as TriggerCase[];
    fake.reset();
    fake.script([{ text: "Short answer.", omitUsage: true }]);
    const report = await runSuite({
      suite: "trigger",
      cases: [item!],
      engine: engine(),
      dataset: "test",
      split: "test",
      concurrency: 1,
    });
    const body = fake.requests[0]!.body as { messages: { content: string }[] };
    const chars = body.messages.reduce((sum, message) => sum + message.content.length, 0);
    const usage = report.cases[0]!.runs[0]!.output.usage;
    expect(usage.inputTokens).toBeGreaterThanOrEqual(Math.ceil(chars / 4));
    expect(usage.inputTokens).toBeLessThan(Math.ceil(chars / 4) + 3_000);
  });
});
