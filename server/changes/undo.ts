// Undo of one AI change, on its own canvas, from its stored record (so it works after a restart):
// a created canvas goes to the trash (restorable with its text and versions), a change's comments are
// removed, and an edit or rewrite is reverted like `git revert`, by a three-way merge of the text right
// after the change, the canvas now, and the text before the change. Later work that does not touch the
// change stays; when later work overlaps it, nothing is written and the answer names that later change.
import type * as Y from "yjs";
import { canvasesMap, commentsMap, markActivityUndone } from "../../shared/room.ts";
import { canvasText } from "../../shared/markdown/index.ts";
import { merge3, writeText } from "../../shared/engine/index.ts";
import { ApiOrigin } from "../../shared/origins.ts";
import { trashCanvas, trashMap } from "../../shared/trash.ts";
import type { Role } from "../../shared/roles.ts";
import { UNDO_DROPPED_MESSAGE } from "../../shared/changes.ts";
import type { StoredChange } from "../store/store.ts";
import type { ChangeLog } from "./store.ts";

export type UndoOutcome =
  | { ok: true; change: StoredChange }
  | {
      ok: false;
      status: 404 | 409;
      code: "not_found" | "not_applied" | "canvas_gone" | "overlap" | "too_old";
      message: string;
    };

export interface UndoBy {
  role: Role;
  /** The person's name, for the trash entry of an undone create. */
  name: string;
  /** Store a version of the canvas before an undo rewrites its text (the undo is then itself undoable). */
  beforeWrite?: (canvasId: string, text: string) => Promise<void>;
  /** Store the undo's document change before it is recorded (the record never describes an unstored change). */
  stored?: () => Promise<void>;
}

/** Undo change `changeId` of the room whose live doc is `doc`; marks it undone when it was. */
export async function undoChange(log: ChangeLog, roomId: string, doc: Y.Doc, changeId: string, by: UndoBy) {
  const change = await log.get(roomId, changeId);
  if (!change)
    return fail(404, "not_found", "There is no such change in this room. The list of changes may be out of date.");
  if (change.status !== "applied")
    return fail(409, "not_applied", `The change "${change.summary}" is already ${change.status}.`);
  const origin = new ApiOrigin(by.role, "undo_change");
  const canvasId = change.canvasId;
  if (!canvasesMap(doc).has(canvasId)) {
    const where = trashMap(doc).has(canvasId) ? "is in the trash; restore it first" : "no longer exists";
    return fail(409, "canvas_gone", `The canvas of this change ${where}.`);
  }
  const tool = change.tool;
  switch (tool) {
    case "create_canvas":
      trashCanvas(doc, canvasId, { by: by.name, reason: "undone" }, origin);
      break;
    case "comment_canvas": {
      const comments = commentsMap(doc);
      doc.transact(() => {
        for (const [id, comment] of comments) if (comment.changeId === change.id) comments.delete(id);
      }, origin);
      break;
    }
    case "edit_canvas":
    case "rewrite_canvas": {
      if (!change.textsKept) return fail(409, "too_old", UNDO_DROPPED_MESSAGE);
      const revert = () => merge3(change.after, canvasText(doc, canvasId), change.before);
      if (revert().conflicts.length) return fail(409, "overlap", await overlapMessage(log, roomId, change));
      await by.beforeWrite?.(canvasId, canvasText(doc, canvasId));
      // Merged again and written in the same tick: nothing typed meanwhile is written over.
      const merged = canvasesMap(doc).has(canvasId) ? revert() : null;
      if (!merged) return fail(409, "canvas_gone", "The canvas of this change was removed meanwhile.");
      if (merged.conflicts.length) return fail(409, "overlap", await overlapMessage(log, roomId, change));
      writeText(doc, canvasesMap(doc).get(canvasId)!, merged.text, origin);
      break;
    }
    default:
      tool satisfies never;
      throw new Error(`undoChange: unknown tool ${String(tool)}`);
  }
  await by.stored?.();
  await log.setStatus(roomId, change.id, "undone");
  doc.transact(() => markActivityUndone(doc, change.id), origin);
  return { ok: true as const, change: { ...change, status: "undone" as const } };
}

function fail(status: 404 | 409, code: Extract<UndoOutcome, { ok: false }>["code"], message: string): UndoOutcome {
  return { ok: false, status, code, message };
}

/**
 * Which later work is in the way: the first later AI change (oldest first) after which reverting no
 * longer merges cleanly, or people's edits when the revert already clashes before that change.
 */
async function overlapMessage(log: ChangeLog, roomId: string, change: StoredChange): Promise<string> {
  const listed = await log.list(roomId, change.canvasId);
  const index = listed.findIndex((other) => other.id === change.id);
  const later = listed
    .slice(0, index === -1 ? 0 : index)
    .filter((other) => other.status === "applied")
    .reverse();
  const clashes = (text: string) => merge3(change.after, text, change.before).conflicts.length > 0;
  for (const summary of later) {
    const other = await log.get(roomId, summary.id);
    if (!other?.textsKept || !clashes(other.after)) continue;
    if (clashes(other.before)) break;
    return `Cannot undo "${change.summary}": the later change "${other.summary}" by ${other.author.name} (${other.id}) edited the same passage. Undo that change first.`;
  }
  return `Cannot undo "${change.summary}": people have edited the same passage since. Restore a version instead, or edit the text by hand.`;
}
