// A targeted change as a plain string operation: which range of the old canvas text is replaced by
// what. The planner produces them, the writer applies them to the slice of text it re-parses.
import type { LocateTier } from "./locate.ts";

export interface TextChange {
  index: number;
  from: number;
  to: number;
  insert: string;
  tier: LocateTier;
}

/** The text of old range [from, to) after the changes (sorted, all inside it) are applied. */
export function applyChanges(text: string, changes: readonly TextChange[], from: number, to: number): string {
  const parts: string[] = [];
  let cursor = from;
  for (const change of changes) {
    parts.push(text.slice(cursor, change.from), change.insert);
    cursor = change.to;
  }
  parts.push(text.slice(cursor, to));
  return parts.join("");
}
