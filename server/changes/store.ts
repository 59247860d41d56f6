// The change log: every AI change (one application of a tool call, the seam's ChangeRecord) stored with
// its room, with where it stands and the canvas text before and after it, so any change can be listed,
// shown and undone on its own, also after a restart. A small API over the Store on purpose: suggestion
// mode records its proposals through the same four calls.
import type { EngineSuccess } from "../../shared/engine/index.ts";
import type { ChangeStatus, ChangeSummary } from "../../shared/changes.ts";
import type { Store, StoredChange } from "../store/store.ts";

/** How many changes a list returns at most (newest first). */
export const MAX_LISTED_CHANGES = 200;

export class ChangeLog {
  constructor(private readonly store: Store) {}

  /** Store what a tool call changed, as `status` (applied unless said otherwise). */
  async record(roomId: string, result: EngineSuccess, status: ChangeStatus = "applied"): Promise<StoredChange> {
    const { change, texts } = result;
    const stored: StoredChange = {
      id: change.id,
      roomId,
      runId: change.runId,
      canvasId: change.canvasId,
      tool: change.tool,
      summary: summaryFor(result),
      author: change.author,
      origin: change.origin,
      createdAt: change.createdAt,
      status,
      before: texts.before,
      after: texts.after,
    };
    await this.store.saveChange(stored);
    return stored;
  }

  /** The room's changes, newest first; one canvas's when `canvasId` is given. */
  list(roomId: string, canvasId: string | null = null): Promise<ChangeSummary[]> {
    return this.store.listChanges(roomId, canvasId, MAX_LISTED_CHANGES);
  }

  get(roomId: string, changeId: string): Promise<StoredChange | null> {
    return this.store.getChange(roomId, changeId);
  }

  /** False when the room has no such change. */
  setStatus(roomId: string, changeId: string, status: ChangeStatus): Promise<boolean> {
    return this.store.setChangeStatus(roomId, changeId, status);
  }
}

/** The change in people's words: the model's own summary of an edit or rewrite, else the engine's. */
function summaryFor(result: EngineSuccess): string {
  const { call, change } = result;
  if (call.name === "edit_canvas" || call.name === "rewrite_canvas")
    return call.arguments.summary.trim() || change.summary;
  return change.summary;
}

/** A stored change as the API lists it (without its texts). */
export function changeSummary(change: StoredChange): ChangeSummary {
  const { id, runId, canvasId, tool, summary, author, createdAt, status } = change;
  return { id, runId, canvasId, tool, summary, author, createdAt, status };
}
