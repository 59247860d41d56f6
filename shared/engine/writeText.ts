// Write new canvas text (markdown or source) into the fragment. For targeted edits only the top-level
// blocks the edit touches are re-parsed, with one unchanged block of context on each side to check
// that parsing the slice alone gives what parsing the whole text would (an unclosed code fence, for
// example, changes what follows: then the whole text is parsed).
import * as Y from "yjs";
import type { Node as PMNode } from "@tiptap/pm/model";
import { codeBlockNode, parseBlocks, sourceToDoc, type CanvasBlock, type CanvasView } from "../markdown/index.ts";
import { blockText } from "../markdown/canvasView.ts";
import { canvasSchema } from "../schema.ts";
import { applyChanges, type TextChange } from "./textChanges.ts";
import { writeBlocks } from "./writeDoc.ts";

export interface TextRange {
  from: number;
  to: number;
}

type WritePath = "blocks" | "full";

/**
 * Make the canvas hold `newText`. `changed` lists the ranges of the old text that were replaced (null:
 * unknown, e.g. a rewrite). Call inside `ydoc.transact(fn, origin)`.
 */
export function writeCanvasText(
  ydoc: Y.Doc,
  view: CanvasView,
  newText: string | (() => string),
  changed: readonly TextChange[] | null,
  language: string | null,
): WritePath {
  const fullText = typeof newText === "string" ? () => newText : newText;
  const nodes = view.kind === "code" ? codeNodes(view, fullText(), language) : documentNodes(view, fullText, changed);
  const current = view.complete ? view.blocks : undefined;
  const splice = view.complete ? nodes.splice : undefined;
  writeBlocks(ydoc, view.fragment, nodes.nodes.length ? nodes.nodes : [canvasSchema().nodes.paragraph!.create()], {
    current,
    reuseFrom: nodes.reuseFrom,
    nextView: splice ? () => splicedView(view, splice) : undefined,
  });
  return nodes.path;
}

/** The view after replacing blocks [first, last] with `inner`, without re-reading the fragment (null: read it). */
function splicedView(view: CanvasView, splice: { first: number; last: number; inner: PMNode[] }): CanvasView | null {
  const { first, last, inner } = splice;
  const elements = view.fragment.slice(first, first + inner.length);
  if (
    elements.length !== inner.length ||
    view.fragment.length !== view.blocks.length - (last - first + 1) + inner.length
  )
    return null;
  const blocks: CanvasBlock[] = view.blocks.slice(0, first);
  let offset = first > 0 ? blocks[first - 1]!.to : 0;
  const texts: string[] = [];
  inner.forEach((node, i) => {
    const element = elements[i];
    if (!(element instanceof Y.XmlElement)) return;
    const text = blockText(node, view.kind);
    if (blocks.length) offset += view.separator.length;
    blocks.push({ y: element, node, text, from: offset, to: offset + text.length });
    texts.push(text);
    offset += text.length;
  });
  if (blocks.length !== first + inner.length) return null;
  const oldTail = view.blocks[last + 1];
  // The old view is stale from here on; its tail blocks move in place instead of being copied.
  const shift = oldTail ? offset + (blocks.length ? view.separator.length : 0) - oldTail.from : 0;
  for (let i = last + 1; i < view.blocks.length; i++) {
    const block = view.blocks[i]!;
    if (shift !== 0) {
      block.from += shift;
      block.to += shift;
    }
    blocks.push(block);
  }
  if (blocks.length) offset = blocks[blocks.length - 1]!.to;
  const parts: string[] = [];
  if (first > 0) parts.push(view.text.slice(0, blocks[first - 1]!.to));
  parts.push(...texts);
  if (oldTail) parts.push(view.text.slice(oldTail.from - shift));
  const text = parts.join(view.separator);
  if (text.length !== offset) return null; // something did not line up: let the next reader rebuild
  return { ...view, blocks, text };
}

interface PlannedNodes {
  nodes: PMNode[];
  path: WritePath;
  reuseFrom?: CanvasView["blocks"];
  /** For the block path: which old blocks the new inner nodes replace. */
  splice?: { first: number; last: number; inner: PMNode[] };
}

function codeNodes(view: CanvasView, source: string, language: string | null): PlannedNodes {
  const only = view.blocks.length === 1 ? view.blocks[0]!.node : null;
  if (only && only.type.name === "codeBlock") {
    return { nodes: [codeBlockNode(source, (only.attrs.language as string | null) ?? language)], path: "blocks" };
  }
  const nodes: PMNode[] = [];
  sourceToDoc(source, language).forEach((node) => nodes.push(node));
  return { nodes, path: "full" };
}

function documentNodes(view: CanvasView, fullText: () => string, changed: readonly TextChange[] | null): PlannedNodes {
  const region = changed && changed.length && view.blocks.length ? affectedBlocks(view, changed) : null;
  if (region && changed) {
    const { blocks } = view;
    const lo = Math.max(0, region.first - 1);
    const hi = Math.min(blocks.length - 1, region.last + 1);
    const slice = applyChanges(
      view.text,
      [...changed].sort((a, b) => a.from - b.from),
      blocks[lo]!.from,
      blocks[hi]!.to,
    );
    const parsed = parseBlocks(slice);
    const leftOk = lo === region.first || (parsed.length > 0 && parsed[0]!.eq(blocks[lo]!.node));
    const rightOk =
      hi === region.last ||
      (parsed.length > (lo === region.first ? 0 : 1) && parsed[parsed.length - 1]!.eq(blocks[hi]!.node));
    if (leftOk && rightOk) {
      const inner = parsed.slice(lo === region.first ? 0 : 1, hi === region.last ? parsed.length : parsed.length - 1);
      const nodes: PMNode[] = [];
      for (let i = 0; i <= lo - (lo === region.first ? 1 : 0); i++) nodes.push(blocks[i]!.node);
      nodes.push(...inner);
      for (let i = hi + (hi === region.last ? 1 : 0); i < blocks.length; i++) nodes.push(blocks[i]!.node);
      return {
        nodes,
        path: "blocks",
        reuseFrom: blocks.slice(region.first, region.last + 1),
        splice: { first: region.first, last: region.last, inner },
      };
    }
  }
  return { nodes: parseBlocks(fullText()), path: "full" };
}

/** Indices of the first and last block a set of changed ranges touches (ranges in separators touch both neighbours). */
export function affectedBlocks(view: CanvasView, changed: readonly TextRange[]): { first: number; last: number } {
  let from = Infinity;
  let to = -Infinity;
  for (const range of changed) {
    from = Math.min(from, range.from);
    to = Math.max(to, range.to);
  }
  const { blocks } = view;
  // First block whose end reaches `from`; last block whose start is at or before `to`.
  let low = 0;
  let high = blocks.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (blocks[middle]!.to < from) low = middle + 1;
    else high = middle;
  }
  const first = low;
  low = 0;
  high = blocks.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (blocks[middle]!.from > to) high = middle - 1;
    else low = middle;
  }
  const last = low;
  return { first: Math.min(first, last), last: Math.max(first, last) };
}
