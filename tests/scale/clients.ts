// Clients and helpers for the two-process tests: real y-websocket providers against spawned servers.
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { canvasFragment } from "../../shared/room.ts";

export interface ScaleClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  synced: Promise<void>;
  /** Drop the connection but keep the document (what a browser keeps when its server dies). */
  disconnect(): void;
  destroy(): void;
}

export function wsUrl(httpUrl: string): string {
  return httpUrl.replace(/^http/, "ws") + "/ws";
}

export function connect(httpUrl: string, roomId: string, token: string, doc = new Y.Doc()): ScaleClient {
  const provider = new WebsocketProvider(wsUrl(httpUrl), roomId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token },
    disableBc: true,
    maxBackoffTime: 300,
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    else provider.once("sync", (isSynced: boolean) => isSynced && resolve());
  });
  return {
    doc,
    provider,
    synced,
    disconnect() {
      provider.destroy();
    },
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export async function createRoom(httpUrl: string): Promise<{ roomId: string; tokens: { owner: string; editor: string; viewer: string } }> {
  const response = await fetch(`${httpUrl}/api/rooms`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
  if (response.status !== 201) throw new Error(`creating a room failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as { roomId: string; tokens: { owner: string; editor: string; viewer: string } };
}

export function typeParagraph(doc: Y.Doc, text: string, canvasId = "c1"): void {
  const fragment = canvasFragment(doc, canvasId);
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  fragment.insert(fragment.length, [paragraph]);
}

export function lines(doc: Y.Doc, canvasId = "c1"): string[] {
  return canvasFragment(doc, canvasId)
    .toArray()
    .map((node) => (node instanceof Y.XmlElement ? node.toArray().map((child) => child.toString()).join("") : node.toString()));
}
