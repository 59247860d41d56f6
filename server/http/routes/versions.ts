// Versions of a canvas: listing, reading, and restoring one as a new change everyone sees.
import type { AppContext } from "../../appContext.ts";
import { canvasesMap, canvasFragment, newId } from "../../../shared/room.ts";
import { canvasText, textToDoc } from "../../../shared/markdown/index.ts";
import { writeDoc } from "../../../shared/engine/index.ts";
import { ApiOrigin } from "../../../shared/origins.ts";
import { requireAccess } from "../auth.ts";
import { notFound } from "../errors.ts";
import { z } from "zod";

const restoreBody = z.strictObject({ authorName: z.string().trim().min(1).max(80).optional() });

export function registerVersionRoutes(app: AppContext): void {
  const { router, store, registry } = app;

  router.add("GET", "/api/rooms/:roomId/versions", async (ctx) => {
    const { room } = await requireAccess(store, ctx.params.roomId!, ctx.token, "read");
    const versions = await store.listVersions(room.id, ctx.url.searchParams.get("canvasId"));
    return { status: 200, json: { versions } };
  });

  router.add("GET", "/api/rooms/:roomId/versions/:versionId", async (ctx) => {
    const { room } = await requireAccess(store, ctx.params.roomId!, ctx.token, "read");
    const version = await store.getVersion(room.id, ctx.params.versionId!);
    if (!version) throw notFound("Version");
    return { status: 200, json: version };
  });

  router.add("POST", "/api/rooms/:roomId/versions/:versionId/restore", async (ctx) => {
    const { room, role } = await requireAccess(store, ctx.params.roomId!, ctx.token, "write");
    const body = await ctx.body(restoreBody);
    const version = await store.getVersion(room.id, ctx.params.versionId!);
    if (!version) throw notFound("Version");
    return registry.write(room.id, async (live) => {
      const meta = canvasesMap(live.doc).get(version.canvasId);
      if (!meta) throw notFound("Canvas");
      await store.saveVersion({
        id: newId(),
        roomId: room.id,
        canvasId: meta.id,
        reason: "restore",
        // The person's name when the client sends it (the history shows people, not roles).
        author: body.authorName ?? role,
        text: canvasText(live.doc, meta.id),
        runId: null,
        createdAt: Date.now(),
      });
      // A restore is a new change everyone sees (minimal diff), not a reset of the room's history.
      const doc = textToDoc(version.text, meta.kind, meta.language);
      live.doc.transact(
        () => writeDoc(live.doc, canvasFragment(live.doc, meta.id), doc),
        new ApiOrigin(role, "restore"),
      );
      await live.flush();
      return { status: 200, json: { restored: version.id, text: canvasText(live.doc, meta.id) } };
    });
  });
}
