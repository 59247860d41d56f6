// Typing that arrives for a block that is no longer there. A person's keystrokes can be on their way
// while a write removes the block they type in (a rewrite that ends with fewer blocks); Yjs then keeps
// the new characters only as deleted items of a deleted block, and they would vanish. This watcher sees
// such characters in the transaction that brought them and hands them over, with the canvas and the
// place of the removed block, so they can be kept in a comment. While it watches, the doc does not
// garbage-collect deleted content (Yjs would otherwise turn typing that refers to a collected block
// into nothing at all); what is deleted meanwhile keeps its text as tombstones, bounded by what the
// watched writes removed.
import * as Y from "yjs";
import { canvasFragment, canvasesMap } from "../room.ts";
import { readCanvasView } from "../markdown/index.ts";
import type { KeptEdit } from "./comments.ts";

export interface LateTyping {
  canvasId: string;
  edit: KeptEdit;
}

/**
 * Call `found` (after the transaction, outside it) with the text each transaction typed into blocks
 * that were already removed when it arrived. Returns the unsubscribe.
 */
export function watchLateTyping(doc: Y.Doc, found: (late: LateTyping[]) => void): () => void {
  const gcFilter = doc.gcFilter;
  doc.gcFilter = () => false;
  const onTransaction = (transaction: Y.Transaction): void => {
    if (!transaction.deleteSet.clients.size) return;
    const byBlock = new Map<Y.Item, string>();
    Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
      if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString)) return;
      if (struct.id.clock < (transaction.beforeState.get(struct.id.client) ?? 0)) return; // not new
      const parent = struct.parent;
      const parentItem = parent instanceof Y.AbstractType ? parent._item : null;
      // Typed and deleted in one go by its author is not late typing: the parent must have gone before.
      if (!parentItem?.deleted || Y.isDeleted(transaction.deleteSet, parentItem.id)) return;
      const block = topBlockItem(parentItem);
      if (block) byBlock.set(block, (byBlock.get(block) ?? "") + struct.content.str);
    });
    if (!byBlock.size) return;
    const late: LateTyping[] = [];
    for (const [block, text] of byBlock) {
      const canvasId = canvasOf(doc, block);
      if (canvasId && text.trim())
        late.push({ canvasId, edit: { at: offsetNear(doc, canvasId, block), before: "", after: text } });
    }
    if (late.length) queueMicrotask(() => found(late));
  };
  doc.on("afterTransaction", onTransaction);
  return () => {
    doc.off("afterTransaction", onTransaction);
    doc.gcFilter = gcFilter;
  };
}

/** The item of the top-level block (a child of a canvas fragment) that holds `item`. */
function topBlockItem(item: Y.Item): Y.Item | null {
  let current: Y.Item | null = item;
  while (current) {
    const parent: unknown = current.parent;
    if (!(parent instanceof Y.AbstractType)) return null;
    // A root type (a canvas fragment) has no item; an element (also an XmlFragment) has one.
    if (parent._item === null) return parent instanceof Y.XmlFragment ? current : null;
    current = parent._item;
  }
  return null;
}

function canvasOf(doc: Y.Doc, block: Y.Item): string | null {
  for (const canvasId of canvasesMap(doc).keys())
    if ((canvasFragment(doc, canvasId) as unknown) === block.parent) return canvasId;
  return null;
}

/** The canvas-text offset of the end of the nearest live block before the removed one (0 when none). */
function offsetNear(doc: Y.Doc, canvasId: string, block: Y.Item): number {
  const meta = canvasesMap(doc).get(canvasId);
  let left = block.left;
  while (left && left.deleted) left = left.left;
  if (!left || !meta) return 0;
  const view = readCanvasView(canvasFragment(doc, canvasId), meta.kind);
  return view.blocks.find((entry) => entry.y._item === left)?.to ?? 0;
}
