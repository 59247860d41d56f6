// The change log through the real server, the real openai SDK and the fake model: every AI change is a
// durable record, and each can be undone on its own, on its own canvas, after a restart too.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { canvasText } from "../../shared/markdown/index.ts";
import { canvasesMap, commentsMap, listCanvases, readChat } from "../../shared/room.ts";
import type { ChangeSummary } from "../../shared/changes.ts";
import * as Y from "yjs";
import { connectClient, typeParagraph, waitFor } from "../helpers/server.ts";
import { startAgentHarness, type AgentHarness } from "../agent/harness.ts";

let harness: AgentHarness;
beforeEach(async () => {
  harness = await startAgentHarness({ timeoutMs: 2_000, maxRetries: 1 });
});
afterEach(async () => {
  await harness.close();
});

const ESSAY =
  "# Lighthouses\n\nLighthouses guided ships for centuries.\n\nThe keeper's life was lonely and hard.\n\nToday most lights are automated.";

const api = (path: string, init: { method?: string; body?: unknown; token?: string } = {}) =>
  harness.server.api(`/api/rooms/${harness.room.roomId}${path}`, { token: harness.room.tokens.editor, ...init });

async function create(title: string, content: string): Promise<string> {
  harness.fake.script([
    { toolCall: { name: "create_canvas", arguments: { title, kind: "document", language: null, content } } },
  ]);
  const before = new Set(listCanvases(await harness.doc()).map((canvas) => canvas.id));
  expect((await harness.run({ text: `Write ${title}` })).status).toBe("done");
  return listCanvases(await harness.doc()).find((canvas) => !before.has(canvas.id))!.id;
}

async function edit(canvasId: string, find: string, replace: string, summary: string): Promise<void> {
  harness.fake.script([
    { toolCall: { name: "edit_canvas", arguments: { edits: [{ find, replace, all: false }], summary } } },
  ]);
  const run = await harness.run({ text: summary, canvasId });
  expect(run.status).toBe("done");
}

async function changes(canvasId?: string): Promise<ChangeSummary[]> {
  const response = await api(`/changes${canvasId ? `?canvasId=${canvasId}` : ""}`, {
    token: harness.room.tokens.viewer,
  });
  expect(response.status).toBe(200);
  return (response.json as { changes: ChangeSummary[] }).changes;
}

const undo = (changeId: string) => api(`/changes/${encodeURIComponent(changeId)}/undo`, { method: "POST", body: {} });

describe("AI change records", () => {
  it("every AI change is a record with its run, canvas, tool, summary and author, listed newest first", async () => {
    const canvasId = await create("Lighthouses", ESSAY);
    await edit(canvasId, "lonely and hard", "quiet and devoted", "Softened paragraph 2");
    const list = await changes(canvasId);
    expect(list.map((change) => [change.tool, change.summary, change.status])).toEqual([
      ["edit_canvas", "Softened paragraph 2", "applied"],
      ["create_canvas", 'Created "Lighthouses"', "applied"],
    ]);
    expect(list[0]).toMatchObject({ canvasId, author: { id: "ai", name: "Canvas AI" } });
    expect(list[0]!.runId).toEqual(expect.any(String));
    const detail = await api(`/changes/${encodeURIComponent(list[0]!.id)}`, { token: harness.room.tokens.viewer });
    expect(detail.json).toMatchObject({
      before: ESSAY,
      after: ESSAY.replace("lonely and hard", "quiet and devoted"),
    });
  });

  it("undo of an older change keeps a newer one", async () => {
    const canvasId = await create("Lighthouses", ESSAY);
    await edit(canvasId, "guided ships", "led ships", "Change 1");
    await edit(canvasId, "most lights", "all lights", "Change 2");
    const [second, first] = await changes(canvasId);
    const response = await undo(first!.id);
    expect(response.status).toBe(200);
    expect(canvasText(await harness.doc(), canvasId)).toBe(ESSAY.replace("most lights", "all lights"));
    const after = await changes(canvasId);
    expect(after.find((change) => change.id === first!.id)!.status).toBe("undone");
    expect(after.find((change) => change.id === second!.id)!.status).toBe("applied");
    // The chat card of the undone change says so for everyone; the other card does not.
    const cards = readChat(await harness.doc()).flatMap((message) => message.activity);
    expect(cards.filter((card) => card.undone).map((card) => card.changeId)).toEqual([first!.id]);
    // The undo is itself undoable: a version of the canvas before it is stored.
    const versions = (await api(`/versions?canvasId=${canvasId}`)).json as { versions: { reason: string }[] };
    expect(versions.versions[0]).toMatchObject({ reason: "before-undo" });
  });

  it("undo on one canvas touches only that canvas, whichever change is newest in the room", async () => {
    const a = await create("Alpha", "# Alpha\n\nThe first canvas.");
    const b = await create("Beta", "# Beta\n\nThe second canvas.");
    await edit(a, "first canvas", "first page", "Edit Alpha");
    await edit(b, "second canvas", "second page", "Edit Beta");
    const response = await api("/undo", { method: "POST", body: { canvasId: a } });
    expect(response.status).toBe(200);
    const doc = await harness.doc();
    expect(canvasText(doc, a)).toBe("# Alpha\n\nThe first canvas.");
    expect(canvasText(doc, b)).toBe("# Beta\n\nThe second page.");
  });

  it("an undo that a later change overlaps answers 409 naming it, and changes nothing", async () => {
    const canvasId = await create("Lighthouses", ESSAY);
    await edit(canvasId, "lonely and hard", "quiet", "First wording");
    await edit(canvasId, "was quiet", "was calm", "Second wording");
    const [, first] = await changes(canvasId);
    const text = canvasText(await harness.doc(), canvasId);
    const response = await undo(first!.id);
    expect(response.status).toBe(409);
    expect((response.json as { error: { message: string } }).error.message).toContain('"Second wording"');
    expect(canvasText(await harness.doc(), canvasId)).toBe(text);
    expect((await changes(canvasId)).every((change) => change.status === "applied")).toBe(true);
  });

  it("a person's typing after an AI change stays when that change is undone", async () => {
    const canvasId = await create("Lighthouses", ESSAY);
    await edit(canvasId, "lonely and hard", "quiet and devoted", "Softened paragraph 2");
    const client = connectClient(harness.server.wsUrl, harness.room.roomId, harness.room.tokens.editor);
    try {
      await client.synced;
      typeParagraph(client.doc.getXmlFragment(`canvas/${canvasId}`), "Written by a person.");
      const doc = await harness.doc();
      await waitFor(() => canvasText(doc, canvasId).includes("Written by a person."), "the typing on the server");
      const [change] = await changes(canvasId);
      expect((await undo(change!.id)).status).toBe(200);
      expect(canvasText(doc, canvasId)).toBe(`${ESSAY}\n\nWritten by a person.`);
      await waitFor(() => canvasText(client.doc, canvasId) === `${ESSAY}\n\nWritten by a person.`, "the client");
    } finally {
      client.destroy();
    }
  });

  it("undo history survives a restart", async () => {
    const canvasId = await create("Lighthouses", ESSAY);
    await edit(canvasId, "guided ships", "led ships", "Change 1");
    await harness.server.restart();
    const [change] = await changes(canvasId);
    expect(change).toMatchObject({ summary: "Change 1", status: "applied" });
    expect((await undo(change!.id)).status).toBe(200);
    expect(canvasText(await harness.doc(), canvasId)).toBe(ESSAY);
    expect((await undo(change!.id)).status).toBe(409);
  });

  it("undoing a create sends the canvas to the trash, and restore brings back its text and versions", async () => {
    const canvasId = await create("Lighthouses", ESSAY);
    await edit(canvasId, "guided ships", "led ships", "Change 1");
    const versions = async () =>
      ((await api(`/versions?canvasId=${canvasId}`)).json as { versions: { reason: string }[] }).versions;
    expect((await versions()).length).toBeGreaterThan(0);
    const created = (await changes(canvasId)).find((change) => change.tool === "create_canvas")!;
    expect((await undo(created.id)).status).toBe(200);
    const doc = await harness.doc();
    expect(canvasesMap(doc).has(canvasId)).toBe(false);
    const trash = (await api("/trash")).json as { trash: { canvas: { id: string }; reason: string }[] };
    expect(trash.trash).toEqual([
      expect.objectContaining({ canvas: expect.objectContaining({ id: canvasId }), reason: "undone" }),
    ]);
    expect((await api(`/canvases/${canvasId}/restore`, { method: "POST" })).status).toBe(200);
    expect(canvasText(doc, canvasId)).toBe(ESSAY.replace("guided ships", "led ships"));
    expect((await versions()).length).toBeGreaterThan(0);
  });

  it("the AI's caret sits at the passage it edited, not at the end of the canvas", async () => {
    const canvasId = await create("Lighthouses", ESSAY);
    const client = connectClient(harness.server.wsUrl, harness.room.roomId, harness.room.tokens.viewer);
    try {
      await client.synced;
      const carets: unknown[] = [];
      client.provider.awareness.on("change", () => {
        for (const state of client.provider.awareness.getStates().values())
          if (state.ai === true && state.cursor) carets.push((state.cursor as { head: unknown }).head);
      });
      await edit(canvasId, "lonely and hard", "quiet and devoted", "Softened paragraph 2");
      await waitFor(() => canvasText(client.doc, canvasId).includes("quiet and devoted"), "the edit on the client");
      await waitFor(() => carets.length > 0, "the AI's caret");
      const head = Y.createAbsolutePositionFromRelativePosition(
        Y.createRelativePositionFromJSON(carets[carets.length - 1]),
        client.doc,
      );
      expect(head?.type.toString()).toContain("quiet and devoted");
    } finally {
      client.destroy();
    }
  });

  it("undoing a comment change removes exactly its comments", async () => {
    const canvasId = await create("Lighthouses", ESSAY);
    const comment = (quote: string, text: string) => ({
      toolCall: {
        name: "comment_canvas",
        arguments: { comments: [{ quote, comment: text, severity: "suggestion", suggestion: null }] },
      },
    });
    harness.fake.script([comment("Today most lights are automated.", "Give a year.")]);
    await harness.run({ text: "Critique it", canvasId });
    harness.fake.script([comment("Lighthouses guided ships for centuries.", "Which ships?")]);
    await harness.run({ text: "Critique it again", canvasId });
    const [, first] = await changes(canvasId);
    expect((await undo(first!.id)).status).toBe(200);
    const bodies = [...commentsMap(await harness.doc()).values()].map((entry) => entry.body);
    expect(bodies).toEqual(["Which ships?"]);
    expect(canvasText(await harness.doc(), canvasId)).toBe(ESSAY);
  });

  it("an undo that people's later typing overlaps answers 409 and says so", async () => {
    const canvasId = await create("Lighthouses", ESSAY);
    await edit(canvasId, "lonely and hard", "quiet", "First wording");
    const client = connectClient(harness.server.wsUrl, harness.room.roomId, harness.room.tokens.editor);
    try {
      await client.synced;
      const paragraph = client.doc.getXmlFragment(`canvas/${canvasId}`).get(2) as Y.XmlElement;
      const text = paragraph.get(0) as Y.XmlText;
      const at = text.toString().indexOf("quiet");
      text.delete(at, "quiet".length);
      text.insert(at, "calm");
      const doc = await harness.doc();
      await waitFor(() => canvasText(doc, canvasId).includes("was calm"), "the typing on the server");
      const [change] = await changes(canvasId);
      const response = await undo(change!.id);
      expect(response.status).toBe(409);
      expect((response.json as { error: { message: string } }).error.message).toContain("people have edited");
      expect(canvasText(doc, canvasId)).toContain("was calm");
    } finally {
      client.destroy();
    }
  });
});
