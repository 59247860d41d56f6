// Concurrent review: people type around and inside suggested passages (through y-websocket, going
// offline and back) while others accept and reject through the API. Everyone converges, and no accept
// overwrites what a person typed: every word anyone typed is in the final canvas.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import * as Y from "yjs";
import { AgentOrigin, applyToolCall } from "../../shared/engine/index.ts";
import { canvasText } from "../../shared/markdown/index.ts";
import { canvasFragment } from "../../shared/room.ts";
import { listSuggestions } from "../../shared/suggestions/record.ts";
import { connectClient, startTestServer, waitFor, type TestClient, type TestServer } from "../helpers/server.ts";

const CLIENTS = 2;
const CONTENT = [
  "The harbour light turns every night.",
  "Keepers wrote the weather in a journal.",
  "Ships passed the rocks in winter storms.",
].join("\n\n");
const EDITS = [
  { find: "turns every night", replace: "turns all night long", all: false },
  { find: "wrote the weather", replace: "recorded the weather", all: false },
  { find: "in winter storms", replace: "through winter gales", all: false },
  { find: "Ships passed", replace: "Boats slipped past", all: false },
];

type Op =
  | { kind: "type"; client: number; paragraph: number; offset: number }
  | { kind: "decide"; pick: number; decision: "accept" | "reject" | "undo" }
  | { kind: "disconnect" | "connect"; client: number }
  | { kind: "pause"; ms: number };

const client = fc.integer({ min: 0, max: CLIENTS - 1 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant("type" as const), client, paragraph: fc.nat(2), offset: fc.nat(60) }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("decide" as const),
      pick: fc.nat(10),
      decision: fc.constantFrom("accept" as const, "accept" as const, "reject" as const, "undo" as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom("disconnect" as const, "connect" as const), client }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("pause" as const), ms: fc.integer({ min: 0, max: 20 }) }) },
);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

function typeInto(doc: Y.Doc, canvasId: string, paragraph: number, offset: number, marker: string): void {
  const fragment = canvasFragment(doc, canvasId);
  const node = fragment.get(paragraph % Math.max(1, fragment.length));
  if (!(node instanceof Y.XmlElement)) return;
  const text = node.toArray().find((child): child is Y.XmlText => child instanceof Y.XmlText);
  if (!text) return;
  // Never inside another marker, so each stays readable as typed.
  let at = offset % (text.length + 1);
  for (const match of text.toString().matchAll(/ zq\d+x /g))
    if (at > match.index && at < match.index + match[0].length) at = match.index + match[0].length;
  text.insert(at, marker);
}

function identity(doc: Y.Doc): string {
  return Buffer.from(Y.encodeSnapshot(Y.snapshot(doc))).toString("base64");
}

let runIndex = 0;

describe("suggestions under concurrent typing", () => {
  it("everyone converges and every typed word survives accepts, rejects and undos", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 4, maxLength: 24 }), async (ops) => {
        runIndex++;
        const room = await server.createRoom(`review ${runIndex}`);
        const created = await server.api(`/api/rooms/${room.roomId}/canvases`, {
          method: "POST",
          token: room.tokens.editor,
          body: { title: "Harbour", kind: "document", content: CONTENT },
        });
        const canvasId = (created.json as { canvasId: string }).canvasId;
        const live = await server.running.app.registry.get(room.roomId);
        const proposed = applyToolCall(
          live.doc,
          { name: "edit_canvas", arguments: { edits: EDITS, summary: "Livelier" } },
          { canvasId, origin: new AgentOrigin(`run-${runIndex}`), mode: "suggest" },
        );
        expect(proposed.ok).toBe(true);
        const ids = listSuggestions(live.doc, canvasId).map((s) => s.id);
        const clients: TestClient[] = [];
        const typed: string[] = [];
        try {
          for (let index = 0; index < CLIENTS; index++)
            clients.push(connectClient(server.wsUrl, room.roomId, room.tokens.editor));
          await Promise.all(clients.map((each) => each.synced));
          for (const op of ops) {
            if (op.kind === "type") {
              const marker = ` zq${typed.length}x `;
              typed.push(marker.trim());
              typeInto(clients[op.client]!.doc, canvasId, op.paragraph, op.offset, marker);
            } else if (op.kind === "decide") {
              const id = ids[op.pick % ids.length]!;
              const response = await server.api(`/api/rooms/${room.roomId}/suggestions/${id}/${op.decision}`, {
                method: "POST",
                token: room.tokens.editor,
              });
              expect([200, 409]).toContain(response.status);
            } else if (op.kind === "pause") await new Promise((resolve) => setTimeout(resolve, op.ms));
            else if (op.kind === "disconnect") clients[op.client]!.provider.disconnect();
            else clients[op.client]!.provider.connect();
          }
          for (const each of clients)
            if (!each.provider.wsconnected && !each.provider.wsconnecting) each.provider.connect();
          const converged = () =>
            clients.every((each) => each.provider.synced && identity(each.doc) === identity(live.doc));
          await waitFor(converged, "every replica to reach the server's state", 15_000);
          const final = canvasText(live.doc, canvasId);
          for (const each of clients) expect(canvasText(each.doc, canvasId)).toBe(final);
          for (const marker of typed) expect(final).toContain(marker);
        } finally {
          for (const each of clients) each.destroy();
        }
      }),
      { numRuns: 12 },
    );
  });
});
