// When a room last saw activity, for the library ("edited 3 days ago"): the newest of its canvases,
// chat messages, comments, trash moves and stored versions (a version of people's typing is kept every
// few minutes while they type, so typing counts too, to within that interval).
import type * as Y from "yjs";
import { chatArray, commentsMap, listCanvases } from "../../shared/room.ts";
import { listTrash } from "../../shared/trash.ts";
import type { RoomRecord, Store } from "../store/store.ts";

export interface RoomActivity {
  createdAt: number;
  lastActivity: number;
  trashCount: number;
}

export async function roomActivity(store: Store, room: RoomRecord, doc: Y.Doc): Promise<RoomActivity> {
  let last = room.createdAt;
  for (const canvas of listCanvases(doc)) last = Math.max(last, canvas.createdAt);
  const chat = chatArray(doc);
  const lastMessage = chat.length ? chat.get(chat.length - 1) : undefined;
  last = Math.max(last, Number(lastMessage?.get("createdAt") ?? 0) || 0);
  for (const comment of commentsMap(doc).values()) last = Math.max(last, Number(comment?.createdAt) || 0);
  const trash = listTrash(doc);
  for (const entry of trash) last = Math.max(last, entry.trashedAt);
  const [newestVersion] = await store.listVersions(room.id, null);
  if (newestVersion) last = Math.max(last, newestVersion.createdAt);
  return { createdAt: room.createdAt, lastActivity: last, trashCount: trash.length };
}
