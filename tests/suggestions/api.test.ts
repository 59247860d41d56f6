// Suggest mode through the HTTP API, the fake model and two y-websocket clients.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { canvasText } from "../../shared/markdown/index.ts";
import { canvasFragment, commentsMap } from "../../shared/room.ts";
import { listSuggestions, roomEditMode, suggestionsMap } from "../../shared/suggestions/record.ts";
import { startAgentHarness, type AgentHarness } from "../agent/harness.ts";
import { connectClient, waitFor, type TestClient } from "../helpers/server.ts";

interface Listed {
  id: string;
  changeId: string;
  status: string;
  quote: string;
  replacement: string;
}

let harness: AgentHarness;
const clients: TestClient[] = [];
const ESSAY = "# Plan\n\nWe ship on Friday.\n\nThe team is small but very very fast.\n\nQuestions go to Ada.";

beforeEach(async () => {
  harness = await startAgentHarness();
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await harness.close();
});

function connect(token: string): TestClient {
  const client = connectClient(harness.server.wsUrl, harness.room.roomId, token);
  clients.push(client);
  return client;
}

async function api(path: string, token: string, method = "GET", body?: unknown) {
  return harness.server.api(`/api/rooms/${harness.room.roomId}${path}`, { method, token, body });
}

async function createCanvas(content = ESSAY): Promise<string> {
  const created = await api("/canvases", harness.room.tokens.editor, "POST", {
    title: "Plan",
    kind: "document",
    content,
  });
  expect(created.status).toBe(201);
  return (created.json as { canvasId: string }).canvasId;
}

async function exportMarkdown(canvasId: string): Promise<string> {
  return (await api(`/canvases/${canvasId}/export?format=markdown`, harness.room.tokens.viewer)).text;
}

async function listed(canvasId: string): Promise<Listed[]> {
  const response = await api(`/suggestions?canvasId=${canvasId}`, harness.room.tokens.viewer);
  expect(response.status).toBe(200);
  return (response.json as { suggestions: Listed[] }).suggestions;
}

function scriptEdit(edits: { find: string; replace: string }[]): void {
  harness.fake.script([
    {
      toolCall: {
        name: "edit_canvas",
        arguments: { edits: edits.map((edit) => ({ ...edit, all: false })), summary: "Tightened" },
      },
    },
  ]);
}

/** Insert text into the paragraph that holds `needle`, before it, as a person typing. */
function typeBefore(doc: Y.Doc, canvasId: string, needle: string, insert: string): void {
  for (const block of canvasFragment(doc, canvasId).toArray()) {
    if (!(block instanceof Y.XmlElement)) continue;
    for (const child of block.toArray()) {
      if (child instanceof Y.XmlText && child.toString().includes(needle)) {
        child.insert(child.toString().indexOf(needle), insert);
        return;
      }
    }
  }
  throw new Error(`no text holds "${needle}"`);
}

describe("suggest mode through the API", () => {
  it("a run in suggest mode leaves the canvas byte-identical, lists its suggestions, and everyone sees them live", async () => {
    const canvasId = await createCanvas();
    const alice = connect(harness.room.tokens.editor);
    const bob = connect(harness.room.tokens.viewer);
    await Promise.all([alice.synced, bob.synced]);
    const before = await exportMarkdown(canvasId);
    scriptEdit([
      { find: "very very fast", replace: "fast" },
      { find: "Questions go to Ada.", replace: "Send questions to Ada." },
    ]);
    const run = await harness.run({ text: "Tighten it", canvasId, mode: "suggest" });
    expect(run.status).toBe("done");
    expect(await exportMarkdown(canvasId)).toBe(before);
    const suggestions = await listed(canvasId);
    expect(suggestions.map((s) => [s.status, s.quote, s.replacement])).toEqual([
      ["pending", "very very ", ""],
      ["pending", "Questions go", "Send questions"],
    ]);
    expect(new Set(suggestions.map((s) => s.changeId)).size).toBe(1);
    await waitFor(() => listSuggestions(bob.doc, canvasId).length === 2, "the viewer to see both suggestions");
    expect(canvasText(bob.doc, canvasId)).toBe(before);
  });

  it("accept writes exactly the replacement, reject leaves the text, and the second client sees both live", async () => {
    const canvasId = await createCanvas();
    const bob = connect(harness.room.tokens.viewer);
    await bob.synced;
    scriptEdit([
      { find: "very very fast", replace: "fast" },
      { find: "Friday", replace: "Monday" },
    ]);
    await harness.run({ text: "Tighten it", canvasId, mode: "suggest" });
    const [monday, fast] = [...(await listed(canvasId))].sort((a, b) => a.quote.localeCompare(b.quote));
    expect(monday).toMatchObject({ quote: "Friday", replacement: "Monday" });
    const accepted = await api(`/suggestions/${fast!.id}/accept`, harness.room.tokens.editor, "POST");
    expect(accepted.status).toBe(200);
    const expected = ESSAY.replace("very very fast", "fast");
    expect(await exportMarkdown(canvasId)).toBe(expected);
    const rejected = await api(`/suggestions/${monday!.id}/reject`, harness.room.tokens.owner, "POST");
    expect(rejected.status).toBe(200);
    expect(await exportMarkdown(canvasId)).toBe(expected);
    await waitFor(
      () =>
        canvasText(bob.doc, canvasId) === expected && suggestionsMap(bob.doc).get(monday!.id)?.status === "rejected",
      "the viewer to see the accept and the reject",
    );
    expect((await listed(canvasId)).map((s) => s.status).sort()).toEqual(["accepted", "rejected"]);
    // Deciding again is refused; undo puts the text and the status back.
    expect((await api(`/suggestions/${fast!.id}/accept`, harness.room.tokens.editor, "POST")).status).toBe(409);
    expect((await api(`/suggestions/${fast!.id}/undo`, harness.room.tokens.editor, "POST")).status).toBe(200);
    expect(await exportMarkdown(canvasId)).toBe(ESSAY);
    await waitFor(() => canvasText(bob.doc, canvasId) === ESSAY, "the viewer to see the undo");
    expect((await listed(canvasId)).find((s) => s.id === fast!.id)?.status).toBe("pending");
  });

  it("a suggestion whose text a person changed is outdated: accept answers 409 and writes nothing", async () => {
    const canvasId = await createCanvas();
    const alice = connect(harness.room.tokens.editor);
    await alice.synced;
    scriptEdit([{ find: "We ship on Friday.", replace: "We ship on Monday." }]);
    await harness.run({ text: "Move it", canvasId, mode: "suggest" });
    const [suggestion] = await listed(canvasId);
    await waitFor(() => listSuggestions(alice.doc, canvasId).length === 1, "alice to see the suggestion");
    // Typing next to the passage keeps it acceptable; typing inside it makes it outdated.
    typeBefore(alice.doc, canvasId, "Friday", "next ");
    const server = await harness.doc();
    await waitFor(() => canvasText(server, canvasId).includes("next Friday"), "the server to have alice's typing");
    expect((await listed(canvasId))[0]!.status).toBe("pending");
    typeBefore(alice.doc, canvasId, "day.", "-");
    await waitFor(() => canvasText(server, canvasId).includes("Fri-day"), "the server to have alice's typing");
    expect((await listed(canvasId))[0]!.status).toBe("outdated");
    const refused = await api(`/suggestions/${suggestion!.id}/accept`, harness.room.tokens.editor, "POST");
    expect(refused.status).toBe(409);
    expect((refused.json as { error: { code: string; message: string } }).error).toMatchObject({ code: "outdated" });
    expect((refused.json as { error: { message: string } }).error.message).toMatch(/changed since it was proposed/);
    expect(canvasText(server, canvasId)).toContain("We ship on next Fri-day.");
    // It can still be rejected.
    expect((await api(`/suggestions/${suggestion!.id}/reject`, harness.room.tokens.editor, "POST")).status).toBe(200);
  });

  it("viewers see, commenters propose but cannot accept, editors accept all of one change", async () => {
    const canvasId = await createCanvas();
    const { tokens } = harness.room;
    const proposed = await api("/suggestions", tokens.commenter, "POST", { canvasId, find: "small", replace: "tiny" });
    expect(proposed.status).toBe(201);
    const { changeId, suggestionIds } = proposed.json as { changeId: string; suggestionIds: string[] };
    expect(suggestionIds).toHaveLength(1);
    expect((await api("/suggestions", tokens.viewer, "POST", { canvasId, find: "small", replace: "x" })).status).toBe(
      403,
    );
    for (const token of [tokens.viewer, tokens.commenter]) {
      expect((await api(`/suggestions/${suggestionIds[0]}/accept`, token, "POST")).status).toBe(403);
      expect((await api(`/suggestions/${suggestionIds[0]}/reject`, token, "POST")).status).toBe(403);
    }
    expect(await exportMarkdown(canvasId)).toBe(ESSAY);
    scriptEdit([
      { find: "Friday", replace: "Monday" },
      { find: "Ada", replace: "Grace" },
    ]);
    await harness.run({ text: "Change names", canvasId, mode: "suggest" });
    const runChange = (await listed(canvasId)).find((s) => s.changeId !== changeId)!.changeId;
    const all = await api("/suggestions/accept", tokens.editor, "POST", { changeId: runChange });
    expect(all.status).toBe(200);
    expect(await exportMarkdown(canvasId)).toBe(ESSAY.replace("Friday", "Monday").replace("Ada", "Grace"));
    expect((await api("/suggestions/reject", tokens.editor, "POST", { changeId })).status).toBe(200);
    expect(await exportMarkdown(canvasId)).toBe(ESSAY.replace("Friday", "Monday").replace("Ada", "Grace"));
    expect((await api(`/suggestions/nope/accept`, tokens.editor, "POST")).status).toBe(404);
  });

  it("the owner sets the room's default mode; messages without a mode use it", async () => {
    const canvasId = await createCanvas();
    expect((await api("/mode", harness.room.tokens.editor, "PUT", { mode: "suggest" })).status).toBe(403);
    expect((await api("/mode", harness.room.tokens.owner, "PUT", { mode: "sideways" })).status).toBe(400);
    expect((await api("/mode", harness.room.tokens.owner, "PUT", { mode: "suggest" })).status).toBe(200);
    expect(roomEditMode(await harness.doc())).toBe("suggest");
    scriptEdit([{ find: "Friday", replace: "Monday" }]);
    await harness.run({ text: "Move it", canvasId });
    expect(await exportMarkdown(canvasId)).toBe(ESSAY);
    expect(await listed(canvasId)).toHaveLength(1);
    // A message can still ask to edit directly.
    scriptEdit([{ find: "Friday", replace: "Sunday" }]);
    await harness.run({ text: "Move it", canvasId, mode: "edit" });
    expect(await exportMarkdown(canvasId)).toBe(ESSAY.replace("Friday", "Sunday"));
  });

  it("a rewrite in suggest mode streams nothing into the canvas and becomes passages", async () => {
    const canvasId = await createCanvas();
    const content = ESSAY.replace("Friday", "Monday").replace("Questions go to Ada.", "Ask Ada.");
    harness.fake.script([{ toolCall: { name: "rewrite_canvas", arguments: { content, summary: "Rewrote" } } }]);
    await harness.run({ text: "Rewrite it", canvasId, mode: "suggest" });
    expect(await exportMarkdown(canvasId)).toBe(ESSAY);
    const suggestions = await listed(canvasId);
    expect(suggestions.length).toBe(2);
    const all = await api("/suggestions/accept", harness.room.tokens.editor, "POST", {
      changeId: suggestions[0]!.changeId,
    });
    expect(all.status).toBe(200);
    expect(await exportMarkdown(canvasId)).toBe(content);
  });

  it("the model sees the pending suggestions of the canvas it works on", async () => {
    const canvasId = await createCanvas();
    scriptEdit([{ find: "very very fast", replace: "fast" }]);
    await harness.run({ text: "Tighten it", canvasId, mode: "suggest" });
    harness.fake.script([{ text: "Which part?" }]);
    await harness.run({ text: "Also make it shorter", canvasId, mode: "suggest" });
    const last = harness.fake.requests[harness.fake.requests.length - 1]!;
    const prompt = JSON.stringify(last.body);
    expect(prompt).toContain("Pending suggestions on this canvas");
    expect(prompt).toContain('replace \\"very very \\" with \\"\\"');
  });

  it("the offline engine suggests too: a replace in suggest mode becomes suggestions and leaves the text", async () => {
    const offline = await startAgentHarness({ engine: "local" });
    try {
      const created = await offline.server.api(`/api/rooms/${offline.room.roomId}/canvases`, {
        method: "POST",
        token: offline.room.tokens.editor,
        body: { title: "Plan", kind: "document", content: ESSAY },
      });
      const { canvasId } = created.json as { canvasId: string };
      const run = await offline.run({ text: 'replace "Friday" with "Monday"', canvasId, mode: "suggest" });
      expect(run.status).toBe("done");
      const doc = await offline.doc();
      expect(canvasText(doc, canvasId)).toBe(ESSAY);
      expect(listSuggestions(doc, canvasId).map((s) => [s.quote, s.replacement])).toEqual([["Friday", "Monday"]]);
    } finally {
      await offline.close();
    }
  });

  it("Apply suggestion on a comment goes through a suggestion: accepted, in the change log, undoable", async () => {
    const canvasId = await createCanvas();
    harness.fake.script([
      {
        toolCall: {
          name: "comment_canvas",
          arguments: {
            comments: [
              { quote: "very very fast", comment: "Repeated word.", severity: "issue", suggestion: "very fast" },
            ],
          },
        },
      },
    ]);
    await harness.run({ text: "Proofread", canvasId });
    const comments = await api(`/comments?canvasId=${canvasId}`, harness.room.tokens.viewer);
    const [comment] = (comments.json as { comments: { id: string }[] }).comments;
    const applied = await api(`/comments/${comment!.id}/apply`, harness.room.tokens.editor, "POST");
    expect(applied.status).toBe(200);
    expect(await exportMarkdown(canvasId)).toBe(ESSAY.replace("very very fast", "very fast"));
    const [suggestion] = await listed(canvasId);
    expect(suggestion).toMatchObject({ status: "accepted", quote: "very ", replacement: "" });
    const changes = await api(`/changes?canvasId=${canvasId}`, harness.room.tokens.viewer);
    const logged = (changes.json as { changes: { summary: string; status: string }[] }).changes;
    expect(logged[0]).toMatchObject({ summary: "Accepted a suggestion", status: "applied" });
    expect((await api(`/suggestions/${suggestion!.id}/undo`, harness.room.tokens.editor, "POST")).status).toBe(200);
    expect(await exportMarkdown(canvasId)).toBe(ESSAY);
    expect(commentsMap(await harness.doc()).get(comment!.id)?.resolved).toBe(false);
    const after = await api(`/changes?canvasId=${canvasId}`, harness.room.tokens.viewer);
    expect((after.json as { changes: { status: string }[] }).changes[0]!.status).toBe("undone");
    // Applying it again accepts the same suggestion: no second, forever-pending copy.
    expect((await api(`/comments/${comment!.id}/apply`, harness.room.tokens.editor, "POST")).status).toBe(200);
    expect(await exportMarkdown(canvasId)).toBe(ESSAY.replace("very very fast", "very fast"));
    expect((await listed(canvasId)).map((s) => [s.id, s.status])).toEqual([[suggestion!.id, "accepted"]]);
  });
});
