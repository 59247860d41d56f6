// Picks the engine that answers chat messages: an OpenAI-compatible model or the offline rules.
import { createOpenAIEngine } from "./openai/engine.ts";
import { createLocalEngine } from "./localEngine.ts";
import type { TurnEngine } from "./types.ts";

export interface EngineConfig {
  engine: "local" | "openai";
  model?: string;
  baseURL?: string;
  apiKey?: string;
  cacheDir?: string | null;
  timeoutMs?: number;
  maxRetries?: number;
  predictedOutputs?: boolean;
}

export const DEFAULT_MODEL = "gpt-4.1";

export function createEngine(config: EngineConfig): TurnEngine {
  if (config.engine === "local") return createLocalEngine();
  return createOpenAIEngine({
    apiKey: config.apiKey ?? "not-needed",
    baseURL: config.baseURL,
    model: config.model ?? DEFAULT_MODEL,
    timeoutMs: config.timeoutMs ?? 60_000,
    maxRetries: config.maxRetries ?? 2,
    predictedOutputs: config.predictedOutputs ?? false,
    cacheDir: config.cacheDir ?? null,
  });
}
