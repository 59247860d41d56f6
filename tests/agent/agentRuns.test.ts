import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { canvasText } from "../../shared/markdown/index.ts";
import { canvasesMap, commentsMap, listCanvases, readChat } from "../../shared/room.ts";
import { startAgentHarness, type AgentHarness } from "./harness.ts";

let harness: AgentHarness;
beforeEach(async () => {
  harness = await startAgentHarness({ timeoutMs: 1_500, maxRetries: 1 });
});
afterEach(async () => {
  await harness.close();
});

const ESSAY =
  "# Lighthouses\n\nLighthouses guided ships for centuries.\n\nThe keeper's life was lonely and hard.\n\nToday most lights are automated.";

async function openEssay(): Promise<string> {
  harness.fake.script([
    {
      toolCall: {
        name: "create_canvas",
        arguments: { title: "Lighthouses", kind: "document", language: null, content: ESSAY },
      },
    },
  ]);
  const run = await harness.run({ text: "Write a short essay about lighthouses" });
  expect(run.status).toBe("done");
  return listCanvases(await harness.doc())[0]!.id;
}

describe("agent runs against an OpenAI-compatible model", () => {
  it("a plain question gets a streamed chat answer and no canvas", async () => {
    harness.fake.script([{ text: "A sonnet has fourteen lines.", chunkSize: 4 }]);
    const run = await harness.run({ text: "How many lines does a sonnet have?" });
    expect(run.status).toBe("done");
    const doc = await harness.doc();
    expect(listCanvases(doc)).toEqual([]);
    const chat = readChat(doc);
    expect(chat.map((message) => [message.role, message.text, message.status])).toEqual([
      ["user", "How many lines does a sonnet have?", "done"],
      ["assistant", "A sonnet has fourteen lines.", "done"],
    ]);
    const request = harness.fake.requests[0]!.body as {
      tools: unknown[];
      parallel_tool_calls: boolean;
      stream: boolean;
    };
    expect(request.stream).toBe(true);
    expect(request.parallel_tool_calls).toBe(false);
    expect(request.tools).toHaveLength(4);
  });

  it("create_canvas opens a canvas with the streamed content and a chat card", async () => {
    const canvasId = await openEssay();
    const doc = await harness.doc();
    expect(canvasesMap(doc).get(canvasId)).toMatchObject({ title: "Lighthouses", kind: "document" });
    expect(canvasText(doc, canvasId)).toBe(ESSAY);
    const reply = readChat(doc)[1]!;
    expect(reply.activity).toEqual([expect.objectContaining({ tool: "create_canvas", ok: true, canvasId })]);
    expect(reply.text).toContain("Lighthouses");
  });

  it("a targeted edit changes only the named paragraph and stores a version before it", async () => {
    const canvasId = await openEssay();
    harness.fake.script([
      {
        toolCall: {
          name: "edit_canvas",
          arguments: {
            edits: [
              {
                find: "The keeper's life was lonely and hard.",
                replace: "Keepers led quiet, devoted lives.",
                all: false,
              },
            ],
            summary: "Softened paragraph 2",
          },
        },
      },
    ]);
    const run = await harness.run({ text: "Make the second paragraph friendlier", canvasId });
    expect(run.status).toBe("done");
    const doc = await harness.doc();
    expect(canvasText(doc, canvasId)).toBe(
      ESSAY.replace("The keeper's life was lonely and hard.", "Keepers led quiet, devoted lives."),
    );
    const versions = await harness.server.api(`/api/rooms/${harness.room.roomId}/versions?canvasId=${canvasId}`, {
      token: harness.room.tokens.viewer,
    });
    const list = (versions.json as { versions: { id: string; reason: string }[] }).versions;
    expect(list[0]).toMatchObject({ reason: "before-ai" });
    const version = await harness.server.api(`/api/rooms/${harness.room.roomId}/versions/${list[0]!.id}`, {
      token: harness.room.tokens.viewer,
    });
    expect((version.json as { text: string }).text).toBe(ESSAY);
    const last = await harness.server.api(`/api/rooms/${harness.room.roomId}/changes/last?canvasId=${canvasId}`, {
      token: harness.room.tokens.viewer,
    });
    expect(last.json).toMatchObject({ before: ESSAY, summary: "Softened paragraph 2" });
  });

  it("an undo of the AI change restores the text before it", async () => {
    const canvasId = await openEssay();
    harness.fake.script([
      {
        toolCall: {
          name: "rewrite_canvas",
          arguments: { content: "# Phares\n\nLes phares guidaient les navires.", summary: "Translated to French" },
        },
      },
    ]);
    await harness.run({ text: "Translate it to French", canvasId });
    const doc = await harness.doc();
    expect(canvasText(doc, canvasId)).toBe("# Phares\n\nLes phares guidaient les navires.");
    const undo = await harness.server.api(`/api/rooms/${harness.room.roomId}/undo`, {
      method: "POST",
      token: harness.room.tokens.editor,
      body: { canvasId },
    });
    expect(undo.status).toBe(200);
    expect(canvasText(doc, canvasId)).toBe(ESSAY);
  });

  it("comment_canvas anchors comments on the quoted sentences", async () => {
    const canvasId = await openEssay();
    harness.fake.script([
      {
        toolCall: {
          name: "comment_canvas",
          arguments: {
            comments: [
              {
                quote: "Today most lights are automated.",
                comment: "Give a year or a source.",
                severity: "suggestion",
                suggestion: null,
              },
            ],
          },
        },
      },
    ]);
    await harness.run({ text: "Critique this", canvasId });
    const response = await harness.server.api(`/api/rooms/${harness.room.roomId}/comments?canvasId=${canvasId}`, {
      token: harness.room.tokens.viewer,
    });
    const comments = (response.json as { comments: { currentText: string; body: string; author: string }[] }).comments;
    expect(comments).toEqual([
      expect.objectContaining({
        currentText: "Today most lights are automated.",
        body: "Give a year or a source.",
        author: "ai",
      }),
    ]);
  });

  it("an invalid tool call is sent back as an error and the corrected call applies", async () => {
    const canvasId = await openEssay();
    harness.fake.script([
      {
        toolCall: {
          name: "edit_canvas",
          arguments: { edits: [{ find: "keepers life", replace: "x", all: false }], summary: "s" },
        },
      },
      {
        toolCall: {
          name: "edit_canvas",
          arguments: { edits: [{ find: "lonely and hard", replace: "calm", all: false }], summary: "s" },
        },
      },
    ]);
    const run = await harness.run({ text: "Make it calmer", canvasId });
    expect(run.status).toBe("done");
    expect(canvasText(await harness.doc(), canvasId)).toContain("The keeper's life was calm.");
    const retry = harness.fake.requests[2]!.body as { messages: { role: string; content: string | null }[] };
    const toolMessage = retry.messages.find((message) => message.role === "tool");
    expect(toolMessage?.content).toContain("is not in the canvas");
    expect(toolMessage?.content).toContain(`"The keeper's life was lonely and hard."`);
  });

  it("a model that keeps sending unlocatable edits stops after two retries with the canvas unchanged", async () => {
    const canvasId = await openEssay();
    const bad = {
      toolCall: {
        name: "edit_canvas",
        arguments: { edits: [{ find: "no such text", replace: "x", all: false }], summary: "s" },
      },
    };
    harness.fake.script([bad, bad, bad]);
    const run = await harness.run({ text: "Change something", canvasId });
    expect(run.status).toBe("error");
    expect(canvasText(await harness.doc(), canvasId)).toBe(ESSAY);
    expect(harness.fake.requests).toHaveLength(4);
    expect(readChat(await harness.doc()).at(-1)!.text).toMatch(/canvas is unchanged/);
  });

  it("a 429 with retry-after is retried and then succeeds", async () => {
    harness.fake.script([{ status: 429, retryAfter: 0 }, { text: "Hello!" }]);
    const run = await harness.run({ text: "hi" });
    expect(run.status).toBe("done");
    expect(readChat(await harness.doc()).at(-1)!.text).toBe("Hello!");
    expect(harness.fake.requests).toHaveLength(2);
  });

  it("provider failures become a clear chat message and leave the canvas untouched", async () => {
    const canvasId = await openEssay();
    const cases: [unknown[], RegExp][] = [
      [[{ status: 401 }], /API key/i],
      [[{ status: 500 }, { status: 500 }], /provider/i],
      [[{ hang: true }, { hang: true }], /within|timed out|time/i],
      [
        [
          {
            cutAfterChunks: 3,
            toolCall: { name: "rewrite_canvas", arguments: { content: "# Broken\n\nHalf a rewr", summary: "s" } },
          },
        ],
        /broke|stream/i,
      ],
    ];
    for (const [steps, message] of cases) {
      harness.fake.script(steps as never);
      const run = await harness.run({ text: "Rewrite it", canvasId });
      expect(run.status).toBe("error");
      expect(run.error).toMatch(message);
      const doc = await harness.doc();
      expect(canvasText(doc, canvasId)).toBe(ESSAY);
      expect(readChat(doc).at(-1)).toMatchObject({ status: "error", error: expect.stringMatching(message) });
    }
  });

  it("a second message while a run is active gets 409, and cancel stops the run with the canvas whole", async () => {
    const canvasId = await openEssay();
    harness.fake.script([
      {
        toolCall: {
          name: "rewrite_canvas",
          arguments: { content: "# New\n\n" + "A new paragraph.\n\n".repeat(40), summary: "s" },
        },
        chunkSize: 8,
        delayMs: 20,
      },
    ]);
    const first = await harness.send({ text: "Rewrite everything", canvasId });
    expect(first.status).toBe(202);
    const second = await harness.send({ text: "And again" });
    expect(second.status).toBe(409);
    await new Promise((resolve) => setTimeout(resolve, 150));
    const cancel = await harness.server.api(`/api/rooms/${harness.room.roomId}/runs/current/cancel`, {
      method: "POST",
      token: harness.room.tokens.editor,
    });
    expect(cancel.json).toEqual({ cancelled: true });
    const doc = await harness.doc();
    expect(canvasText(doc, canvasId)).toBe(ESSAY);
    expect(readChat(doc).at(-1)).toMatchObject({ status: "cancelled" });
  });

  it("viewers and commenters cannot start runs", async () => {
    expect((await harness.send({ text: "hi" }, harness.room.tokens.viewer)).status).toBe(403);
    expect((await harness.send({ text: "hi" }, harness.room.tokens.commenter)).status).toBe(403);
    expect(commentsMap(await harness.doc()).size).toBe(0);
  });
});

describe("what collaborators see while the model works", () => {
  it("streamed content appears block by block before the run ends, with the model present as 'Canvas AI'", async () => {
    const { connectClient, waitFor } = await import("../helpers/server.ts");
    const paragraphs = Array.from({ length: 12 }, (_, index) => `Paragraph number ${index} about the sea.`);
    const content = `# Sea\n\n${paragraphs.join("\n\n")}`;
    harness.fake.script([
      {
        toolCall: { name: "create_canvas", arguments: { title: "Sea", kind: "document", language: null, content } },
        chunkSize: 12,
        delayMs: 15,
      },
    ]);
    const watcher = connectClient(harness.server.wsUrl, harness.room.roomId, harness.room.tokens.viewer);
    await watcher.synced;
    const aiNames = new Set<string>();
    watcher.provider.awareness.on("change", () => {
      for (const state of watcher.provider.awareness.getStates().values()) {
        const user = (state as { user?: { name?: string } }).user;
        if (user?.name) aiNames.add(user.name);
      }
    });

    const response = await harness.send({ text: "Write about the sea" });
    expect(response.status).toBe(202);
    // Part of the essay is visible to another client while the run is still going.
    let partial = "";
    await waitFor(() => {
      const canvases = listCanvases(watcher.doc);
      if (!canvases.length || !harness.runs().isActive(harness.room.roomId)) return false;
      partial = canvasText(watcher.doc, canvases[0]!.id);
      return partial.includes("Paragraph number 2");
    }, "partial content while the run is active");
    expect(partial).not.toContain("Paragraph number 11");
    await harness.runs().settle(harness.room.roomId);
    await waitFor(
      () => canvasText(watcher.doc, listCanvases(watcher.doc)[0]!.id) === content,
      "the final content on the watcher",
    );
    expect(aiNames.has("Canvas AI")).toBe(true);
    // Presence is cleared when the run ends.
    await waitFor(
      () =>
        [...watcher.provider.awareness.getStates().values()].every(
          (state) => (state as { user?: { name?: string } }).user?.name !== "Canvas AI",
        ),
      "the model's presence to leave",
    );
    watcher.destroy();
  });
});

describe("applying a comment's suggestion", () => {
  it("replaces exactly the commented text, markup included, and resolves the comment", async () => {
    harness.fake.script([
      {
        toolCall: {
          name: "create_canvas",
          arguments: {
            title: "Note",
            kind: "document",
            language: null,
            content: "# Note\n\nThe sea is **very very** calm today.\n\nBoats wait.",
          },
        },
      },
    ]);
    await harness.run({ text: "Write a note" });
    const canvasId = listCanvases(await harness.doc())[0]!.id;
    harness.fake.script([
      {
        toolCall: {
          name: "comment_canvas",
          arguments: {
            comments: [
              {
                quote: "The sea is **very very** calm today.",
                comment: "Repeated word.",
                severity: "issue",
                suggestion: "The sea is **very** calm today.",
              },
            ],
          },
        },
      },
    ]);
    await harness.run({ text: "Proofread", canvasId });
    const listed = await harness.server.api(`/api/rooms/${harness.room.roomId}/comments`, {
      token: harness.room.tokens.viewer,
    });
    const [comment] = (listed.json as { comments: { id: string; currentText: string }[] }).comments;
    expect(comment!.currentText).toBe("The sea is very very calm today.");
    const applied = await harness.server.api(`/api/rooms/${harness.room.roomId}/comments/${comment!.id}/apply`, {
      method: "POST",
      token: harness.room.tokens.editor,
    });
    expect(applied.status).toBe(200);
    const doc = await harness.doc();
    expect(canvasText(doc, canvasId)).toBe("# Note\n\nThe sea is **very** calm today.\n\nBoats wait.");
    expect([...commentsMap(doc).values()][0]!.resolved).toBe(true);
    const commenter = await harness.server.api(`/api/rooms/${harness.room.roomId}/comments/${comment!.id}/apply`, {
      method: "POST",
      token: harness.room.tokens.commenter,
    });
    expect(commenter.status).toBe(403);
  });
});
