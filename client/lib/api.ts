// The JSON API as typed functions. Every call sends the room token as a bearer header; failures
// come back as values ({ok: false, message}) so the UI can show what to do next instead of throwing.
import { z } from "zod";
import type { QuickAction } from "../../shared/actions.ts";
import type { CanvasKind } from "../../shared/tools.ts";
import { ROLES, roleLinksSchema, type Role } from "../../shared/roles.ts";
import { engineInfoSchema } from "../../shared/engineInfo.ts";

export type ApiResult<T> = { ok: true; value: T } | { ok: false; status: number; code: string; message: string };

const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

const createdRoom = z.object({ roomId: z.string(), links: roleLinksSchema, tokens: roleLinksSchema });
export type CreatedRoom = z.infer<typeof createdRoom>;

const roomInfo = z.object({
  roomId: z.string(),
  title: z.string(),
  role: z.enum(ROLES),
  engine: engineInfoSchema,
});
export type RoomInfo = z.infer<typeof roomInfo>;

const lastChange = z
  .object({ runId: z.string(), canvasId: z.string(), before: z.string(), after: z.string(), summary: z.string() })
  .nullable();
export type LastChange = z.infer<typeof lastChange>;

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

export interface MessageRequest {
  text: string;
  canvasId?: string | null;
  selection?: string | null;
  action?: QuickAction | null;
  authorName?: string;
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

  applySuggestion(commentId: string): Promise<ApiResult<unknown>> {
    return request(
      `${this.base()}/comments/${encodeURIComponent(commentId)}/apply`,
      { token: this.token, method: "POST", body: {} },
      z.unknown(),
    );
  }

  undoAiChange(canvasId: string): Promise<ApiResult<unknown>> {
    return request(`${this.base()}/undo`, { token: this.token, method: "POST", body: { canvasId } }, z.unknown());
  }

  lastChange(canvasId: string): Promise<ApiResult<LastChange>> {
    return request(
      `${this.base()}/changes/last?canvasId=${encodeURIComponent(canvasId)}`,
      { token: this.token },
      lastChange,
    );
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

  restoreVersion(versionId: string): Promise<ApiResult<unknown>> {
    return request(
      `${this.base()}/versions/${encodeURIComponent(versionId)}/restore`,
      { token: this.token, method: "POST", body: {} },
      z.unknown(),
    );
  }

  feedback(body: { runId: string; messageId: string; value: "up" | "down" }): Promise<ApiResult<unknown>> {
    return request(`${this.base()}/feedback`, { token: this.token, method: "POST", body }, z.unknown());
  }

  rotateLink(role: Role): Promise<ApiResult<{ role: Role; link: string }>> {
    return request(`${this.base()}/links/${role}/rotate`, { token: this.token, method: "POST", body: {} }, rotated);
  }
}

export function createRoom(title?: string): Promise<ApiResult<CreatedRoom>> {
  return request("/api/rooms", { method: "POST", body: title ? { title } : {} }, createdRoom);
}

interface RequestInit {
  token?: string;
  method?: "GET" | "POST";
  body?: unknown;
}

async function send(path: string, init: RequestInit): Promise<Response | string> {
  const headers: Record<string, string> = {};
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers["Content-Type"] = "application/json";
  try {
    return await fetch(path, {
      method: init.method ?? "GET",
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    return "The server cannot be reached. Check your connection and try again.";
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

async function failure(response: Response): Promise<{ ok: false; status: number; code: string; message: string }> {
  const text = await response.text().catch(() => "");
  const body = errorBody.safeParse(parseJson(text));
  if (body.success)
    return { ok: false, status: response.status, code: body.data.error.code, message: body.data.error.message };
  return {
    ok: false,
    status: response.status,
    code: "http_error",
    message: `The server answered ${response.status}. Try again.`,
  };
}

async function request<T>(path: string, init: RequestInit, schema: z.ZodType<T>): Promise<ApiResult<T>> {
  const response = await send(path, init);
  if (typeof response === "string") return { ok: false, status: 0, code: "network", message: response };
  if (!response.ok) return failure(response);
  const json: unknown = await response.json().catch(() => null);
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    return {
      ok: false,
      status: response.status,
      code: "bad_response",
      message: `Unexpected answer from ${path}: ${parsed.error.message}`,
    };
  return { ok: true, value: parsed.data };
}

async function requestText(path: string, token: string): Promise<ApiResult<{ text: string; filename: string }>> {
  const response = await send(path, { token });
  if (typeof response === "string") return { ok: false, status: 0, code: "network", message: response };
  if (!response.ok) return failure(response);
  const disposition = response.headers.get("Content-Disposition") ?? "";
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? "canvas.txt";
  return { ok: true, value: { text: await response.text(), filename } };
}
