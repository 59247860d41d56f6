// Every reader of a canvas (markdown, export, the agent's prompt, the editor) recurses once per level of
// nesting, and Node's stack overflows near 3,000 levels. A peer writing Yjs directly is not bound by
// the markdown parser's nesting limit, so the room refuses an update that would nest types deeper
// than MAX_NESTING, before it is applied, whatever order its pieces come in.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { canvasFragment, canvasesMap } from "../../shared/room.ts";
import { canvasText } from "../../shared/markdown/index.ts";
import { CLOSE } from "../../shared/closeCodes.ts";
import { readUpdate } from "../../server/rooms/updateCost.ts";
import { MAX_NESTING, updateNesting } from "../../server/rooms/updateDepth.ts";
import { startTestServer, waitFor, type RoomLinks, type TestServer } from "../helpers/server.ts";
import { connectWire, updateMessage, type WireClient } from "./wireClient.ts";

let server: TestServer;
let room: RoomLinks;
let canvasId: string;
const wires: WireClient[] = [];

beforeEach(async () => {
  server = await startTestServer();
  room = await server.createRoom("Deep");
  const created = await server.api(`/api/rooms/${room.roomId}/canvases`, {
    method: "POST",
    token: room.tokens.editor,
    body: { title: "Doc", kind: "document", content: "Shallow text." },
  });
  canvasId = (created.json as { canvasId: string }).canvasId;
});
afterEach(async () => {
  for (const wire of wires.splice(0)) wire.close();
  await server.close();
});

async function editorWire(): Promise<WireClient> {
  const wire = connectWire(`${server.wsUrl}/${room.roomId}?token=${room.tokens.editor}`);
  wires.push(wire);
  await wire.synced;
  return wire;
}

/** `levels` blockquotes, one inside the other, around a paragraph, at the start of `fragment`. */
function nest(fragment: Y.XmlFragment, levels: number): Y.XmlElement {
  let parent: Y.XmlFragment | Y.XmlElement = fragment;
  for (let level = 0; level < levels; level++) {
    const quote = new Y.XmlElement("blockquote");
    parent.insert(0, [quote]);
    parent = quote;
  }
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText("deep")]);
  parent.insert(0, [paragraph]);
  return parent as Y.XmlElement;
}

/** The room's canvas as its readers see it: markdown and the export route. */
async function readersWork(): Promise<string> {
  const live = await server.running.app.registry.get(room.roomId);
  const text = canvasText(live.doc, canvasId);
  const exported = await server.api(`/api/rooms/${room.roomId}/canvases/${canvasId}/export?format=markdown`, {
    token: room.tokens.viewer,
  });
  expect(exported.status).toBe(200);
  return text;
}

describe("nesting depth", () => {
  it("is worked out from the update's bytes: levels counted from the root, and from what the room holds", () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on("update", (update: Uint8Array) => updates.push(update));
    let deepest!: Y.XmlElement;
    doc.transact(() => (deepest = nest(canvasFragment(doc, "c1"), 10)));
    // fragment 1, ten quotes 2-11, the paragraph 12, its text 13.
    expect(updateNesting(new Y.Doc(), readUpdate(updates[0]!).structs)).toEqual({ depth: 13, unplaced: 0 });
    const room = new Y.Doc();
    Y.applyUpdate(room, updates[0]!);
    doc.transact(() => nest(deepest as unknown as Y.XmlFragment, 5));
    // Five more quotes under quote 11: 12-16, their paragraph 17, its text 18.
    expect(updateNesting(room, readUpdate(updates[1]!).structs)).toEqual({ depth: 18, unplaced: 0 });
    // Without the first update the second hangs from content the room lacks: counted from there.
    expect(updateNesting(new Y.Doc(), readUpdate(updates[1]!).structs)).toEqual({ depth: 7, unplaced: 7 });
  });

  it("a peer writing 100,000 nested elements is refused with a reason, and every reader keeps working", async () => {
    const wire = await editorWire();
    const deep = new Y.Doc();
    deep.transact(() => nest(canvasFragment(deep, canvasId), 100_000));
    wire.sendRaw(updateMessage(Y.encodeStateAsUpdate(deep)));
    const closed = await wire.closed;
    expect(closed.code).toBe(CLOSE.tooLarge);
    expect(closed.reason).toMatch(/nests content deeper than the room allows \(128 levels\)/);
    expect(await readersWork()).toBe("Shallow text.");
  });

  it("a chain sent in pieces, deepest first, is refused at the second piece that hangs from nothing yet", async () => {
    const author = new Y.Doc();
    const pieces: Uint8Array[] = [];
    author.on("update", (update: Uint8Array) => pieces.push(update));
    let parent: Y.XmlFragment | Y.XmlElement = canvasFragment(author, canvasId);
    for (let piece = 0; piece < 4; piece++) author.transact(() => (parent = nest(parent as Y.XmlFragment, 100)));
    const wire = await editorWire();
    wire.sendRaw(updateMessage(pieces[3]!)); // waits in Yjs for the piece it hangs from
    wire.sendRaw(updateMessage(pieces[2]!)); // a second waiting piece: refused
    const closed = await wire.closed;
    expect(closed.code).toBe(CLOSE.tooLarge);
    expect(closed.reason).toMatch(/depends on content the room does not have/);
    // In order, the pieces stop where the depth does: the second would reach level 200.
    const ordered = await editorWire();
    ordered.sendRaw(updateMessage(pieces[0]!));
    ordered.sendRaw(updateMessage(pieces[1]!));
    expect((await ordered.closed).reason).toMatch(/nests content deeper/);
    // The first piece (103 levels) stands, and reads as 100 quotes.
    expect((await readersWork()).match(/>/g)?.length).toBe(100);
  });

  it("what the markdown parser makes (100 quotes deep) can still be edited by a peer", async () => {
    const created = await server.api(`/api/rooms/${room.roomId}/canvases`, {
      method: "POST",
      token: room.tokens.editor,
      body: { title: "Quotes", kind: "document", content: `${"> ".repeat(100)}deep` },
    });
    expect(created.status).toBe(201);
    const quotesId = (created.json as { canvasId: string }).canvasId;
    const wire = await editorWire();
    let element: Y.XmlElement | Y.XmlFragment = canvasFragment(wire.doc, quotesId);
    let levels = 1;
    for (
      let child = element.get(0);
      child instanceof Y.XmlElement && child.nodeName === "blockquote";
      child = element.get(0)
    ) {
      element = child;
      levels++;
    }
    expect(levels).toBeGreaterThan(90);
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText("added at the bottom")]);
    element.insert(element.length, [paragraph]);
    const live = await server.running.app.registry.get(room.roomId);
    await waitFor(() => canvasText(live.doc, quotesId).includes("added at the bottom"), "the edit to be applied");
    expect(canvasesMap(live.doc).size).toBe(2);
    expect(MAX_NESTING).toBeGreaterThan(levels + 2);
  });
});
