// Clients and helpers for the two-process tests: real y-websocket providers against spawned servers.
import * as Y from "yjs";
import { canvasFragment } from "../../shared/room.ts";
import { connectClient, type TestClient } from "../helpers/server.ts";

export interface ScaleClient extends TestClient {
  /** Drop the connection but keep the document (what a browser keeps when its server dies). */
  disconnect(): void;
}

function wsUrl(httpUrl: string): string {
  return httpUrl.replace(/^http/, "ws") + "/ws";
}

export function connect(httpUrl: string, roomId: string, token: string, doc = new Y.Doc()): ScaleClient {
  const client = connectClient(wsUrl(httpUrl), roomId, token, doc);
  return { ...client, disconnect: () => client.provider.destroy() };
}

export async function createRoom(
  httpUrl: string,
): Promise<{ roomId: string; tokens: { owner: string; editor: string; viewer: string } }> {
  const response = await fetch(`${httpUrl}/api/rooms`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: "{}",
  });
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
    .map((node) =>
      node instanceof Y.XmlElement
        ? node
            .toArray()
            .map((child) => child.toString())
            .join("")
        : node.toString(),
    );
}
