// The transaction origin of every AI change. Storage, broadcast and the undo manager tell AI changes
// apart by it (a Y.UndoManager with `trackedOrigins: new Set([AgentOrigin])` tracks them all).
import { newId } from "../room.ts";

export class AgentOrigin {
  /** Bumped at the start of every tool call or streamed write: one step = one undo unit. */
  step = 0;
  constructor(readonly runId: string) {}

  /** Start a new undo unit; returns its key. */
  beginStep(): string {
    this.step++;
    return this.stepKey();
  }

  stepKey(): string {
    return `${this.runId}#${this.step}`;
  }
}

/** Origin of changes the server makes on behalf of a person through the API. */
export class ApiOrigin {
  constructor(
    readonly role: string,
    readonly action: string,
  ) {}
}

/** The origins a tool call can be applied with: a run of the model, or a person through the API. */
export type WriterOrigin = AgentOrigin | ApiOrigin;

/** Who a change or comment is by. */
export interface Author {
  id: string;
  name: string;
}

/** The model (or the offline engine) as an author. */
export const AI_AUTHOR: Author = { id: "ai", name: "Canvas AI" };

/** Start a new change of `origin` and return its id (for an agent: a new undo step, keyed by the id). */
export function beginChange(origin: WriterOrigin): string {
  return origin instanceof AgentOrigin ? origin.beginStep() : newId();
}
