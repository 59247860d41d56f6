// Adds the agent to a server: the run manager and its routes.
import type { AppContext } from "../appContext.ts";
import { RunManager } from "./runs.ts";
import { registerAgentRoutes } from "./routes.ts";
import { registerChangeRoutes } from "../changes/routes.ts";
import type { TurnEngine } from "./types.ts";
import { DEFAULT_CONTEXT_TOKENS } from "../config.ts";
import type { TurnLimits } from "./budget.ts";

export interface AgentOptions {
  engine: TurnEngine;
  contextTokens?: number;
  /** Steps and tokens one turn may take (defaults: CANVAS_MAX_STEPS, CANVAS_TURN_TOKENS). */
  limits?: TurnLimits;
  runsPerMinute?: number;
  /** Runs the whole server may start per hour (CANVAS_RUNS_PER_HOUR). */
  runsPerHour?: number;
}

export function installAgent(app: AppContext, options: AgentOptions): RunManager {
  const runs = new RunManager(
    app.registry,
    app.store,
    options.engine,
    app.log,
    app.metrics,
    options.contextTokens ?? DEFAULT_CONTEXT_TOKENS,
    options.limits,
  );
  app.engineInfo = () => runs.engineInfo;
  app.onClose(() => runs.cancelAll());
  registerAgentRoutes(app, runs, options.runsPerMinute, options.runsPerHour);
  registerChangeRoutes(app, runs.changes, { isRunning: (roomId) => runs.isActive(roomId) });
  return runs;
}
