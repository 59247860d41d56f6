// A version of a canvas stored before the model changes it ("before-ai"), so a person can always go
// back to the text as it was, whatever the run did.
import { newId } from "../../shared/room.ts";
import { canvasText } from "../../shared/markdown/index.ts";
import { AI_AUTHOR } from "../../shared/origins.ts";
import type { Room } from "../rooms/room.ts";
import type { Store } from "../store/store.ts";

export async function saveVersionBeforeAi(store: Store, room: Room, canvasId: string, runId: string): Promise<void> {
  await store.saveVersion({
    id: newId(),
    roomId: room.id,
    canvasId,
    reason: "before-ai",
    author: AI_AUTHOR.id,
    text: canvasText(room.doc, canvasId),
    runId,
    createdAt: Date.now(),
  });
}
