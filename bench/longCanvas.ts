// Token economy on a long canvas: "make the conclusion more optimistic" on a 100k-word report, run as a
// real multi-step turn (read the conclusion, edit it) through the real openai SDK against the scripted
// fake OpenAI server, which records every request. Reference in the same run: the same change with the
// canvas sent whole (a context budget large enough to hold it), and a whole-canvas rewrite's output.
// Goal (issue #19): the turn's input ≤ 5% of sending the canvas whole, its output ≤ 5% of a rewrite's,
// and a follow-up turn shares its prefix (tools, system prompt, outline) with the first one.
// Run: `npm run bench -- longcanvas` or `npx tsx bench/longCanvas.ts`.
import * as Y from "yjs";
import { AgentOrigin, applyToolCall } from "../shared/engine/index.ts";
import { createEngine } from "../server/agent/engines.ts";
import { runTurnOnDoc } from "../server/agent/turn.ts";
import type { HistoryMessage, TurnInput, TurnTrace } from "../server/agent/types.ts";
import { startFakeOpenAI, type FakeOpenAI, type FakeStep } from "../tests/fake-openai/server.ts";
import { CONCLUSION_TEXT, longReport, wordCount } from "../tests/helpers/longCanvas.ts";

const OPTIMISTIC = "Next year looks bright: the budget is focused and the team is ready for what comes.";
const REQUEST = "Make the conclusion more optimistic";

interface Recorded {
  messages: unknown[];
  tools?: unknown[];
}

/** Prompt tokens of a recorded request, characters / 4 of everything sent: messages and tool definitions. */
const sentTokens = (body: Recorded): number =>
  Math.ceil((JSON.stringify(body.messages).length + JSON.stringify(body.tools ?? []).length) / 4);

interface Turn {
  trace: TurnTrace;
  requests: Recorded[];
}

async function turn(
  fake: FakeOpenAI,
  content: string,
  steps: FakeStep[],
  options: { contextTokens?: number; history?: HistoryMessage[]; room?: Room } = {},
): Promise<Turn> {
  fake.reset();
  fake.script(steps);
  const { doc, canvasId } = options.room ?? newRoom(content);
  const engine = createEngine({ engine: "openai", apiKey: "bench", baseURL: fake.url, model: "fake-model" });
  const input: TurnInput = {
    userText: REQUEST,
    history: options.history ?? [],
    canvas: { id: canvasId, title: "Annual report", kind: "document", language: null, content },
    selection: null,
    action: null,
  };
  const trace = await runTurnOnDoc({
    doc,
    canvasId,
    input,
    engine,
    ...(options.contextTokens ? { contextTokens: options.contextTokens } : {}),
  });
  if (trace.error || trace.canvasAfter === trace.canvasBefore)
    throw new Error(`the turn failed: ${trace.error ?? trace.text}`);
  return { trace, requests: fake.requests.map((request) => request.body as Recorded) };
}

interface Room {
  doc: Y.Doc;
  canvasId: string;
}

function newRoom(content: string): Room {
  const doc = new Y.Doc();
  const created = applyToolCall(
    doc,
    { name: "create_canvas", arguments: { title: "Annual report", kind: "document", language: null, content } },
    { canvasId: null, origin: new AgentOrigin("setup") },
  );
  if (!created.ok) throw new Error(created.summary);
  return { doc, canvasId: created.canvasId };
}

/** Characters two request bodies share from their start, in the order a provider caches: tools, then messages. */
function sharedPrefixTokens(a: Recorded, b: Recorded): number {
  const left = JSON.stringify([a.tools ?? [], ...a.messages]);
  const right = JSON.stringify([b.tools ?? [], ...b.messages]);
  let same = 0;
  while (same < left.length && left.charCodeAt(same) === right.charCodeAt(same)) same++;
  return Math.ceil(same / 4);
}

function editStep(find: string, replace: string): FakeStep {
  return {
    toolCall: {
      name: "edit_canvas",
      arguments: {
        edits: [{ find, replace, all: false }],
        summary: "Made the conclusion more optimistic",
        more_steps: false,
      },
    },
  };
}

const pct = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(part * 100 < whole ? 2 : 1)}%`;
const n = (value: number): string => value.toLocaleString("en");

export async function runLongCanvasBench(): Promise<void> {
  const content = longReport(100_000);
  const fake = await startFakeOpenAI();
  try {
    const edit = editStep(CONCLUSION_TEXT, OPTIMISTIC);
    const readConclusion: FakeStep = {
      toolCall: { name: "read_canvas", arguments: { from_line: null, to_line: null, heading: "Conclusion" } },
    };
    const room = newRoom(content);
    const multiStep = await turn(fake, content, [readConclusion, edit], { room });
    const whole = await turn(fake, content, [edit], { contextTokens: 2_000_000 });
    const rewrite = await turn(fake, content, [
      {
        toolCall: {
          name: "rewrite_canvas",
          arguments: {
            content: content.replace(CONCLUSION_TEXT, OPTIMISTIC),
            summary: "Rewrote it",
            more_steps: false,
          },
        },
        // The fake streams a step in pieces of 5 characters unless told: large ones send 600k quickly.
        chunkSize: 20_000,
      },
    ]);
    // The next turn in the same room, on the canvas as the first turn left it.
    const followUp = await turn(
      fake,
      multiStep.trace.canvasAfter!,
      [readConclusion, editStep(OPTIMISTIC, "Next year looks bright, and the team is ready for it.")],
      {
        room,
        history: [
          { role: "user", content: REQUEST },
          { role: "assistant", content: "I made the conclusion more optimistic." },
        ],
      },
    );

    const inputTokens = multiStep.requests.reduce((sum, body) => sum + sentTokens(body), 0);
    const wholeTokens = whole.requests.reduce((sum, body) => sum + sentTokens(body), 0);
    const first = sentTokens(multiStep.requests[0]!);
    const shared = sharedPrefixTokens(multiStep.requests[0]!, followUp.requests[0]!);
    const withinTurn = sharedPrefixTokens(multiStep.requests[0]!, multiStep.requests[1]!);

    console.log(
      `canvas: ${n(wordCount(content))} words, ${n(content.length)} characters, ${n(content.split("\n").length)} lines`,
    );
    console.log("| turn | requests | input tokens (messages + tools) | reported prompt_tokens | output tokens |");
    console.log("| --- | --- | --- | --- | --- |");
    const row = (name: string, run: Turn, input: number) =>
      console.log(
        `| ${name} | ${run.requests.length} | ${n(input)} | ${n(run.trace.inputTokens)} | ${n(run.trace.outputTokens)} |`,
      );
    row("read → edit (outline + excerpt)", multiStep, inputTokens);
    row("canvas sent whole, one edit (reference)", whole, wholeTokens);
    row(
      "whole-canvas rewrite (reference for output)",
      rewrite,
      rewrite.requests.reduce((s, b) => s + sentTokens(b), 0),
    );
    console.log(
      `input of the read → edit turn: ${pct(inputTokens, wholeTokens)} of sending the canvas whole (goal ≤ 5%: ${inputTokens <= wholeTokens * 0.05 ? "met" : "NOT met"})`,
    );
    console.log(
      `output: ${pct(multiStep.trace.outputTokens, rewrite.trace.outputTokens)} of a rewrite's (goal ≤ 5%: ${multiStep.trace.outputTokens <= rewrite.trace.outputTokens * 0.05 ? "met" : "NOT met"})`,
    );
    console.log(
      `stable prefix: step 2 shares ${n(withinTurn)} of step 1's ${n(first)} tokens; a follow-up turn's first request shares ${n(shared)} (${pct(shared, first)}: tools, system prompt, outline)`,
    );
  } finally {
    await fake.close();
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/"))) {
  await runLongCanvasBench();
}
