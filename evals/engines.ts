// The engines an eval can run: the offline rules ("local"), any OpenAI-compatible model ("openai"),
// and the adversaries ("adversary:<name>", evals/adversaries) that try to game the graders. An eval
// engine hands out one TurnEngine per case, because an adversary sees the case it attacks.
import type { AnyCase } from "./dataset.ts";
import type { TurnEngine } from "../server/agent/types.ts";

export interface EvalEngine {
  /** Engine name in reports: "local", "openai" or "adversary". */
  readonly name: string;
  readonly model: string;
  /** The same case always gives the same answer, so any flipped case in a comparison is a real change. */
  readonly deterministic: boolean;
  forCase(item: AnyCase): TurnEngine;
}

export function isEvalEngine(engine: TurnEngine | EvalEngine): engine is EvalEngine {
  return "forCase" in engine;
}

/** A plain TurnEngine as an eval engine: the same engine for every case. */
export function evalEngineOf(engine: TurnEngine | EvalEngine): EvalEngine {
  if (isEvalEngine(engine)) return engine;
  return { name: engine.kind, model: engine.model, deterministic: engine.kind === "local", forCase: () => engine };
}
