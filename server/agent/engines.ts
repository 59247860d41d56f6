// Picks the engine that answers chat messages: an OpenAI-compatible model or the offline rules.
import { createOpenAIEngine } from "./openai/engine.ts";
import { createLocalEngine } from "./localEngine.ts";
import type { TurnEngine } from "./types.ts";
import type { EngineKind } from "../../shared/engineInfo.ts";
import {
  DEFAULT_CANVAS_MODEL,
  DEFAULT_MAX_RETRIES,
  DEFAULT_REQUEST_TIMEOUT_MS,
  PLACEHOLDER_API_KEY,
} from "../config.ts";

export interface EngineConfig {
  engine: EngineKind;
  model?: string;
  baseURL?: string;
  apiKey?: string;
  cacheDir?: string | null;
  timeoutMs?: number;
  maxRetries?: number;
  predictedOutputs?: boolean;
}

export function createEngine(config: EngineConfig): TurnEngine {
  if (config.engine === "local") return createLocalEngine();
  return createOpenAIEngine({
    apiKey: config.apiKey ?? PLACEHOLDER_API_KEY,
    baseURL: config.baseURL,
    model: config.model ?? DEFAULT_CANVAS_MODEL,
    timeoutMs: config.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    maxRetries: config.maxRetries ?? DEFAULT_MAX_RETRIES,
    predictedOutputs: config.predictedOutputs ?? false,
    cacheDir: config.cacheDir ?? null,
  });
}
