// Each canvas of the session's room as an MCP resource (canvas://<roomId>/<canvasId>: markdown for a
// document, the source for code) with subscriptions, so a client hears when people change it.
import { ResourceTemplate, type McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import {
  SubscribeRequestSchema,
  UnsubscribeRequestSchema,
  type ReadResourceResult,
} from "@modelcontextprotocol/sdk/types.js";
import { canvasFragment, listCanvases, type CanvasMeta } from "../../shared/room.ts";
import { canvasText } from "../../shared/markdown/index.ts";
import type { Room } from "../rooms/room.ts";
import { canvasForUri, canvasUri, mimeType } from "./canvases.ts";

const SUBSCRIPTION_THROTTLE_MS = 200;

export class CanvasResources {
  private readonly subscriptions = new Map<string, () => void>();
  private closed = false;

  /** `room`: the session's room for a request (rate-limited like a tool call). */
  constructor(
    private readonly server: McpServer,
    private readonly room: () => Promise<Room>,
  ) {
    const template = new ResourceTemplate("canvas://{roomId}/{canvasId}", {
      list: async () => {
        const room = await this.room();
        return {
          resources: listCanvases(room.doc).map((meta) => ({
            uri: canvasUri(room.id, meta.id),
            name: meta.title,
            mimeType: mimeType(meta),
          })),
        };
      },
    });
    server.registerResource(
      "canvas",
      template,
      { description: "A canvas of this room: markdown for documents, the source for code." },
      async (uri): Promise<ReadResourceResult> => {
        const room = await this.room();
        const meta = canvasForUri(room, uri.href);
        return { contents: [{ uri: uri.href, mimeType: mimeType(meta), text: canvasText(room.doc, meta.id) }] };
      },
    );
    server.server.setRequestHandler(SubscribeRequestSchema, async (request) => {
      const room = await this.room();
      this.subscribe(room, canvasForUri(room, request.params.uri));
      return {};
    });
    server.server.setRequestHandler(UnsubscribeRequestSchema, async (request) => {
      this.subscriptions.get(request.params.uri)?.();
      this.subscriptions.delete(request.params.uri);
      return {};
    });
  }

  close(): void {
    this.closed = true;
    for (const stop of this.subscriptions.values()) stop();
    this.subscriptions.clear();
  }

  /** Tell the client when people (or anyone) change the canvas, at most every SUBSCRIPTION_THROTTLE_MS. */
  private subscribe(room: Room, meta: CanvasMeta): void {
    const uri = canvasUri(room.id, meta.id);
    if (this.subscriptions.has(uri)) return;
    const fragment = canvasFragment(room.doc, meta.id);
    let timer: NodeJS.Timeout | null = null;
    const notify = (): void => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        if (!this.closed) void this.server.server.sendResourceUpdated({ uri }).catch(() => undefined);
      }, SUBSCRIPTION_THROTTLE_MS);
    };
    fragment.observeDeep(notify);
    this.subscriptions.set(uri, () => {
      fragment.unobserveDeep(notify);
      if (timer) clearTimeout(timer);
    });
  }
}
