// The library side of the API: rename a room or a canvas, delete a room (owner), and the room's trash:
// DELETE a canvas moves it to the trash with its Yjs text and versions, GET lists the trash, POST …/restore
// brings a canvas back. Every change is a transaction with an ApiOrigin, so everyone sees it live.
import { z } from "zod";
import type { AppContext } from "../appContext.ts";
import type * as Y from "yjs";
import { canvasFragment, canvasesMap, roomMeta, type CanvasMeta } from "../../shared/room.ts";
import { listTrash, restoreCanvas, trashCanvas } from "../../shared/trash.ts";
import { readCanvasView } from "../../shared/markdown/index.ts";
import { CLOSE } from "../../shared/closeCodes.ts";
import { requireAccess } from "../http/auth.ts";
import { HttpError, notFound } from "../http/errors.ts";
import { ApiOrigin } from "../../shared/origins.ts";

const renameBody = z.strictObject({ title: z.string().trim().min(1).max(200) });
const byBody = z.strictObject({ authorName: z.string().trim().min(1).max(80).optional() });

const PREVIEW_CHARS = 160;

export function registerLibraryRoutes(app: AppContext): void {
  const { router, store, registry } = app;

  router.add("PATCH", "/api/rooms/:roomId", async (ctx) => {
    const { room, role } = await requireAccess(store, ctx.params.roomId!, ctx.token, "write");
    const body = await ctx.body(renameBody);
    return registry.write(room.id, async (live) => {
      live.doc.transact(() => roomMeta(live.doc).set("title", body.title), new ApiOrigin(role, "rename_room"));
      return { status: 200, json: { roomId: room.id, title: body.title } };
    });
  });

  router.add("DELETE", "/api/rooms/:roomId", async (ctx) => {
    const { room } = await requireAccess(store, ctx.params.roomId!, ctx.token, "delete_room");
    // Holding the agent's room lock means no run is writing while the room goes away.
    const lease = await registry.locks.acquire(room.id);
    if (!lease)
      throw new HttpError(409, "run_active", "Canvas AI is working in this room. Stop it, then delete the room.");
    try {
      await registry.discard(
        room.id,
        () => store.deleteRoom(room.id),
        CLOSE.notFound,
        "This room was deleted by its owner.",
      );
    } finally {
      await lease.release();
    }
    ctx.log.info({ roomId: room.id }, "room deleted");
    return { status: 200, json: { roomId: room.id, deleted: true } };
  });

  router.add("PATCH", "/api/rooms/:roomId/canvases/:canvasId", async (ctx) => {
    const { room, role } = await requireAccess(store, ctx.params.roomId!, ctx.token, "write");
    const body = await ctx.body(renameBody);
    return registry.write(room.id, async (live) => {
      const canvases = canvasesMap(live.doc);
      const meta = canvases.get(ctx.params.canvasId!);
      if (!meta) throw notFound("Canvas");
      live.doc.transact(
        () => canvases.set(meta.id, { ...meta, title: body.title }),
        new ApiOrigin(role, "rename_canvas"),
      );
      return { status: 200, json: { canvasId: meta.id, title: body.title } };
    });
  });

  router.add("DELETE", "/api/rooms/:roomId/canvases/:canvasId", async (ctx) => {
    const { room, role } = await requireAccess(store, ctx.params.roomId!, ctx.token, "write");
    const body = await ctx.body(byBody);
    return registry.write(room.id, async (live) => {
      const result = trashCanvas(
        live.doc,
        ctx.params.canvasId!,
        { by: body.authorName ?? role, reason: "deleted" },
        new ApiOrigin(role, "trash_canvas"),
      );
      if (!result.ok) throw notFound("Canvas");
      return { status: 200, json: { canvasId: result.canvas.id, trashed: true } };
    });
  });

  router.add("GET", "/api/rooms/:roomId/trash", async (ctx) => {
    const { room } = await requireAccess(store, ctx.params.roomId!, ctx.token, "read");
    return registry.hold(room.id, async (live) => {
      const entries = listTrash(live.doc).map((entry) => {
        const preview = textOfTrashed(live.doc, entry.canvas);
        return { ...entry, preview: preview.slice(0, PREVIEW_CHARS), characters: preview.length };
      });
      return { status: 200, json: { trash: entries } };
    });
  });

  router.add("POST", "/api/rooms/:roomId/canvases/:canvasId/restore", async (ctx) => {
    const { room, role } = await requireAccess(store, ctx.params.roomId!, ctx.token, "write");
    return registry.write(room.id, async (live) => {
      const result = restoreCanvas(live.doc, ctx.params.canvasId!, new ApiOrigin(role, "restore_canvas"));
      if (!result.ok) {
        if (result.code === "not_found") throw notFound("Canvas in the trash");
        throw new HttpError(409, result.code, result.message);
      }
      return { status: 200, json: { canvas: result.canvas } };
    });
  });
}

/** A trashed canvas's text: read from its fragment, since its metadata is no longer in `canvases`. */
function textOfTrashed(doc: Y.Doc, canvas: CanvasMeta): string {
  return readCanvasView(canvasFragment(doc, canvas.id), canvas.kind).text;
}
