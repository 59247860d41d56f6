// Shared pieces for provider tests: a request for the engine and a way to collect its events.
import { afterAll, beforeAll, beforeEach } from "vitest";
import { openAITools } from "../../shared/tools.ts";
import { startFakeOpenAI, type FakeOpenAI } from "../fake-openai/server.ts";
import { ProviderError } from "../../server/agent/openai/engine.ts";
import type { ModelEvent, ModelRequest, TurnEngine } from "../../server/agent/types.ts";

export function request(overrides: Partial<ModelRequest> = {}): ModelRequest {
  return {
    messages: [
      { role: "system", content: "You are Canvas." },
      { role: "user", content: "Write a short essay about lighthouses." },
    ],
    tools: openAITools(),
    input: {
      userText: "Write a short essay about lighthouses.",
      history: [],
      canvas: null,
      selection: null,
      action: null,
    },
    signal: new AbortController().signal,
    attempt: 0,
    step: 0,
    ...overrides,
  };
}

export async function collect(engine: TurnEngine, req: ModelRequest = request()): Promise<ModelEvent[]> {
  const events: ModelEvent[] = [];
  for await (const event of engine.stream(req)) events.push(event);
  return events;
}

/** Runs the stream to its end and returns the ProviderError it failed with, plus the events before it. */
export async function failure(
  engine: TurnEngine,
  req: ModelRequest = request(),
): Promise<{ error: ProviderError; events: ModelEvent[] }> {
  const events: ModelEvent[] = [];
  try {
    for await (const event of engine.stream(req)) events.push(event);
  } catch (error) {
    if (error instanceof ProviderError) return { error, events };
    throw error;
  }
  throw new Error(`expected the stream to fail, but it finished with ${JSON.stringify(events.at(-1))}`);
}

export function doneOf(events: ModelEvent[]): Extract<ModelEvent, { type: "done" }> {
  const last = events.at(-1);
  if (last?.type !== "done") throw new Error(`the stream did not end with done: ${JSON.stringify(last)}`);
  return last;
}

/** The fake OpenAI server for a test file: started once, its script and request log reset before each test. */
export function useFakeOpenAI(): { readonly fake: FakeOpenAI } {
  const holder = {} as { fake: FakeOpenAI };
  beforeAll(async () => {
    holder.fake = await startFakeOpenAI();
  });
  afterAll(async () => {
    await holder.fake.close();
  });
  beforeEach(() => {
    holder.fake.reset();
  });
  return holder;
}
