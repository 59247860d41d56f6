// Canvas text offsets (markdown or source) ⇄ Yjs positions ⇄ ProseMirror positions. Markdown adds
// markup the document does not hold ("**", "# ", escapes), so each block's markdown is aligned with
// the block's plain text by a character diff; every plain character knows its Y.XmlText and index.
import * as Y from "yjs";
import { diffChars } from "diff";
import { blockIndex, type CanvasBlock, type CanvasView } from "../markdown/index.ts";
import { yNodeSize } from "../markdown/yjsNodes.ts";
import { canvasSchema } from "../schema.ts";

interface YTextPosition {
  type: Y.XmlText;
  index: number;
}

interface PlainBlock {
  text: string;
  positions: (YTextPosition | null)[];
}

function plainOf(element: Y.XmlElement): PlainBlock {
  const chars: string[] = [];
  const positions: (YTextPosition | null)[] = [];
  const schema = canvasSchema();
  const walk = (parent: Y.XmlElement): void => {
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlText) {
        let index = 0;
        for (const delta of child.toDelta() as { insert: unknown }[]) {
          if (typeof delta.insert !== "string") {
            index++;
            continue;
          }
          for (const char of delta.insert) {
            chars.push(char);
            positions.push({ type: child, index });
            index += char.length;
          }
        }
      } else if (child instanceof Y.XmlElement) {
        if (schema.nodes[child.nodeName]?.isLeaf) {
          if (child.nodeName === "hardBreak") {
            chars.push("\n");
            positions.push(null);
          }
          continue;
        }
        if (chars.length && chars[chars.length - 1] !== "\n") {
          chars.push("\n");
          positions.push(null);
        }
        walk(child);
      }
    }
  };
  walk(element);
  return { text: chars.join(""), positions };
}

/** For each plain character, its offset in `markdown` (-1 when the markdown writes it differently). */
function alignToMarkdown(plain: string, markdown: string): number[] {
  const offsets = new Array<number>(plain.length).fill(-1);
  if (plain === markdown) return offsets.map((_, i) => i);
  let p = 0;
  let m = 0;
  for (const part of diffChars(plain, markdown)) {
    if (part.added) m += part.value.length;
    else if (part.removed) p += part.value.length;
    else {
      for (let k = 0; k < part.value.length; k++) offsets[p + k] = m + k;
      p += part.value.length;
      m += part.value.length;
    }
  }
  return offsets;
}

interface AlignedBlock {
  node: CanvasBlock["node"];
  text: string;
  plain: PlainBlock;
  offsets: number[];
}

/** Each block's plain text aligned with its markdown, while the block holds the node it was read as. */
const aligned = new WeakMap<Y.XmlElement, AlignedBlock>();

/** The block's plain characters and, for each, its offset in the block's markdown (-1: written differently). */
function alignedBlock(block: CanvasBlock): AlignedBlock {
  const cached = aligned.get(block.y);
  // The same node on the same element: the element is unchanged since (the view cache's invariant).
  if (cached && cached.node === block.node && cached.text === block.text) return cached;
  const plain = plainOf(block.y);
  const entry = { node: block.node, text: block.text, plain, offsets: alignToMarkdown(plain.text, block.text) };
  aligned.set(block.y, entry);
  return entry;
}

export interface YRange {
  start: YTextPosition;
  /** Position just after the last character. */
  end: YTextPosition;
}

/** The Yjs range of the document text that canvas text [from, to) shows, or null when it holds no text. */
export function textRangeToY(view: CanvasView, from: number, to: number): YRange | null {
  let start: YTextPosition | null = null;
  let end: YTextPosition | null = null;
  for (const block of view.blocks) {
    if (block.to < from || block.from > to) continue;
    const mapped = mapBlock(block, from, to);
    if (!mapped) continue;
    start ??= mapped.start;
    end = mapped.end;
  }
  return start && end ? { start, end } : null;
}

function mapBlock(block: CanvasBlock, from: number, to: number): YRange | null {
  const { plain, offsets } = alignedBlock(block);
  let first = -1;
  let last = -1;
  for (let i = 0; i < offsets.length; i++) {
    const at = offsets[i]! + block.from;
    if (offsets[i]! < 0 || at < from || at >= to || !plain.positions[i]) continue;
    if (first < 0) first = i;
    last = i;
  }
  if (first < 0) return null;
  const startPos = plain.positions[first]!;
  const endPos = plain.positions[last]!;
  return { start: startPos, end: { type: endPos.type, index: endPos.index + 1 } };
}

/** ProseMirror position of a Yjs text position inside `fragment` (null when it is not inside). */
export function yPositionToPm(fragment: Y.XmlFragment, type: Y.AbstractType<unknown>, index: number): number | null {
  const schema = canvasSchema();
  const chain: Y.AbstractType<unknown>[] = [];
  for (
    let node: Y.AbstractType<unknown> | null = type;
    node !== fragment;
    node = node.parent as Y.AbstractType<unknown> | null
  ) {
    if (!node || node._item?.deleted) return null;
    chain.push(node);
  }
  chain.reverse();
  let pos = 0;
  let parent: Y.XmlFragment = fragment;
  for (const node of chain) {
    for (const sibling of parent.toArray()) {
      if (sibling === node) break;
      pos += yNodeSize(sibling, schema);
    }
    if (node instanceof Y.XmlElement) {
      pos += 1;
      parent = node;
    } else if (!(node instanceof Y.XmlText)) {
      return null;
    }
  }
  if (type instanceof Y.XmlText) return pos + index;
  // A position between children of an element: add the sizes before the index.
  if (type instanceof Y.XmlElement || type instanceof Y.XmlFragment) {
    const children = type.toArray();
    for (let i = 0; i < index && i < children.length; i++) pos += yNodeSize(children[i]!, schema);
  }
  return pos;
}

/**
 * The canvas-text offset of a Yjs text position: at the character there (`start`) or just after the
 * character before it (`end`). Null when the position is not in a block of the view or its character is
 * not written as itself in the markdown (an escape).
 */
export function yPositionToText(view: CanvasView, type: unknown, index: number, side: "start" | "end"): number | null {
  if (!(type instanceof Y.XmlText)) return null;
  let top: unknown = type;
  while (top instanceof Y.AbstractType && top.parent !== view.fragment) {
    if (top._item?.deleted) return null;
    top = top.parent;
  }
  if (!(top instanceof Y.XmlElement) || top._item?.deleted) return null;
  const block = view.blocks[blockIndex(view, top)];
  if (!block) return null;
  const { plain, offsets } = alignedBlock(block);
  let found = -1;
  for (let i = 0; i < plain.positions.length; i++) {
    const position = plain.positions[i];
    if (!position || position.type !== type) continue;
    if (side === "start" && position.index === index) {
      found = i;
      break;
    }
    if (side === "end" && position.index < index) found = i;
  }
  if (found < 0 || offsets[found]! < 0) return null;
  return block.from + offsets[found]! + (side === "end" ? 1 : 0);
}
