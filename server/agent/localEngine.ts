// The offline engine as a TurnEngine: it streams its decision the way a model would (text, then a
// tool call whose arguments arrive in pieces), so the run loop, the canvas streaming and the evals
// exercise the same path with and without a model. On a long canvas (the turn offers search_canvas)
// an edit takes two steps, as a model's would: search for the passage first, then edit what was found.
import type { EditCanvasArgs, NavigationCall, ToolCall } from "../../shared/tools.ts";
import { decideLocal } from "./local/index.ts";
import type { ModelEvent, ModelRequest, TurnEngine } from "./types.ts";

const ARGUMENT_CHUNK = 64;

/** Give the event loop a turn, as a network stream would: collaborators see the answer arrive. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

interface Answer {
  text: string;
  call: ToolCall | NavigationCall | null;
}

export function createLocalEngine(): TurnEngine {
  return {
    kind: "local",
    model: "offline-rules",
    async *stream(request: ModelRequest): AsyncIterable<ModelEvent> {
      if (request.attempt > 0) {
        // Rules cannot correct a refused call; the run loop reports the engine's error to the user.
        const text =
          "The offline engine could not apply that change. A model (OPENAI_API_KEY) can handle this request.";
        yield { type: "text", delta: text };
        yield { type: "done", text, toolCalls: [], outputTokens: 0 };
        return;
      }
      const decision = await decideLocal(request.input);
      const answer = searchFirst(request, decision.toolCall) ?? { text: decision.text, call: decision.toolCall };
      for (const word of answer.text.match(/\S+\s*/g) ?? []) {
        if (request.signal.aborted) return;
        yield { type: "text", delta: word };
        await nextTurn();
      }
      const toolCalls = [];
      if (answer.call) {
        const id = `local-call-${request.step + 1}`;
        const args = JSON.stringify(answer.call.arguments);
        yield { type: "tool_call_start", id, name: answer.call.name };
        for (let end = ARGUMENT_CHUNK; end < args.length + ARGUMENT_CHUNK; end += ARGUMENT_CHUNK) {
          if (request.signal.aborted) return;
          yield { type: "tool_call_delta", id, argumentsSoFar: args.slice(0, end) };
          await nextTurn();
        }
        toolCalls.push({ id, name: answer.call.name, arguments: args });
      }
      const outputTokens = Math.ceil((answer.text.length + (toolCalls[0]?.arguments.length ?? 0)) / 4);
      yield { type: "done", text: answer.text, toolCalls, outputTokens };
    },
  };
}

/**
 * On a long canvas, the step before an edit: a search_canvas call for the edit's first line (a
 * section's heading, a sentence's first words). After the search: null to go on with the edit, or a
 * reply when the search found nothing. Null too on a short canvas or for other calls.
 */
function searchFirst(request: ModelRequest, call: ToolCall | null): Answer | null {
  if (call?.name !== "edit_canvas") return null;
  if (!request.tools.some((tool) => tool.function.name === "search_canvas")) return null;
  const last = request.messages.at(-1);
  if (last?.role === "tool") {
    if (!/^No line of the canvas contains/.test(last.content)) return null;
    return { text: "I could not find that passage in the canvas, so I left it unchanged.", call: null };
  }
  return {
    text: "",
    call: { name: "search_canvas", arguments: { query: searchQuery(call.arguments), max_results: 5 } },
  };
}

function searchQuery(args: EditCanvasArgs): string {
  const find = args.edits[0]!.find;
  const first = find.split("\n").find((line) => line.trim()) ?? find;
  return first
    .replace(/^\s*#+\s*/, "")
    .split(/\s+/)
    .slice(0, 8)
    .join(" ")
    .slice(0, 200);
}
