// React views of the room's Y.Doc: each hook subscribes to one part of the layout in shared/room.ts
// and re-renders when (and only when) that part changes.
import { useEffect, useState, useSyncExternalStore } from "react";
import type * as Y from "yjs";
import type { Awareness } from "y-protocols/awareness";
import {
  chatArray,
  commentRepliesMap,
  commentsMap,
  readComments,
  readRoomTitle,
  listCanvases,
  readChat,
  roomMeta,
  canvasesMap,
  type CanvasMeta,
  type ChatMessageView,
  type CommentRecord,
} from "../../shared/room.ts";
import { listTrash, trashMap } from "../../shared/trash.ts";
import { customActionsMap, listCustomActions, type CustomAction } from "../../shared/customActions.ts";
import type { CanvasKind } from "../../shared/tools.ts";

function useYSnapshot<T>(subscribe: (onChange: () => void) => () => void, read: () => T, deps: unknown[]): T {
  const [value, setValue] = useState<T>(read);
  useEffect(() => {
    setValue(read());
    return subscribe(() => setValue(read()));
  }, deps);
  return value;
}

export function useCanvases(doc: Y.Doc): CanvasMeta[] {
  return useYSnapshot(
    (onChange) => {
      const map = canvasesMap(doc);
      map.observe(onChange);
      return () => map.unobserve(onChange);
    },
    () => listCanvases(doc),
    [doc],
  );
}

export function useRoomTitle(doc: Y.Doc, fallback: string): string {
  return useYSnapshot(
    (onChange) => {
      const meta = roomMeta(doc);
      meta.observe(onChange);
      return () => meta.unobserve(onChange);
    },
    () => readRoomTitle(doc, fallback),
    [doc, fallback],
  );
}

export function useChat(doc: Y.Doc): ChatMessageView[] {
  return useYSnapshot(
    (onChange) => {
      const chat = chatArray(doc);
      // Deep: streaming text and status changes live inside each message's Y.Map.
      chat.observeDeep(onChange);
      return () => chat.unobserveDeep(onChange);
    },
    () => readChat(doc),
    [doc],
  );
}

export function useComments(doc: Y.Doc, canvasId: string | null): CommentRecord[] {
  return useYSnapshot(
    (onChange) => {
      const maps = [commentsMap(doc), commentRepliesMap(doc)] as const;
      for (const map of maps) map.observe(onChange);
      return () => {
        for (const map of maps) map.unobserve(onChange);
      };
    },
    () => readComments(doc).comments.filter((comment) => comment.canvasId === canvasId),
    [doc, canvasId],
  );
}

export interface PresentUser {
  clientId: number;
  id: string;
  name: string;
  color: string;
  isAi: boolean;
  /** An external agent connected over MCP (also `isAi`): shown with its own badge. */
  isAgent: boolean;
  canvasId: string | null;
  isMe: boolean;
}

function readPresence(awareness: Awareness): PresentUser[] {
  const users: PresentUser[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    const user: unknown = state.user;
    if (!user || typeof user !== "object") continue;
    const { id, name, color } = user as Record<string, unknown>;
    if (typeof name !== "string" || typeof color !== "string") continue;
    users.push({
      clientId,
      id: typeof id === "string" ? id : String(clientId),
      name,
      color,
      isAi: state.ai === true,
      isAgent: state.agent === "mcp",
      canvasId: typeof state.canvasId === "string" ? state.canvasId : null,
      isMe: clientId === awareness.clientID,
    });
  }
  return users.sort((a, b) => Number(b.isMe) - Number(a.isMe) || a.name.localeCompare(b.name));
}

export function usePresence(awareness: Awareness): PresentUser[] {
  const [users, setUsers] = useState<PresentUser[]>(() => readPresence(awareness));
  useEffect(() => {
    let last = JSON.stringify(readPresence(awareness));
    const onChange = () => {
      // Awareness fires on every caret move; only re-render when who-is-where changed.
      const next = readPresence(awareness);
      const key = JSON.stringify(next);
      if (key !== last) {
        last = key;
        setUsers(next);
      }
    };
    setUsers(readPresence(awareness));
    awareness.on("change", onChange);
    return () => awareness.off("change", onChange);
  }, [awareness]);
  return users;
}

/** The window width class: the canvas becomes a full-screen sheet below this width. */
export function useNarrow(maxWidth = 820): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const query = window.matchMedia(`(max-width: ${maxWidth}px)`);
      query.addEventListener("change", onChange);
      return () => query.removeEventListener("change", onChange);
    },
    () => window.matchMedia(`(max-width: ${maxWidth}px)`).matches,
  );
}

/** How many canvases are in the room's trash, live. */
export function useTrashCount(doc: Y.Doc): number {
  return useYSnapshot(
    (onChange) => {
      const map = trashMap(doc);
      map.observe(onChange);
      return () => map.unobserve(onChange);
    },
    () => listTrash(doc).length,
    [doc],
  );
}

/** The room's custom quick actions for a kind of canvas, live. */
export function useCustomActions(doc: Y.Doc, kind: CanvasKind): CustomAction[] {
  return useYSnapshot(
    (onChange) => {
      const map = customActionsMap(doc);
      map.observe(onChange);
      return () => map.unobserve(onChange);
    },
    () => listCustomActions(doc, kind),
    [doc, kind],
  );
}
