// The canvas as the model sees it (markdown or source), built from the Yjs fragment block by block.
// Each top-level block's ProseMirror node and text is cached until a change touches that block, so a
// one-paragraph edit on a 100k-word canvas does not re-read and re-serialise the whole document.
import * as Y from "yjs";
import type { Node as PMNode } from "@tiptap/pm/model";
import { canvasSchema } from "../schema.ts";
import type { CanvasKind } from "../tools.ts";
import { blockSource } from "./code.ts";
import { blockGap, blockMarkdown, serializeBlock } from "./manager.ts";
import { yElementToNode } from "./yjsNodes.ts";

export interface CanvasBlock {
  y: Y.XmlElement;
  node: PMNode;
  /** The block's markdown (document) or source (code). */
  text: string;
  /** Offsets of `text` in the canvas text. */
  from: number;
  to: number;
  /** True when `text` is the markdown the block was parsed from (it is unedited since). */
  kept: boolean;
}

export interface CanvasView {
  kind: CanvasKind;
  fragment: Y.XmlFragment;
  blocks: CanvasBlock[];
  text: string;
  /** What joins two new blocks in `text` (documents keep the blank lines their author put between blocks). */
  separator: string;
  /** True when every child of the fragment is one of `blocks` (nothing unreadable was skipped). */
  complete: boolean;
}

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
}

const caches = new WeakMap<Y.XmlFragment, FragmentCache>();

function cacheFor(fragment: Y.XmlFragment): FragmentCache {
  let cache = caches.get(fragment);
  if (cache) return cache;
  const created: FragmentCache = { blocks: new WeakMap(), own: null, view: null };
  fragment.observeDeep((events, transaction) => {
    if (transaction === created.own) return;
    created.view = null;
    for (const event of events) {
      const block = topLevelBlock(fragment, event.target);
      if (block) created.blocks.delete(block);
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
  const schema = canvasSchema();
  const separator = separatorFor(kind);
  const blocks: CanvasBlock[] = [];
  const parts: string[] = [];
  let offset = 0;
  let complete = true;
  for (const child of fragment.toArray()) {
    if (!(child instanceof Y.XmlElement)) {
      complete = false;
      continue;
    }
    let cached = cache.blocks.get(child);
    if (!cached) {
      const node = yElementToNode(child, schema);
      if (!node || !node.isBlock) {
        complete = false;
        continue;
      }
      cached = { node };
      cache.blocks.set(child, cached);
    }
    let text: string;
    let kept = false;
    if (kind === "code") text = cached.source ??= blockSource(cached.node);
    else ({ text, kept } = cached.markdown ??= blockMarkdown(cached.node));
    const previous = blocks[blocks.length - 1];
    if (previous) {
      const gap = kind === "code" ? separator : blockGap(cached.node, previous.kept, kept);
      parts.push(gap);
      offset += gap.length;
    }
    blocks.push({ y: child, node: cached.node, text, from: offset, to: offset + text.length, kept });
    parts.push(text);
    offset += text.length;
  }
  cache.view = { kind, fragment, blocks, text: parts.join(""), separator, complete };
  return cache.view;
}

/**
 * The one way a writer updates the cache (the engine's block writer calls it): inside the write's
 * transaction, after writing, with the node of every block it wrote or kept (other blocks are read
 * again). The next reader re-serialises only the blocks written.
 */
export function recordCanvasWrite(
  fragment: Y.XmlFragment,
  transaction: Y.Transaction,
  known: ReadonlyMap<Y.XmlElement, PMNode>,
): void {
  if (transaction.doc !== fragment.doc)
    throw new Error("recordCanvasWrite: the transaction is not on the fragment's Y.Doc");
  const cache = cacheFor(fragment);
  // Changes in this transaction are the writer's and described by `known`; the observer skips them.
  cache.own = transaction;
  cache.view = null;
  for (const child of fragment.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    const node = known.get(child);
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
