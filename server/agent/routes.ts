// HTTP routes of the agent: chat messages that start runs, run status and cancel, applying comment
// suggestions, feedback. The change log's routes (show and undo AI changes) are in server/changes.
import { z } from "zod";
import { actionRequest } from "../../shared/actions.ts";
import { findCustomAction } from "../../shared/customActions.ts";
import { commentsMap, newId, readComment } from "../../shared/room.ts";
import { suggestionsMap } from "../../shared/suggestions/record.ts";
import { ApiOrigin } from "../../shared/origins.ts";
import { editModeSchema, roomEditMode } from "../../shared/suggestions/record.ts";
import { proposeFromComment } from "../../shared/suggestions/fromComment.ts";
import { reviewSuggestionsCall } from "../../shared/engine/toolCall.ts";
import { recordReview, reviewError } from "../suggestions/routes.ts";
import { hashToken } from "../auth/tokens.ts";
import type { AppContext } from "../appContext.ts";
import { requireAccess } from "../http/auth.ts";
import { HttpError, notFound, tooManyRequests } from "../http/errors.ts";
import { DEFAULT_RUNS_PER_HOUR } from "../config.ts";
import { RateLimiter } from "../http/rateLimit.ts";
import type { RunManager } from "./runs.ts";

const messageBody = z.strictObject({
  text: z.string().max(100_000),
  canvasId: z.string().max(64).nullable().optional(),
  selection: z.string().max(100_000).nullable().optional(),
  action: actionRequest.nullable().optional(),
  authorName: z.string().trim().min(1).max(80).optional(),
  /** "suggest": the run's edits and rewrites become suggestions; the room's default when absent. */
  mode: editModeSchema.optional(),
});
/** Votes one link may post per minute in a room. */
const FEEDBACK_PER_MINUTE = 30;
const feedbackBody = z.strictObject({
  runId: z.string().min(1).max(64),
  messageId: z.string().max(64).optional(),
  value: z.enum(["up", "down"]),
});

export function registerAgentRoutes(
  app: AppContext,
  runs: RunManager,
  runsPerMinute = 20,
  runsPerHour = DEFAULT_RUNS_PER_HOUR,
): void {
  const { router, store, registry } = app;
  const limiter = new RateLimiter(runsPerMinute, 60_000);
  // Per link is not enough: anyone can make rooms, and each brings new links. This caps what the
  // whole server spends on the operator's key.
  const serverBudget = new RateLimiter(runsPerHour, 60 * 60_000);
  const feedbackLimiter = new RateLimiter(FEEDBACK_PER_MINUTE, 60_000);

  router.add("POST", "/api/rooms/:roomId/messages", async (ctx) => {
    const { room, role } = await requireAccess(store, ctx.params.roomId!, ctx.token, "run_agent");
    const body = await ctx.body(messageBody, app.maxMessageBytes);
    if (!body.text.trim() && !body.action)
      throw new HttpError(400, "empty_message", "Write a message or pick a quick action.");
    const tokenKey = hashToken(ctx.token ?? "");
    const wait = limiter.take(tokenKey);
    if (wait > 0) throw tooManyRequests(wait, "Too many requests to the model from this link.");
    const budgetWait = serverBudget.take("server");
    if (budgetWait > 0)
      throw tooManyRequests(budgetWait, "This server has used its hourly budget of model runs (CANVAS_RUNS_PER_HOUR).");
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
    const mode = body.mode ?? (await registry.hold(room.id, async (live) => roomEditMode(live.doc)));
    const run = await runs.start(room.id, {
      text,
      canvasId: body.canvasId ?? null,
      selection: body.selection ?? null,
      action,
      author: `${role}:${tokenKey.slice(0, 8)}`,
      authorName: body.authorName,
      mode,
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

  // "Apply suggestion": the comment's suggestion becomes a suggestion record, accepted at once through
  // the same path as any other (outdated: 409; undoable with POST …/suggestions/:id/undo).
  router.add("POST", "/api/rooms/:roomId/comments/:commentId/apply", async (ctx) => {
    const { room, role } = await requireAccess(store, ctx.params.roomId!, ctx.token, "write");
    return registry.write(room.id, async (live) => {
      const comments = commentsMap(live.doc);
      const comment = readComment(live.doc, ctx.params.commentId!);
      if (!comment) throw notFound("Comment");
      if (comment.suggestion === null)
        throw new HttpError(409, "no_suggestion", "This comment has no suggestion to apply.");
      const origin = new ApiOrigin(role, "review_suggestion");
      const author = { id: `${role}:${hashToken(ctx.token ?? "").slice(0, 8)}`, name: "Someone" };
      // Applied before and undone: its suggestion is pending again, and applying means accepting that one.
      const earlier = [...suggestionsMap(live.doc).values()].filter(
        (s) => s.commentId === comment.id && s.status === "pending",
      );
      let ids = earlier.map((s) => s.id);
      if (!ids.length) {
        const changeId = newId();
        const proposed = proposeFromComment(live.doc, comment, changeId, origin, {
          id: comment.author,
          name: comment.authorName,
        });
        if (!proposed.ok) throw new HttpError(409, "cannot_apply", proposed.summary);
        ids = [...suggestionsMap(live.doc).values()].filter((s) => s.changeId === changeId).map((s) => s.id);
      }
      const result = reviewSuggestionsCall(live.doc, ids, "accept", { origin, author });
      if (!result.ok) throw reviewError(result);
      live.doc.transact(() => comments.set(comment.id, { ...comment, resolved: true }), origin);
      await live.flush();
      const changes = await recordReview(runs.changes, room.id, "accept", result);
      // An eval signal, not the person's work: the applied suggestion stands without it.
      await store
        .saveFeedback({
          id: newId(),
          roomId: room.id,
          runId: comment.runId,
          kind: "accept",
          value: "apply_suggestion",
          context: { comment, canvasId: comment.canvasId },
          createdAt: Date.now(),
        })
        .catch((error: unknown) =>
          ctx.log.warn({ err: error, roomId: room.id }, "storing an accept's feedback failed"),
        );
      return {
        status: 200,
        json: { applied: true, summary: "Applied the suggestion", suggestionIds: ids, changes },
      };
    });
  });

  router.add("POST", "/api/rooms/:roomId/feedback", async (ctx) => {
    const { room } = await requireAccess(store, ctx.params.roomId!, ctx.token, "comment");
    const body = await ctx.body(feedbackBody);
    const wait = feedbackLimiter.take(`${room.id}:${hashToken(ctx.token ?? "")}`);
    if (wait > 0) throw tooManyRequests(wait);
    const run = runs.getRun(room.id, body.runId);
    // One row per run and message: voting again replaces the vote (and its copy of the canvas)
    // instead of adding another full copy.
    await store.saveFeedback({
      id: `thumbs:${room.id}:${body.runId}:${body.messageId ?? ""}`,
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
