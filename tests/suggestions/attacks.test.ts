// Suggestion review under attack and at the edges, on a real server with real y-websocket clients: a
// commenter who tries to accept (through the API and by writing the room's Y.Doc over the socket),
// garbage ids and bodies, two people deciding at once, a colleague typing inside the passage while it is
// accepted, a canvas deleted meanwhile, code canvases, and undoing an "accept all" in one call.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { AgentOrigin, applyToolCall } from "../../shared/engine/index.ts";
import { canvasText } from "../../shared/markdown/index.ts";
import { canvasFragment } from "../../shared/room.ts";
import { listSuggestions, suggestionsMap, type SuggestionRecord } from "../../shared/suggestions/record.ts";
import {
  connectClient,
  startTestServer,
  waitFor,
  type RoomLinks,
  type TestClient,
  type TestServer,
} from "../helpers/server.ts";

const ESSAY = [
  "# Harbour",
  "The light turns every night.",
  "Keepers wrote the weather in a journal.",
  "Ships passed the rocks in winter storms.",
].join("\n\n");

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

interface ApiError {
  error: { code: string; message: string };
}

async function setup(content = ESSAY, kind: "document" | "code" = "document") {
  const room = await server.createRoom("Review");
  const created = await server.api(`/api/rooms/${room.roomId}/canvases`, {
    method: "POST",
    token: room.tokens.editor,
    body: { title: "Harbour", kind, language: kind === "code" ? "typescript" : null, content },
  });
  expect(created.status).toBe(201);
  const { canvasId } = created.json as { canvasId: string };
  const api = (path: string, token: string, method = "GET", body?: unknown) =>
    server.api(`/api/rooms/${room.roomId}${path}`, { method, token, body });
  const propose = async (find: string, replace: string, token = room.tokens.commenter): Promise<string> => {
    const response = await api("/suggestions", token, "POST", { canvasId, find, replace });
    expect(response.status).toBe(201);
    return (response.json as { suggestionIds: string[] }).suggestionIds[0]!;
  };
  const live = async () => (await server.running.app.registry.get(room.roomId)).doc;
  return { room, canvasId, api, propose, live };
}

function connect(room: RoomLinks, token: string, clients: TestClient[]): TestClient {
  const client = connectClient(server.wsUrl, room.roomId, token);
  clients.push(client);
  return client;
}

/** Insert text at `offset` inside the first paragraph holding `needle`, as a person typing. */
function typeInside(doc: Y.Doc, canvasId: string, needle: string, offset: number, insert: string): void {
  for (const block of canvasFragment(doc, canvasId).toArray()) {
    if (!(block instanceof Y.XmlElement)) continue;
    for (const child of block.toArray())
      if (child instanceof Y.XmlText && child.toString().includes(needle)) {
        child.insert(child.toString().indexOf(needle) + offset, insert);
        return;
      }
  }
  throw new Error(`no text holds "${needle}"`);
}

describe("suggestion review under attack", () => {
  it("a commenter cannot accept: not through the API, and not by writing the Y.Doc over the socket", async () => {
    const { room, canvasId, api, propose, live } = await setup();
    const id = await propose("every night", "all night long");
    const { tokens } = room;
    for (const path of [`/suggestions/${id}/accept`, `/suggestions/${id}/reject`, `/suggestions/${id}/undo`])
      expect((await api(path, tokens.commenter, "POST")).status).toBe(403);
    for (const decision of ["accept", "reject", "undo"])
      expect((await api(`/suggestions/${decision}`, tokens.commenter, "POST", { ids: [id] })).status).toBe(403);
    expect((await api("/mode", tokens.commenter, "PUT", { mode: "suggest" })).status).toBe(403);

    // Forge an accept in the commenter's replica: mark it accepted and write the replacement.
    const clients: TestClient[] = [];
    try {
      const mallory = connect(room, tokens.commenter, clients);
      const editor = connect(room, tokens.editor, clients);
      await Promise.all([mallory.synced, editor.synced]);
      await waitFor(() => suggestionsMap(mallory.doc).has(id), "the commenter to see the suggestion");
      const record = suggestionsMap(mallory.doc).get(id)!;
      mallory.doc.transact(() => {
        suggestionsMap(mallory.doc).set(id, { ...record, status: "accepted", decidedBy: "mallory" });
        typeInside(mallory.doc, canvasId, "every night", 0, "all night long ");
      });
      // Messages on one socket are handled in order: once the editor sees the commenter's presence
      // sent after the forgery, the server has handled (and dropped) the forgery.
      mallory.provider.awareness.setLocalStateField("probe", "after-forgery");
      await waitFor(
        () =>
          [...editor.provider.awareness.getStates().values()].some(
            (state) => (state as { probe?: string }).probe === "after-forgery",
          ),
        "the editor to see the commenter's presence",
      );
      const doc = await live();
      expect(suggestionsMap(doc).get(id)?.status).toBe("pending");
      expect(canvasText(doc, canvasId)).toBe(ESSAY);
      expect(canvasText(editor.doc, canvasId)).toBe(ESSAY);
      const listed = await api(`/suggestions?canvasId=${canvasId}`, tokens.viewer);
      expect((listed.json as { suggestions: { status: string }[] }).suggestions[0]!.status).toBe("pending");
    } finally {
      for (const client of clients) client.destroy();
    }
  });

  it("garbage ids and bodies answer 4xx with a message and change nothing", async () => {
    const { room, canvasId, api, propose, live } = await setup();
    const id = await propose("every night", "all night long");
    const editor = room.tokens.editor;
    const garbage = ["nope", "x".repeat(3_000), "%E2%80%AE%00", "..%2F..%2Fmode", encodeURIComponent("' OR 1=1 --")];
    for (const bad of garbage) {
      const response = await api(`/suggestions/${bad}/accept`, editor, "POST");
      expect(response.status).toBe(404);
      expect((response.json as ApiError).error.message).toMatch(/No suggestion/);
    }
    const bodies: unknown[] = [
      {},
      { ids: [] },
      { ids: [42] },
      { ids: "abc" },
      { ids: [id], changeId: "c" },
      { ids: Array.from({ length: 501 }, (_, i) => `id${i}`) },
      { changeId: "" },
      { ids: [id], extra: true },
    ];
    for (const body of bodies) expect((await api("/suggestions/accept", editor, "POST", body)).status).toBe(400);
    const unknown = await api("/suggestions/accept", editor, "POST", { ids: [id, "ghost"] });
    expect(unknown.status).toBe(404);
    expect((unknown.json as ApiError).error.message).toContain("ghost");
    expect((await api("/suggestions/accept", editor, "POST", { changeId: "no-such-change" })).status).toBe(404);
    const undoPending = await api(`/suggestions/${id}/undo`, editor, "POST");
    expect(undoPending.status).toBe(409);
    expect((undoPending.json as ApiError).error.message).toMatch(/still pending/);
    const listed = await api(`/suggestions?canvasId=no-such-canvas`, room.tokens.viewer);
    expect(listed.status).toBe(200);
    expect((listed.json as { suggestions: unknown[] }).suggestions).toEqual([]);
    // Nothing was decided: the one real suggestion is pending, the text as it was.
    const doc = await live();
    expect(suggestionsMap(doc).get(id)?.status).toBe("pending");
    expect(canvasText(doc, canvasId)).toBe(ESSAY);
    expect((await api(`/suggestions/${id}/accept`, editor, "POST")).status).toBe(200);
  });

  it("two people accepting the same suggestion at once: one wins, the other is told it was already accepted", async () => {
    const { room, canvasId, api, propose, live } = await setup();
    const id = await propose("every night", "all night long");
    const [first, second] = await Promise.all([
      api(`/suggestions/${id}/accept`, room.tokens.editor, "POST"),
      api(`/suggestions/${id}/accept`, room.tokens.owner, "POST"),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const loser = first.status === 409 ? first : second;
    expect((loser.json as ApiError).error.message).toMatch(/already accepted/);
    expect(canvasText(await live(), canvasId)).toBe(ESSAY.replace("every night", "all night long"));
  });

  it("a colleague typing inside the passage as it is accepted: their keystrokes survive, everyone converges", async () => {
    const sentences = Array.from({ length: 8 }, (_, i) => `Line ${i} holds the words alpha beta gamma.`);
    const { room, canvasId, api, propose, live } = await setup(sentences.join("\n\n"));
    const clients: TestClient[] = [];
    try {
      const colleague = connect(room, room.tokens.editor, clients);
      await colleague.synced;
      const statuses: number[] = [];
      for (let i = 0; i < sentences.length; i++) {
        const id = await propose(`${i} holds the words alpha beta`, `${i} keeps the words delta`);
        await waitFor(() => suggestionsMap(colleague.doc).has(id), "the colleague to see the suggestion");
        // Typed into "words" of the passage, sent at the same moment as the accept.
        typeInside(colleague.doc, canvasId, `Line ${i} holds`, 14, `Q${i}Q`);
        const accepted = await api(`/suggestions/${id}/accept`, room.tokens.owner, "POST");
        statuses.push(accepted.status);
        expect([200, 409]).toContain(accepted.status);
        if (accepted.status === 409) expect((accepted.json as ApiError).error.code).toBe("outdated");
      }
      const doc = await live();
      await waitFor(
        () => canvasText(colleague.doc, canvasId) === canvasText(doc, canvasId),
        "the colleague and the server to converge",
      );
      const final = canvasText(doc, canvasId);
      for (let i = 0; i < sentences.length; i++) expect(final).toContain(`Q${i}Q`);
      // An accepted one wrote its replacement; a refused one left the passage with the typing in it.
      listSuggestions(doc, canvasId).forEach((record: SuggestionRecord, i) => {
        if (statuses[i] === 200) expect(final).toContain("keeps the words delta");
        else expect(record.status).toBe("pending");
      });
    } finally {
      for (const client of clients) client.destroy();
    }
  });

  it("a suggestion on a canvas deleted meanwhile is refused with a clear message until the canvas is restored", async () => {
    const { room, canvasId, api, propose, live } = await setup();
    const id = await propose("every night", "all night long");
    expect((await api(`/canvases/${canvasId}`, room.tokens.editor, "DELETE", {})).status).toBe(200);
    const refused = await api(`/suggestions/${id}/accept`, room.tokens.editor, "POST");
    expect(refused.status).toBe(409);
    expect((refused.json as ApiError).error).toMatchObject({ code: "canvas_deleted" });
    expect((refused.json as ApiError).error.message).toMatch(/was deleted.*restore the canvas from the trash/);
    expect((await api("/suggestions/accept", room.tokens.editor, "POST", { ids: [id] })).status).toBe(409);
    // A proposal on the deleted canvas is refused too.
    const proposal = await api("/suggestions", room.tokens.commenter, "POST", {
      canvasId,
      find: "Ships",
      replace: "Boats",
    });
    expect(proposal.status).toBe(404);
    expect((await api(`/canvases/${canvasId}/restore`, room.tokens.editor, "POST", {})).status).toBe(200);
    expect((await api(`/suggestions/${id}/accept`, room.tokens.editor, "POST")).status).toBe(200);
    expect(canvasText(await live(), canvasId)).toBe(ESSAY.replace("every night", "all night long"));
  });

  it("code canvases: accept writes exactly the replacement into the source, undo puts it back", async () => {
    const source = "export function add(a: number, b: number) {\n  return a + b;\n}\n\nconsole.log(add(1, 2));\n";
    const { room, canvasId, api, propose } = await setup(source, "code");
    const exported = async () => (await api(`/canvases/${canvasId}/export?format=source`, room.tokens.viewer)).text;
    const before = await exported();
    const id = await propose("console.log(add(1, 2));", "export const three = add(1, 2);");
    expect(await exported()).toBe(before);
    expect((await api(`/suggestions/${id}/accept`, room.tokens.editor, "POST")).status).toBe(200);
    expect(await exported()).toBe(before.replace("console.log(add(1, 2));", "export const three = add(1, 2);"));
    expect((await api(`/suggestions/${id}/undo`, room.tokens.editor, "POST")).status).toBe(200);
    expect(await exported()).toBe(before);
  });

  it("an accept of all of one change is undone in one call, all or none", async () => {
    const { room, canvasId, api, live } = await setup();
    const proposed = applyToolCall(
      await live(),
      {
        name: "edit_canvas",
        arguments: {
          edits: [
            { find: "every night", replace: "all evening", all: false },
            { find: "winter storms", replace: "autumn gales", all: false },
          ],
          summary: "Seasons",
        },
      },
      { canvasId, origin: new AgentOrigin("run-1"), mode: "suggest" },
    );
    expect(proposed.ok).toBe(true);
    const changeId = proposed.ok ? proposed.change.id : "";
    const accepted = await api("/suggestions/accept", room.tokens.editor, "POST", { changeId, canvasId });
    expect(accepted.status).toBe(200);
    const ids = (accepted.json as { suggestions: { id: string }[] }).suggestions.map((s) => s.id);
    expect(ids).toHaveLength(2);
    const changed = ESSAY.replace("every night", "all evening").replace("winter storms", "autumn gales");
    expect(canvasText(await live(), canvasId)).toBe(changed);
    // A person edits the second accepted passage: undoing both is refused, and nothing is undone.
    const doc = await live();
    doc.transact(() => typeInside(doc, canvasId, "autumn gales", 7, "cold "));
    const refused = await api("/suggestions/undo", room.tokens.editor, "POST", { ids });
    expect(refused.status).toBe(409);
    expect((refused.json as ApiError).error.code).toBe("changed_since");
    expect(canvasText(doc, canvasId)).toBe(changed.replace("autumn gales", "autumn cold gales"));
    doc.transact(() => {
      for (const block of canvasFragment(doc, canvasId).toArray())
        if (block instanceof Y.XmlElement)
          for (const child of block.toArray())
            if (child instanceof Y.XmlText && child.toString().includes("cold "))
              child.delete(child.toString().indexOf("cold "), 5);
    });
    const undone = await api("/suggestions/undo", room.tokens.editor, "POST", { ids });
    expect(undone.status).toBe(200);
    expect(canvasText(doc, canvasId)).toBe(ESSAY);
    expect(ids.map((id) => suggestionsMap(doc).get(id)?.status)).toEqual(["pending", "pending"]);
  });
});
