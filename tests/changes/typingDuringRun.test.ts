// Two people on y-websocket clients and the real server while the fake model streams slowly: what the
// second one types during a rewrite is in the final canvas or in a comment that keeps it, everyone
// converges, and Esc during a streamed create keeps what arrived.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { canvasText } from "../../shared/markdown/index.ts";
import { canvasFragment, canvasesMap, commentsMap, listCanvases } from "../../shared/room.ts";
import type { ChangeSummary } from "../../shared/changes.ts";
import { connectClient, typeParagraph, waitFor, type TestClient } from "../helpers/server.ts";
import { startAgentHarness, type AgentHarness } from "../agent/harness.ts";

let harness: AgentHarness;
const clients: TestClient[] = [];
beforeEach(async () => {
  harness = await startAgentHarness({ timeoutMs: 10_000, maxRetries: 0 });
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await harness.close();
});

const PARAGRAPHS = Array.from({ length: 6 }, (_, i) => `The harbour story, part ${i}, with its boats and nets.`);
const ESSAY = `# Harbour\n\n${PARAGRAPHS.join("\n\n")}`;
const FRENCH = `# Port\n\n${PARAGRAPHS.map((_, i) => `L'histoire du port, partie ${i}, avec ses bateaux.`).join("\n\n")}`;

async function person(): Promise<TestClient> {
  const client = connectClient(harness.server.wsUrl, harness.room.roomId, harness.room.tokens.editor);
  clients.push(client);
  await client.synced;
  return client;
}

function typeInto(doc: Y.Doc, canvasId: string, paragraph: number, words: string): void {
  const block = canvasFragment(doc, canvasId).get(paragraph + 1) as Y.XmlElement;
  const text = block.get(0) as Y.XmlText;
  text.insert(text.length, ` ${words}`);
}

function keptSomewhere(doc: Y.Doc, canvasId: string, word: string): boolean {
  return (
    canvasText(doc, canvasId).includes(word) ||
    [...commentsMap(doc).values()].some((comment) => comment.body.includes(word))
  );
}

describe("people typing while a run streams into their canvas", () => {
  it("every word typed during a streamed rewrite is in the final canvas or a conflict comment, and both converge", async () => {
    harness.fake.script([
      {
        toolCall: {
          name: "create_canvas",
          arguments: { title: "Harbour", kind: "document", language: null, content: ESSAY },
        },
      },
    ]);
    await harness.run({ text: "Write about the harbour" });
    const canvasId = listCanvases(await harness.doc())[0]!.id;
    const ada = await person();
    const bob = await person();
    harness.fake.script([
      {
        toolCall: { name: "rewrite_canvas", arguments: { content: FRENCH, summary: "Translated to French" } },
        chunkSize: 6,
        delayMs: 15,
      },
    ]);
    const sent = await harness.send({ text: "Translate it to French", canvasId });
    expect(sent.status).toBe(202);
    // Bob types once the rewrite is visibly streaming: into a paragraph it will replace, and a new one.
    await waitFor(() => canvasText(bob.doc, canvasId).startsWith("# Port"), "the rewrite to start streaming");
    typeInto(bob.doc, canvasId, 4, "bobsfirstword");
    typeParagraph(canvasFragment(bob.doc, canvasId), "Bob's own closing line bobssecondword.");
    await harness.runs().settle(harness.room.roomId);
    const server = await harness.doc();
    for (const word of ["bobsfirstword", "bobssecondword"])
      expect(keptSomewhere(server, canvasId, word), word).toBe(true);
    expect(canvasText(server, canvasId)).toContain("Bob's own closing line bobssecondword.");
    for (const client of [ada, bob])
      await waitFor(
        () =>
          canvasText(client.doc, canvasId) === canvasText(server, canvasId) &&
          commentsMap(client.doc).size === commentsMap(server).size,
        "every client to converge",
      );
  });

  it("Esc during a streamed create keeps the canvas and what already arrived, as an undoable change", async () => {
    harness.fake.script([
      {
        toolCall: {
          name: "create_canvas",
          arguments: { title: "Harbour", kind: "document", language: null, content: ESSAY },
        },
        chunkSize: 10,
        stallAfterChunks: 20,
      },
    ]);
    expect((await harness.send({ text: "Write about the harbour" })).status).toBe(202);
    const server = await harness.doc();
    await waitFor(
      () => listCanvases(server).length === 1 && canvasText(server, listCanvases(server)[0]!.id).includes("part 0"),
      "the first paragraphs",
    );
    const canvasId = listCanvases(server)[0]!.id;
    const arrived = canvasText(server, canvasId);
    const cancel = await harness.server.api(`/api/rooms/${harness.room.roomId}/runs/current/cancel`, {
      method: "POST",
      token: harness.room.tokens.editor,
    });
    expect(cancel.status).toBe(200);
    expect(canvasesMap(server).has(canvasId)).toBe(true);
    expect(canvasText(server, canvasId).startsWith(arrived)).toBe(true);
    const listed = await harness.server.api(`/api/rooms/${harness.room.roomId}/changes?canvasId=${canvasId}`, {
      token: harness.room.tokens.viewer,
    });
    const [change] = (listed.json as { changes: ChangeSummary[] }).changes;
    expect(change).toMatchObject({ tool: "create_canvas", status: "applied" });
  });
});
