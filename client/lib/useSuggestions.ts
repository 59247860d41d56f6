// The room's default mode for chat messages, live from the room's Y.Doc (the owner sets it).
import { useEffect, useState } from "react";
import type * as Y from "yjs";
import { roomMeta } from "../../shared/room.ts";
import { roomEditMode, type EditMode } from "../../shared/suggestions/record.ts";

export function useRoomEditMode(doc: Y.Doc): EditMode {
  const [mode, setMode] = useState(() => roomEditMode(doc));
  useEffect(() => {
    const meta = roomMeta(doc);
    const update = () => setMode(roomEditMode(doc));
    update();
    meta.observe(update);
    return () => meta.unobserve(update);
  }, [doc]);
  return mode;
}
