// The canvas as the model sees it (markdown or source), built from the Yjs fragment block by block.
// Each top-level block's ProseMirror node and text is cached until a change touches that block, so a
// one-paragraph edit on a 100k-word canvas does not re-read and re-serialise the whole document. The
// cache also knows which blocks changed since the last view: the next view is that one with those
// blocks replaced (the others keep their objects, moved by the change in length), and its text is
// the last text's unchanged slices around theirs (./viewText.ts), so nothing reads the whole fragment.
import * as Y from "yjs";
import type { Node as PMNode } from "@tiptap/pm/model";
import { canvasSchema } from "../schema.ts";
import type { CanvasKind } from "../tools.ts";
import { blockSource } from "./code.ts";
import { blockGap, blockMarkdown, serializeBlock } from "./manager.ts";
import { yElementToNode } from "./yjsNodes.ts";
import { piecesOf, Runs, slicePieces, textOf, type TextPieces } from "./viewText.ts";
import type { CanvasBlock, CanvasView } from "./viewTypes.ts";

export type { CanvasBlock, CanvasView } from "./viewTypes.ts";

interface CachedBlock {
  node: PMNode;
  markdown?: { text: string; kept: boolean };
  source?: string;
}

interface FragmentCache {
  blocks: WeakMap<Y.XmlElement, CachedBlock>;
  own: Y.Transaction | null;
  /** The last view read or written, until something changes the fragment. */
  view: CanvasView | null;
  /** The last view built, stale or not, with its text's pieces: the next view is made from it. */
  last: { view: CanvasView; pieces: TextPieces } | null;
  /** The top-level blocks changed since `last` was built; "all" when blocks came or went, or it is not known. */
  changed: Set<Y.XmlElement> | "all";
}

const caches = new WeakMap<Y.XmlFragment, FragmentCache>();

function cacheFor(fragment: Y.XmlFragment): FragmentCache {
  let cache = caches.get(fragment);
  if (cache) return cache;
  const created: FragmentCache = { blocks: new WeakMap(), own: null, view: null, last: null, changed: "all" };
  fragment.observeDeep((events, transaction) => {
    if (transaction === created.own) return;
    created.view = null;
    for (const event of events) {
      const block = event.target === fragment ? null : topLevelBlock(fragment, event.target);
      if (block) created.blocks.delete(block);
      if (!block) created.changed = "all";
      else if (created.changed !== "all") created.changed.add(block);
    }
  });
  caches.set(fragment, created);
  cache = created;
  return cache;
}

function topLevelBlock(fragment: Y.XmlFragment, target: Y.AbstractType<unknown>): Y.XmlElement | null {
  let node: Y.AbstractType<unknown> | null = target;
  while (node && node.parent !== fragment) node = node.parent as Y.AbstractType<unknown> | null;
  return node instanceof Y.XmlElement ? node : null;
}

export function separatorFor(kind: CanvasKind): string {
  return kind === "code" ? "\n" : "\n\n";
}

/** One block's text on its own: its markdown (document) or source (code). */
export function blockText(node: PMNode, kind: CanvasKind): string {
  return kind === "code" ? blockSource(node) : serializeBlock(node);
}

export interface BlockNode {
  y: Y.XmlElement;
  node: PMNode;
}

/**
 * The fragment's top-level blocks as nodes (cached), or null when the fragment holds something the
 * schema cannot read (then callers fall back to whole-fragment paths).
 */
export function readBlockNodes(fragment: Y.XmlFragment): BlockNode[] | null {
  const cache = cacheFor(fragment);
  const schema = canvasSchema();
  const blocks: BlockNode[] = [];
  for (const child of fragment.toArray()) {
    if (!(child instanceof Y.XmlElement)) return null;
    let cached = cache.blocks.get(child);
    if (!cached) {
      const node = yElementToNode(child, schema);
      if (!node || !node.isBlock) return null;
      cached = { node };
      cache.blocks.set(child, cached);
    }
    blocks.push({ y: child, node: cached.node });
  }
  return blocks;
}

export function readCanvasView(fragment: Y.XmlFragment, kind: CanvasKind): CanvasView {
  const cache = cacheFor(fragment);
  if (cache.view && cache.view.kind === kind) return cache.view;
  const last = cache.last?.view.kind === kind ? cache.last : null;
  const built =
    (last && cache.changed !== "all" && spliceView(cache, last, cache.changed)) || buildView(fragment, cache, kind);
  cache.view = built.view;
  cache.last = built;
  cache.changed = new Set();
  return built.view;
}

/** A block's text (markdown or source) and whether it is the block's kept source, cached with its node. */
function textOfBlock(cached: CachedBlock, kind: CanvasKind): { text: string; kept: boolean } {
  if (kind === "code") return { text: (cached.source ??= blockSource(cached.node)), kept: false };
  return (cached.markdown ??= blockMarkdown(cached.node));
}

/** A top-level element's cached node, read when it is not cached; null when the schema cannot read it. */
function cachedBlock(cache: FragmentCache, element: Y.XmlElement): CachedBlock | null {
  let cached = cache.blocks.get(element);
  if (!cached) {
    const node = yElementToNode(element, canvasSchema());
    if (!node || !node.isBlock) return null;
    cached = { node };
    cache.blocks.set(element, cached);
  }
  return cached;
}

/** The view, read block by block from the fragment (the last view's text reused for unchanged runs). */
function buildView(
  fragment: Y.XmlFragment,
  cache: FragmentCache,
  kind: CanvasKind,
): { view: CanvasView; pieces: TextPieces } {
  const separator = separatorFor(kind);
  const blocks: CanvasBlock[] = [];
  const parts: string[] = [];
  const last = cache.last?.view.kind === kind ? cache.last : null;
  const runs = new Runs(last, (element) => (last ? blockIndex(last.view, element) : -1));
  let offset = 0;
  let complete = true;
  for (const child of fragment.toArray()) {
    const cached = child instanceof Y.XmlElement ? cachedBlock(cache, child) : null;
    if (!cached) {
      complete = false;
      continue;
    }
    const element = child as Y.XmlElement;
    const { text, kept } = textOfBlock(cached, kind);
    const previous = blocks[blocks.length - 1];
    const old = runs.find(element, cached.node, text, kept);
    if (old && runs.continues(old)) {
      // It follows the block it followed in the last view: the gap between them is as it was there.
      offset += runs.extend(old);
    } else {
      runs.flush(parts);
      if (previous) {
        const gap = kind === "code" ? separator : blockGap(cached.node, previous.kept, kept);
        parts.push(gap);
        offset += gap.length;
      }
      if (old) runs.start(old);
      else parts.push(text);
    }
    blocks.push(
      old && old.block.from === offset
        ? old.block
        : { y: element, node: cached.node, text, from: offset, to: offset + text.length, kept },
    );
    offset += text.length;
  }
  runs.flush(parts);
  const pieces = piecesOf(parts);
  return { view: { kind, fragment, blocks, text: textOf(pieces), separator, complete }, pieces };
}

/**
 * The last view with the changed blocks read again, when no block came or went: the blocks in between
 * are the last view's (moved by the change in length), their text its text. Null when a changed block
 * was not one of the last view's blocks or cannot be read (then the fragment is read whole).
 */
function spliceView(
  cache: FragmentCache,
  last: { view: CanvasView; pieces: TextPieces },
  changed: ReadonlySet<Y.XmlElement>,
): { view: CanvasView; pieces: TextPieces } | null {
  const { view: old, pieces } = last;
  if (!changed.size) return last;
  const at: number[] = [];
  for (const element of changed) {
    const index = blockIndex(old, element);
    if (index < 0) return null;
    at.push(index);
  }
  at.sort((a, b) => a - b);
  const { kind, separator } = old;
  const gapBefore = (node: PMNode, previous: CanvasBlock, kept: boolean): string =>
    kind === "code" ? separator : blockGap(node, previous.kept, kept);
  const blocks: CanvasBlock[] = [];
  const parts: string[] = [];
  let offset = 0;
  let runFrom = -1; // where the run of unchanged blocks being copied starts in the last text
  const flush = (end: number): void => {
    if (runFrom >= 0) slicePieces(pieces, runFrom, end, parts);
    runFrom = -1;
  };
  let next = 0; // the next index in `at`
  for (let i = 0; i < old.blocks.length; i++) {
    const before = old.blocks[i]!;
    const previous = blocks[i - 1];
    if (at[next] === i) {
      next++;
      const cached = cachedBlock(cache, before.y);
      if (!cached) return null;
      const { text, kept } = textOfBlock(cached, kind);
      flush(old.blocks[i - 1]?.to ?? 0);
      if (previous) {
        const gap = gapBefore(cached.node, previous, kept);
        parts.push(gap);
        offset += gap.length;
      }
      parts.push(text);
      blocks.push({ y: before.y, node: cached.node, text, from: offset, to: offset + text.length, kept });
      offset += text.length;
      continue;
    }
    if (previous && runFrom < 0) {
      // After a changed block: the gap depends on whether that block is its kept source.
      const gap = gapBefore(before.node, previous, before.kept);
      parts.push(gap);
      offset += gap.length;
    } else if (previous) offset += before.from - old.blocks[i - 1]!.to;
    if (runFrom < 0) runFrom = before.from;
    blocks.push(before.from === offset ? before : moved(before, offset));
    offset += before.text.length;
  }
  flush(old.blocks[old.blocks.length - 1]?.to ?? 0);
  const spliced = piecesOf(parts);
  const view: CanvasView = {
    kind,
    fragment: old.fragment,
    blocks,
    text: textOf(spliced),
    separator,
    complete: old.complete,
  };
  // The same blocks in the same places: the index of the last view holds.
  const index = indices.get(old);
  if (index) indices.set(view, index);
  return { view, pieces: spliced };
}

/** The block at another offset (an object literal: V8 copies one much faster than a spread). */
function moved(block: CanvasBlock, from: number): CanvasBlock {
  const { y, node, text, kept } = block;
  return { y, node, text, from, to: from + text.length, kept };
}

const indices = new WeakMap<CanvasView, Map<Y.XmlElement, number>>();

/** The index of the block held by `element` in the view's blocks, or -1. */
export function blockIndex(view: CanvasView, element: Y.XmlElement): number {
  let index = indices.get(view);
  if (!index) {
    index = new Map(view.blocks.map((block, i) => [block.y, i]));
    indices.set(view, index);
  }
  return index.get(element) ?? -1;
}

/** What a write did to a fragment's top-level blocks. */
export interface CanvasWrite {
  /** The node of each top-level element written or inserted. */
  written: ReadonlyMap<Y.XmlElement, PMNode>;
  /** The other blocks: as they were ("unchanged": their cached nodes stay) or not known ("unknown": read again). */
  others: "unchanged" | "unknown";
  /** True when blocks were inserted or deleted. */
  moved: boolean;
}

/**
 * The one way a writer updates the cache (the engine's block writer calls it): inside the write's
 * transaction, after writing. The next reader re-serialises only the blocks written.
 */
export function recordCanvasWrite(fragment: Y.XmlFragment, transaction: Y.Transaction, write: CanvasWrite): void {
  if (transaction.doc !== fragment.doc)
    throw new Error("recordCanvasWrite: the transaction is not on the fragment's Y.Doc");
  const cache = cacheFor(fragment);
  // Changes in this transaction are the writer's and described by `write`; the observer skips them.
  cache.own = transaction;
  cache.view = null;
  if (write.others === "unknown" || write.moved) cache.changed = "all";
  if (write.others === "unchanged") {
    for (const [element, node] of write.written) {
      if (cache.blocks.get(element)?.node !== node) cache.blocks.set(element, { node });
      if (cache.changed !== "all") cache.changed.add(element);
    }
    return;
  }
  for (const child of fragment.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    const node = write.written.get(child);
    const previous = cache.blocks.get(child);
    if (!node) cache.blocks.delete(child);
    else if (previous?.node !== node) cache.blocks.set(child, { node });
  }
}

/** The cached node of each top-level block whose cache is still valid (the writer reuses them). */
export function cachedBlockNodes(fragment: Y.XmlFragment): Map<Y.XmlElement, PMNode> {
  const cache = cacheFor(fragment);
  const nodes = new Map<Y.XmlElement, PMNode>();
  for (const child of fragment.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    const cached = cache.blocks.get(child);
    if (cached) nodes.set(child, cached.node);
  }
  return nodes;
}

/** Forget every cached block of a fragment (after a change the cache may not have seen). */
export function dropCanvasCache(fragment: Y.XmlFragment): void {
  caches.delete(fragment);
}
