// "Undo AI change" per room: one agent undo manager per live room doc (one step per AI change,
// people's later edits kept), dropped with the doc when the room unloads.
import type * as Y from "yjs";
import { createAgentUndoManager } from "../../shared/engine/index.ts";
import type { Room } from "../rooms/room.ts";

export class AgentUndo {
  private readonly managers = new Map<string, Y.UndoManager>();

  /** The room's manager, created on first use and again when the room was reloaded. */
  for(room: Room): Y.UndoManager {
    let manager = this.managers.get(room.id);
    if (!manager || manager.doc !== room.doc) {
      const created = createAgentUndoManager(room.doc);
      manager = created;
      this.managers.set(room.id, created);
      // An unloaded room's doc is destroyed: drop its undo history with it instead of keeping the doc alive.
      room.doc.once("destroy", () => {
        created.destroy();
        if (this.managers.get(room.id) === created) this.managers.delete(room.id);
      });
    }
    return manager;
  }

  /** Undo the room's last AI change; false when there is none left to undo. */
  undoLast(room: Room): boolean {
    const manager = this.for(room);
    if (!manager.canUndo()) return false;
    manager.undo();
    return true;
  }
}
