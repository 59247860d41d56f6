// HTTP routes of suggestion mode: list a canvas's suggestions, propose one (commenters too), accept,
// reject or undo a decision (one suggestion, or all of one change), and the room's default mode.
// Accepting goes through the seam; an outdated suggestion answers 409 and nothing is written.
import { z } from "zod";
import type * as Y from "yjs";
import { canvasesMap, commentsMap } from "../../shared/room.ts";
import { applyToolCall } from "../../shared/engine/index.ts";
import { reviewSuggestionsCall, type SuggestionReview } from "../../shared/engine/toolCall.ts";
import type { ChangeRecord } from "../../shared/engine/index.ts";
import { ChangeLog } from "../changes/store.ts";
import { ApiOrigin } from "../../shared/origins.ts";
import type { Role } from "../../shared/roles.ts";
import {
  editModeSchema,
  listSuggestions,
  setRoomEditMode,
  suggestionsMap,
  type SuggestionRecord,
} from "../../shared/suggestions/record.ts";
import { suggestionState, type ReviewDecision, type ReviewFailure } from "../../shared/suggestions/review.ts";
import { hashToken } from "../auth/tokens.ts";
import type { AppContext } from "../appContext.ts";
import type { Room } from "../rooms/room.ts";
import { requireAccess } from "../http/auth.ts";
import { HttpError, notFound } from "../http/errors.ts";
import type { Handler } from "../http/router.ts";

type RequestContext = Parameters<Handler>[0];

const proposeBody = z.strictObject({
  canvasId: z.string().min(1).max(64),
  find: z.string().min(1).max(20_000),
  replace: z.string().max(20_000),
  all: z.boolean().optional(),
  authorName: z.string().trim().min(1).max(80).optional(),
});
/** Several suggestions at once: every pending one of a change (on one canvas), or these ids. */
const manyBody = z
  .strictObject({
    changeId: z.string().min(1).max(80).optional(),
    canvasId: z.string().max(64).optional(),
    ids: z.array(z.string().min(1).max(64)).min(1).max(500).optional(),
    authorName: z.string().trim().min(1).max(80).optional(),
  })
  .refine((body) => (body.changeId === undefined) !== (body.ids === undefined), {
    message: "Give either changeId (every pending suggestion of that change) or ids.",
  });
const decideBody = z.strictObject({ authorName: z.string().trim().min(1).max(80).optional() });
const modeBody = z.strictObject({ mode: editModeSchema });

/** A suggestion as the API lists it: its state now ("outdated" when its passage reads differently). */
export function suggestionView(doc: Y.Doc, record: SuggestionRecord) {
  const { state, current } = suggestionState(doc, record);
  return {
    id: record.id,
    changeId: record.changeId,
    runId: record.runId,
    canvasId: record.canvasId,
    status: state,
    quote: record.quote,
    replacement: record.replacement,
    current,
    author: record.author,
    createdAt: record.createdAt,
    decidedBy: record.decidedBy,
    decidedAt: record.decidedAt,
    commentId: record.commentId,
  };
}

/** Keep the change log in step with a decision: an accept is a change; undoing it marks that change undone. */
export async function recordReview(
  log: ChangeLog,
  roomId: string,
  decision: ReviewDecision,
  review: Extract<SuggestionReview, { ok: true }>,
): Promise<ChangeRecord[]> {
  for (const result of review.changes) {
    if (decision === "accept") await log.record(roomId, result);
    else if (decision === "undo" && !(await log.setStatus(roomId, result.change.id, "undone")))
      await log.record(roomId, result);
  }
  return review.changes.map((result) => result.change);
}

export function reviewError(failure: ReviewFailure): HttpError {
  const status = failure.code === "not_found" ? 404 : 409;
  return new HttpError(status, failure.code === "not_found" ? "suggestion_not_found" : failure.code, failure.message);
}

function personOf(role: Role, token: string | null, name: string | undefined) {
  return { id: `${role}:${hashToken(token ?? "").slice(0, 8)}`, name: name ?? "Someone" };
}

export function registerSuggestionRoutes(app: AppContext): void {
  const { router, store, registry } = app;
  const log = new ChangeLog(store);

  router.add("GET", "/api/rooms/:roomId/suggestions", async (ctx) => {
    const { room } = await requireAccess(store, ctx.params.roomId!, ctx.token, "read");
    const canvasId = ctx.url.searchParams.get("canvasId");
    return registry.hold(room.id, async (live) => {
      const canvasIds = canvasId ? [canvasId] : [...canvasesMap(live.doc).keys()];
      const suggestions = canvasIds
        .flatMap((id) => listSuggestions(live.doc, id))
        .map((s) => suggestionView(live.doc, s));
      return { status: 200, json: { suggestions } };
    });
  });

  // A person proposes a change (commenters may: nothing lands until an editor accepts it).
  router.add("POST", "/api/rooms/:roomId/suggestions", async (ctx) => {
    const { room, role } = await requireAccess(store, ctx.params.roomId!, ctx.token, "comment");
    const body = await ctx.body(proposeBody);
    return registry.write(room.id, async (live) => {
      if (!canvasesMap(live.doc).has(body.canvasId)) throw notFound("Canvas");
      const result = applyToolCall(
        live.doc,
        {
          name: "edit_canvas",
          arguments: { edits: [{ find: body.find, replace: body.replace, all: body.all ?? false }], summary: "" },
        },
        {
          canvasId: body.canvasId,
          origin: new ApiOrigin(role, "review_suggestion"),
          author: personOf(role, ctx.token, body.authorName),
          mode: "suggest",
        },
      );
      if (!result.ok) throw new HttpError(422, "cannot_suggest", result.summary);
      await live.flush();
      const ids = [...suggestionsMap(live.doc).values()]
        .filter((s) => s.changeId === result.change.id)
        .map((s) => s.id);
      return { status: 201, json: { changeId: result.change.id, suggestionIds: ids } };
    });
  });

  /** Decide suggestions `ids` of the live room, all or none, and record the decision in the change log. */
  const review = async (
    live: Room,
    role: Role,
    token: string | null,
    ids: string[],
    decision: ReviewDecision,
    authorName: string | undefined,
  ) => {
    const origin = new ApiOrigin(role, "review_suggestion");
    const result = reviewSuggestionsCall(live.doc, ids, decision, {
      origin,
      author: personOf(role, token, authorName),
    });
    if (!result.ok) throw reviewError(result);
    // Undoing an applied comment suggestion opens its comment again.
    if (decision === "undo") reopenComments(live.doc, result.suggestions, origin);
    await live.flush();
    const changes = await recordReview(log, live.id, decision, result);
    return {
      status: 200,
      json: { suggestions: result.suggestions.map((s) => suggestionView(live.doc, s)), changes },
    };
  };

  const decide = (decision: ReviewDecision) => async (ctx: RequestContext) => {
    const { room, role } = await requireAccess(store, ctx.params.roomId!, ctx.token, "write");
    const body = await ctx.body(decideBody);
    return registry.write(room.id, (live) =>
      review(live, role, ctx.token, [ctx.params.suggestionId!], decision, body.authorName),
    );
  };
  router.add("POST", "/api/rooms/:roomId/suggestions/:suggestionId/accept", decide("accept"));
  router.add("POST", "/api/rooms/:roomId/suggestions/:suggestionId/reject", decide("reject"));
  router.add("POST", "/api/rooms/:roomId/suggestions/:suggestionId/undo", decide("undo"));

  // Several at once, all or none: every pending suggestion of one change, or a list of ids (what a
  // person's Ctrl+Z sends to undo their "Accept all").
  const decideMany = (decision: ReviewDecision) => async (ctx: RequestContext) => {
    const { room, role } = await requireAccess(store, ctx.params.roomId!, ctx.token, "write");
    const body = await ctx.body(manyBody);
    return registry.write(room.id, (live) => {
      const ids =
        body.ids ??
        [...suggestionsMap(live.doc).values()]
          .filter((s) => s.changeId === body.changeId && s.status === "pending")
          .filter((s) => !body.canvasId || s.canvasId === body.canvasId)
          .map((s) => s.id);
      if (!ids.length) throw new HttpError(404, "suggestion_not_found", "This change has no pending suggestions.");
      return review(live, role, ctx.token, [...new Set(ids)], decision, body.authorName);
    });
  };
  router.add("POST", "/api/rooms/:roomId/suggestions/accept", decideMany("accept"));
  router.add("POST", "/api/rooms/:roomId/suggestions/reject", decideMany("reject"));
  router.add("POST", "/api/rooms/:roomId/suggestions/undo", decideMany("undo"));

  router.add("PUT", "/api/rooms/:roomId/mode", async (ctx) => {
    const { room, role } = await requireAccess(store, ctx.params.roomId!, ctx.token, "read");
    if (role !== "owner") throw new HttpError(403, "forbidden", "Only the room's owner can set its default mode.");
    const body = await ctx.body(modeBody);
    return registry.write(room.id, async (live) => {
      live.doc.transact(() => setRoomEditMode(live.doc, body.mode), new ApiOrigin(role, "room_settings"));
      await live.flush();
      return { status: 200, json: { mode: body.mode } };
    });
  });
}

function reopenComments(doc: Y.Doc, suggestions: readonly SuggestionRecord[], origin: ApiOrigin): void {
  const comments = commentsMap(doc);
  doc.transact(() => {
    for (const suggestion of suggestions) {
      const comment = suggestion.commentId ? comments.get(suggestion.commentId) : undefined;
      if (comment?.resolved) comments.set(comment.id, { ...comment, resolved: false });
    }
  }, origin);
}
