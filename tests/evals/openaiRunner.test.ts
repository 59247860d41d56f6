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
    const items = (await cases("edit", ["edit-memo-3", "edit-memo-7"])) as EditCase[];
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
              comment: "This looks wrong.",
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
});
