// Comment anchors: base64 of Y.encodeRelativePosition, resolved to and from ProseMirror positions
// through y-tiptap's binding mapping (the same path y-tiptap uses for remote carets, and cheap
// enough to run on every remote change without rebuilding the doc).
import * as Y from "yjs";
import type { EditorState } from "@tiptap/pm/state";
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from "@tiptap/y-tiptap";
import type { ProsemirrorBinding } from "@tiptap/y-tiptap";

/** The Yjs binding of the editor (its doc and the canvas fragment), or null before it is bound. */
export function bindingOf(state: EditorState): ProsemirrorBinding | null {
  const sync = ySyncPluginKey.getState(state) as { binding?: ProsemirrorBinding | null } | undefined;
  return sync?.binding ?? null;
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Anchors for the selection [from, to), or null when the editor is not bound to Yjs yet. */
export function anchorForRange(state: EditorState, from: number, to: number): { start: string; end: string } | null {
  const binding = bindingOf(state);
  if (!binding) return null;
  const start = absolutePositionToRelativePosition(from, binding.type, binding.mapping) as Y.RelativePosition;
  const end = absolutePositionToRelativePosition(to, binding.type, binding.mapping) as Y.RelativePosition;
  return { start: toBase64(Y.encodeRelativePosition(start)), end: toBase64(Y.encodeRelativePosition(end)) };
}

/** The current span of an anchor in this editor's doc; null when its text is gone or not in this canvas. */
export function resolveAnchor(
  state: EditorState,
  anchor: { start: string; end: string },
): { from: number; to: number } | null {
  const binding = bindingOf(state);
  if (!binding) return null;
  try {
    const from = relativePositionToAbsolutePosition(
      binding.doc,
      binding.type,
      Y.decodeRelativePosition(fromBase64(anchor.start)),
      binding.mapping,
    );
    const to = relativePositionToAbsolutePosition(
      binding.doc,
      binding.type,
      Y.decodeRelativePosition(fromBase64(anchor.end)),
      binding.mapping,
    );
    if (from === null || to === null || to <= from) return null;
    const size = state.doc.content.size;
    return { from: Math.min(from, size), to: Math.min(to, size) };
  } catch {
    // An anchor from another canvas or a corrupt record: it simply has no place here.
    return null;
  }
}
