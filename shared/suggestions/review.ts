// Accepting, rejecting and undoing a decision on suggestions: pure operations on a room's Y.Doc that
// return a value. An accept writes exactly the replacement over the passage, and only while the
// passage reads exactly as it did when proposed (else the suggestion is outdated and nothing is
// written: a person's change is never overwritten). Several suggestions are decided all or none.
import type * as Y from "yjs";
import { canvasFragment, canvasesMap, type CanvasMeta } from "../room.ts";
import { readCanvasView, viewSlice, type CanvasView } from "../markdown/index.ts";
import type { ToolCallOrigin } from "../origins.ts";
import { applyChanges, type TextChange } from "../engine/textChanges.ts";
import { writeCanvasText } from "../engine/writeText.ts";
import { clip } from "../engine/similarity.ts";
import { anchorRange, resolveAnchorRange } from "./anchor.ts";
import { suggestionsMap, type SuggestionRecord } from "./record.ts";

export type ReviewDecision = "accept" | "reject" | "undo";

/** What a suggestion is now: its stored status, or "outdated" when its passage no longer reads as quoted. */
export type SuggestionState = "pending" | "outdated" | "accepted" | "rejected";

export type ReviewFailureCode = "not_found" | "outdated" | "decided" | "changed_since" | "canvas_deleted";

export interface ReviewFailure {
  readonly ok: false;
  code: ReviewFailureCode;
  /** For people: what is wrong and what they can do. */
  message: string;
  ids: string[];
}

export interface ReviewSuccess {
  readonly ok: true;
  /** The records as they are after the decision. */
  suggestions: SuggestionRecord[];
  /** Canvases whose text changed. */
  canvasIds: string[];
}

export type ReviewResult = ReviewSuccess | ReviewFailure;

/** The passage of a suggestion now (offsets in the canvas text), or null when its text is gone. */
export function locateSuggestion(
  doc: Y.Doc,
  record: SuggestionRecord,
): { view: CanvasView; meta: CanvasMeta; range: { from: number; to: number } | null } | null {
  const meta = canvasesMap(doc).get(record.canvasId);
  if (!meta) return null;
  const view = readCanvasView(canvasFragment(doc, meta.id), meta.kind);
  const anchor = record.status === "accepted" && record.applied ? record.applied.anchor : record.anchor;
  return { view, meta, range: resolveAnchorRange(doc, view, anchor) };
}

/** A suggestion's state and the text its passage holds now (null when gone). */
export function suggestionState(
  doc: Y.Doc,
  record: SuggestionRecord,
): { state: SuggestionState; current: string | null } {
  const located = locateSuggestion(doc, record);
  const current = located?.range ? viewSlice(located.view, located.range.from, located.range.to) : null;
  if (record.status !== "pending") return { state: record.status, current };
  return { state: current === record.quote ? "pending" : "outdated", current };
}

/** Decide suggestions (all on one canvas or several); all of them or none. */
export function reviewSuggestions(
  doc: Y.Doc,
  ids: readonly string[],
  decision: ReviewDecision,
  origin: ToolCallOrigin,
  by: string,
  /** The id of the change an accept (or its undo) makes on a canvas. */
  changeIdFor: (canvasId: string) => string,
): ReviewResult {
  const map = suggestionsMap(doc);
  const records: SuggestionRecord[] = [];
  const missing = ids.filter((id) => !map.has(id));
  if (missing.length) return failure("not_found", `No suggestion ${missing.join(", ")} in this room.`, missing);
  for (const id of ids) records.push(map.get(id)!);
  // Text can only change on a canvas that is in the room (a deleted one is in the trash, text and all).
  const canvases = canvasesMap(doc);
  const gone = records.filter(
    (record) =>
      (decision === "accept" || (decision === "undo" && record.status === "accepted")) &&
      !canvases.has(record.canvasId),
  );
  if (gone.length)
    return failure(
      "canvas_deleted",
      `The canvas ${gone.length > 1 ? "these suggestions are" : "this suggestion is"} on was deleted. Nothing was applied; restore the canvas from the trash to review ${gone.length > 1 ? "them" : "it"}.`,
      gone.map((record) => record.id),
    );
  const wrong = records.filter((record) =>
    decision === "undo" ? record.status === "pending" : record.status !== "pending",
  );
  if (wrong.length) {
    const message =
      decision === "undo"
        ? "This suggestion is still pending: there is no decision to undo."
        : `This suggestion was already ${wrong[0]!.status}${wrong.length > 1 ? ` (and ${wrong.length - 1} more)` : ""}.`;
    return failure(
      "decided",
      message,
      wrong.map((record) => record.id),
    );
  }
  const now = Date.now();
  if (decision === "reject" || (decision === "undo" && records.every((record) => record.status === "rejected"))) {
    const next = records.map((record): SuggestionRecord =>
      decision === "reject"
        ? { ...record, status: "rejected", decidedBy: by, decidedAt: now }
        : { ...record, status: "pending", decidedBy: null, decidedAt: null },
    );
    doc.transact(() => next.forEach((record) => map.set(record.id, record)), origin);
    return { ok: true, suggestions: next, canvasIds: [] };
  }
  return decision === "accept" ? accept(doc, records, origin, by, now, changeIdFor) : undoAccept(doc, records, origin);
}

interface Planned {
  record: SuggestionRecord;
  meta: CanvasMeta;
  view: CanvasView;
  change: TextChange;
  /** The text the change writes, and what an undo would write back over it. */
  written: string;
  restore: string;
}

function accept(
  doc: Y.Doc,
  records: SuggestionRecord[],
  origin: ToolCallOrigin,
  by: string,
  now: number,
  changeIdFor: (canvasId: string) => string,
): ReviewResult {
  const planned: Planned[] = [];
  const outdated: string[] = [];
  for (const record of records) {
    const located = locateSuggestion(doc, record);
    const current = located?.range ? viewSlice(located.view, located.range.from, located.range.to) : null;
    if (!located?.range || current !== record.quote) {
      outdated.push(record.id);
      continue;
    }
    const { from, to } = located.range;
    planned.push({
      record,
      meta: located.meta,
      view: located.view,
      change: { index: planned.length, from, to, insert: record.replacement, tier: "exact" },
      written: record.replacement,
      restore: record.quote,
    });
  }
  if (outdated.length) {
    const record = records.find((candidate) => candidate.id === outdated[0])!;
    const state = suggestionState(doc, record);
    const now = state.current === null ? "has been deleted" : `now reads "${clip(state.current, 80)}"`;
    return failure(
      "outdated",
      `${outdated.length > 1 ? `${outdated.length} suggestions are outdated: the first one's` : "This suggestion is outdated: its"} text was changed since it was proposed ("${clip(record.quote, 80)}" ${now}). Nothing was applied; apply it by hand or reject it.`,
      outdated,
    );
  }
  return write(doc, planned, origin, (item, after, from, to) => {
    const anchored = after ? anchorRange(after, from, to) : null;
    const applied =
      anchored && after
        ? {
            changeId: changeIdFor(item.meta.id),
            anchor: anchored.anchor,
            text: viewSlice(after, anchored.from, anchored.to),
            restore: viewSlice(after, anchored.from, from) + item.restore + viewSlice(after, to, anchored.to),
            quoteAt: from - anchored.from,
          }
        : null;
    return { ...item.record, status: "accepted", decidedBy: by, decidedAt: now, applied };
  });
}

function undoAccept(doc: Y.Doc, records: SuggestionRecord[], origin: ToolCallOrigin): ReviewResult {
  const planned: Planned[] = [];
  for (const record of records) {
    if (record.status === "rejected") {
      // Mixed with accepted ones: a rejected record just goes back to pending, through the same write.
      continue;
    }
    const located = locateSuggestion(doc, record);
    const applied = record.applied;
    const current = located?.range ? viewSlice(located.view, located.range.from, located.range.to) : null;
    if (!located?.range || !applied || current !== applied.text)
      return failure(
        "changed_since",
        `The accepted text was changed since ("${clip(applied?.text ?? record.replacement, 80)}" ${current === null ? "has been deleted" : `now reads "${clip(current, 80)}"`}). Undo the later change first, or edit it by hand.`,
        [record.id],
      );
    planned.push({
      record,
      meta: located.meta,
      view: located.view,
      change: {
        index: planned.length,
        from: located.range.from,
        to: located.range.to,
        insert: applied.restore,
        tier: "exact",
      },
      written: applied.restore,
      restore: applied.text,
    });
  }
  const rejected = records.filter((record) => record.status === "rejected");
  const result = write(doc, planned, origin, (item, after, from) => {
    // The quote sits inside what was restored, after the context its accepted anchor needed.
    const at = from + (item.record.applied?.quoteAt ?? 0);
    const anchored = after ? anchorRange(after, at, at + item.record.quote.length) : null;
    const exact = anchored && anchored.from === at && anchored.to === at + item.record.quote.length;
    return {
      ...item.record,
      status: "pending",
      decidedBy: null,
      decidedAt: null,
      applied: null,
      anchor: exact ? anchored.anchor : item.record.anchor,
    };
  });
  if (!result.ok || !rejected.length) return result;
  const reopened = rejected.map((record): SuggestionRecord => ({
    ...record,
    status: "pending",
    decidedBy: null,
    decidedAt: null,
  }));
  doc.transact(() => reopened.forEach((record) => suggestionsMap(doc).set(record.id, record)), origin);
  return { ...result, suggestions: [...result.suggestions, ...reopened] };
}

/**
 * Write the planned changes (one write per canvas, one transaction in all) and store each record as
 * `update` makes it from where its written text is now: [from, to) of `after`, the canvas's new view
 * (null when the canvas spells the new text differently from how it was written, which leaves offsets
 * unknown).
 */
function write(
  doc: Y.Doc,
  planned: Planned[],
  origin: ToolCallOrigin,
  update: (item: Planned, after: CanvasView | null, from: number, to: number) => SuggestionRecord,
): ReviewResult {
  const byCanvas = new Map<string, Planned[]>();
  for (const item of planned) byCanvas.set(item.meta.id, [...(byCanvas.get(item.meta.id) ?? []), item]);
  for (const items of byCanvas.values()) {
    items.sort((a, b) => a.change.from - b.change.from);
    for (let i = 1; i < items.length; i++)
      if (items[i]!.change.from < items[i - 1]!.change.to)
        return failure("outdated", "Two of these suggestions cover the same text now; decide them one at a time.", [
          items[i - 1]!.record.id,
          items[i]!.record.id,
        ]);
  }
  const next: SuggestionRecord[] = [];
  doc.transact(() => {
    for (const items of byCanvas.values()) {
      const { view, meta } = items[0]!;
      const changes = items.map((item) => item.change);
      // A replacement was proposed by the model (or a comment): its raw HTML is text, as in a direct AI edit.
      writeCanvasText(
        doc,
        view,
        () => applyChanges(view.text, changes, 0, view.text.length),
        changes,
        meta.language,
        "text",
      );
      const after = readCanvasView(canvasFragment(doc, meta.id), meta.kind);
      // Offsets carry over when the canvas spells each written text as written (almost always): the
      // blocks around the changes are the same nodes, so length and the written slices tell.
      let shift = 0;
      const starts = items.map((item) => {
        const from = item.change.from + shift;
        shift += item.written.length - (item.change.to - item.change.from);
        return from;
      });
      const exact =
        after.text.length === view.text.length + shift &&
        items.every((item, i) => viewSlice(after, starts[i]!, starts[i]! + item.written.length) === item.written);
      items.forEach((item, i) =>
        next.push(update(item, exact ? after : null, starts[i]!, starts[i]! + item.written.length)),
      );
    }
    const map = suggestionsMap(doc);
    for (const record of next) map.set(record.id, record);
  }, origin);
  return { ok: true, suggestions: next, canvasIds: [...byCanvas.keys()] };
}

function failure(code: ReviewFailureCode, message: string, ids: string[]): ReviewFailure {
  return { ok: false, code, message, ids };
}
