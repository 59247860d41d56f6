// The JSON API as typed functions. Every call sends the room token as a bearer header; failures
// come back as values ({ok: false, message}) so the UI can show what to do next instead of throwing.
import { z } from "zod";
import type { ActionRequest } from "../../shared/actions.ts";
import type { CanvasKind } from "../../shared/tools.ts";
import { ROLES, roleLinksSchema, type Role } from "../../shared/roles.ts";
import { engineInfoSchema } from "../../shared/engineInfo.ts";
import {
  changeDetailSchema,
  changeSummarySchema,
  type ChangeDetail,
  type ChangeSummary,
} from "../../shared/changes.ts";
import type { EditMode } from "../../shared/suggestions/record.ts";
import type { ReviewDecision } from "../../shared/suggestions/review.ts";
import { request, requestBlob, requestText, type ApiResult } from "./http.ts";

export type { ApiResult };

const createdRoom = z.object({ roomId: z.string(), links: roleLinksSchema, tokens: roleLinksSchema });
export type CreatedRoom = z.infer<typeof createdRoom>;

const canvasMeta = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(["document", "code"]),
  language: z.string().nullable(),
  createdAt: z.number(),
});
const roomInfo = z.object({
  roomId: z.string(),
  title: z.string(),
  role: z.enum(ROLES),
  canvases: z.array(canvasMeta).default([]),
  createdAt: z.number().optional(),
  lastActivity: z.number().optional(),
  trashCount: z.number().optional(),
  engine: engineInfoSchema,
});
export type RoomInfo = z.infer<typeof roomInfo>;

const changeList = z.object({ changes: z.array(changeSummarySchema) });
const undone = z.object({ undone: z.boolean(), change: changeSummarySchema, text: z.string().nullable() });

const versionMeta = z.object({
  id: z.string(),
  canvasId: z.string(),
  reason: z.string(),
  author: z.string().nullable(),
  createdAt: z.number(),
});
export type VersionMeta = z.infer<typeof versionMeta>;
const versionList = z.union([z.object({ versions: z.array(versionMeta) }), z.array(versionMeta)]);
const versionBody = z.object({ id: z.string(), text: z.string() });
const rotated = z.object({ role: z.enum(ROLES), link: z.string() });
const roomLinks = z.object({ links: roleLinksSchema.partial(), missing: z.array(z.enum(ROLES)) });
const trashEntry = z.object({
  canvas: canvasMeta,
  reason: z.string(),
  by: z.string(),
  trashedAt: z.number(),
  preview: z.string(),
  characters: z.number(),
});
export type TrashView = z.infer<typeof trashEntry>;
export type ExportFormat = "markdown" | "source" | "pdf" | "docx" | "html";

export interface MessageRequest {
  text: string;
  canvasId?: string | null;
  selection?: string | null;
  action?: ActionRequest | null;
  authorName?: string;
  /** "suggest": the model's edits come back as suggestions; the room's default when absent. */
  mode?: EditMode;
}

export class Api {
  constructor(
    readonly roomId: string,
    private readonly token: string,
  ) {}

  private base(): string {
    return `/api/rooms/${encodeURIComponent(this.roomId)}`;
  }

  room(): Promise<ApiResult<RoomInfo>> {
    return request(this.base(), { token: this.token }, roomInfo);
  }

  createCanvas(body: {
    title: string;
    kind: CanvasKind;
    language: string | null;
    content: string;
  }): Promise<ApiResult<{ canvasId: string }>> {
    return request(
      `${this.base()}/canvases`,
      { token: this.token, method: "POST", body },
      z.object({ canvasId: z.string() }),
    );
  }

  exportCanvas(
    canvasId: string,
    format: "markdown" | "source",
  ): Promise<ApiResult<{ text: string; filename: string }>> {
    return requestText(`${this.base()}/canvases/${encodeURIComponent(canvasId)}/export?format=${format}`, this.token);
  }

  sendMessage(body: MessageRequest): Promise<ApiResult<{ runId: string }>> {
    return request(
      `${this.base()}/messages`,
      { token: this.token, method: "POST", body },
      z.object({ runId: z.string() }),
    );
  }

  /** A person proposes a change as a suggestion (commenters too): `find` must read once in the canvas. */
  proposeSuggestion(body: {
    canvasId: string;
    find: string;
    replace: string;
    authorName: string;
  }): Promise<ApiResult<{ changeId: string; suggestionIds: string[] }>> {
    return request(
      `${this.base()}/suggestions`,
      { token: this.token, method: "POST", body },
      z.object({ changeId: z.string(), suggestionIds: z.array(z.string()) }),
    );
  }

  /** Accept, reject, or undo the decision on these suggestions (all or none). */
  decideSuggestions(ids: string[], decision: ReviewDecision, authorName: string): Promise<ApiResult<unknown>> {
    const [only] = ids;
    return ids.length === 1 && only !== undefined
      ? request(
          `${this.base()}/suggestions/${encodeURIComponent(only)}/${decision}`,
          { token: this.token, method: "POST", body: { authorName } },
          z.unknown(),
        )
      : request(
          `${this.base()}/suggestions/${decision}`,
          { token: this.token, method: "POST", body: { ids, authorName } },
          z.unknown(),
        );
  }

  /** Accept or reject every pending suggestion of one change (all or none); answers the ids decided. */
  decideChange(
    changeId: string,
    decision: "accept" | "reject",
    canvasId: string,
    authorName: string,
  ): Promise<ApiResult<{ suggestions: { id: string }[] }>> {
    return request(
      `${this.base()}/suggestions/${decision}`,
      { token: this.token, method: "POST", body: { changeId, canvasId, authorName } },
      z.object({ suggestions: z.array(z.object({ id: z.string() })) }),
    );
  }

  /** The room's default mode for messages (owner). */
  setRoomMode(mode: EditMode): Promise<ApiResult<unknown>> {
    return request(`${this.base()}/mode`, { token: this.token, method: "PUT", body: { mode } }, z.unknown());
  }

  cancelRun(): Promise<ApiResult<unknown>> {
    return request(`${this.base()}/runs/current/cancel`, { token: this.token, method: "POST", body: {} }, z.unknown());
  }

  addComment(body: {
    canvasId: string;
    anchor: { start: string; end: string };
    quote: string;
    body: string;
    authorName: string;
  }): Promise<ApiResult<unknown>> {
    return request(`${this.base()}/comments`, { token: this.token, method: "POST", body }, z.unknown());
  }

  reply(commentId: string, body: string, authorName: string): Promise<ApiResult<unknown>> {
    return request(
      `${this.base()}/comments/${encodeURIComponent(commentId)}/replies`,
      { token: this.token, method: "POST", body: { body, authorName } },
      z.unknown(),
    );
  }

  resolve(commentId: string, resolved: boolean): Promise<ApiResult<unknown>> {
    return request(
      `${this.base()}/comments/${encodeURIComponent(commentId)}/resolve`,
      { token: this.token, method: "POST", body: { resolved } },
      z.unknown(),
    );
  }

  applySuggestion(commentId: string): Promise<ApiResult<{ suggestionIds: string[] }>> {
    return request(
      `${this.base()}/comments/${encodeURIComponent(commentId)}/apply`,
      { token: this.token, method: "POST", body: {} },
      z.object({ suggestionIds: z.array(z.string()).default([]) }),
    );
  }

  /** Undo the canvas's newest AI change that is still applied. */
  undoAiChange(canvasId: string, authorName?: string): Promise<ApiResult<unknown>> {
    return request(
      `${this.base()}/undo`,
      { token: this.token, method: "POST", body: { canvasId, authorName } },
      z.unknown(),
    );
  }

  /** Undo exactly this change (409 with the later change in the way when one overlaps it). */
  undoChange(changeId: string, authorName?: string): Promise<ApiResult<z.infer<typeof undone>>> {
    return request(
      `${this.base()}/changes/${encodeURIComponent(changeId)}/undo`,
      { token: this.token, method: "POST", body: { authorName } },
      undone,
    );
  }

  /** A canvas's AI changes, newest first. */
  async changes(canvasId: string): Promise<ApiResult<ChangeSummary[]>> {
    const result = await request(
      `${this.base()}/changes?canvasId=${encodeURIComponent(canvasId)}`,
      { token: this.token },
      changeList,
    );
    return result.ok ? { ok: true, value: result.value.changes } : result;
  }

  /** One change with the canvas text before and after it. */
  change(changeId: string): Promise<ApiResult<ChangeDetail>> {
    return request(`${this.base()}/changes/${encodeURIComponent(changeId)}`, { token: this.token }, changeDetailSchema);
  }

  async versions(canvasId: string): Promise<ApiResult<VersionMeta[]>> {
    const result = await request(
      `${this.base()}/versions?canvasId=${encodeURIComponent(canvasId)}`,
      { token: this.token },
      versionList,
    );
    if (!result.ok) return result;
    return { ok: true, value: Array.isArray(result.value) ? result.value : result.value.versions };
  }

  version(versionId: string): Promise<ApiResult<{ id: string; text: string }>> {
    return request(`${this.base()}/versions/${encodeURIComponent(versionId)}`, { token: this.token }, versionBody);
  }

  restoreVersion(versionId: string, authorName: string): Promise<ApiResult<unknown>> {
    return request(
      `${this.base()}/versions/${encodeURIComponent(versionId)}/restore`,
      { token: this.token, method: "POST", body: { authorName } },
      z.unknown(),
    );
  }

  feedback(body: { runId: string; messageId: string; value: "up" | "down" }): Promise<ApiResult<unknown>> {
    return request(`${this.base()}/feedback`, { token: this.token, method: "POST", body }, z.unknown());
  }

  rotateLink(role: Role): Promise<ApiResult<{ role: Role; link: string }>> {
    return request(`${this.base()}/links/${role}/rotate`, { token: this.token, method: "POST", body: {} }, rotated);
  }

  /** Every role's link, for the owner (the server opens them with the owner token). */
  links(): Promise<ApiResult<z.infer<typeof roomLinks>>> {
    return request(`${this.base()}/links`, { token: this.token }, roomLinks);
  }

  renameRoom(title: string): Promise<ApiResult<unknown>> {
    return request(this.base(), { token: this.token, method: "PATCH", body: { title } }, z.unknown());
  }

  deleteRoom(): Promise<ApiResult<unknown>> {
    return request(this.base(), { token: this.token, method: "DELETE" }, z.unknown());
  }

  renameCanvas(canvasId: string, title: string): Promise<ApiResult<unknown>> {
    return request(
      `${this.base()}/canvases/${encodeURIComponent(canvasId)}`,
      { token: this.token, method: "PATCH", body: { title } },
      z.unknown(),
    );
  }

  trashCanvas(canvasId: string, authorName: string): Promise<ApiResult<unknown>> {
    return request(
      `${this.base()}/canvases/${encodeURIComponent(canvasId)}`,
      { token: this.token, method: "DELETE", body: { authorName } },
      z.unknown(),
    );
  }

  trash(): Promise<ApiResult<TrashView[]>> {
    return request(`${this.base()}/trash`, { token: this.token }, z.object({ trash: z.array(trashEntry) })).then(
      (result) => (result.ok ? { ok: true, value: result.value.trash } : result),
    );
  }

  restoreCanvas(canvasId: string): Promise<ApiResult<unknown>> {
    return request(
      `${this.base()}/canvases/${encodeURIComponent(canvasId)}/restore`,
      { token: this.token, method: "POST", body: {} },
      z.unknown(),
    );
  }

  exportFile(canvasId: string, format: "pdf" | "docx" | "html"): Promise<ApiResult<{ blob: Blob; filename: string }>> {
    return requestBlob(`${this.base()}/canvases/${encodeURIComponent(canvasId)}/export?format=${format}`, this.token);
  }
}

/** The room info for a library entry: any room and token, not only the open one. */
export function roomInfoFor(roomId: string, token: string): Promise<ApiResult<RoomInfo>> {
  return request(`/api/rooms/${encodeURIComponent(roomId)}`, { token }, roomInfo);
}

export function createRoom(title?: string): Promise<ApiResult<CreatedRoom>> {
  return request("/api/rooms", { method: "POST", body: title ? { title } : {} }, createdRoom);
}
