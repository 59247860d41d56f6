import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  AgentOrigin,
  ApiOrigin,
  ChatOrigin,
  LOAD_ORIGIN,
  REMOTE_ORIGIN,
  isTransactionOrigin,
  type PeerOrigin,
} from "../../shared/origins.ts";

describe("transaction origins", () => {
  it("recognises every origin of the room and nothing else", () => {
    const peer: PeerOrigin = { source: "peer" };
    for (const origin of [
      new AgentOrigin("r"),
      new ChatOrigin("r"),
      new ApiOrigin("editor", "comment"),
      LOAD_ORIGIN,
      REMOTE_ORIGIN,
      peer,
    ])
      expect(isTransactionOrigin(origin)).toBe(true);
    for (const other of [null, undefined, "human", 7, {}, { source: "ySync" }, { source: 1 }, Symbol("load")])
      expect(isTransactionOrigin(other)).toBe(false);
  });

  it("an undo manager tracking the AgentOrigin class tracks every agent change and no other writer", () => {
    const doc = new Y.Doc();
    const text = doc.getText("t");
    const undo = new Y.UndoManager(text, { trackedOrigins: new Set([AgentOrigin]) });
    doc.transact(() => text.insert(0, "chat "), new ChatOrigin("r"));
    doc.transact(() => text.insert(0, "api "), new ApiOrigin("owner", "restore"));
    expect(undo.canUndo()).toBe(false);
    doc.transact(() => text.insert(0, "agent "), new AgentOrigin("r"));
    expect(undo.canUndo()).toBe(true);
    undo.undo();
    expect(text.toString()).toBe("api chat ");
  });

  it("each change of a run has its own id", () => {
    const origin = new AgentOrigin("run-9");
    const first = origin.beginChange();
    expect(origin.changeId).toBe(first);
    const second = origin.beginChange();
    expect(second).not.toBe(first);
    expect(second.startsWith("run-9")).toBe(true);
  });
});
