// The HTTP plumbing under the typed API: bearer token, JSON bodies, and failures as values with a
// message the UI can show (never a thrown error).
import { z } from "zod";

export type ApiResult<T> = { ok: true; value: T } | { ok: false; status: number; code: string; message: string };

const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export interface RequestInit {
  token?: string;
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
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

export async function request<T>(path: string, init: RequestInit, schema: z.ZodType<T>): Promise<ApiResult<T>> {
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

export async function requestText(path: string, token: string): Promise<ApiResult<{ text: string; filename: string }>> {
  const response = await send(path, { token });
  if (typeof response === "string") return { ok: false, status: 0, code: "network", message: response };
  if (!response.ok) return failure(response);
  const disposition = response.headers.get("Content-Disposition") ?? "";
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? "canvas.txt";
  return { ok: true, value: { text: await response.text(), filename } };
}

/** A binary download (PDF, DOCX, HTML export) with the file name the server gave it. */
export async function requestBlob(path: string, token: string): Promise<ApiResult<{ blob: Blob; filename: string }>> {
  const response = await send(path, { token });
  if (typeof response === "string") return { ok: false, status: 0, code: "network", message: response };
  if (!response.ok) return failure(response);
  const disposition = response.headers.get("Content-Disposition") ?? "";
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? "canvas";
  return { ok: true, value: { blob: await response.blob(), filename } };
}
