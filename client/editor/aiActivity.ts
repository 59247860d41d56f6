// Is the model changing the canvas right now? Remote canvas updates carry no author, so the client
// infers it: a run is streaming (the chat says so, and chat and canvas updates arrive in order), or
// one ended a moment ago (its last canvas change can arrive with or just after the "done" status),
// or the model's presence says it is working on this canvas.
import type * as Y from "yjs";
import type { Awareness } from "y-protocols/awareness";
import { chatArray } from "../../shared/room.ts";

const GRACE_MS = 3_000;

export interface AiActivity {
  isChanging(canvasId: string): boolean;
  dispose(): void;
}

function streamingNow(doc: Y.Doc): boolean {
  const chat = chatArray(doc);
  // Only the newest messages can be streaming: one run per room at a time.
  for (let i = chat.length - 1; i >= Math.max(0, chat.length - 4); i--) {
    if (chat.get(i).get("status") === "streaming") return true;
  }
  return false;
}

export function trackAiActivity(doc: Y.Doc, awareness: Awareness): AiActivity {
  let lastActive = 0;
  const onChat = () => {
    if (streamingNow(doc) || lastActive > 0) lastActive = Date.now();
  };
  const chat = chatArray(doc);
  chat.observeDeep(onChat);
  return {
    isChanging(canvasId) {
      if (streamingNow(doc) || Date.now() - lastActive < GRACE_MS) return true;
      for (const state of awareness.getStates().values()) {
        if (state.ai === true && state.canvasId === canvasId) return true;
      }
      return false;
    },
    dispose: () => chat.unobserveDeep(onChat),
  };
}
