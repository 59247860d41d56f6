// Structured logs (pino). Children carry roomId/runId so a run can be followed across lines.
import { pino, type Logger } from "pino";

export function createLogger(level: string = process.env.LOG_LEVEL ?? "info"): Logger {
  return pino({ level, base: { service: "canvas" }, timestamp: pino.stdTimeFunctions.isoTime });
}

export type { Logger };
