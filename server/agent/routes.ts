// HTTP routes of the agent: chat messages that start runs, run status and cancel, applying comment
// suggestions, feedback. The change log's routes (show and undo AI changes) are in server/changes.
import { z } from "zod";
import { actionRequest } from "../../shared/actions.ts";
import { findCustomAction } from "../../shared/customActions.ts";
import { commentsMap, newId } from "../../shared/room.ts";
import { canvasText, parseMarkdown } from "../../shared/markdown/index.ts";
import { applyToolCall, resolveCommentRange } from "../../shared/engine/index.ts";
import { AgentOrigin } from "../../shared/origins.ts";
import { hashToken } from "../auth/tokens.ts";
import type { AppContext } from "../appContext.ts";
import { requireAccess } from "../http/auth.ts";
import { HttpError, notFound } from "../http/errors.ts";
import { RateLimiter } from "../http/rateLimit.ts";
import type { RunManager } from "./runs.ts";

const messageBody = z.strictObject({
  text: z.string().max(100_000),
  canvasId: z.string().max(64).nullable().optional(),
  selection: z.string().max(100_000).nullable().optional(),
  action: actionRequest.nullable().optional(),
  authorName: z.string().trim().min(1).max(80).optional(),
});
const feedbackBody = z.strictObject({
  runId: z.string().min(1).max(64),
  messageId: z.string().max(64).optional(),
  value: z.enum(["up", "down"]),
});

export function registerAgentRoutes(app: AppContext, runs: RunManager, runsPerMinute = 20): void {
  const { router, store, registry } = app;
  const limiter = new RateLimiter(runsPerMinute, 60_000);

  router.add("POST", "/api/rooms/:roomId/messages", async (ctx) => {
    const { room, role } = await requireAccess(store, ctx.params.roomId!, ctx.token, "run_agent");
    const body = await ctx.body(messageBody, app.maxMessageBytes);
    if (!body.text.trim() && !body.action)
      throw new HttpError(400, "empty_message", "Write a message or pick a quick action.");
    const tokenKey = hashToken(ctx.token ?? "");
    const wait = limiter.take(tokenKey);
    if (wait > 0) {
      throw new HttpError(
        429,
        "rate_limited",
        `Too many requests to the model from this link. Try again in ${Math.ceil(wait / 1000)} s.`,
        {
          "Retry-After": String(Math.ceil(wait / 1000)),
        },
      );
    }
    // A custom action runs as its instruction, like a message typed by the person who picked it.
    let text = body.text;
    let action = body.action ?? null;
    if (action?.id === "custom") {
      const actionId = action.actionId;
      const custom = await registry.hold(room.id, async (live) => findCustomAction(live.doc, actionId));
      if (!custom) throw new HttpError(404, "action_not_found", "This quick action was removed. Pick another one.");
      text = custom.instruction;
      action = null;
    }
    const run = await runs.start(room.id, {
      text,
      canvasId: body.canvasId ?? null,
      selection: body.selection ?? null,
      action,
      author: `${role}:${tokenKey.slice(0, 8)}`,
      authorName: body.authorName,
    });
    if (!run)
      throw new HttpError(
        409,
        "run_active",
        "The model is already working in this room. Wait for it or stop it first.",
      );
    return { status: 202, json: { runId: run.id } };
  });

  router.add("GET", "/api/rooms/:roomId/runs/:runId", async (ctx) => {
    const { room } = await requireAccess(store, ctx.params.roomId!, ctx.token, "read");
    const run = runs.getRun(room.id, ctx.params.runId!);
    if (!run) throw notFound("Run");
    return { status: 200, json: { id: run.id, status: run.status, error: run.error, toolCalls: run.toolCalls } };
  });

  router.add("POST", "/api/rooms/:roomId/runs/current/cancel", async (ctx) => {
    const { room } = await requireAccess(store, ctx.params.roomId!, ctx.token, "run_agent");
    const cancelled = await runs.cancel(room.id);
    return { status: 200, json: { cancelled } };
  });

  router.add("POST", "/api/rooms/:roomId/comments/:commentId/apply", async (ctx) => {
    const { room } = await requireAccess(store, ctx.params.roomId!, ctx.token, "write");
    return registry.hold(room.id, async (live) => {
      const comments = commentsMap(live.doc);
      const comment = comments.get(ctx.params.commentId!);
      if (!comment) throw notFound("Comment");
      if (comment.suggestion === null)
        throw new HttpError(409, "no_suggestion", "This comment has no suggestion to apply.");
      const range = resolveCommentRange(live.doc, comment);
      if (!range || !range.text)
        throw new HttpError(409, "anchor_lost", "The text this comment was about has been deleted.");
      // The anchor resolves to plain text; the canvas is markdown. Prefer the original quote (with its
      // markup) while it is still there unchanged, else the anchored text as it reads now.
      const find =
        range.text === plainText(comment.quote) && canvasText(live.doc, comment.canvasId).includes(comment.quote)
          ? comment.quote
          : range.text;
      const origin = new AgentOrigin(`apply-${comment.id}`);
      const result = applyToolCall(
        live.doc,
        {
          name: "edit_canvas",
          arguments: { edits: [{ find, replace: comment.suggestion, all: false }], summary: "Applied a suggestion" },
        },
        { canvasId: comment.canvasId, origin },
      );
      if (!result.ok) {
        throw new HttpError(409, "cannot_apply", result.errors.map((error) => error.message).join(" "));
      }
      live.doc.transact(() => comments.set(comment.id, { ...comment, resolved: true }), origin);
      await live.flush();
      await store.saveFeedback({
        id: newId(),
        roomId: room.id,
        runId: comment.runId,
        kind: "accept",
        value: "apply_suggestion",
        context: { comment, canvasId: comment.canvasId },
        createdAt: Date.now(),
      });
      return { status: 200, json: { applied: true, summary: result.summary } };
    });
  });

  router.add("POST", "/api/rooms/:roomId/feedback", async (ctx) => {
    const { room } = await requireAccess(store, ctx.params.roomId!, ctx.token, "comment");
    const body = await ctx.body(feedbackBody);
    const run = runs.getRun(room.id, body.runId);
    await store.saveFeedback({
      id: newId(),
      roomId: room.id,
      runId: body.runId,
      kind: "thumbs",
      value: body.value,
      context: run
        ? {
            userText: run.userText,
            canvasId: run.canvasId,
            canvas: run.canvasBefore,
            canvasKind: run.canvasKind,
            canvasTitle: run.canvasTitle,
            selection: run.selection,
            toolCalls: run.toolCalls,
            messageId: body.messageId ?? null,
          }
        : { messageId: body.messageId ?? null },
      createdAt: Date.now(),
    });
    return { status: 201, json: { ok: true } };
  });
}

/** The text a markdown snippet shows (what an anchor over it resolves to). */
function plainText(markdown: string): string {
  return parseMarkdown(markdown).textContent;
}
