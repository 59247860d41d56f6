// A plan is what the offline engine will do about a request: a tool call with its chat text, or
// just a reply saying why not.
import type { ToolCall } from "../../../shared/tools.ts";
import { editsAt, type FindReplace, type Range } from "./quotes.ts";

export type Plan = { kind: "call"; call: ToolCall; text: string } | { kind: "reply"; text: string };

export const reply = (text: string): Plan => ({ kind: "reply", text });
export const SEPARATOR = "\n\n";

export function editCall(edits: FindReplace[], summary: string): Plan {
  return {
    kind: "call",
    call: { name: "edit_canvas", arguments: { edits: edits.slice(0, 50), summary } },
    text: `${summary} (offline engine: a mechanical edit, no model involved.)`,
  };
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
