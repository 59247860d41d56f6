// Rooms, share links, canvases, chat and comments: the part of the API that does not need the model.
import { z } from "zod";
import * as Y from "yjs";
import { ROLES, type Role } from "../../../shared/roles.ts";
import { hashToken, newRoomId, newToken } from "../../auth/tokens.ts";
import type { AppContext } from "../../appContext.ts";
import {
  addCommentReply,
  canvasesMap,
  commentsMap,
  readComment,
  readComments,
  readRoomTitle,
  listCanvases,
  newId,
  readChat,
  roomMeta,
  type CommentRecord,
} from "../../../shared/room.ts";
import { CANVAS_KINDS, SEVERITIES } from "../../../shared/tools.ts";
import { applyRawToolCall, resolveCommentRange } from "../../../shared/engine/index.ts";
import { ApiOrigin } from "../../../shared/origins.ts";
import { requireAccess } from "../auth.ts";
import { HttpError, notFound, tooManyRequests } from "../errors.ts";
import { RateLimiter } from "../rateLimit.ts";
import { sealedRoomLinks } from "../../library/links.ts";
import { roomActivity } from "../../library/activity.ts";

const createRoomBody = z.strictObject({ title: z.string().trim().min(1).max(200).optional() });
const createCanvasBody = z.strictObject({
  title: z.string().trim().min(1).max(200),
  kind: z.enum(CANVAS_KINDS),
  language: z.string().max(40).nullable().optional(),
  content: z.string().optional(),
});
const anchorSchema = z.strictObject({ start: z.string().min(1).max(2_000), end: z.string().min(1).max(2_000) });
const addCommentBody = z.strictObject({
  canvasId: z.string().min(1).max(64),
  anchor: anchorSchema,
  quote: z.string().min(1).max(5_000),
  body: z.string().trim().min(1).max(4_000),
  severity: z.enum(SEVERITIES).optional(),
  authorName: z.string().trim().min(1).max(80).optional(),
});
const replyBody = z.strictObject({
  body: z.string().trim().min(1).max(4_000),
  authorName: z.string().trim().min(1).max(80).optional(),
});
const resolveBody = z.strictObject({ resolved: z.boolean() });

function linksFor(base: string, roomId: string, tokens: Record<Role, string>): Record<Role, string> {
  const links = {} as Record<Role, string>;
  for (const role of ROLES) links[role] = `${base}/r/${encodeURIComponent(roomId)}?token=${tokens[role]}`;
  return links;
}

export function registerRoomRoutes(app: AppContext): void {
  const { router, store, registry } = app;

  const creations = new RateLimiter(app.roomsPerMinute, 60_000);
  router.add("POST", "/api/rooms", async (ctx) => {
    const wait = creations.take(ctx.req.socket.remoteAddress ?? "unknown");
    if (wait > 0) throw tooManyRequests(wait, "Too many new rooms from this address.");
    const body = await ctx.body(createRoomBody);
    const roomId = newRoomId();
    const tokens = Object.fromEntries(ROLES.map((role) => [role, newToken()])) as Record<Role, string>;
    const hashes = Object.fromEntries(ROLES.map((role) => [role, hashToken(tokens[role])])) as Record<Role, string>;
    const title = body.title ?? "Untitled room";
    // The room row, its links, its sealed links and its first update (the title) in one transaction:
    // a store that refuses it leaves nothing behind, not a room without links or without a title.
    const first = new Y.Doc();
    first.transact(() => roomMeta(first).set("title", title), new ApiOrigin("owner", "create_room"));
    await store.createRoom({ id: roomId, title, createdAt: Date.now() }, hashes, {
      sealedLinks: sealedRoomLinks(roomId, tokens),
      firstUpdate: Y.encodeStateAsUpdate(first),
    });
    first.destroy();
    ctx.log.info({ roomId }, "room created");
    return { status: 201, json: { roomId, links: linksFor(app.publicUrl(ctx.req), roomId, tokens), tokens } };
  });

  router.add("GET", "/api/rooms/:roomId", async (ctx) => {
    const { room, role } = await requireAccess(store, ctx.params.roomId!, ctx.token, "read");
    return registry.hold(room.id, async (live) => ({
      status: 200,
      json: {
        roomId: room.id,
        title: readRoomTitle(live.doc, room.title),
        role,
        canvases: listCanvases(live.doc),
        ...(await roomActivity(store, room, live.doc)),
        engine: app.engineInfo?.() ?? { kind: "local", model: "offline" },
      },
    }));
  });

  router.add("POST", "/api/rooms/:roomId/canvases", async (ctx) => {
    const { room, role } = await requireAccess(store, ctx.params.roomId!, ctx.token, "write");
    const body = await ctx.body(createCanvasBody, app.maxMessageBytes);
    // A canvas made by a person (the new-canvas dialog, an import) is a create_canvas call with an API origin.
    const args = { title: body.title, kind: body.kind, language: body.language ?? null, content: body.content ?? "" };
    const author = { id: `${role}:${hashToken(ctx.token ?? "").slice(0, 8)}`, name: "Someone" };
    const result = await registry.write(room.id, async (live) =>
      applyRawToolCall(live.doc, "create_canvas", args, {
        canvasId: null,
        origin: new ApiOrigin(role, "create_canvas"),
        author,
      }),
    );
    if (!result.ok || !result.canvasId) throw new HttpError(400, "invalid_canvas", result.summary);
    return { status: 201, json: { canvasId: result.canvasId } };
  });

  router.add("GET", "/api/rooms/:roomId/chat", async (ctx) => {
    const { room } = await requireAccess(store, ctx.params.roomId!, ctx.token, "read");
    return registry.hold(room.id, async (live) => ({ status: 200, json: { messages: readChat(live.doc) } }));
  });

  router.add("GET", "/api/rooms/:roomId/comments", async (ctx) => {
    const { room } = await requireAccess(store, ctx.params.roomId!, ctx.token, "read");
    const canvasId = ctx.url.searchParams.get("canvasId");
    return registry.hold(room.id, async (live) => {
      const read = readComments(live.doc);
      if (read.skipped) ctx.log.warn({ roomId: room.id, skipped: read.skipped }, "skipped malformed comments");
      const comments = read.comments
        .filter((comment) => !canvasId || comment.canvasId === canvasId)
        .map((comment) => ({ ...comment, currentText: resolveCommentRange(live.doc, comment)?.text ?? null }));
      return { status: 200, json: { comments } };
    });
  });

  router.add("POST", "/api/rooms/:roomId/comments", async (ctx) => {
    const { room, role } = await requireAccess(store, ctx.params.roomId!, ctx.token, "comment");
    const body = await ctx.body(addCommentBody);
    return registry.write(room.id, async (live) => {
      if (!canvasesMap(live.doc).has(body.canvasId)) throw notFound("Canvas");
      assertAnchorResolves(live.doc, body.anchor);
      const comment: CommentRecord = {
        id: newId(),
        canvasId: body.canvasId,
        anchor: body.anchor,
        quote: body.quote,
        body: body.body,
        severity: body.severity ?? "info",
        suggestion: null,
        author: `${role}:${hashToken(ctx.token ?? "").slice(0, 8)}`,
        authorName: body.authorName ?? "Someone",
        resolved: false,
        replies: [],
        createdAt: Date.now(),
        runId: null,
      };
      live.doc.transact(() => commentsMap(live.doc).set(comment.id, comment), new ApiOrigin(role, "comment"));
      return { status: 201, json: { commentId: comment.id } };
    });
  });

  router.add("POST", "/api/rooms/:roomId/comments/:commentId/replies", async (ctx) => {
    const { room, role } = await requireAccess(store, ctx.params.roomId!, ctx.token, "comment");
    const body = await ctx.body(replyBody);
    const reply = {
      id: newId(),
      author: role,
      authorName: body.authorName ?? "Someone",
      body: body.body,
      createdAt: Date.now(),
    };
    return updateComment(app, room.id, ctx.params.commentId!, role, (doc) =>
      addCommentReply(doc, ctx.params.commentId!, reply),
    );
  });

  router.add("POST", "/api/rooms/:roomId/comments/:commentId/resolve", async (ctx) => {
    const { room, role } = await requireAccess(store, ctx.params.roomId!, ctx.token, "comment");
    const body = await ctx.body(resolveBody);
    return updateComment(app, room.id, ctx.params.commentId!, role, (doc) => {
      const comments = commentsMap(doc);
      comments.set(ctx.params.commentId!, { ...comments.get(ctx.params.commentId!)!, resolved: body.resolved });
    });
  });
}

async function updateComment(
  app: AppContext,
  roomId: string,
  commentId: string,
  role: Role,
  change: (doc: Y.Doc) => void,
): Promise<{ status: number; json: unknown }> {
  return app.registry.write(roomId, async (live) => {
    if (!readComment(live.doc, commentId)) throw notFound("Comment");
    live.doc.transact(() => change(live.doc), new ApiOrigin(role, "comment"));
    return { status: 200, json: { comment: readComment(live.doc, commentId) } };
  });
}

function assertAnchorResolves(doc: Y.Doc, anchor: { start: string; end: string }): void {
  for (const encoded of [anchor.start, anchor.end]) {
    try {
      const position = Y.decodeRelativePosition(Buffer.from(encoded, "base64"));
      if (!Y.createAbsolutePositionFromRelativePosition(position, doc)) throw new Error("unresolvable");
    } catch {
      throw new HttpError(
        400,
        "invalid_anchor",
        "The comment anchor does not point into this room's canvas. Select the text again.",
      );
    }
  }
}
