// The MCP tool catalogue: the built-in agent's tools (the same zod schemas) plus the canvas they work
// on and, for edits and rewrites, the mode of the change (as a chat message's `mode`), and
// list_suggestions; which tools a link's role gets, and which mode a change of that role runs in.
import { z } from "zod";
import { can, type Role } from "../../shared/roles.ts";
import {
  exhaustiveTool,
  MAX_READ_LINES,
  toolArgSchemas,
  type AgentToolName,
  type ToolName,
} from "../../shared/tools.ts";
import { editModeSchema, type EditMode } from "../../shared/suggestions/record.ts";
import type { SuggestionState } from "../../shared/suggestions/review.ts";

/** Every tool an MCP client may be offered. */
export type McpToolName = AgentToolName | "list_canvases" | "list_suggestions";

const canvasId = z.string().min(1).max(64).describe("The canvas to work on: an id from list_canvases.");

// Absent, the room's default applies, so an agent that knows nothing of suggestion mode still follows
// the owner's choice that changes be reviewed.
const mode = editModeSchema
  .optional()
  .describe(
    '"edit" writes the change into the canvas; "suggest" leaves the canvas text as it is and proposes each changed ' +
      "passage as a suggestion that people accept or reject. Omit it for the room's default mode (the result says " +
      'which applied). A commenter link can only "suggest".',
  );

// The built-in tools' arguments without `more_steps`, which steers the built-in model's turn: an MCP
// client runs its own loop.
const NO_TURN = { more_steps: true } as const;

/** The arguments of each write tool over MCP. */
export const writeToolSchemas = {
  create_canvas: toolArgSchemas.create_canvas.omit(NO_TURN),
  edit_canvas: toolArgSchemas.edit_canvas.omit(NO_TURN).extend({ canvas_id: canvasId, mode }),
  rewrite_canvas: toolArgSchemas.rewrite_canvas.omit(NO_TURN).extend({ canvas_id: canvasId, mode }),
  comment_canvas: toolArgSchemas.comment_canvas.omit(NO_TURN).extend({ canvas_id: canvasId }),
} as const satisfies Record<ToolName, z.ZodObject>;

/** A suggestion's state as GET /api/rooms/:roomId/suggestions reports it. */
const SUGGESTION_STATES = {
  pending: "pending",
  outdated: "outdated",
  accepted: "accepted",
  rejected: "rejected",
} as const satisfies Record<SuggestionState, SuggestionState>;

export const listSuggestionsSchema = z.strictObject({
  canvas_id: canvasId,
  status: z.enum(SUGGESTION_STATES).optional().describe("Only the suggestions in this state; omit for all of them."),
});

/** Extend a read tool's schema with the canvas it reads. */
export function withCanvas<T extends z.ZodObject>(schema: T) {
  return schema.extend({ canvas_id: canvasId });
}

/** Whether a link's role gets a write tool: commenters comment and propose (edits and rewrites as suggestions). */
export function offersTool(role: Role, name: ToolName): boolean {
  switch (name) {
    case "create_canvas":
      return can(role, "write");
    // Proposing a change is commenting on the text, as POST /suggestions allows it (#14).
    case "edit_canvas":
    case "rewrite_canvas":
    case "comment_canvas":
      return can(role, "comment");
    default:
      return exhaustiveTool(name);
  }
}

/**
 * The mode an edit or a rewrite runs in: the one asked for, else the room's default; a link that may
 * not write only suggests. A refusal is a message the client can act on.
 */
export function changeMode(
  role: Role,
  requested: EditMode | undefined,
  roomDefault: EditMode,
): { ok: true; mode: EditMode } | { ok: false; error: string } {
  if (!can(role, "write")) {
    if (requested === "edit")
      return {
        ok: false,
        error:
          'This is a commenter link: it can propose changes as suggestions (mode "suggest"), not write them into the ' +
          'canvas. Call again with mode "suggest" (or without mode); a person with an editor link decides.',
      };
    return { ok: true, mode: "suggest" };
  }
  return { ok: true, mode: requested ?? roomDefault };
}

const DECIDED_BY_PEOPLE = "You cannot accept or reject suggestions: people in the room decide.";

/** What a tool does, as told to a client with a link of this role. */
export function describeTool(name: McpToolName, role: Role): string {
  const writes = can(role, "write");
  const suggestion = writes
    ? ` With mode "suggest" (or when the room's default is suggest mode) the canvas text stays as it is and each changed passage becomes a suggestion people accept or reject. ${DECIDED_BY_PEOPLE}`
    : ` With this commenter link the change is proposed as suggestions: the canvas text stays as it is until a person with an editor link accepts them. ${DECIDED_BY_PEOPLE}`;
  switch (name) {
    case "list_canvases":
      return "List the canvases (documents and code files) of this Canvas room, with their ids, kinds and sizes.";
    case "read_canvas":
      return (
        "Read a canvas as numbered lines: lines from_line..to_line (to_line null: as many as allowed), or the section under a heading (from_line and to_line null). " +
        `At most ${MAX_READ_LINES} lines per call. Read before you edit what you have not seen.`
      );
    case "search_canvas":
      return "Find passages of a canvas containing words (plain text, case-insensitive, not a regex), with their line numbers.";
    case "create_canvas":
      return "Create a new canvas in the room: a markdown document or a single source file. People see it at once.";
    case "edit_canvas":
      return (
        "Targeted edits to a canvas: each edit replaces an exact passage (quote enough to be unique), applied together " +
        "or not at all. People may be typing in it: prefer small edits over rewrites." +
        suggestion
      );
    case "rewrite_canvas":
      return (
        "Replace the whole content of a canvas (translate, restructure). Prefer edit_canvas for local changes." +
        suggestion
      );
    case "comment_canvas":
      return "Leave review comments anchored to exact quotes (one sentence or less each) in a canvas.";
    case "list_suggestions":
      return (
        "List the suggestions on a canvas, oldest first: {id, changeId, status, quote, replacement, author}. status is " +
        "pending (waiting for a person), outdated (someone changed the passage since, so it can no longer be accepted), " +
        `accepted or rejected. ${DECIDED_BY_PEOPLE}`
      );
    default:
      return exhaustiveTool(name);
  }
}

/** What the server tells a client about its link when the session starts. */
export function instructionsFor(role: Role): string {
  const start = `You are connected to one Canvas room with a ${role} link`;
  if (can(role, "write"))
    return (
      `${start}: you may read, edit, rewrite, comment on and create canvases, and propose changes as suggestions ` +
      '(mode "suggest" of edit_canvas and rewrite_canvas). People see your changes live and can undo each one; ' +
      "suggestions wait for a person to accept or reject them."
    );
  if (can(role, "comment"))
    return (
      `${start}: you may read canvases, comment on them and propose changes as suggestions (edit_canvas, ` +
      "rewrite_canvas), not write them into the canvas. People accept or reject your suggestions."
    );
  return `${start}: you may read canvases and list their suggestions, not change, comment on or suggest.`;
}
