// How an MCP session names and finds the room's canvases: the refusals it returns as tool errors, lookup
// by id or by resource URI (canvas://<roomId>/<canvasId>), and the summary list_canvases gives.
import { canvasesMap, listCanvases, type CanvasMeta } from "../../shared/room.ts";
import { canvasText } from "../../shared/markdown/index.ts";
import type { Room } from "../rooms/room.ts";

/** A refusal the client can act on, returned as a tool error. */
export class ToolError extends Error {}

export function findCanvas(room: Room, id: string): CanvasMeta {
  const meta = canvasesMap(room.doc).get(id);
  if (meta) return meta;
  const ids = listCanvases(room.doc).map((canvas) => `${canvas.id} ("${canvas.title}")`);
  throw new ToolError(
    `There is no canvas "${id}" in this room${ids.length ? `; canvases: ${ids.join(", ")}` : " (it has none yet)"}.`,
  );
}

export function describeCanvas(room: Room, meta: CanvasMeta) {
  const text = canvasText(room.doc, meta.id);
  return {
    id: meta.id,
    title: meta.title,
    kind: meta.kind,
    language: meta.language,
    lines: text ? text.split("\n").length : 0,
    characters: text.length,
    uri: canvasUri(room.id, meta.id),
  };
}

export function canvasUri(roomId: string, canvasId: string): string {
  return `canvas://${encodeURIComponent(roomId)}/${encodeURIComponent(canvasId)}`;
}

export function canvasForUri(room: Room, uri: string): CanvasMeta {
  const match = /^canvas:\/\/([^/]+)\/([^/]+)$/.exec(uri);
  if (!match || decodeURIComponent(match[1]!) !== room.id)
    throw new ToolError(`${uri} is not a canvas of this room (canvas://${room.id}/<canvasId>).`);
  return findCanvas(room, decodeURIComponent(match[2]!));
}

export function mimeType(meta: CanvasMeta): string {
  return meta.kind === "document" ? "text/markdown" : "text/plain";
}
