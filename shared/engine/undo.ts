// Undo for AI changes: one tool call, or one streamed write, is one undo step, and undoing it leaves
// human edits made afterwards in place (Yjs undoes only the items the agent's transactions made).
// Steps are cut by the agent origin's change id, not by time, because a stream can pause for seconds.
import * as Y from "yjs";
import { canvasFragment } from "../room.ts";
import { AgentOrigin } from "../origins.ts";

const CHANGE_META = "agentChange";
const managers = new WeakMap<Y.Doc, Set<Y.UndoManager>>();

export function createAgentUndoManager(doc: Y.Doc, canvasId?: string): Y.UndoManager {
  const scope: Y.Doc | Y.XmlFragment = canvasId ? canvasFragment(doc, canvasId) : doc;
  const manager = new Y.UndoManager(scope, { trackedOrigins: new Set([AgentOrigin]), captureTimeout: 2 ** 31 });
  let lastKey: string | null = null;
  const onBeforeTransaction = (transaction: Y.Transaction): void => {
    if (!(transaction.origin instanceof AgentOrigin)) return;
    const key = transaction.origin.changeId;
    if (key !== lastKey) {
      manager.stopCapturing();
      lastKey = key;
    }
  };
  doc.on("beforeTransaction", onBeforeTransaction);
  manager.on(
    "stack-item-added",
    (event: { stackItem: { meta: Map<string, unknown> }; origin: unknown; type: "undo" | "redo" }) => {
      if (event.type === "undo" && event.origin instanceof AgentOrigin)
        event.stackItem.meta.set(CHANGE_META, event.origin.changeId);
    },
  );
  // Undoing and redoing are not agent steps: the next agent change starts a new item.
  manager.on("stack-item-popped", () => {
    lastKey = null;
    manager.stopCapturing();
  });
  let set = managers.get(doc);
  if (!set) {
    set = new Set();
    managers.set(doc, set);
  }
  const registered = set;
  registered.add(manager);
  const destroy = manager.destroy.bind(manager);
  manager.destroy = () => {
    doc.off("beforeTransaction", onBeforeTransaction);
    registered.delete(manager);
    destroy();
  };
  return manager;
}

/** Forget an aborted stream's change in every agent undo manager (its writes were already reverted). */
export function forgetAgentChange(doc: Y.Doc, changeId: string): void {
  for (const manager of managers.get(doc) ?? []) {
    manager.undoStack = manager.undoStack.filter((item) => item.meta.get(CHANGE_META) !== changeId);
    manager.stopCapturing();
  }
}
