// Turns whatever stopped a run into a message a person can act on.
import { ProviderError } from "./openai/engine.ts";
import { redactSecrets } from "../redact.ts";

interface Failure {
  kind: string;
  message: string;
}

export function describeFailure(error: unknown): Failure {
  if (error instanceof ProviderError) return { kind: error.kind, message: error.userMessage };
  const detail = redactSecrets(error instanceof Error ? error.message : String(error));
  return {
    kind: "internal",
    message: `Something went wrong while running the model (${detail.slice(0, 200)}). The canvas was not changed; try again.`,
  };
}
