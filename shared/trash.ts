// The room's trash: canvases taken out of the room without losing anything. Moving a canvas to the
// trash only moves its metadata from `canvases` to `trash`; its Y.XmlFragment (text, comment anchors)
// and its stored versions (keyed by canvas id) stay where they are, so a restore brings back the same
// Yjs items, the same comments and the same history. Two entry points, `trashCanvas` and
// `restoreCanvas`, are what deleting, closing or undoing an AI create call.
import * as Y from "yjs";
import { z } from "zod";
import { CANVAS_KINDS } from "./tools.ts";
import { ROOM_KEYS, canvasesMap, type CanvasMeta } from "./room.ts";

/** Why a canvas is in the trash (a later close / undo-of-create uses the other reasons). */
export const TRASH_REASONS = ["deleted", "closed", "undone"] as const;
export type TrashReason = (typeof TRASH_REASONS)[number];

const canvasMetaSchema = z.object({
  id: z.string().min(1).max(64),
  title: z.string().max(200),
  kind: z.enum(CANVAS_KINDS),
  language: z.string().max(40).nullable(),
  createdAt: z.number(),
  lineEnding: z.literal("crlf").optional(),
});

const trashEntrySchema = z.object({
  canvas: canvasMetaSchema,
  reason: z.enum(TRASH_REASONS),
  /** The person's name (or "Canvas AI") who moved it. */
  by: z.string().max(80),
  trashedAt: z.number(),
});

export type TrashEntry = z.infer<typeof trashEntrySchema>;

export type TrashResult =
  { ok: true; canvas: CanvasMeta } | { ok: false; code: "not_found" | "already_there"; message: string };

export function trashMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOM_KEYS.trash);
}

/** The trash, newest first. Entries any client wrote in a wrong shape are left out, not trusted. */
export function listTrash(doc: Y.Doc): TrashEntry[] {
  const entries: TrashEntry[] = [];
  for (const value of trashMap(doc).values()) {
    const parsed = trashEntrySchema.safeParse(value);
    if (parsed.success) entries.push(parsed.data);
  }
  return entries.sort((a, b) => b.trashedAt - a.trashedAt || a.canvas.id.localeCompare(b.canvas.id));
}

/** Move a canvas to the trash, in one transaction with `origin`. Its text and versions stay. */
export function trashCanvas(
  doc: Y.Doc,
  canvasId: string,
  who: { by: string; reason: TrashReason },
  origin: unknown,
): TrashResult {
  const canvas = canvasesMap(doc).get(canvasId);
  if (!canvas) return { ok: false, code: "not_found", message: `There is no canvas ${canvasId} in this room.` };
  const entry: TrashEntry = { canvas, reason: who.reason, by: who.by.slice(0, 80), trashedAt: Date.now() };
  doc.transact(() => {
    canvasesMap(doc).delete(canvasId);
    trashMap(doc).set(canvasId, entry);
  }, origin);
  return { ok: true, canvas };
}

/** Bring a canvas back from the trash with its text, comments and versions, in one transaction. */
export function restoreCanvas(doc: Y.Doc, canvasId: string, origin: unknown): TrashResult {
  const entry = trashEntrySchema.safeParse(trashMap(doc).get(canvasId));
  if (!entry.success)
    return { ok: false, code: "not_found", message: `There is no canvas ${canvasId} in this room's trash.` };
  if (canvasesMap(doc).has(canvasId))
    return { ok: false, code: "already_there", message: "That canvas is already open in the room." };
  const canvas: CanvasMeta = entry.data.canvas;
  doc.transact(() => {
    trashMap(doc).delete(canvasId);
    canvasesMap(doc).set(canvasId, canvas);
  }, origin);
  return { ok: true, canvas };
}
