// What a "Suggest edit" is about: the selected passage, anchored with Yjs relative positions so it can be
// found again (or found changed) when the person proposes their text.
import type { Node as PMNode } from "@tiptap/pm/model";
import type { EditorState } from "@tiptap/pm/state";
import { anchorForRange } from "./anchors.ts";

/** Text as the editor shows it: blocks joined by "\n". */
export function shownText(doc: PMNode, from: number, to: number): string {
  return doc.textBetween(from, to, "\n", "\n");
}

/** What the person selected: its anchors (they follow the text while others type) and its text. */
export interface SuggestionTarget {
  anchor: { start: string; end: string };
  /** The selection as the editor shows it (blocks joined by "\n"), without whitespace at its edges. */
  text: string;
}

/** The selection [from, to) without whitespace at its edges, anchored; null when it holds no text. */
export function suggestionTarget(state: EditorState, from: number, to: number): SuggestionTarget | null {
  const blank = (a: number, b: number) => !shownText(state.doc, a, b).trim();
  let start = from;
  let end = to;
  while (start < end && blank(start, start + 1)) start++;
  while (end > start && blank(end - 1, end)) end--;
  if (start >= end) return null;
  const anchor = anchorForRange(state, start, end);
  return anchor && { anchor, text: shownText(state.doc, start, end) };
}
