// HTTP routes of the change log: list a room's AI changes (newest first), show one with its diff,
// undo one on its own (409 naming the later change in the way), and "Undo AI change" for a canvas
// (its newest applied change). Undo needs no run: it works after a restart, from the stored records.
import { z } from "zod";
import { canvasesMap, newId } from "../../shared/room.ts";
import { canvasText } from "../../shared/markdown/index.ts";
import { DIFF_DROPPED_MESSAGE, type ChangeDetail } from "../../shared/changes.ts";
import type { AppContext } from "../appContext.ts";
import { requireAccess } from "../http/auth.ts";
import { HttpError, notFound } from "../http/errors.ts";
import type { StoredChange } from "../store/store.ts";
import { changeSummary, type ChangeLog } from "./store.ts";
import { undoChange } from "./undo.ts";

const undoBody = z.strictObject({ authorName: z.string().trim().min(1).max(80).optional() });
const undoLatestBody = undoBody.extend({ canvasId: z.string().min(1).max(64) });

export interface ChangeRouteOptions {
  /** True while a run is active in the room: an undo waits for it (the run's own merge would race it). */
  isRunning(roomId: string): boolean;
}

export function registerChangeRoutes(app: AppContext, log: ChangeLog, options: ChangeRouteOptions): void {
  const { router, store, registry } = app;

  router.add("GET", "/api/rooms/:roomId/changes", async (ctx) => {
    const { room } = await requireAccess(store, ctx.params.roomId!, ctx.token, "read");
    const changes = await log.list(room.id, ctx.url.searchParams.get("canvasId"));
    return { status: 200, json: { changes } };
  });

  // Before ":changeId", which would match "last" too.
  router.add("GET", "/api/rooms/:roomId/changes/last", async (ctx) => {
    const { room } = await requireAccess(store, ctx.params.roomId!, ctx.token, "read");
    const [newest] = await log.list(room.id, ctx.url.searchParams.get("canvasId") ?? "");
    const change = newest ? await log.get(room.id, newest.id) : null;
    return { status: 200, json: change ? detail(change) : null };
  });

  router.add("GET", "/api/rooms/:roomId/changes/:changeId", async (ctx) => {
    const { room } = await requireAccess(store, ctx.params.roomId!, ctx.token, "read");
    const change = await log.get(room.id, ctx.params.changeId!);
    if (!change) throw notFound("Change");
    return { status: 200, json: detail(change) };
  });

  const undo = async (
    roomId: string,
    role: Parameters<typeof undoChange>[4]["role"],
    changeId: string,
    name: string,
  ) => {
    if (options.isRunning(roomId))
      throw new HttpError(409, "run_active", "Wait for the model to finish before undoing.");
    return registry.write(roomId, async (live) => {
      const outcome = await undoChange(log, roomId, live.doc, changeId, {
        role,
        name,
        beforeWrite: (canvasId, text) =>
          store.saveVersion({
            id: newId(),
            roomId,
            canvasId,
            reason: "before-undo",
            author: name,
            text,
            runId: null,
            createdAt: Date.now(),
          }),
        stored: () => live.flush(),
      });
      if (!outcome.ok) {
        if (outcome.status === 404) throw notFound("Change");
        throw new HttpError(409, outcome.code, outcome.message);
      }
      const { change } = outcome;
      // An eval signal, not the person's work: the undo stands without it.
      await store
        .saveFeedback({
          id: newId(),
          roomId,
          runId: change.runId,
          kind: "undo",
          value: "undo",
          context: {
            canvasId: change.canvasId,
            change: { before: change.before, after: change.after, summary: change.summary },
          },
          createdAt: Date.now(),
        })
        .catch((error: unknown) => app.log.warn({ err: error, roomId }, "storing an undo's feedback failed"));
      const open = canvasesMap(live.doc).has(change.canvasId);
      return {
        status: 200,
        json: {
          undone: true,
          change: changeSummary(change),
          text: open ? canvasText(live.doc, change.canvasId) : null,
        },
      };
    });
  };

  router.add("POST", "/api/rooms/:roomId/changes/:changeId/undo", async (ctx) => {
    const { room, role } = await requireAccess(store, ctx.params.roomId!, ctx.token, "write");
    const body = await ctx.body(undoBody);
    return undo(room.id, role, ctx.params.changeId!, body.authorName ?? role);
  });

  router.add("POST", "/api/rooms/:roomId/undo", async (ctx) => {
    const { room, role } = await requireAccess(store, ctx.params.roomId!, ctx.token, "write");
    const body = await ctx.body(undoLatestBody);
    const newest = (await log.list(room.id, body.canvasId)).find((change) => change.status === "applied");
    if (!newest) throw new HttpError(409, "nothing_to_undo", "There is no AI change left to undo on this canvas.");
    return undo(room.id, role, newest.id, body.authorName ?? role);
  });
}

/** A change with its texts; one whose texts were dropped says so in `message`. */
function detail(change: StoredChange): ChangeDetail & { message?: string } {
  const { before, after, textsKept } = change;
  return {
    ...changeSummary(change),
    before,
    after,
    textsKept,
    ...(textsKept ? {} : { message: DIFF_DROPPED_MESSAGE }),
  };
}
