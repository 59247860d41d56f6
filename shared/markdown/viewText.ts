// A canvas view's text kept as the pieces it was made of: the slices of the last view's text that a
// change left as they were, and the texts of the blocks it changed. Taking slices of the pieces is
// cheap, where slicing one long string made of them would first copy all of it; the text as one string
// is only copied when a reader looks inside it. `viewSlice` reads a range from the blocks alone.
import type * as Y from "yjs";
import type { Node as PMNode } from "@tiptap/pm/model";
import type { CanvasBlock, CanvasView } from "./viewTypes.ts";
import { blockGap } from "./manager.ts";

export interface TextPieces {
  pieces: string[];
  /** The offset of each piece in the text. */
  starts: number[];
}

/** Beyond this many pieces a text is copied into one string again (its next pieces are slices of that). */
const MAX_PIECES = 64;

/** The text that `parts` make, in pieces (one, when there are many parts). */
export function piecesOf(parts: string[]): TextPieces {
  const pieces = parts.length > MAX_PIECES ? [parts.join("")] : parts.filter((part) => part.length > 0);
  const starts: number[] = [];
  let offset = 0;
  for (const piece of pieces) {
    starts.push(offset);
    offset += piece.length;
  }
  return { pieces, starts };
}

/** The pieces as one string value: V8 concatenates them lazily, copying only when it is read. */
export function textOf({ pieces }: TextPieces): string {
  let text = "";
  for (const piece of pieces) text += piece;
  return text;
}

/** Push [from, to) of the text the pieces make onto `parts`, as whole pieces and slices at the ends. */
export function slicePieces({ pieces, starts }: TextPieces, from: number, to: number, parts: string[]): void {
  let low = 0;
  let high = pieces.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= from) low = middle;
    else high = middle - 1;
  }
  for (let i = low; i < pieces.length && starts[i]! < to; i++) {
    const piece = pieces[i]!;
    const start = starts[i]!;
    const a = Math.max(from, start) - start;
    const b = Math.min(to, start + piece.length) - start;
    if (b > a) parts.push(a === 0 && b === piece.length ? piece : piece.slice(a, b));
  }
}

/**
 * `view.text.slice(from, to)`, read from the blocks' texts and the gaps between them: a passage of a
 * long canvas without reading its whole text.
 */
export function viewSlice(view: CanvasView, from: number, to: number): string {
  const { blocks } = view;
  if (to <= from) return "";
  // The first block that ends after `from`; what comes before it is the gap in front of it.
  let low = 0;
  let high = blocks.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (blocks[middle]!.to <= from) low = middle + 1;
    else high = middle;
  }
  const parts: string[] = [];
  for (let i = low; i < blocks.length; i++) {
    const block = blocks[i]!;
    const gapFrom = i > 0 ? blocks[i - 1]!.to : 0;
    if (gapFrom >= to) break;
    if (block.from > gapFrom) {
      const gap = view.kind === "code" ? view.separator : blockGap(block.node, blocks[i - 1]!.kept, block.kept);
      if (gap.length !== block.from - gapFrom) return view.text.slice(from, to);
      parts.push(gap.slice(Math.max(from, gapFrom) - gapFrom, Math.min(to, block.from) - gapFrom));
    }
    if (block.from >= to) break;
    parts.push(block.text.slice(Math.max(from, block.from) - block.from, Math.min(to, block.to) - block.from));
  }
  return parts.join("");
}

/**
 * The blocks of the last view that reappear as they were (same element, same node), in runs: a run of
 * blocks that follow each other there as here is one slice of the last view's text, gaps included.
 */
export class Runs {
  private cursor = 0;
  /** The run being copied: indices in the last view's blocks (-1: none). */
  private first = -1;
  private end = -1;

  constructor(
    private readonly last: { view: CanvasView; pieces: TextPieces } | null,
    /** The index of an element's block in the last view's blocks, or -1. */
    private readonly indexOf: (element: Y.XmlElement) => number,
  ) {}

  /** The last view's block that this block is, unchanged; else null. */
  find(y: Y.XmlElement, node: PMNode, text: string, kept: boolean): { block: CanvasBlock; at: number } | null {
    if (!this.last) return null;
    const { blocks } = this.last.view;
    const at = blocks[this.cursor]?.y === y ? this.cursor : this.indexOf(y);
    if (at < 0) return null;
    this.cursor = at + 1;
    const block = blocks[at]!;
    return block.node === node && block.text === text && block.kept === kept ? { block, at } : null;
  }

  /** True when the block comes right after the run being copied, as it did in the last view. */
  continues(old: { at: number }): boolean {
    return this.end >= 0 && old.at === this.end + 1;
  }

  /** Add the block to the run; returns the length of the gap before it. */
  extend(old: { block: CanvasBlock; at: number }): number {
    const gap = old.block.from - this.last!.view.blocks[this.end]!.to;
    this.end = old.at;
    return gap;
  }

  start(old: { at: number }): void {
    this.first = this.end = old.at;
  }

  /** End the run being copied: its text (the last view's, gaps included) goes into `parts`. */
  flush(parts: string[]): void {
    if (this.first < 0 || !this.last) return;
    const { view, pieces } = this.last;
    slicePieces(pieces, view.blocks[this.first]!.from, view.blocks[this.end]!.to, parts);
    this.first = this.end = -1;
  }
}
