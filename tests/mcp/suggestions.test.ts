// Suggest mode over MCP: the SDK's own client against the real server on a random port, people in the
// room over y-websocket, and people deciding through the HTTP API (an MCP client cannot).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { canvasText } from "../../shared/markdown/index.ts";
import { canvasFragment, listCanvases, readChat } from "../../shared/room.ts";
import { suggestionsMap } from "../../shared/suggestions/record.ts";
import { startAgentHarness, type AgentHarness } from "../agent/harness.ts";
import { waitFor } from "../helpers/server.ts";
import { createEssay, ESSAY, McpClients, outcome } from "./clients.ts";

interface Listed {
  id: string;
  changeId: string;
  status: string;
  quote: string;
  replacement: string;
  author: string;
}
interface Written {
  ok: true;
  canvasId: string;
  changeId: string;
  mode: "edit" | "suggest";
  summary: string;
  suggestions?: Listed[];
}

let harness: AgentHarness;
const mcp = new McpClients(() => harness);

beforeEach(async () => {
  harness = await startAgentHarness({ engine: "local" });
});
afterEach(async () => {
  await mcp.close();
  await harness.close();
});

function api(path: string, token: string, method = "GET", body?: unknown) {
  return harness.server.api(`/api/rooms/${harness.room.roomId}${path}`, { method, token, body });
}

async function edit(
  client: Client,
  canvasId: string,
  edits: [find: string, replace: string][],
  mode?: "edit" | "suggest",
) {
  return outcome(
    client.callTool({
      name: "edit_canvas",
      arguments: {
        canvas_id: canvasId,
        edits: edits.map(([find, replace]) => ({ find, replace, all: false })),
        summary: "Sharper numbers",
        ...(mode ? { mode } : {}),
      },
    }),
  );
}

async function listSuggestions(client: Client, canvasId: string, status?: string): Promise<Listed[]> {
  const listed = await outcome(
    client.callTool({ name: "list_suggestions", arguments: { canvas_id: canvasId, ...(status ? { status } : {}) } }),
  );
  expect(listed.isError).toBe(false);
  return (listed.json as { suggestions: Listed[] }).suggestions;
}

/** A person replaces `find` with `replace` inside its paragraph, as typing would. */
function retype(doc: Y.Doc, canvasId: string, find: string, replace: string): void {
  for (const block of canvasFragment(doc, canvasId).toArray()) {
    if (!(block instanceof Y.XmlElement)) continue;
    for (const child of block.toArray())
      if (child instanceof Y.XmlText && child.toString().includes(find)) {
        const at = child.toString().indexOf(find);
        doc.transact(() => {
          child.delete(at, find.length);
          child.insert(at, replace);
        });
        return;
      }
  }
  throw new Error(`no text holds "${find}"`);
}

describe("MCP: suggest mode", () => {
  it("a suggest-mode edit leaves the text as it is, a person sees its suggestions live, and only people's accepts change the text", async () => {
    const person = await mcp.join();
    const agent = await mcp.connect(harness.room.tokens.editor, "Claude Code");
    // A person's canvas: the agent's first act on it is the suggestion.
    const created = await api("/canvases", harness.room.tokens.editor, "POST", {
      title: "Report",
      kind: "document",
      content: ESSAY,
    });
    expect(created.status).toBe(201);
    const { canvasId } = created.json as { canvasId: string };
    await waitFor(() => listCanvases(person.doc).length === 1, "the canvas at the person's");
    const agentState = () => [...person.provider.awareness.getStates().values()].find((s) => s.agent === "mcp");
    await waitFor(() => agentState() !== undefined, "the agent's presence");
    expect(agentState()).toMatchObject({ canvasId: null });

    const result = await edit(
      agent,
      canvasId,
      [
        ["ten percent", "twelve percent"],
        ["uncertain", "bright"],
      ],
      "suggest",
    );
    expect(result.isError).toBe(false);
    const written = result.json as Written;
    expect(written).toMatchObject({ ok: true, canvasId, mode: "suggest" });
    expect(written.suggestions!.map((s) => [s.status, s.author, s.changeId])).toEqual([
      ["pending", "Claude Code", written.changeId],
      ["pending", "Claude Code", written.changeId],
    ]);
    const [first, second] = written.suggestions!;
    // Each passage is what differs: the words, not the whole find.
    expect([first!.quote, first!.replacement, second!.quote, second!.replacement]).toEqual([
      "ten",
      "twelve",
      "uncertain",
      "bright",
    ]);

    // The person sees both suggestions live, by the agent's name, and the text as it was.
    await waitFor(() => suggestionsMap(person.doc).size === 2, "the suggestions at the person's");
    expect([...suggestionsMap(person.doc).values()].map((s) => [s.id, s.status, s.author.name])).toEqual(
      expect.arrayContaining([
        [first!.id, "pending", "Claude Code"],
        [second!.id, "pending", "Claude Code"],
      ]),
    );
    expect(canvasText(person.doc, canvasId)).toBe(ESSAY);
    expect(canvasText(await harness.doc(), canvasId)).toBe(ESSAY);
    await waitFor(
      () => agentState()?.canvasId === canvasId && agentState()?.cursor !== null,
      "the agent's caret on the canvas it suggested in",
    );
    await waitFor(
      () => readChat(person.doc).some((message) => message.authorName === "Claude Code"),
      "the agent's card in the chat",
    );
    const card = readChat(person.doc).find((message) => message.authorName === "Claude Code")!;
    expect(card.activity).toEqual([
      expect.objectContaining({ tool: "edit_canvas", ok: true, suggested: true, count: 2 }),
    ]);

    // A person accepts one and rejects the other over HTTP: only the accepted one lands.
    const accepted = await api(`/suggestions/${first!.id}/accept`, harness.room.tokens.editor, "POST", {});
    expect(accepted.status).toBe(200);
    await waitFor(() => canvasText(person.doc, canvasId).includes("twelve percent"), "the accept at the person's");
    expect(canvasText(person.doc, canvasId)).toBe(ESSAY.replace("ten percent", "twelve percent"));
    expect((await api(`/suggestions/${second!.id}/reject`, harness.room.tokens.editor, "POST", {})).status).toBe(200);
    expect(canvasText(await harness.doc(), canvasId)).toBe(ESSAY.replace("ten percent", "twelve percent"));

    expect((await listSuggestions(agent, canvasId)).map((s) => [s.id, s.status])).toEqual([
      [first!.id, "accepted"],
      [second!.id, "rejected"],
    ]);
    expect(await listSuggestions(agent, canvasId, "pending")).toEqual([]);
    expect((await listSuggestions(agent, canvasId, "accepted")).map((s) => s.id)).toEqual([first!.id]);

    // The change log holds the agent's change as suggested (not undoable text), and the person's accept.
    const listed = await api(`/changes?canvasId=${canvasId}`, harness.room.tokens.viewer);
    const changes = (
      listed.json as { changes: { id: string; tool: string; status: string; author: { name: string } }[] }
    ).changes;
    expect(changes.find((change) => change.id === written.changeId)).toMatchObject({
      tool: "edit_canvas",
      status: "suggested",
      author: { name: "Claude Code" },
    });
    const acceptId = (accepted.json as { changes: { id: string }[] }).changes[0]!.id;
    expect(changes.find((change) => change.id === acceptId)).toMatchObject({
      status: "applied",
      summary: "Accepted a suggestion",
    });
  });

  it("a suggest-mode rewrite proposes the passages it changes, and a person retyping that passage makes it outdated", async () => {
    const person = await mcp.join();
    const agent = await mcp.connect(harness.room.tokens.editor);
    const canvasId = await createEssay(agent);
    await waitFor(() => listCanvases(person.doc).length === 1, "the canvas at the person's");
    const rewrite = await outcome(
      agent.callTool({
        name: "rewrite_canvas",
        arguments: {
          canvas_id: canvasId,
          content: ESSAY.replace("The outlook is uncertain.", "The outlook is bright."),
          summary: "Brighter",
          mode: "suggest",
        },
      }),
    );
    expect(rewrite.isError).toBe(false);
    const [proposed] = (rewrite.json as Written).suggestions!;
    expect(proposed).toMatchObject({ status: "pending", quote: "uncertain", replacement: "bright" });
    expect(canvasText(await harness.doc(), canvasId)).toBe(ESSAY);

    const server = await harness.doc();
    retype(person.doc, canvasId, "uncertain", "unclear");
    await waitFor(() => canvasText(server, canvasId).includes("unclear"), "the typing at the server");
    expect((await listSuggestions(agent, canvasId)).map((s) => s.status)).toEqual(["outdated"]);
    expect((await listSuggestions(agent, canvasId, "outdated")).map((s) => s.id)).toEqual([proposed!.id]);
    const refused = await api(`/suggestions/${proposed!.id}/accept`, harness.room.tokens.editor, "POST", {});
    expect(refused.status).toBe(409);
    expect(canvasText(server, canvasId)).toBe(ESSAY.replace("uncertain", "unclear"));
  });

  it("without a mode an edit follows the room's default: suggestions once the owner sets suggest mode, and mode edit still writes", async () => {
    const agent = await mcp.connect(harness.room.tokens.editor);
    const canvasId = await createEssay(agent);
    const server = await harness.doc();
    const direct = await edit(agent, canvasId, [["ten percent", "eleven percent"]]);
    expect(direct.json).toMatchObject({ mode: "edit" });
    expect(canvasText(server, canvasId)).toContain("eleven percent");

    const set = await api("/mode", harness.room.tokens.owner, "PUT", { mode: "suggest" });
    expect(set.status).toBe(200);
    const suggested = await edit(agent, canvasId, [["eleven percent", "twelve percent"]]);
    expect(suggested.json).toMatchObject({
      mode: "suggest",
      suggestions: [expect.objectContaining({ status: "pending" })],
    });
    expect(canvasText(server, canvasId)).toContain("eleven percent");
    const rewritten = await outcome(
      agent.callTool({
        name: "rewrite_canvas",
        arguments: { canvas_id: canvasId, content: "# Report\n\nShorter.", summary: "Shorter" },
      }),
    );
    expect(rewritten.json).toMatchObject({ mode: "suggest" });
    expect(canvasText(server, canvasId)).toContain("eleven percent");

    const written = await edit(agent, canvasId, [["uncertain", "bright"]], "edit");
    expect(written.json).toMatchObject({ mode: "edit" });
    expect(canvasText(server, canvasId)).toContain("The outlook is bright.");
  });

  it("a commenter link proposes suggestions an editor accepts, never writes; a viewer link lists them but cannot suggest", async () => {
    const editor = await mcp.connect(harness.room.tokens.editor);
    const canvasId = await createEssay(editor);
    const server = await harness.doc();
    const commenter = await mcp.connect(harness.room.tokens.commenter, "Reviewer Bot");

    const proposed = await edit(commenter, canvasId, [["ten percent", "twelve percent"]]);
    expect(proposed.isError).toBe(false);
    expect(proposed.json).toMatchObject({ mode: "suggest" });
    const refused = await edit(commenter, canvasId, [["ten percent", "twelve percent"]], "edit");
    expect(refused.isError).toBe(true);
    expect(refused.message).toMatch(/commenter link.*mode "suggest"/);
    const rewrite = await outcome(
      commenter.callTool({
        name: "rewrite_canvas",
        arguments: { canvas_id: canvasId, content: ESSAY.replace("uncertain", "bright"), summary: "Brighter" },
      }),
    );
    expect(rewrite.json).toMatchObject({ mode: "suggest" });
    expect(canvasText(server, canvasId)).toBe(ESSAY);

    const viewer = await mcp.connect(harness.room.tokens.viewer);
    const listed = await listSuggestions(viewer, canvasId);
    expect(listed.map((s) => [s.status, s.author])).toEqual([
      ["pending", "Reviewer Bot"],
      ["pending", "Reviewer Bot"],
    ]);
    const viewerSuggests = await edit(viewer, canvasId, [["budget", "cost"]], "suggest");
    expect(viewerSuggests.isError).toBe(true);
    expect(viewerSuggests.message).toMatch(/edit_canvas/);
    expect(listed).toHaveLength((await listSuggestions(viewer, canvasId)).length);

    // A commenter's own link cannot decide over HTTP either; an editor's can.
    expect((await api(`/suggestions/${listed[0]!.id}/accept`, harness.room.tokens.commenter, "POST", {})).status).toBe(
      403,
    );
    expect((await api(`/suggestions/${listed[0]!.id}/accept`, harness.room.tokens.editor, "POST", {})).status).toBe(
      200,
    );
    expect(canvasText(server, canvasId)).toBe(ESSAY.replace("ten percent", "twelve percent"));
  });

  it("a suggestion that cannot be located or changes nothing returns the engine's error as a tool error and stores nothing", async () => {
    const agent = await mcp.connect(harness.room.tokens.editor);
    const canvasId = await createEssay(agent);
    const server = await harness.doc();
    const unlocatable = await edit(agent, canvasId, [["The outlook is very uncertain.", "x"]], "suggest");
    expect(unlocatable.isError).toBe(true);
    expect(unlocatable.message).toMatch(/line 7 \(similarity [0-9.]+\): "The outlook is uncertain\."/);
    const unchanged = await edit(agent, canvasId, [["uncertain", "uncertain"]], "suggest");
    expect(unchanged.isError).toBe(true);
    expect(unchanged.message).toMatch(/nothing to suggest/);
    const badMode = await edit(agent, canvasId, [["uncertain", "bright"]], "force" as "edit");
    expect(badMode.isError).toBe(true);
    expect(badMode.message).toMatch(/mode/);
    const noCanvas = await outcome(agent.callTool({ name: "list_suggestions", arguments: { canvas_id: "nope" } }));
    expect(noCanvas.isError).toBe(true);
    expect(noCanvas.message).toMatch(/There is no canvas "nope"/);
    expect(suggestionsMap(server).size).toBe(0);
    expect(canvasText(server, canvasId)).toBe(ESSAY);
  });
});
