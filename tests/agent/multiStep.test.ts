// Multi-step turns through the real server, the real openai SDK and the scripted fake OpenAI server:
// reads and searches fed back to the model, changes that ask for another step, budgets, cancel.
import { afterEach, describe, expect, it } from "vitest";
import { canvasText } from "../../shared/markdown/index.ts";
import { commentsMap, readChat } from "../../shared/room.ts";
import { connectClient, waitFor } from "../helpers/server.ts";
import { CONCLUSION_TEXT, longCode, longReport, wordCount } from "../helpers/longCanvas.ts";
import type { FakeStep } from "../fake-openai/server.ts";
import type { TurnLimits } from "../../server/agent/budget.ts";
import { startAgentHarness, type AgentHarness } from "./harness.ts";
import * as Y from "yjs";
import { AgentOrigin, applyToolCall } from "../../shared/engine/index.ts";
import { createEngine } from "../../server/agent/engines.ts";
import { runTurnOnDoc } from "../../server/agent/turn.ts";

let harness: AgentHarness;
afterEach(async () => {
  await harness.close();
});

async function start(limits?: TurnLimits): Promise<void> {
  harness = await startAgentHarness({ timeoutMs: 5_000, maxRetries: 0, limits });
}

async function addCanvas(content: string, title = "Report"): Promise<string> {
  const response = await harness.server.api(`/api/rooms/${harness.room.roomId}/canvases`, {
    method: "POST",
    token: harness.room.tokens.editor,
    body: { title, kind: "document", language: null, content },
  });
  expect(response.status).toBe(201);
  return (response.json as { canvasId: string }).canvasId;
}

const read = (args: { from_line?: number; to_line?: number; heading?: string }): FakeStep => ({
  toolCall: {
    name: "read_canvas",
    arguments: { from_line: args.from_line ?? null, to_line: args.to_line ?? null, heading: args.heading ?? null },
  },
});
const edit = (find: string, replace: string, more = false): FakeStep => ({
  toolCall: {
    name: "edit_canvas",
    arguments: { edits: [{ find, replace, all: false }], summary: "Brighter conclusion", more_steps: more },
  },
});
const comment = (quote: string): FakeStep => ({
  toolCall: {
    name: "comment_canvas",
    arguments: {
      comments: [{ quote, comment: "Give a figure.", severity: "suggestion", suggestion: null }],
      more_steps: false,
    },
  },
});

interface RecordedBody {
  messages: { role: string; content: string | null; tool_call_id?: string }[];
  tools?: { function: { name: string } }[];
}
const body = (index: number) => harness.fake.requests[index]!.body as RecordedBody;
const lastToolMessage = (index: number) =>
  body(index)
    .messages.filter((message) => message.role === "tool")
    .at(-1)!;
const cards = async () => readChat(await harness.doc()).at(-1)!.activity;

const OPTIMISTIC = "Next year looks bright: the budget is focused and the team is ready for what comes.";
const REPORT = longReport(100_000);

describe("multi-step turns", () => {
  it("read → edit: the model reads the conclusion of a long canvas and edits what it read", async () => {
    await start();
    const canvasId = await addCanvas(REPORT);
    harness.fake.script([read({ heading: "Conclusion" }), edit(CONCLUSION_TEXT, OPTIMISTIC)]);
    const run = await harness.run({ text: "Make the conclusion more optimistic", canvasId });
    expect(run.status).toBe("done");
    const doc = await harness.doc();
    expect(canvasText(doc, canvasId)).toBe(REPORT.replace(CONCLUSION_TEXT, OPTIMISTIC));
    expect(harness.fake.requests).toHaveLength(2);
    // The first request offers the navigation tools and shows no conclusion; the second carries what was read.
    expect(body(0).tools!.map((tool) => tool.function.name)).toContain("read_canvas");
    expect(JSON.stringify(body(0).messages)).not.toContain(CONCLUSION_TEXT);
    expect(lastToolMessage(1).content).toMatch(/^The section "Conclusion", lines [\d,]+–[\d,]+/);
    expect(lastToolMessage(1).content).toContain(`\t${CONCLUSION_TEXT}`);
    const activity = await cards();
    expect(activity.map((card) => [card.tool, card.ok])).toEqual([
      ["read_canvas", true],
      ["edit_canvas", true],
    ]);
    expect(activity[0]!.summary).toMatch(/^Read lines [\d,]+–[\d,]+$/);
    const last = await harness.server.api(`/api/rooms/${harness.room.roomId}/changes/last?canvasId=${canvasId}`, {
      token: harness.room.tokens.viewer,
    });
    expect(last.json).toMatchObject({ summary: "Brighter conclusion" });
  });

  it("search → edit: the model finds a passage by its words and edits it", async () => {
    await start();
    const canvasId = await addCanvas(REPORT);
    harness.fake.script([
      { toolCall: { name: "search_canvas", arguments: { query: "team is tired", max_results: 3 } } },
      edit("the team is tired", "the team is rested"),
    ]);
    const run = await harness.run({ text: "Say the team is rested", canvasId });
    expect(run.status).toBe("done");
    expect(canvasText(await harness.doc(), canvasId)).toContain("the team is rested after a difficult year");
    const found = lastToolMessage(1).content!;
    expect(found).toContain("1 line matches");
    expect(found).toMatch(/\n[\d]+\tThe outlook for next year/);
    expect((await cards())[0]).toMatchObject({ tool: "search_canvas", ok: true, count: 1 });
  });

  it("edit → comment in one turn: a change with more_steps gets its result back and the model comments", async () => {
    await start();
    const canvasId = await addCanvas("# Plan\n\nWe ship in March.\n\nCosts will fall a lot.");
    harness.fake.script([
      edit("We ship in March.", "We ship in April.", true),
      comment("Costs will fall a lot."),
      { text: "Moved the date and flagged the cost claim." },
    ]);
    const run = await harness.run({ text: "Move the date to April and review the rest", canvasId });
    expect(run.status).toBe("done");
    const doc = await harness.doc();
    expect(canvasText(doc, canvasId)).toBe("# Plan\n\nWe ship in April.\n\nCosts will fall a lot.");
    expect([...commentsMap(doc).values()].map((entry) => entry.quote)).toEqual(["Costs will fall a lot."]);
    // The comment ended the turn (more_steps false): two requests, the third step was never asked for.
    expect(harness.fake.requests).toHaveLength(2);
    expect(harness.fake.pending()).toBe(1);
    expect(lastToolMessage(1).content).toMatch(/^Done: /);
    expect((await cards()).map((card) => card.tool)).toEqual(["edit_canvas", "comment_canvas"]);
  });

  it("a refused read (past the end) tells the valid range, and the corrected read goes on", async () => {
    await start();
    const canvasId = await addCanvas(REPORT);
    const lines = REPORT.split("\n").length;
    harness.fake.script([
      read({ from_line: lines + 500, to_line: lines + 600 }),
      read({ from_line: lines, to_line: lines }),
      edit(CONCLUSION_TEXT, OPTIMISTIC),
    ]);
    const run = await harness.run({ text: "Make the conclusion more optimistic", canvasId });
    expect(run.status).toBe("done");
    expect(lastToolMessage(1).content).toContain(`(1–${lines.toLocaleString("en")})`);
    expect(lastToolMessage(1).content).toMatch(/^ERROR: Line [\d,]+ is past the end/);
    expect(lastToolMessage(2).content).toContain(`${lines}\t${CONCLUSION_TEXT}`);
    expect(canvasText(await harness.doc(), canvasId)).toContain(OPTIMISTIC);
    expect((await cards()).map((card) => [card.tool, card.ok])).toEqual([
      ["read_canvas", false],
      ["read_canvas", true],
      ["edit_canvas", true],
    ]);
  });

  it("the step budget ends the turn with a clear message and keeps what the steps did", async () => {
    await start({ maxSteps: 3 });
    const canvasId = await addCanvas("# Plan\n\nOne.\n\nTwo.\n\nThree.");
    harness.fake.script([
      edit("One.", "Uno.", true),
      edit("Two.", "Dos.", true),
      edit("Three.", "Tres.", true),
      edit("Plan", "Plano"),
    ]);
    const run = await harness.run({ text: "Translate the words one at a time", canvasId });
    expect(run.status).toBe("done");
    expect(canvasText(await harness.doc(), canvasId)).toBe("# Plan\n\nUno.\n\nDos.\n\nTres.");
    expect(harness.fake.requests).toHaveLength(3);
    expect(readChat(await harness.doc()).at(-1)!.text).toContain("I stopped after 3 steps");
  });

  it("the token budget ends the turn before a request that would exceed it", async () => {
    await start({ turnTokens: 3_500 });
    const canvasId = await addCanvas(REPORT);
    harness.fake.script([
      read({ heading: "Section 1" }),
      read({ heading: "Section 2" }),
      read({ heading: "Section 3" }),
    ]);
    const run = await harness.run({ text: "Summarise the first sections", canvasId });
    expect(run.status).toBe("done");
    expect(harness.fake.requests.length).toBeLessThan(3);
    expect(readChat(await harness.doc()).at(-1)!.text).toMatch(
      /over its budget of 3,500 tokens \(CANVAS_TURN_TOKENS\)/,
    );
  });

  it("cancel between steps keeps the finished step, and a websocket client saw it live", async () => {
    await start();
    const canvasId = await addCanvas("# Plan\n\nWe ship in March.\n\nCosts will fall a lot.");
    // The second step starts a comment and then goes quiet (it would time out if not cancelled).
    harness.fake.script([
      edit("We ship in March.", "We ship in April.", true),
      { ...comment("Costs will fall a lot."), stallAfterChunks: 3 },
    ]);
    const client = connectClient(harness.server.wsUrl, harness.room.roomId, harness.room.tokens.viewer);
    try {
      await client.synced;
      const sent = await harness.send({ text: "Move the date and review the rest", canvasId });
      expect(sent.status).toBe(202);
      // The client sees the first step's change and its card while the run is still going.
      await waitFor(() => canvasText(client.doc, canvasId).includes("We ship in April."), "the edit on the client");
      await waitFor(() => readChat(client.doc).at(-1)?.activity.length === 1, "the edit's card on the client");
      // …and the step under way, as a pending card.
      await waitFor(() => readChat(client.doc).at(-1)?.step === "comment_canvas", "the comment step in progress");
      expect(harness.runs().isActive(harness.room.roomId)).toBe(true);
      expect(readChat(client.doc).at(-1)!.status).toBe("streaming");
      const cancel = await harness.server.api(`/api/rooms/${harness.room.roomId}/runs/current/cancel`, {
        method: "POST",
        token: harness.room.tokens.editor,
      });
      expect(cancel.status).toBe(200);
      await waitFor(() => readChat(client.doc).at(-1)?.status === "cancelled", "the cancelled reply on the client");
      expect(readChat(client.doc).at(-1)!.step).toBeNull();
      expect(canvasText(await harness.doc(), canvasId)).toBe("# Plan\n\nWe ship in April.\n\nCosts will fall a lot.");
      expect(commentsMap(await harness.doc()).size).toBe(0);
    } finally {
      client.destroy();
    }
  });

  it("a 100k-word canvas end to end: the turn's input is a small fraction of the canvas", async () => {
    await start();
    expect(wordCount(REPORT)).toBeGreaterThanOrEqual(100_000);
    const canvasId = await addCanvas(REPORT);
    harness.fake.script([read({ heading: "Conclusion" }), edit(CONCLUSION_TEXT, OPTIMISTIC)]);
    const run = await harness.run({ text: "Make the conclusion more optimistic", canvasId });
    expect(run.status).toBe("done");
    expect(canvasText(await harness.doc(), canvasId)).toContain(OPTIMISTIC);
    // What the provider was sent over the whole turn (messages and tools), against the canvas alone.
    const sent = harness.fake.requests.reduce((sum, request) => {
      const { messages, tools } = request.body as RecordedBody;
      return sum + JSON.stringify(messages).length + JSON.stringify(tools ?? []).length;
    }, 0);
    expect(sent / REPORT.length).toBeLessThan(0.05);
  });

  it("a turn's trace counts its steps, requests and tokens, with the provider's cached prompt tokens", async () => {
    await start();
    const doc = new Y.Doc();
    const created = applyToolCall(
      doc,
      { name: "create_canvas", arguments: { title: "Report", kind: "document", language: null, content: REPORT } },
      { canvasId: null, origin: new AgentOrigin("setup") },
    );
    if (!created.ok) throw new Error(created.summary);
    harness.fake.script([
      { ...read({ heading: "Conclusion" }), usage: { prompt_tokens: 3_000, completion_tokens: 20 } },
      {
        ...edit(CONCLUSION_TEXT, OPTIMISTIC),
        usage: { prompt_tokens: 3_600, completion_tokens: 60, prompt_tokens_details: { cached_tokens: 2_944 } },
      },
    ]);
    const engine = createEngine({ engine: "openai", apiKey: "k", baseURL: harness.fake.url, model: "fake-model" });
    const trace = await runTurnOnDoc({
      doc,
      canvasId: created.canvasId,
      engine,
      input: {
        userText: "Make the conclusion more optimistic",
        history: [],
        canvas: { id: created.canvasId, title: "Report", kind: "document", language: null, content: REPORT },
        selection: null,
        action: null,
      },
    });
    expect(trace).toMatchObject({ steps: 2, requests: 2, inputTokens: 6_600, cachedTokens: 2_944, outputTokens: 80 });
    expect(trace.canvasAfter).toContain(OPTIMISTIC);
  });

  it("a 3,000-line code file: search for a function, read it by name, fix one line", async () => {
    await start();
    const source = longCode(450);
    expect(source.split("\n").length).toBeGreaterThan(3_000);
    const created = await harness.server.api(`/api/rooms/${harness.room.roomId}/canvases`, {
      method: "POST",
      token: harness.room.tokens.editor,
      body: { title: "handlers.ts", kind: "code", language: "typescript", content: source },
    });
    const canvasId = (created.json as { canvasId: string }).canvasId;
    harness.fake.script([
      { toolCall: { name: "search_canvas", arguments: { query: "handler420", max_results: null } } },
      read({ heading: "handler420" }),
      {
        toolCall: {
          name: "edit_canvas",
          arguments: {
            edits: [{ find: "    return doubled - 420;", replace: "    return doubled - 421;", all: false }],
            summary: "Fixed the offset in handler420",
            more_steps: false,
          },
        },
      },
    ]);
    const run = await harness.run({ text: "handler420 subtracts the wrong offset; it should be 421", canvasId });
    expect(run.status).toBe("done");
    expect(lastToolMessage(1).content).toMatch(/\n\d+\texport function handler420\(/);
    expect(lastToolMessage(2).content).toMatch(/^The section "export function handler420[^"]*", lines [\d,]+–[\d,]+/);
    expect(
      lastToolMessage(2)
        .content!.split("\n")
        .filter((line) => /^\d+\t/.test(line)),
    ).toHaveLength(7);
    const after = canvasText(await harness.doc(), canvasId);
    expect(after).toBe(source.replace("    return doubled - 420;", "    return doubled - 421;"));
  });
});
