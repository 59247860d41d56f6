// The model as a collaborator: a presence entry named "Canvas AI" in the room's awareness, with a
// caret (y-tiptap's `cursor` field: relative positions) where it is writing: at the end of the block its
// last change wrote (the passage of a targeted edit, the newest block of a stream), else at the end.
import * as Y from "yjs";
import { canvasFragment, canvasesMap } from "../../shared/room.ts";
import { AI_AUTHOR, type AgentOrigin } from "../../shared/origins.ts";
import type { Room } from "../rooms/room.ts";

const AI_USER = { ...AI_AUTHOR, color: "#7c3aed" } as const;

const THROTTLE_MS = 80;
const lastSent = new WeakMap<Room, number>();
/** The block the model wrote last, per room, while a run follows its writes. */
const lastWritten = new WeakMap<Room, { canvasId: string; block: Y.XmlElement }>();

export function setAgentPresence(room: Room, state: { working: boolean; canvasId: string | null }): void {
  if (!state.working) {
    lastSent.delete(room);
    lastWritten.delete(room);
    room.awareness.setLocalState(null);
    return;
  }
  const now = Date.now();
  const previous = room.awareness.getLocalState();
  if (previous && now - (lastSent.get(room) ?? 0) < THROTTLE_MS && previous.canvasId === state.canvasId) return;
  lastSent.set(room, now);
  const written = lastWritten.get(room);
  const at = written && written.canvasId === state.canvasId && written.block.parent ? written.block : null;
  const cursor = state.canvasId ? endOfText(at ?? canvasFragment(room.doc, state.canvasId)) : null;
  room.awareness.setLocalState({ user: AI_USER, ai: true, canvasId: state.canvasId, cursor });
}

/**
 * Move the model's caret to what its run writes: after each transaction of `origin`, the last block of
 * a canvas it touched. Returns the unsubscribe.
 */
export function followAgentWrites(room: Room, origin: AgentOrigin): () => void {
  const onTransaction = (transaction: Y.Transaction): void => {
    if (transaction.origin !== origin) return;
    for (const [canvasId] of canvasesMap(room.doc)) {
      const fragment = canvasFragment(room.doc, canvasId);
      const block = lastTouchedBlock(fragment, transaction);
      if (!block) continue;
      lastWritten.set(room, { canvasId, block });
      lastSent.delete(room);
      setAgentPresence(room, { working: true, canvasId });
      return;
    }
  };
  room.doc.on("afterTransaction", onTransaction);
  return () => room.doc.off("afterTransaction", onTransaction);
}

/** The last top-level block of `fragment` that `transaction` changed or inserted, or null. */
function lastTouchedBlock(fragment: Y.XmlFragment, transaction: Y.Transaction): Y.XmlElement | null {
  // Types are compared by identity only: walk each changed type up to its top-level block.
  type Node = { parent: unknown };
  const touched = new Set<unknown>();
  let fragmentChanged = false;
  for (const type of transaction.changed.keys()) {
    const changed: unknown = type;
    if (changed === fragment) fragmentChanged = true;
    let node = changed as Node | null;
    while (node && node.parent !== fragment) node = node.parent as Node | null;
    if (node) touched.add(node);
  }
  if (!touched.size && !fragmentChanged) return null;
  const children = fragment.toArray();
  for (let index = children.length - 1; index >= 0; index--) {
    const child = children[index];
    if (!(child instanceof Y.XmlElement)) continue;
    const id = child._item?.id;
    const created = id ? id.clock >= (transaction.beforeState.get(id.client) ?? 0) : false;
    if (touched.has(child) || created) return child;
  }
  return null;
}

/** A collapsed cursor at the end of the last text in the fragment, as y-tiptap encodes cursors. */
export function endOfText(fragment: Y.XmlFragment | Y.XmlElement): { anchor: unknown; head: unknown } | null {
  let node: Y.XmlElement | Y.XmlText | Y.XmlFragment = fragment;
  while (!(node instanceof Y.XmlText)) {
    const children: (Y.XmlElement | Y.XmlText)[] = node
      .toArray()
      .filter(
        (child): child is Y.XmlElement | Y.XmlText => child instanceof Y.XmlElement || child instanceof Y.XmlText,
      );
    const last = children[children.length - 1];
    if (!last) return null;
    node = last;
  }
  const position = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(node, node.length));
  return { anchor: position, head: position };
}
