// Structured logs (pino). Children carry roomId/runId so a run can be followed across lines.
import { pino, type DestinationStream, type Logger } from "pino";
import { redactSecrets } from "./redact.ts";

/** `level` comes from the validated config (LOG_LEVEL); "info" where none is given. Writes to stdout unless given a stream. */
export function createLogger(level: string = "info", destination?: DestinationStream): Logger {
  // Every line passes the redaction: an error's cause may carry the provider's echo of the key.
  const options = {
    level,
    base: { service: "canvas" },
    timestamp: pino.stdTimeFunctions.isoTime,
    hooks: { streamWrite: redactSecrets },
  };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
