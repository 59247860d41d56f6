// The scripted responses the fake OpenAI server plays, one per chat completion request.
// Validated with zod so a script posted from another process fails loudly on a typo.
import { z } from "zod";

const usageSchema = z.strictObject({
  prompt_tokens: z.number().int().min(0),
  completion_tokens: z.number().int().min(0),
  /** What a provider with a prompt cache reports it served from the cache. */
  prompt_tokens_details: z.strictObject({ cached_tokens: z.number().int().min(0) }).optional(),
  completion_tokens_details: z
    .strictObject({
      accepted_prediction_tokens: z.number().int().min(0),
      rejected_prediction_tokens: z.number().int().min(0),
    })
    .optional(),
});

/** A streamed answer: chat text, a tool call (arguments streamed in small pieces), or both. */
const streamStepSchema = z.strictObject({
  text: z.string().optional(),
  toolCall: z
    .strictObject({
      name: z.string().min(1),
      /** An object is serialised with JSON.stringify; a string is sent as is (it may be invalid JSON). */
      arguments: z.union([z.record(z.string(), z.unknown()), z.string()]),
      id: z.string().optional(),
    })
    .optional(),
  /** Characters (code points) per streamed piece; default 5. */
  chunkSize: z.number().int().min(1).optional(),
  /** Pause between SSE chunks, so tests can cancel mid-stream. */
  delayMs: z.number().int().min(0).optional(),
  /** Destroy the socket after this many SSE chunks (a stream that breaks off). */
  cutAfterChunks: z.number().int().min(0).optional(),
  /** Stop sending (but keep the socket open) after this many chunks: a stream that stalls. */
  stallAfterChunks: z.number().int().min(0).optional(),
  /** Override the reported usage (else estimated as characters / 4). */
  usage: usageSchema.optional(),
  /** Send no usage chunk even when asked, like servers that ignore stream_options. */
  omitUsage: z.boolean().optional(),
});

const errorStepSchema = z.strictObject({
  status: z.number().int().min(400).max(599),
  /** Seconds, sent as the retry-after header. */
  retryAfter: z.number().min(0).optional(),
  /** Response body; default an OpenAI-shaped error for the status. */
  body: z.unknown().optional(),
});

const hangStepSchema = z.strictObject({ hang: z.literal(true) });

/** An SSE data line that is not JSON, after an optional stretch of valid text. */
const malformedStepSchema = z.strictObject({ malformed: z.literal(true), text: z.string().optional() });

const fakeStepSchema = z.union([errorStepSchema, hangStepSchema, malformedStepSchema, streamStepSchema]);
export const fakeScriptSchema = z.array(fakeStepSchema);

export type FakeStep = z.infer<typeof fakeStepSchema>;
export type FakeStreamStep = z.infer<typeof streamStepSchema>;
export type FakeErrorStep = z.infer<typeof errorStepSchema>;
