// The vocabulary of AI change records, shared by the server (server/changes), the HTTP API and the
// client: a change is one application of a tool call (the seam's ChangeRecord) plus where it stands.
import { z } from "zod";
import { TOOL_NAMES, type ToolName } from "./tools.ts";

/**
 * Where a change stands: `applied` (in the canvas), `undone` (reverted by a per-change undo) or
 * `suggested` (a suggest-mode change: its passages wait in the room's suggestions, the text is as it was).
 */
export const CHANGE_STATUSES = ["applied", "undone", "suggested"] as const;
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

/**
 * How many changes of a canvas keep the canvas text before and after them (their diff, and the undo of
 * an edit or rewrite on its own). Older changes keep their record; the newest change drops the texts of
 * the one that falls out, so a canvas's change log costs at most this many pairs of (compressed) texts.
 */
export const KEPT_CHANGE_TEXTS = 50;

/** What the diff of a change whose texts were dropped says instead. */
export const DIFF_DROPPED_MESSAGE = `The diff of this change is no longer available: only the newest ${KEPT_CHANGE_TEXTS} changes of a canvas keep theirs. Versions has the canvas as it was before it.`;

/** Why an edit or rewrite whose texts were dropped cannot be undone on its own. */
export const UNDO_DROPPED_MESSAGE =
  "This change is too old to undo on its own — open Versions and restore the version from before it.";

/**
 * One change with the canvas text before and after it (what a diff shows). `textsKept` is false for an
 * older change whose texts were dropped (see KEPT_CHANGE_TEXTS): `before` and `after` are then empty.
 */
export const changeDetailSchema = changeSummarySchema.extend({
  before: z.string(),
  after: z.string(),
  textsKept: z.boolean(),
});
export type ChangeDetail = z.infer<typeof changeDetailSchema>;
