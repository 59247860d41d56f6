// The vocabulary of AI change records, shared by the server (server/changes), the HTTP API and the
// client: a change is one application of a tool call (the seam's ChangeRecord) plus where it stands.
import { z } from "zod";
import { TOOL_NAMES, type ToolName } from "./tools.ts";

/**
 * Where a change stands: `applied` (in the canvas) or `undone` (reverted by a per-change undo).
 * Suggestion mode adds its own states here, so every reader shares one list.
 */
export const CHANGE_STATUSES = ["applied", "undone"] as const;
export type ChangeStatus = (typeof CHANGE_STATUSES)[number];

/** A change as the API lists it (newest first), without the canvas texts. */
export const changeSummarySchema = z.object({
  id: z.string(),
  runId: z.string().nullable(),
  canvasId: z.string(),
  tool: z.enum(TOOL_NAMES as [ToolName, ...ToolName[]]),
  summary: z.string(),
  author: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.number(),
  status: z.enum(CHANGE_STATUSES),
});
export type ChangeSummary = z.infer<typeof changeSummarySchema>;

/** One change with the canvas text before and after it (what a diff shows). */
export const changeDetailSchema = changeSummarySchema.extend({ before: z.string(), after: z.string() });
export type ChangeDetail = z.infer<typeof changeDetailSchema>;
