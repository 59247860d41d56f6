// What the offline engine does about a request is a LocalDecision (server/agent/types.ts): a chat text
// and at most one tool call. These build the common ones.
import type { ToolCall } from "../../../shared/tools.ts";
import type { LocalDecision } from "../types.ts";
import { MAX_EDITS, editsAt, type FindReplace, type Range } from "./quotes.ts";

/** Words only: why nothing changed, or what the user can do instead. */
export const reply = (text: string): LocalDecision => ({ text, toolCall: null });

/** A tool call with the chat text that goes with it. */
export const act = (toolCall: ToolCall, text: string): LocalDecision => ({ text, toolCall });

export const SEPARATOR = "\n\n";

/** An edit_canvas call; `note` (what was left as it is, and why) goes into the chat text after the summary. */
export function editCall(edits: FindReplace[], summary: string, note = ""): LocalDecision {
  if (edits.length > MAX_EDITS) throw new Error(`editCall: ${edits.length} edits, over the tool's ${MAX_EDITS}`);
  return act(
    { name: "edit_canvas", arguments: { edits, summary } },
    `${summary}${note} (offline engine: a mechanical edit, no model involved.)`,
  );
}

/** One edit replacing [start, end) with `replace`, its `find` grown until unique. */
export function spanEdit(content: string, range: Range, replace: string): FindReplace[] | null {
  return editsAt(content, [{ ...range, replace }], { stop: /(?!)/, maxLength: 200_000 });
}

/** Where the user's selection is in the canvas (its first exact occurrence), or null. */
export function selectionRange(content: string, selection: string | null): Range | null {
  if (!selection?.trim()) return null;
  for (const candidate of [selection, selection.trim()]) {
    const at = content.indexOf(candidate);
    if (at !== -1) return { start: at, end: at + candidate.length };
  }
  return null;
}
