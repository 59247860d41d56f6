// Messages between the app and the preview frame (a sandboxed iframe with an opaque origin). Both
// sides check every message with zod: the frame runs whatever code the canvas holds, so the app
// treats what it posts as untrusted text, never as markup or commands.
import { z } from "zod";

export const PREVIEW_KINDS = ["html", "svg", "mermaid", "react"] as const;
export type PreviewKind = (typeof PREVIEW_KINDS)[number];

/** Largest source the app sends to the frame; a bigger canvas is not previewed (it says so). */
export const MAX_PREVIEW_SOURCE = 500_000;

export const toFrame = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("render"),
    renderId: z.number().int().nonnegative(),
    kind: z.enum(PREVIEW_KINDS),
    source: z.string().max(MAX_PREVIEW_SOURCE),
  }),
]);
export type ToFrame = z.infer<typeof toFrame>;

export const fromFrame = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("ready") }),
  z.strictObject({ type: z.literal("rendered"), renderId: z.number().int().nonnegative() }),
  z.strictObject({
    type: z.literal("error"),
    renderId: z.number().int().nonnegative().nullable(),
    message: z.string().max(2_000),
    /** Where it happened, when the runtime knows (line:column of the user's code). */
    where: z.string().max(200).nullable(),
  }),
]);
export type FromFrame = z.infer<typeof fromFrame>;
