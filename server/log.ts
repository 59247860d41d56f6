// Structured logs (pino). Children carry roomId/runId so a run can be followed across lines.
import { pino, type Logger } from "pino";

/** `level` comes from the validated config (LOG_LEVEL); "info" where none is given. */
export function createLogger(level: string = "info"): Logger {
  return pino({ level, base: { service: "canvas" }, timestamp: pino.stdTimeFunctions.isoTime });
}

export type { Logger };
