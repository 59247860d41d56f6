// A response cache for evals: the same model, messages and tools give the same recorded answer, so
// re-running a suite costs no tokens and grades the same outputs. Off unless a directory is given.
import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import type { OpenAIFunctionTool } from "../../../shared/tools.ts";
import type { ModelEvent, ModelMessage } from "../types.ts";

export type DoneEvent = Extract<ModelEvent, { type: "done" }>;

const doneSchema = z.object({
  type: z.literal("done"),
  text: z.string(),
  toolCalls: z.array(z.object({ id: z.string(), name: z.string(), arguments: z.string() })),
  outputTokens: z.number(),
  inputTokens: z.number().optional(),
  cachedTokens: z.number().optional(),
});

export interface ResponseCache {
  get(key: string): Promise<DoneEvent | null>;
  set(key: string, done: DoneEvent): Promise<void>;
}

export function responseCacheKey(model: string, messages: ModelMessage[], tools: OpenAIFunctionTool[]): string {
  return createHash("sha256").update(JSON.stringify({ model, messages, tools })).digest("hex");
}

export function createResponseCache(dir: string): ResponseCache {
  const fileOf = (key: string) => join(dir, `${key}.json`);
  return {
    async get(key) {
      let text: string;
      try {
        text = await readFile(fileOf(key), "utf8");
      } catch {
        return null;
      }
      // A damaged entry is a miss: the request runs again and overwrites it.
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return null;
      }
      const parsed = doneSchema.safeParse(json);
      return parsed.success ? parsed.data : null;
    },
    async set(key, done) {
      await mkdir(dir, { recursive: true });
      const temporary = join(dir, `.${key}.${randomUUID()}.tmp`);
      await writeFile(temporary, JSON.stringify(done, null, 2));
      await rename(temporary, fileOf(key));
    },
  };
}

/** The events a live stream of this answer would have produced, in order. */
export function replayEvents(done: DoneEvent): ModelEvent[] {
  const events: ModelEvent[] = [];
  if (done.text !== "") events.push({ type: "text", delta: done.text });
  for (const call of done.toolCalls) {
    events.push({ type: "tool_call_start", id: call.id, name: call.name });
    if (call.arguments !== "") events.push({ type: "tool_call_delta", id: call.id, argumentsSoFar: call.arguments });
  }
  events.push(done);
  return events;
}
