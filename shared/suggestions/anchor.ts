// A passage of canvas text (markdown or source offsets) as an anchor and back. Anchors sit on the
// passage's characters of text (Yjs relative positions, like comments); markup at its edges is counted
// (`lead`, `trail`) so the passage reads back exactly, and a passage with no text of its own (an
// insertion, a bare "**") grows to the neighbouring words until it has some.
import * as Y from "yjs";
import type { CanvasView } from "../markdown/index.ts";
import { decodePosition, encodePosition } from "../engine/comments.ts";
import { textRangeToY, yPositionToText } from "../engine/textMap.ts";
import type { SuggestionAnchor } from "./record.ts";

export interface AnchoredRange {
  from: number;
  to: number;
  anchor: SuggestionAnchor;
}

/** Widen [from, to) by one word on each side (whitespace, then the word), within the text. */
function widen(text: string, from: number, to: number): { from: number; to: number } {
  let start = from;
  while (start > 0 && /\s/.test(text[start - 1]!)) start--;
  while (start > 0 && !/\s/.test(text[start - 1]!)) start--;
  let end = to;
  if (start === from) {
    while (end < text.length && /\s/.test(text[end]!)) end++;
    while (end < text.length && !/\s/.test(text[end]!)) end++;
  }
  return { from: start, to: end };
}

/** Anchor exactly [from, to), or null when it covers no character of text. */
function anchorExactly(view: CanvasView, from: number, to: number): AnchoredRange | null {
  if (to <= from) return null;
  const range = textRangeToY(view, from, to);
  if (!range) return null;
  const first = yPositionToText(view, range.start.type, range.start.index, "start");
  const last = yPositionToText(view, range.end.type, range.end.index, "end");
  if (first === null || last === null || first < from || last > to || last <= first) return null;
  return {
    from,
    to,
    anchor: {
      start: encodePosition(Y.createRelativePositionFromTypeIndex(range.start.type, range.start.index, 0)),
      end: encodePosition(Y.createRelativePositionFromTypeIndex(range.end.type, range.end.index, -1)),
      lead: first - from,
      trail: to - last,
    },
  };
}

const MAX_WIDENINGS = 8;

/**
 * Anchor [from, to) of the view's text, widened to whole neighbouring words while it covers no text;
 * null when nothing nearby has text (an empty canvas).
 */
export function anchorRange(view: CanvasView, from: number, to: number): AnchoredRange | null {
  let range = { from, to };
  for (let attempt = 0; attempt <= MAX_WIDENINGS; attempt++) {
    const anchored = anchorExactly(view, range.from, range.to);
    if (anchored) return anchored;
    const wider = widen(view.text, range.from, range.to);
    if (wider.from === range.from && wider.to === range.to) return null;
    range = wider;
  }
  return null;
}

/** Where an anchor's passage is now in the view's text, or null when its text is gone. */
export function resolveAnchorRange(
  doc: Y.Doc,
  view: CanvasView,
  anchor: SuggestionAnchor,
): { from: number; to: number } | null {
  const start = decodePosition(anchor.start);
  const end = decodePosition(anchor.end);
  if (!start || !end) return null;
  const absStart = Y.createAbsolutePositionFromRelativePosition(start, doc);
  const absEnd = Y.createAbsolutePositionFromRelativePosition(end, doc);
  if (!absStart || !absEnd) return null;
  const first = yPositionToText(view, absStart.type, absStart.index, "start");
  const last = yPositionToText(view, absEnd.type, absEnd.index, "end");
  if (first === null || last === null || last <= first) return null;
  const from = first - anchor.lead;
  const to = last + anchor.trail;
  if (from < 0 || to > view.text.length) return null;
  return { from, to };
}
