// An external agent as a collaborator everyone sees: its own entry in the room's awareness (its own
// client id, so it never overwrites the built-in model's or a person's), named after the MCP client,
// with the "agent" badge and a caret where it last wrote. Kept alive while its session lives.
import * as Y from "yjs";
import * as awarenessProtocol from "y-protocols/awareness";
import { canvasesMap, canvasFragment } from "../../shared/room.ts";
import { readCanvasView } from "../../shared/markdown/index.ts";
import { textRangeToY } from "../../shared/engine/textMap.ts";
import type { Room } from "../rooms/room.ts";
import { endOfText } from "../agent/presence.ts";

/** Awareness drops a remote state after 30 s without news; renew well before. */
const RENEW_MS = 15_000;
export const AGENT_COLOR = "#0d9488";

export interface AgentUser {
  id: string;
  name: string;
}

type Cursor = { anchor: unknown; head: unknown } | null;

export class AgentPresence {
  private readonly own = new awarenessProtocol.Awareness(new Y.Doc());
  private readonly renew: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly room: Room,
    private readonly user: AgentUser,
  ) {
    this.own.on("update", this.forward);
    this.show(null, null);
    this.renew = setInterval(() => {
      const state = this.own.getLocalState();
      if (state) this.own.setLocalState(state);
    }, RENEW_MS);
    this.renew.unref();
  }

  /** The agent is in the room, on `canvasId` (or none), its caret at `cursor`. */
  show(canvasId: string | null, cursor: Cursor): void {
    if (this.closed) return;
    this.own.setLocalState({
      user: { ...this.user, color: AGENT_COLOR },
      ai: true,
      agent: "mcp",
      canvasId,
      cursor,
    });
  }

  /** Show the caret at the end of canvas text offset `offset` (the end of what it just wrote), or at the end. */
  showAt(canvasId: string, offset: number | null): void {
    this.show(canvasId, caretAt(this.room.doc, canvasId, offset));
  }

  /** Leave the room's presence list. */
  close(): void {
    if (this.closed) return;
    clearInterval(this.renew);
    this.own.setLocalState(null);
    this.closed = true;
    this.own.off("update", this.forward);
    this.own.destroy();
  }

  private readonly forward = (change: { added: number[]; updated: number[]; removed: number[] }): void => {
    const changed = [...change.added, ...change.updated, ...change.removed];
    const update = awarenessProtocol.encodeAwarenessUpdate(this.own, changed);
    awarenessProtocol.applyAwarenessUpdate(this.room.awareness, update, this);
  };
}

/** A collapsed y-tiptap cursor just after canvas text offset `offset`; at the end of the text when null or unmappable. */
function caretAt(doc: Y.Doc, canvasId: string, offset: number | null): Cursor {
  const meta = canvasesMap(doc).get(canvasId);
  if (!meta) return null;
  const fragment = canvasFragment(doc, canvasId);
  if (offset !== null && offset > 0) {
    const range = textRangeToY(readCanvasView(fragment, meta.kind), offset - 1, offset);
    if (range) {
      const position = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(range.end.type, range.end.index));
      return { anchor: position, head: position };
    }
  }
  return endOfText(fragment);
}
