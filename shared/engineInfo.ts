// Which engine answers chat messages, as the server reports it and the client shows it: a model
// behind an OpenAI-compatible API, or the offline rules.
import { z } from "zod";

export const ENGINE_KINDS = ["openai", "local"] as const;
export type EngineKind = (typeof ENGINE_KINDS)[number];

export const engineInfoSchema = z.object({ kind: z.enum(ENGINE_KINDS), model: z.string() });
export type EngineInfo = z.infer<typeof engineInfoSchema>;
