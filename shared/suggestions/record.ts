// Suggestions: what the model (or a person, through a comment's suggestion) proposes to change in a
// canvas, stored beside the canvas text, never in it. One record per edited passage, anchored with Yjs
// relative positions like comments, so it stays on its text while people type around it. The canvas
// text changes only when someone accepts a suggestion (shared/suggestions/review.ts).
import type * as Y from "yjs";
import { z } from "zod";
import { roomMeta } from "../room.ts";
import type { Author } from "../origins.ts";

/** How a run's canvas changes land: written into the canvas at once, or proposed as suggestions. */
export const EDIT_MODES = ["edit", "suggest"] as const;
export type EditMode = (typeof EDIT_MODES)[number];
export const editModeSchema = z.enum(EDIT_MODES);

export const SUGGESTION_STATUSES = ["pending", "accepted", "rejected"] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

/**
 * An anchor: base64 of two encoded Y.RelativePositions around the passage's first and last character
 * of text (start sticks right, end sticks left), and how many characters of markup ("**", "# ") the
 * passage has before the first and after the last of them.
 */
export interface SuggestionAnchor {
  start: string;
  end: string;
  lead: number;
  trail: number;
}

/** Where an accepted suggestion's text is now, so the accept can be undone. */
export interface AppliedSuggestion {
  /** The change (ChangeRecord id) the accept was. */
  changeId: string;
  anchor: SuggestionAnchor;
  /** The canvas text the anchor covered right after the accept (an undo checks it is still there). */
  text: string;
  /** What an undo writes back over `text` (the quote, with any context the anchor needed). */
  restore: string;
  /** Where the quote starts inside `restore` (context before it). */
  quoteAt: number;
}

export interface SuggestionRecord {
  id: string;
  canvasId: string;
  /** The change (ChangeRecord id) that proposed it: a run's tool call, or a comment's suggestion. */
  changeId: string;
  runId: string | null;
  author: Author;
  anchor: SuggestionAnchor;
  /** The canvas text (markdown or source) the suggestion replaces, as it was when proposed. */
  quote: string;
  /** What replaces it (markdown or source). */
  replacement: string;
  /** Both as the editor shows them (text without markup), for inline rendering. */
  display: { quote: string; replacement: string };
  status: SuggestionStatus;
  createdAt: number;
  /** Who accepted or rejected it, and when; null while pending. */
  decidedBy: string | null;
  decidedAt: number | null;
  /** Set while accepted. */
  applied: AppliedSuggestion | null;
  /** The comment it came from ("Apply suggestion"), else null. */
  commentId: string | null;
}

export const SUGGESTIONS_KEY = "suggestions";
const EDIT_MODE_KEY = "editMode";

export function suggestionsMap(doc: Y.Doc): Y.Map<SuggestionRecord> {
  return doc.getMap<SuggestionRecord>(SUGGESTIONS_KEY);
}

/** A canvas's suggestions in reading order of creation (oldest first). */
export function listSuggestions(doc: Y.Doc, canvasId: string): SuggestionRecord[] {
  return [...suggestionsMap(doc).values()]
    .filter((suggestion) => suggestion.canvasId === canvasId)
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/** The room's default mode for chat messages (the owner sets it); "edit" until set. */
export function roomEditMode(doc: Y.Doc): EditMode {
  const value = roomMeta(doc).get(EDIT_MODE_KEY);
  return value === "suggest" ? "suggest" : "edit";
}

/** Set the room's default mode; call inside a transaction with the writer's origin. */
export function setRoomEditMode(doc: Y.Doc, mode: EditMode): void {
  roomMeta(doc).set(EDIT_MODE_KEY, mode);
}
