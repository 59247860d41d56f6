// The one place that writes ProseMirror content into a Yjs fragment, block by block, with
// `updateYFragment` from @tiptap/y-tiptap (marked private/unstable upstream, so nothing else calls it).
// Blocks that did not change keep their Yjs items (cursors, comment anchors and concurrent typing in
// them survive); a changed block of the same type is updated in place (a text diff); only the rest is
// replaced. Unchanged blocks are recognised by node identity (the engine passes the cached node back)
// or by equality, so a one-paragraph change costs O(blocks) cheap comparisons, not a deep diff.
import * as Y from "yjs";
import { updateYFragment } from "@tiptap/y-tiptap";
import type { Node as PMNode } from "@tiptap/pm/model";
import {
  readBlockNodes,
  recordCanvasWrite,
  type BlockNode,
  type CanvasView,
  type CanvasWrite,
} from "../markdown/canvasView.ts";

type Mapping = Map<Y.AbstractType<unknown>, PMNode | PMNode[]>;

/** Make `fragment` hold `doc` with a minimal change. Call it inside `ydoc.transact(fn, origin)`. */
export function writeDoc(ydoc: Y.Doc, fragment: Y.XmlFragment, doc: PMNode): void {
  if (doc.type.name !== "doc") throw new Error(`writeDoc: expected a "doc" node, got "${doc.type.name}"`);
  const nodes: PMNode[] = [];
  doc.forEach((child) => nodes.push(child));
  writeBlocks(ydoc, fragment, nodes);
}

interface WriteHints {
  /** The fragment's current blocks, when the caller just read them (saves a pass). */
  current?: readonly BlockNode[];
  /** Only these old blocks can reappear among the new nodes as equal copies (the rest are passed as identical objects). */
  reuseFrom?: readonly BlockNode[];
  /** The fragment's view after the write, when the caller can build it cheaply (null: let the next reader read). */
  nextView?: () => CanvasView | null;
}

/** Make the fragment's top-level blocks equal `nodes`. Call it inside `ydoc.transact(fn, origin)`. */
export function writeBlocks(
  ydoc: Y.Doc,
  fragment: Y.XmlFragment,
  nodes: readonly PMNode[],
  hints: WriteHints = {},
): void {
  if (fragment.doc !== ydoc) throw new Error("writeBlocks: the fragment does not belong to the given Y.Doc");
  const old = hints.current && hints.current.length === fragment.length ? hints.current : readBlockNodes(fragment);
  // This module is the only writer of the view cache (shared/markdown/canvasView.ts): it tells the cache
  // which node each block now holds, so the next read does not parse the blocks it just wrote.
  ydoc.transact((transaction) => {
    if (!old) {
      // Something the schema cannot read is in the fragment: let the binding reconcile everything.
      updateYFragment(ydoc, fragment, ydocSchemaDoc(nodes), { mapping: new Map(), isOMark: new Map() });
      recordCanvasWrite(fragment, transaction, { written: new Map(), others: "unknown", moved: true });
      return;
    }
    const write = reconcile(ydoc, fragment, old, reuseEqualNodes(hints.reuseFrom ?? old, old, nodes));
    recordCanvasWrite(fragment, transaction, write);
  });
}

function ydocSchemaDoc(nodes: readonly PMNode[]): PMNode {
  const first = nodes[0];
  if (!first) throw new Error("writeBlocks: cannot write an empty block list into an unreadable fragment");
  const schema = first.type.schema;
  return schema.topNodeType.create(null, nodes);
}

/**
 * Substitute old node objects for new nodes equal to them, in order, so identity marks "unchanged".
 * The nodes at either end that are the current blocks' own nodes, in place, are unchanged as they are:
 * only the nodes between them are compared (on a long canvas, a few among thousands).
 */
function reuseEqualNodes(
  reusable: readonly BlockNode[],
  current: readonly BlockNode[],
  nodes: readonly PMNode[],
): PMNode[] {
  let start = 0;
  while (start < current.length && start < nodes.length && current[start]!.node === nodes[start]) start++;
  let end = nodes.length;
  let currentEnd = current.length;
  while (end > start && currentEnd > start && current[currentEnd - 1]!.node === nodes[end - 1]) {
    end--;
    currentEnd--;
  }
  const oldSet = new Set<PMNode>(reusable.map((block) => block.node));
  // Keyed by type and size (cheap); equality decides.
  const bySize = new Map<string, PMNode[]>();
  for (const block of reusable) {
    const key = `${block.node.type.name}:${block.node.nodeSize}`;
    const list = bySize.get(key);
    if (list) list.push(block.node);
    else bySize.set(key, [block.node]);
  }
  const used = new Set<PMNode>();
  const reuse = (node: PMNode): PMNode => {
    if (oldSet.has(node)) used.add(node);
    if (oldSet.has(node) || !bySize.size) return node;
    const candidates = bySize.get(`${node.type.name}:${node.nodeSize}`) ?? [];
    let checked = 0;
    for (const candidate of candidates) {
      if (used.has(candidate)) continue;
      if (++checked > 64) break;
      if (candidate.eq(node)) {
        used.add(candidate);
        return candidate;
      }
    }
    return node;
  };
  const next = nodes.slice();
  for (let i = 0; i < start; i++) if (oldSet.has(nodes[i]!)) used.add(nodes[i]!);
  for (let i = start; i < end; i++) next[i] = reuse(nodes[i]!);
  return next;
}

/** What reconciling wrote: the node of each element written or inserted; the others are as they were. */
interface Reconciled extends CanvasWrite {
  written: Map<Y.XmlElement, PMNode>;
}

/** Make the fragment's blocks `next` (old blocks reappear as their own node objects). */
function reconcile(
  ydoc: Y.Doc,
  fragment: Y.XmlFragment,
  old: readonly BlockNode[],
  next: readonly PMNode[],
): Reconciled {
  const write: Reconciled = { written: new Map(), others: "unchanged", moved: false };
  let start = 0;
  while (start < old.length && start < next.length && old[start]!.node === next[start]) start++;
  let oldEnd = old.length;
  let nextEnd = next.length;
  while (oldEnd > start && nextEnd > start && old[oldEnd - 1]!.node === next[nextEnd - 1]) {
    oldEnd--;
    nextEnd--;
  }
  // In the middle, keep old blocks that reappear unchanged (in order: longest increasing run), and
  // reconcile the gaps between them by position.
  const oldIndex = new Map<PMNode, number>();
  for (let i = start; i < oldEnd; i++) oldIndex.set(old[i]!.node, i);
  const pairs: [number, number][] = [];
  for (let j = start; j < nextEnd; j++) {
    const i = oldIndex.get(next[j]!);
    if (i !== undefined) pairs.push([i, j]);
  }
  const anchors = longestIncreasing(pairs);
  // Walk gaps right to left so earlier Yjs indices stay valid while we insert and delete.
  const bounds: [number, number][] = [[oldEnd, nextEnd], ...anchors.slice().reverse()];
  let gapOldEnd = oldEnd;
  let gapNextEnd = nextEnd;
  for (let k = 1; k <= bounds.length; k++) {
    const [anchorOld, anchorNext] = k < bounds.length ? bounds[k]! : [start - 1, start - 1];
    reconcileGap(ydoc, fragment, old, next, anchorOld + 1, gapOldEnd, anchorNext + 1, gapNextEnd, write);
    gapOldEnd = anchorOld;
    gapNextEnd = anchorNext;
  }
  return write;
}

function reconcileGap(
  ydoc: Y.Doc,
  fragment: Y.XmlFragment,
  old: readonly BlockNode[],
  next: readonly PMNode[],
  oldStart: number,
  oldEnd: number,
  nextStart: number,
  nextEnd: number,
  write: Reconciled,
): void {
  const paired = Math.min(oldEnd - oldStart, nextEnd - nextStart);
  // Extra old blocks go, extra new blocks come (at the gap's end, before touching pairs: indices hold).
  if (oldEnd - oldStart > paired) {
    for (let i = oldStart + paired; i < oldEnd; i++) write.written.delete(old[i]!.y);
    fragment.delete(oldStart + paired, oldEnd - oldStart - paired);
    write.moved = true;
  }
  for (let j = nextEnd - 1; j >= nextStart + paired; j--) {
    insertBlock(ydoc, fragment, oldStart + paired, next[j]!, write);
  }
  for (let k = paired - 1; k >= 0; k--) {
    const block = old[oldStart + k]!;
    const node = next[nextStart + k]!;
    if (block.node === node) continue;
    if (block.y.nodeName === node.type.name) {
      updateYFragment(ydoc, block.y, node, { mapping: new Map() as Mapping, isOMark: new Map() });
      write.written.set(block.y, node);
    } else {
      write.written.delete(block.y);
      fragment.delete(oldStart + k, 1);
      insertBlock(ydoc, fragment, oldStart + k, node, write);
    }
  }
}

function insertBlock(ydoc: Y.Doc, fragment: Y.XmlFragment, index: number, node: PMNode, write: Reconciled): void {
  const element = new Y.XmlElement(node.type.name);
  fragment.insert(index, [element]);
  updateYFragment(ydoc, element, node, { mapping: new Map() as Mapping, isOMark: new Map() });
  write.written.set(element, node);
  write.moved = true;
}

/** Longest chain of pairs increasing in both coordinates (pairs are sorted by the second). */
function longestIncreasing(pairs: readonly [number, number][]): [number, number][] {
  const tails: number[] = [];
  const previous: number[] = new Array<number>(pairs.length).fill(-1);
  for (let index = 0; index < pairs.length; index++) {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (pairs[tails[middle]!]![0] < pairs[index]![0]) low = middle + 1;
      else high = middle;
    }
    previous[index] = low > 0 ? tails[low - 1]! : -1;
    tails[low] = index;
  }
  const chain: [number, number][] = [];
  for (let index = tails.length ? tails[tails.length - 1]! : -1; index !== -1; index = previous[index]!)
    chain.push(pairs[index]!);
  return chain.reverse();
}
