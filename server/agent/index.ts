// Adds the agent to a server: the run manager and its routes.
import type { AppContext } from "../appContext.ts";
import { RunManager } from "./runs.ts";
import { registerAgentRoutes } from "./routes.ts";
import { registerChangeRoutes } from "../changes/routes.ts";
import type { TurnEngine } from "./types.ts";
import { DEFAULT_CONTEXT_TOKENS } from "../config.ts";

export interface AgentOptions {
  engine: TurnEngine;
  contextTokens?: number;
  runsPerMinute?: number;
}

export function installAgent(app: AppContext, options: AgentOptions): RunManager {
  const runs = new RunManager(
    app.registry,
    app.store,
    options.engine,
    app.log,
    app.metrics,
    options.contextTokens ?? DEFAULT_CONTEXT_TOKENS,
  );
  app.engineInfo = () => runs.engineInfo;
  app.onClose(() => runs.cancelAll());
  registerAgentRoutes(app, runs, options.runsPerMinute);
  registerChangeRoutes(app, runs.changes, { isRunning: (roomId) => runs.isActive(roomId) });
  return runs;
}
