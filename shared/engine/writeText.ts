// Write new canvas text (markdown or source) into the fragment. For targeted edits only the top-level
// blocks the edit touches are re-parsed, with one unchanged block of context on each side to check
// that parsing the slice alone gives what parsing the whole text would (an unclosed code fence, for
// example, changes what follows: then the whole text is parsed).
import * as Y from "yjs";
import type { Node as PMNode } from "@tiptap/pm/model";
import { codeBlockNode, parseBlocks, sourceToDoc, type CanvasView } from "../markdown/index.ts";
import { canvasSchema } from "../schema.ts";
import { writeBlocks } from "./writeDoc.ts";

export interface TextRange {
  from: number;
  to: number;
}

export type WritePath = "blocks" | "full";

/**
 * Make the canvas hold `newText`. `changed` lists the ranges of the old text that were replaced (null:
 * unknown, e.g. a rewrite). Call inside `ydoc.transact(fn, origin)`.
 */
export function writeCanvasText(ydoc: Y.Doc, view: CanvasView, newText: string, changed: readonly TextRange[] | null, language: string | null): WritePath {
  const nodes = view.kind === "code" ? codeNodes(view, newText, language) : documentNodes(view, newText, changed);
  writeBlocks(ydoc, view.fragment, nodes.nodes.length ? nodes.nodes : [canvasSchema().nodes.paragraph!.create()]);
  return nodes.path;
}

function codeNodes(view: CanvasView, source: string, language: string | null): { nodes: PMNode[]; path: WritePath } {
  const only = view.blocks.length === 1 ? view.blocks[0]!.node : null;
  if (only && only.type.name === "codeBlock") {
    return { nodes: [codeBlockNode(source, (only.attrs.language as string | null) ?? language)], path: "blocks" };
  }
  const nodes: PMNode[] = [];
  sourceToDoc(source, language).forEach((node) => nodes.push(node));
  return { nodes, path: "full" };
}

function documentNodes(view: CanvasView, newText: string, changed: readonly TextRange[] | null): { nodes: PMNode[]; path: WritePath } {
  const region = changed && changed.length && view.blocks.length ? affectedBlocks(view, changed) : null;
  if (region) {
    const delta = newText.length - view.text.length;
    const { blocks } = view;
    const lo = Math.max(0, region.first - 1);
    const hi = Math.min(blocks.length - 1, region.last + 1);
    const slice = newText.slice(blocks[lo]!.from, blocks[hi]!.to + delta);
    const parsed = parseBlocks(slice);
    const leftOk = lo === region.first || (parsed.length > 0 && parsed[0]!.eq(blocks[lo]!.node));
    const rightOk = hi === region.last || (parsed.length > (lo === region.first ? 0 : 1) && parsed[parsed.length - 1]!.eq(blocks[hi]!.node));
    if (leftOk && rightOk) {
      const inner = parsed.slice(lo === region.first ? 0 : 1, hi === region.last ? parsed.length : parsed.length - 1);
      const nodes: PMNode[] = [];
      for (let i = 0; i <= lo - (lo === region.first ? 1 : 0); i++) nodes.push(blocks[i]!.node);
      nodes.push(...inner);
      for (let i = hi + (hi === region.last ? 1 : 0); i < blocks.length; i++) nodes.push(blocks[i]!.node);
      return { nodes, path: "blocks" };
    }
  }
  return { nodes: parseBlocks(newText), path: "full" };
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
