// Test helpers: build turn inputs, and apply an edit_canvas call to text the way the edit engine is
// specified to (each `find` exact and unique unless `all`, edits located in the original text, no
// overlaps), failing loudly otherwise.
import type { QuickAction } from "../../shared/actions.ts";
import { parseToolCall, type EditCanvasArgs, type ToolCall } from "../../shared/tools.ts";
import type { CanvasContext, LocalDecision, TurnInput } from "../../server/agent/types.ts";

export function turn(userText: string, options: Partial<Omit<TurnInput, "userText">> = {}): TurnInput {
  return { userText, history: [], canvas: null, selection: null, action: null, ...options };
}

export function documentCanvas(content: string, title = "Draft"): CanvasContext {
  return { id: "c1", title, kind: "document", language: null, content };
}

export function codeCanvas(content: string, language: string): CanvasContext {
  return { id: "c2", title: "Code", kind: "code", language, content };
}

export function onCanvas(
  userText: string,
  canvas: CanvasContext,
  selection: string | null = null,
  action: QuickAction | null = null,
): TurnInput {
  return turn(userText, { canvas, selection, action });
}

function countOf(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) count += 1;
  return count;
}

export function applyEdits(content: string, args: EditCanvasArgs): string {
  const spans: { start: number; end: number; replace: string }[] = [];
  for (const edit of args.edits) {
    const count = countOf(content, edit.find);
    if (count === 0) throw new Error(`find not in canvas: ${JSON.stringify(edit.find)}`);
    if (!edit.all && count > 1) throw new Error(`find not unique (${count}x): ${JSON.stringify(edit.find)}`);
    for (
      let at = content.indexOf(edit.find);
      at !== -1;
      at = edit.all ? content.indexOf(edit.find, at + edit.find.length) : -1
    ) {
      spans.push({ start: at, end: at + edit.find.length, replace: edit.replace });
    }
  }
  spans.sort((a, b) => a.start - b.start);
  spans.forEach((span, index) => {
    const previous = spans[index - 1];
    if (previous && span.start < previous.end) throw new Error(`overlapping edits at ${span.start}`);
  });
  let result = content;
  for (const span of [...spans].reverse()) result = result.slice(0, span.start) + span.replace + result.slice(span.end);
  return result;
}

/** The call, after checking it passes the tool schema exactly as a model's call would. */
export function validCall(decision: LocalDecision): ToolCall {
  if (!decision.toolCall) throw new Error(`expected a tool call, got text: ${decision.text}`);
  const parsed = parseToolCall(decision.toolCall.name, JSON.parse(JSON.stringify(decision.toolCall.arguments)));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.call;
}

export function editArgs(decision: LocalDecision): EditCanvasArgs {
  const call = validCall(decision);
  if (call.name !== "edit_canvas") throw new Error(`expected edit_canvas, got ${call.name}: ${decision.text}`);
  return call.arguments;
}
