// Suggest mode: a change becomes suggestions instead of text. Each passage is anchored and stored in
// the room's `suggestions` map in one transaction; the canvas text is not touched.
import type * as Y from "yjs";
import { canvasFragment, newId, type CanvasMeta } from "../room.ts";
import { parseBlocks, readCanvasView, type CanvasView } from "../markdown/index.ts";
import { blockText } from "../markdown/canvasView.ts";
import type { Author, ToolCallOrigin } from "../origins.ts";
import { EngineResult, type Applied, type AppliedChange, type EngineFailure } from "../engine/result.ts";
import { anchorRange } from "./anchor.ts";
import { merge3 } from "../engine/merge.ts";
import { planEdits } from "../engine/planEdits.ts";
import type { EditCanvasArgs } from "../tools.ts";
import { diffPassages, trimPassage, type Passage } from "./passages.ts";
import { suggestionsMap, type SuggestionAnchor, type SuggestionRecord } from "./record.ts";

export interface ProposalContext {
  changeId: string;
  origin: ToolCallOrigin;
  author: Author;
  commentId?: string | null;
}

/** The canvas text a rewrite's content would become (the canvas's own markdown spelling of it). */
export function canonicalText(view: CanvasView, content: string): string {
  if (view.kind === "code") return content;
  return parseBlocks(content)
    .map((node) => blockText(node, view.kind))
    .join(view.separator);
}

/** Propose passages of the canvas's current text; refused when one cannot be anchored. */
export function proposePassages(
  doc: Y.Doc,
  meta: CanvasMeta,
  passages: readonly Passage[],
  ctx: ProposalContext,
  summary: string,
): Applied | EngineFailure {
  const view = readCanvasView(canvasFragment(doc, meta.id), meta.kind);
  // Anchor each passage; passages whose anchors had to widen into each other become one suggestion.
  const groups: { from: number; to: number; passages: Passage[]; anchor: SuggestionAnchor }[] = [];
  for (const [index, raw] of passages.entries()) {
    const passage = trimPassage(view.text, raw);
    if (passage.from === passage.to && !passage.insert) continue;
    const anchored = anchorRange(view, passage.from, passage.to);
    if (!anchored)
      return EngineResult.fail(meta.id, [
        {
          code: "invalid",
          editIndex: index,
          message: `Passage ${index + 1} has no text near it to attach a suggestion to. Write the change into the canvas instead (edit mode).`,
        },
      ]);
    const last = groups[groups.length - 1];
    if (last && anchored.from < last.to) {
      const merged = anchorRange(view, last.from, Math.max(last.to, anchored.to));
      if (merged) {
        last.to = merged.to;
        last.anchor = merged.anchor;
        last.passages.push(passage);
        continue;
      }
    }
    groups.push({ from: anchored.from, to: anchored.to, passages: [passage], anchor: anchored.anchor });
  }
  const createdAt = Date.now();
  const records: SuggestionRecord[] = [];
  const applied: AppliedChange[] = [];
  for (const [index, group] of groups.entries()) {
    const quote = view.text.slice(group.from, group.to);
    const parts: string[] = [];
    let cursor = group.from;
    for (const passage of group.passages) {
      parts.push(view.text.slice(cursor, passage.from), passage.insert);
      cursor = passage.to;
    }
    parts.push(view.text.slice(cursor, group.to));
    const replacement = parts.join("");
    records.push({
      id: newId(),
      canvasId: meta.id,
      changeId: ctx.changeId,
      runId: ctx.origin.source === "agent" ? ctx.origin.runId : null,
      author: ctx.author,
      anchor: group.anchor,
      quote,
      replacement,
      display: { quote: shownText(quote, view.kind), replacement: shownText(replacement, view.kind) },
      status: "pending",
      createdAt: createdAt + index,
      decidedBy: null,
      decidedAt: null,
      applied: null,
      commentId: ctx.commentId ?? null,
    });
    applied.push(change(index, group.from, group.to, quote, replacement));
  }
  if (!records.length)
    return EngineResult.fail(meta.id, [
      { code: "invalid", message: "The change leaves the canvas as it is: there is nothing to suggest." },
    ]);
  doc.transact(() => {
    const map = suggestionsMap(doc);
    for (const record of records) map.set(record.id, record);
  }, ctx.origin);
  const count = records.length;
  return {
    ok: true,
    canvasId: meta.id,
    applied,
    summary: `${summary ? `${summary} ` : ""}(suggested ${count === 1 ? "1 change" : `${count} changes`})`.trim(),
    inserted: 0,
    deleted: 0,
    suggestionIds: records.map((record) => record.id),
  };
}

/**
 * A rewrite in suggest mode: the passages between the canvas and the new content. When the content was
 * written against an older text (`seen`: what the model was shown) and people have typed since, the
 * proposal is the model's changes merged onto the canvas as it is now, so it never proposes undoing them.
 */
export function proposeRewrite(
  doc: Y.Doc,
  meta: CanvasMeta,
  content: string,
  ctx: ProposalContext,
  summary: string,
  seen?: string,
): Applied | EngineFailure {
  const view = readCanvasView(canvasFragment(doc, meta.id), meta.kind);
  const proposed = canonicalText(view, content);
  const target = seen !== undefined && seen !== view.text ? merge3(seen, view.text, proposed).text : proposed;
  return proposePassages(doc, meta, diffPassages(view.text, target), ctx, summary);
}

/** Markdown as the editor shows it: its text without markup, keeping the whitespace at its edges. */
export function shownText(text: string, kind: CanvasView["kind"]): string {
  if (kind === "code" || !text.trim()) return text;
  const edge = (space: string): string => (space.includes("\n") ? "\n" : space);
  const lead = edge(/^\s*/.exec(text)![0]);
  const trail = edge(/\s*$/.exec(text)![0]);
  const body = parseBlocks(text)
    .map((node) => node.textBetween(0, node.content.size, "\n", "\n"))
    .join("\n");
  return lead + body + trail;
}

function change(index: number, from: number, to: number, before: string, after: string): AppliedChange {
  return {
    index,
    from,
    to,
    newFrom: from,
    newTo: from + after.length,
    before,
    after,
    inserted: after.length,
    deleted: before.length,
    tier: "exact",
  };
}

/** A targeted edit in suggest mode: each located edit is a passage; nothing found is refused as in edit mode. */
export function proposeEdits(
  doc: Y.Doc,
  meta: CanvasMeta,
  args: EditCanvasArgs,
  ctx: ProposalContext,
): Applied | EngineFailure {
  const view = readCanvasView(canvasFragment(doc, meta.id), meta.kind);
  const plan = planEdits(view.text, args.edits, meta.kind);
  if (!plan.ok) return EngineResult.fail(meta.id, plan.errors);
  const passages = plan.changes.map((change) => ({ from: change.from, to: change.to, insert: change.insert }));
  return proposePassages(doc, meta, passages, ctx, args.summary);
}
