// External agents over MCP: the SDK's own client against the real server on a random port, with a
// person connected through y-websocket in the same room.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { ResourceUpdatedNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import { canvasText } from "../../shared/markdown/index.ts";
import { commentsMap, canvasFragment, listCanvases, readChat } from "../../shared/room.ts";
import { startAgentHarness, type AgentHarness } from "../agent/harness.ts";
import { typeParagraph, waitFor } from "../helpers/server.ts";
import { createEssay, ESSAY, McpClients, outcome, text } from "./clients.ts";

let harness: AgentHarness;
const mcp = new McpClients(() => harness);
const connect = (token: string, name?: string): Promise<Client> => mcp.connect(token, name);
const join = (token?: string) => mcp.join(token);

beforeEach(async () => {
  harness = await startAgentHarness({ engine: "local", server: { mcp: { callsPerMinute: 60 } } });
});
afterEach(async () => {
  await mcp.close();
  await harness.close();
});

describe("MCP: an external agent co-edits a room", () => {
  it("an editor link gets every tool, a commenter link comments and suggests, a viewer link only reads; none decides suggestions", async () => {
    const editor = await connect(harness.room.tokens.editor);
    const viewer = await connect(harness.room.tokens.viewer);
    const commenter = await connect(harness.room.tokens.commenter);
    const names = async (client: Client) => (await client.listTools()).tools.map((tool) => tool.name).sort();
    expect(await names(editor)).toEqual([
      "comment_canvas",
      "create_canvas",
      "edit_canvas",
      "list_canvases",
      "list_suggestions",
      "read_canvas",
      "rewrite_canvas",
      "search_canvas",
    ]);
    expect(await names(viewer)).toEqual(["list_canvases", "list_suggestions", "read_canvas", "search_canvas"]);
    expect(await names(commenter)).toEqual([
      "comment_canvas",
      "edit_canvas",
      "list_canvases",
      "list_suggestions",
      "read_canvas",
      "rewrite_canvas",
      "search_canvas",
    ]);
    // Edits and rewrites take a mode; a commenter's cannot destroy anything, and people decide suggestions.
    const tool = async (client: Client, name: string) => (await client.listTools()).tools.find((t) => t.name === name)!;
    const editorRewrite = await tool(editor, "rewrite_canvas");
    expect(editorRewrite.inputSchema.properties).toHaveProperty("mode");
    expect(editorRewrite.inputSchema.required).not.toContain("mode");
    expect(editorRewrite.annotations?.destructiveHint).toBe(true);
    expect((await tool(commenter, "rewrite_canvas")).annotations?.destructiveHint).toBe(false);
    expect((await tool(commenter, "edit_canvas")).description).toMatch(/commenter link.*suggestions/);
    for (const name of ["edit_canvas", "rewrite_canvas", "list_suggestions"])
      expect((await tool(editor, name)).description).toMatch(/cannot accept or reject suggestions/);
  });

  it("creates, reads, searches, edits and comments, and a person in the room sees each change and the agent live", async () => {
    const person = await join();
    const agent = await connect(harness.room.tokens.editor, "Claude Code");
    await waitFor(
      () => [...person.provider.awareness.getStates().values()].some((state) => state.agent === "mcp"),
      "the agent's presence",
    );
    const presence = [...person.provider.awareness.getStates().values()].find((state) => state.agent === "mcp")!;
    expect(presence).toMatchObject({ ai: true, user: { name: "Claude Code" } });

    const canvasId = await createEssay(agent);
    await waitFor(() => listCanvases(person.doc).length === 1, "the canvas at the person's");
    expect(canvasText(person.doc, canvasId)).toBe(ESSAY);

    const listed = JSON.parse(text(await agent.callTool({ name: "list_canvases", arguments: {} }))) as {
      canvases: { id: string; title: string; lines: number }[];
    };
    expect(listed.canvases).toEqual([expect.objectContaining({ id: canvasId, title: "Report", lines: 7 })]);

    const read = text(
      await agent.callTool({
        name: "read_canvas",
        arguments: { canvas_id: canvasId, from_line: null, to_line: null, heading: "Conclusion" },
      }),
    );
    expect(read).toContain("5\t## Conclusion");
    expect(read).toContain("7\tThe outlook is uncertain.");
    expect(read).not.toContain("budget");
    const found = text(
      await agent.callTool({
        name: "search_canvas",
        arguments: { canvas_id: canvasId, query: "BUDGET grew", max_results: null },
      }),
    );
    expect(found).toMatch(/3\s+The budget grew by ten percent\./);

    const edit = await agent.callTool({
      name: "edit_canvas",
      arguments: {
        canvas_id: canvasId,
        edits: [{ find: "The outlook is uncertain.", replace: "The outlook is bright.", all: false }],
        summary: "More optimistic conclusion",
      },
    });
    expect(edit.isError).toBeFalsy();
    await waitFor(() => canvasText(person.doc, canvasId).includes("bright"), "the edit at the person's");
    expect(canvasText(person.doc, canvasId)).toBe(ESSAY.replace("uncertain", "bright"));
    await waitFor(() => {
      const state = [...person.provider.awareness.getStates().values()].find((s) => s.agent === "mcp");
      return state?.canvasId === canvasId && state.cursor !== null;
    }, "the agent's caret on the canvas");

    const comment = await agent.callTool({
      name: "comment_canvas",
      arguments: {
        canvas_id: canvasId,
        comments: [{ quote: "ten percent", comment: "Give the amount too.", severity: "suggestion", suggestion: null }],
      },
    });
    expect(comment.isError).toBeFalsy();
    await waitFor(() => commentsMap(person.doc).size === 1, "the comment at the person's");
    expect([...commentsMap(person.doc).values()][0]).toMatchObject({ quote: "ten percent", authorName: "Claude Code" });

    // One chat message for the session, a card per write.
    const card = readChat(person.doc).find((message) => message.authorName === "Claude Code")!;
    expect(card.activity.map((activity) => [activity.tool, activity.ok])).toEqual([
      ["create_canvas", true],
      ["edit_canvas", true],
      ["comment_canvas", true],
    ]);

    // Ending the session (DELETE /mcp) takes the agent out of the room.
    await mcp.transport(agent).terminateSession();
    await waitFor(
      () => ![...person.provider.awareness.getStates().values()].some((state) => state.agent === "mcp"),
      "the agent leaving the presence list",
    );
  });

  it("an unlocatable edit returns the engine's error with the closest passage and changes nothing", async () => {
    const agent = await connect(harness.room.tokens.editor);
    const canvasId = await createEssay(agent);
    const result = await agent.callTool({
      name: "edit_canvas",
      arguments: {
        canvas_id: canvasId,
        edits: [{ find: "The outlook is very uncertain.", replace: "x", all: false }],
        summary: "x",
      },
    });
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/line 7 \(similarity [0-9.]+\): "The outlook is uncertain\."/);
    expect(canvasText(await harness.doc(), canvasId)).toBe(ESSAY);
  });

  it("invalid arguments are refused by the shared schema before anything is written", async () => {
    const agent = await connect(harness.room.tokens.editor);
    const canvasId = await createEssay(agent);
    const result = await agent.callTool({
      name: "comment_canvas",
      arguments: {
        canvas_id: canvasId,
        comments: [{ quote: "x".repeat(401), comment: "Too long", severity: "issue", suggestion: null }],
      },
    });
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/one sentence or less/);
    expect(commentsMap(await harness.doc()).size).toBe(0);
  });

  it("a viewer's write is refused and a commenter may not edit in edit mode", async () => {
    const editor = await connect(harness.room.tokens.editor);
    const canvasId = await createEssay(editor);
    const viewer = await connect(harness.room.tokens.viewer);
    const refused = await outcome(
      viewer.callTool({ name: "rewrite_canvas", arguments: { canvas_id: canvasId, content: "gone", summary: "x" } }),
    );
    expect(refused.isError).toBe(true);
    expect(refused.message).toMatch(/rewrite_canvas/);
    const commenter = await connect(harness.room.tokens.commenter);
    const edit = await outcome(
      commenter.callTool({
        name: "edit_canvas",
        arguments: {
          canvas_id: canvasId,
          edits: [{ find: "budget", replace: "cost", all: false }],
          summary: "x",
          mode: "edit",
        },
      }),
    );
    expect(edit.isError).toBe(true);
    expect(edit.message).toMatch(/commenter link/);
    expect(canvasText(await harness.doc(), canvasId)).toBe(ESSAY);
  });

  it("a wrong token cannot connect, and a room's link cannot reach another room's canvas", async () => {
    await expect(connect("not-a-token")).rejects.toThrow(/401|not valid/);
    const other = await harness.server.createRoom("Other room");
    const otherAgent = await connect(other.tokens.editor);
    const foreignId = await createEssay(otherAgent);
    const agent = await connect(harness.room.tokens.editor);
    const read = await agent.callTool({
      name: "read_canvas",
      arguments: { canvas_id: foreignId, from_line: 1, to_line: null, heading: null },
    });
    expect(read.isError).toBe(true);
    expect(text(read)).toMatch(/no canvas/);
    await expect(agent.readResource({ uri: `canvas://${other.roomId}/${foreignId}` })).rejects.toThrow(
      /not a canvas of this room/,
    );
  });

  it("canvases are resources, and a subscribed client hears when a person types", async () => {
    const agent = await connect(harness.room.tokens.editor);
    const canvasId = await createEssay(agent);
    const uri = `canvas://${harness.room.roomId}/${canvasId}`;
    const resources = await agent.listResources();
    expect(resources.resources).toEqual([expect.objectContaining({ uri, name: "Report", mimeType: "text/markdown" })]);
    const contents = await agent.readResource({ uri });
    expect(contents.contents[0]).toMatchObject({ uri, text: ESSAY });

    const updates: string[] = [];
    agent.setNotificationHandler(ResourceUpdatedNotificationSchema, (notification) => {
      updates.push(notification.params.uri);
    });
    await agent.subscribeResource({ uri });
    const person = await join();
    typeParagraph(canvasFragment(person.doc, canvasId), "A person wrote this.");
    await waitFor(() => updates.includes(uri), "the resource update");
    const after = await agent.readResource({ uri });
    expect(after.contents[0]).toMatchObject({ text: expect.stringContaining("A person wrote this.") });
  });

  it("each change of the agent is in the room's change log with its name, and undone on its own over HTTP", async () => {
    const agent = await connect(harness.room.tokens.editor, "Claude Code");
    const canvasId = await createEssay(agent);
    const person = await join();
    await waitFor(() => listCanvases(person.doc).length === 1, "the canvas at the person's");
    const edit = async (find: string, replace: string) => {
      const result = await agent.callTool({
        name: "edit_canvas",
        arguments: { canvas_id: canvasId, edits: [{ find, replace, all: false }], summary: `${find} → ${replace}` },
      });
      return (JSON.parse(text(result)) as { changeId: string }).changeId;
    };
    const first = await edit("ten percent", "twelve percent");
    const second = await edit("uncertain", "bright");
    typeParagraph(canvasFragment(person.doc, canvasId), "Typed by a person.");
    const server = await harness.doc();
    await waitFor(() => canvasText(server, canvasId).includes("Typed by a person."), "the typing at the server");

    const listed = await harness.server.api(`/api/rooms/${harness.room.roomId}/changes?canvasId=${canvasId}`, {
      token: harness.room.tokens.viewer,
    });
    const changes = (listed.json as { changes: { id: string; tool: string; author: { name: string } }[] }).changes;
    expect(changes.map((change) => [change.id, change.tool, change.author.name])).toEqual([
      [second, "edit_canvas", "Claude Code"],
      [first, "edit_canvas", "Claude Code"],
      [expect.any(String), "create_canvas", "Claude Code"],
    ]);

    // The older change is undone on its own: the newer one and the person's typing stay.
    const undo = await harness.server.api(`/api/rooms/${harness.room.roomId}/changes/${first}/undo`, {
      method: "POST",
      token: harness.room.tokens.editor,
      body: {},
    });
    expect(undo.status).toBe(200);
    const now = canvasText(server, canvasId);
    expect(now).toContain("ten percent");
    expect(now).toContain("The outlook is bright.");
    expect(now).toContain("Typed by a person.");
  });

  it("the agent edits while two people type: every word of theirs and every edit of its lands, and all converge", async () => {
    const agent = await connect(harness.room.tokens.editor);
    const canvasId = await createEssay(agent);
    const alice = await join();
    const bob = await join();
    await waitFor(() => listCanvases(alice.doc).length === 1 && listCanvases(bob.doc).length === 1, "the canvas");
    const typed: string[] = [];
    for (let round = 0; round < 10; round++) {
      const edit = agent.callTool({
        name: "edit_canvas",
        arguments: {
          canvas_id: canvasId,
          edits: [
            { find: round === 0 ? "ten percent" : `${round - 1} points`, replace: `${round} points`, all: false },
          ],
          summary: `Round ${round}`,
        },
      });
      for (const [person, name] of [
        [alice, "Alice"],
        [bob, "Bob"],
      ] as const) {
        const line = `${name} typed line ${round}.`;
        typeParagraph(canvasFragment(person.doc, canvasId), line);
        typed.push(line);
      }
      const result = await edit;
      expect(text(result)).not.toMatch(/error/i);
      expect(result.isError).toBeFalsy();
    }
    const server = await harness.doc();
    const all = [server, alice.doc, bob.doc];
    await waitFor(
      () => all.every((doc) => typed.every((line) => canvasText(doc, canvasId).includes(line))),
      "every typed line everywhere",
    );
    await waitFor(() => new Set(all.map((doc) => canvasText(doc, canvasId))).size === 1, "the three copies converging");
    expect(canvasText(server, canvasId)).toContain("The budget grew by 9 points.");
  });

  it("revoking the link ends its sessions at once: the agent leaves the room and its next call is refused", async () => {
    const person = await join();
    const agent = await connect(harness.room.tokens.editor, "Canvas AI");
    const agentState = () => [...person.provider.awareness.getStates().values()].find((state) => state.agent === "mcp");
    await waitFor(() => agentState() !== undefined, "the agent's presence");
    // A client cannot pose as the built-in model.
    expect(agentState()).toMatchObject({ user: { name: "Canvas AI (MCP)" } });
    const revoke = await harness.server.api(`/api/rooms/${harness.room.roomId}/links/editor/revoke`, {
      method: "POST",
      token: harness.room.tokens.owner,
    });
    expect(revoke.status).toBe(200);
    await waitFor(() => agentState() === undefined, "the agent leaving on revoke");
    await expect(agent.callTool({ name: "list_canvases", arguments: {} })).rejects.toThrow();
  });

  it("tool calls are rate-limited per link with a clear error", async () => {
    const agent = await connect(harness.room.tokens.viewer);
    let refused: string | null = null;
    for (let i = 0; i < 61 && !refused; i++) {
      const result = await agent.callTool({ name: "list_canvases", arguments: {} });
      if (result.isError) refused = text(result);
    }
    expect(refused).toMatch(/Too many calls from this link/);
  });
});
