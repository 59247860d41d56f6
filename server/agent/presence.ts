// The model as a collaborator: a presence entry named "Canvas AI" in the room's awareness, with a
// caret (y-tiptap's `cursor` field: relative positions) at the end of the text it is writing.
import * as Y from "yjs";
import { canvasFragment } from "../../shared/room.ts";
import { AI_AUTHOR } from "../../shared/origins.ts";
import type { Room } from "../rooms/room.ts";

const AI_USER = { ...AI_AUTHOR, color: "#7c3aed" } as const;

const THROTTLE_MS = 80;
const lastSent = new WeakMap<Room, number>();

export function setAgentPresence(room: Room, state: { working: boolean; canvasId: string | null }): void {
  if (!state.working) {
    lastSent.delete(room);
    room.awareness.setLocalState(null);
    return;
  }
  const now = Date.now();
  const previous = room.awareness.getLocalState();
  if (previous && now - (lastSent.get(room) ?? 0) < THROTTLE_MS && previous.canvasId === state.canvasId) return;
  lastSent.set(room, now);
  const cursor = state.canvasId ? endOfText(canvasFragment(room.doc, state.canvasId)) : null;
  room.awareness.setLocalState({ user: AI_USER, ai: true, canvasId: state.canvasId, cursor });
}

/** A collapsed cursor at the end of the last text in the fragment, as y-tiptap encodes cursors. */
export function endOfText(fragment: Y.XmlFragment): { anchor: unknown; head: unknown } | null {
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
