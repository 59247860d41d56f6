// Provider faults during live multi-user editing: while two people type, the model provider fails
// in every way the fake OpenAI server can script. The room stays consistent (replicas converge,
// everything typed is kept, no half-written AI change) and usable (the next run works).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { installAgent } from "../../server/agent/index.ts";
import { createEngine } from "../../server/agent/engines.ts";
import type { RunManager } from "../../server/agent/runs.ts";
import { canvasText } from "../../shared/markdown/index.ts";
import { canvasFragment, listCanvases, readChat } from "../../shared/room.ts";
import { startFakeOpenAI, type FakeOpenAI, type FakeStep } from "../fake-openai/server.ts";
import {
  connectClient,
  fragmentText,
  startTestServer,
  waitFor,
  type RoomLinks,
  type TestClient,
  type TestServer,
} from "../helpers/server.ts";

const REWRITE = Array.from(
  { length: 30 },
  (_, index) => `Rewritten paragraph ${index} that must never be left half-written.`,
).join("\n\n");
const rewriteCall = { name: "rewrite_canvas", arguments: { content: REWRITE, summary: "Rewrote everything" } };
const createCall = {
  name: "create_canvas",
  arguments: { title: "Half", kind: "document", language: null, content: REWRITE },
};

const FAULTS: { name: string; steps: FakeStep[] }[] = [
  { name: "a 500 from the provider", steps: [{ status: 500 }, { status: 500 }] },
  { name: "a 401 from the provider", steps: [{ status: 401 }] },
  {
    name: "a rewrite whose stream is cut half-way",
    steps: [{ toolCall: rewriteCall, chunkSize: 40, delayMs: 5, cutAfterChunks: 30 }],
  },
  {
    name: "a new canvas whose stream is cut half-way",
    steps: [{ toolCall: createCall, chunkSize: 40, delayMs: 5, cutAfterChunks: 30 }],
  },
  {
    name: "a rewrite whose stream stalls",
    steps: [{ toolCall: rewriteCall, chunkSize: 40, delayMs: 5, stallAfterChunks: 30 }],
  },
  { name: "a provider that never answers", steps: [{ hang: true }, { hang: true }] },
  { name: "a malformed stream", steps: [{ malformed: true, text: "Let me rewrite that for you" }] },
];

let server: TestServer;
let fake: FakeOpenAI;
let room: RoomLinks;
let canvasId: string;
let runs: RunManager | null = null;
const clients: TestClient[] = [];

beforeAll(async () => {
  fake = await startFakeOpenAI();
  const engine = createEngine({
    engine: "openai",
    apiKey: "test-key",
    baseURL: fake.url,
    model: "fake-model",
    timeoutMs: 500,
    maxRetries: 0,
  });
  server = await startTestServer({
    extend: (app) => {
      runs = installAgent(app, { engine, runsPerMinute: 1_000 });
    },
  });
  room = await server.createRoom("Faults");
  const created = await server.api(`/api/rooms/${room.roomId}/canvases`, {
    method: "POST",
    token: room.tokens.editor,
    body: { title: "Shared", kind: "document", content: "Original first paragraph.\n\nOriginal second paragraph." },
  });
  canvasId = (created.json as { canvasId: string }).canvasId;
});
afterAll(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server.close();
  await fake.close();
});

function identity(doc: Y.Doc): string {
  return Buffer.from(Y.encodeSnapshot(Y.snapshot(doc))).toString("base64");
}

describe("provider faults during live editing", () => {
  it("every kind of provider failure leaves the room consistent, keeps what people typed, and the next run works", async () => {
    const alice = connectClient(server.wsUrl, room.roomId, room.tokens.editor);
    const bob = connectClient(server.wsUrl, room.roomId, room.tokens.owner);
    clients.push(alice, bob);
    await Promise.all([alice.synced, bob.synced]);
    const live = await server.running.app.registry.get(room.roomId);

    // Two people type new paragraphs the whole time.
    let typing = true;
    const typed: string[] = [];
    const typists = [alice, bob].map(async (client, who) => {
      for (let count = 0; typing; count++) {
        const line = `${who === 0 ? "alice" : "bob"} typed line ${count}`;
        const paragraph = new Y.XmlElement("paragraph");
        paragraph.insert(0, [new Y.XmlText(line)]);
        const fragment = canvasFragment(client.doc, canvasId);
        fragment.insert(fragment.length, [paragraph]);
        typed.push(line);
        await new Promise((resolve) => setTimeout(resolve, 15 + who * 7));
      }
    });

    const outcomes: string[] = [];
    for (const fault of FAULTS) {
      fake.reset();
      fake.script(fault.steps);
      const response = await server.api(`/api/rooms/${room.roomId}/messages`, {
        method: "POST",
        token: room.tokens.editor,
        body: { text: "Rewrite the whole thing please", canvasId },
      });
      expect(response.status, fault.name).toBe(202);
      await runs!.settle(room.roomId);
      const runId = (response.json as { runId: string }).runId;
      const run = (await server.api(`/api/rooms/${room.roomId}/runs/${runId}`, { token: room.tokens.viewer })).json as {
        status: string;
        error: string | null;
      };
      outcomes.push(`${fault.name}: ${run.status}`);
      expect(run.status, fault.name).toBe("error");
      expect(run.error, fault.name).toMatch(/\w{3,}/);
      // No half-written AI change: not in the canvas, and no extra canvas left behind.
      const text = canvasText(live.doc, canvasId);
      expect(text, fault.name).not.toContain("Rewritten paragraph");
      expect(text, fault.name).toContain("Original first paragraph.");
      expect(
        listCanvases(live.doc).map((meta) => meta.id),
        fault.name,
      ).toEqual([canvasId]);
      const chat = readChat(live.doc).filter((message) => message.runId === runId && message.role === "assistant");
      expect(
        chat.map((message) => message.status),
        fault.name,
      ).toEqual(["error"]);
    }
    console.log(`provider faults: ${outcomes.join("; ")}`);

    typing = false;
    await Promise.all(typists);
    await waitFor(
      () => identity(alice.doc) === identity(live.doc) && identity(bob.doc) === identity(live.doc),
      "both clients to converge with the server",
      15_000,
    );
    const serverText = fragmentText(canvasFragment(live.doc, canvasId));
    const missing = typed.filter((line) => !serverText.includes(line));
    expect(typed.length).toBeGreaterThan(20);
    expect(missing).toEqual([]);

    // Usable: a next run applies a targeted edit that everyone sees, and keeps what was typed.
    fake.reset();
    fake.script([
      {
        toolCall: {
          name: "edit_canvas",
          arguments: {
            edits: [{ find: "Original first paragraph.", replace: "Edited first paragraph.", all: false }],
            summary: "Edited",
          },
        },
      },
      { text: "Done: edited the first paragraph." },
    ]);
    const next = await server.api(`/api/rooms/${room.roomId}/messages`, {
      method: "POST",
      token: room.tokens.editor,
      body: { text: "Edit the first paragraph", canvasId },
    });
    expect(next.status).toBe(202);
    await runs!.settle(room.roomId);
    const nextRun = (
      await server.api(`/api/rooms/${room.roomId}/runs/${(next.json as { runId: string }).runId}`, {
        token: room.tokens.viewer,
      })
    ).json as { status: string };
    expect(nextRun.status).toBe("done");
    await waitFor(
      () =>
        [alice, bob].every((client) =>
          fragmentText(canvasFragment(client.doc, canvasId)).includes("Edited first paragraph."),
        ),
      "the successful edit to reach both clients",
    );
    const finalText = fragmentText(canvasFragment(alice.doc, canvasId));
    expect(typed.filter((line) => !finalText.includes(line))).toEqual([]);

    // And what is stored is what everyone sees.
    await live.flush();
    const stored = await server.running.app.store.loadDoc(room.roomId);
    const rebuilt = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(rebuilt, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(rebuilt, update);
    expect(fragmentText(canvasFragment(rebuilt, canvasId))).toBe(fragmentText(canvasFragment(live.doc, canvasId)));
  });
});
