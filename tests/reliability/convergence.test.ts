// Convergence under random interleavings: three people typing (some of it offline), the agent
// editing the server's live document, sockets dropping and coming back. Every replica and the
// stored document must end identical, every time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import * as Y from "yjs";
import { AgentOrigin, applyToolCall } from "../../shared/engine/index.ts";
import { canvasText } from "../../shared/markdown/index.ts";
import { canvasFragment } from "../../shared/room.ts";
import { connectClient, startTestServer, waitFor, type TestClient, type TestServer } from "../helpers/server.ts";

const CLIENTS = 3;
const WORDS = ["alpha", "beta", "gamma", "delta", "omega", "Canvas", "über", "naïve", "👍", "x"];

type Op =
  | { kind: "insert"; client: number; paragraph: number; offset: number; text: string }
  | { kind: "delete"; client: number; paragraph: number; offset: number; length: number }
  | { kind: "paragraph"; client: number; index: number; text: string }
  | { kind: "disconnect"; client: number }
  | { kind: "connect"; client: number }
  | { kind: "agentEdit"; pick: number; replacement: string }
  | { kind: "agentRewrite"; words: string[] }
  | { kind: "pause"; ms: number };

const client = fc.integer({ min: 0, max: CLIENTS - 1 });
const word = fc.constantFrom(...WORDS);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("insert" as const),
      client,
      paragraph: fc.nat(20),
      offset: fc.nat(200),
      text: word.map((w) => `${w} `),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("delete" as const),
      client,
      paragraph: fc.nat(20),
      offset: fc.nat(200),
      length: fc.integer({ min: 1, max: 8 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("paragraph" as const),
      client,
      index: fc.nat(20),
      text: fc.array(word, { minLength: 1, maxLength: 6 }).map((ws) => ws.join(" ")),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("disconnect" as const), client }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("connect" as const), client }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("agentEdit" as const),
      pick: fc.nat(1000),
      replacement: word.map((w) => w.toUpperCase()),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("agentRewrite" as const),
      words: fc.array(word, { minLength: 1, maxLength: 12 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("pause" as const), ms: fc.integer({ min: 0, max: 30 }) }) },
);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ compactEvery: 25 });
});
afterAll(async () => {
  await server.close();
});

function paragraphText(fragment: Y.XmlFragment, index: number): Y.XmlText | null {
  if (fragment.length === 0) return null;
  const node = fragment.get(index % fragment.length);
  if (!(node instanceof Y.XmlElement)) return null;
  const text = node.toArray().find((child): child is Y.XmlText => child instanceof Y.XmlText);
  return text ?? null;
}

function humanEdit(doc: Y.Doc, canvasId: string, op: Op): void {
  const fragment = canvasFragment(doc, canvasId);
  switch (op.kind) {
    case "insert": {
      const text = paragraphText(fragment, op.paragraph);
      if (text) text.insert(op.offset % (text.length + 1), op.text);
      return;
    }
    case "delete": {
      const text = paragraphText(fragment, op.paragraph);
      if (text && text.length > 0) {
        const offset = op.offset % text.length;
        text.delete(offset, Math.min(op.length, text.length - offset));
      }
      return;
    }
    case "paragraph": {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText(op.text)]);
      fragment.insert(op.index % (fragment.length + 1), [paragraph]);
      return;
    }
    default:
      return;
  }
}

/** The agent's change on the server's live doc, through the edit engine (a refused edit is fine). */
function agentEdit(doc: Y.Doc, canvasId: string, op: Op, runIndex: number): void {
  if (op.kind === "agentEdit") {
    const words = canvasText(doc, canvasId).match(/[A-Za-zÀ-ÿ]{3,}/g) ?? [];
    if (words.length === 0) return;
    const find = words[op.pick % words.length]!;
    applyToolCall(
      doc,
      { name: "edit_canvas", arguments: { edits: [{ find, replace: op.replacement, all: true }], summary: "fuzz" } },
      {
        canvasId,
        origin: new AgentOrigin(`fuzz-${runIndex}`),
      },
    );
  } else if (op.kind === "agentRewrite") {
    const content = `${op.words.join(" ")}\n\n${canvasText(doc, canvasId)}`;
    applyToolCall(
      doc,
      { name: "rewrite_canvas", arguments: { content, summary: "fuzz rewrite" } },
      { canvasId, origin: new AgentOrigin(`fuzz-${runIndex}`) },
    );
  }
}

function snapshotOf(doc: Y.Doc, canvasId: string): string {
  return canvasFragment(doc, canvasId).toString();
}

/** State vector and delete set: equal for two replicas exactly when they hold the same document. */
function identity(doc: Y.Doc): string {
  return Buffer.from(Y.encodeSnapshot(Y.snapshot(doc))).toString("base64");
}

let runIndex = 0;

describe("convergence", () => {
  it("three clients, the agent, disconnects and offline edits always converge, and the store holds the same document", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 30 }), async (ops) => {
        runIndex++;
        const room = await server.createRoom(`fuzz ${runIndex}`);
        const created = await server.api(`/api/rooms/${room.roomId}/canvases`, {
          method: "POST",
          token: room.tokens.editor,
          body: {
            title: "Fuzz",
            kind: "document",
            content: "First paragraph here.\n\nSecond one, with words.\n\nThird and last.",
          },
        });
        const canvasId = (created.json as { canvasId: string }).canvasId;
        const live = await server.running.app.registry.get(room.roomId);
        const clients: TestClient[] = [];
        try {
          for (let index = 0; index < CLIENTS; index++)
            clients.push(connectClient(server.wsUrl, room.roomId, room.tokens.editor));
          await Promise.all(clients.map((each) => each.synced));
          for (const op of ops) {
            if (op.kind === "disconnect") clients[op.client]!.provider.disconnect();
            else if (op.kind === "connect") clients[op.client]!.provider.connect();
            else if (op.kind === "pause") await new Promise((resolve) => setTimeout(resolve, op.ms));
            else if (op.kind === "agentEdit" || op.kind === "agentRewrite") agentEdit(live.doc, canvasId, op, runIndex);
            else humanEdit(clients[op.client]!.doc, canvasId, op);
          }
          for (const each of clients)
            if (!each.provider.wsconnected && !each.provider.wsconnecting) each.provider.connect();

          // Same state vector AND same delete set (a delete-only update does not move the state vector).
          const target = () => identity(live.doc);
          const converged = () => clients.every((each) => each.provider.synced && identity(each.doc) === target());
          await waitFor(converged, "every replica to reach the server's state", 15_000).catch(() => undefined);
          const expected = snapshotOf(live.doc, canvasId);
          for (const each of clients) {
            expect(snapshotOf(each.doc, canvasId)).toBe(expected);
            expect(identity(each.doc)).toBe(target());
          }

          await live.flush();
          const stored = await server.running.app.store.loadDoc(room.roomId);
          const rebuilt = new Y.Doc();
          if (stored.snapshot) Y.applyUpdate(rebuilt, stored.snapshot);
          for (const update of stored.updates) Y.applyUpdate(rebuilt, update);
          expect(snapshotOf(rebuilt, canvasId)).toBe(expected);
          expect(identity(rebuilt)).toBe(identity(live.doc));
        } finally {
          for (const each of clients) each.destroy();
        }
      }),
      { numRuns: 25 },
    );
  });
});
