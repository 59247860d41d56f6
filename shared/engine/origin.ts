// The transaction origin of every AI change. Storage, broadcast and the undo manager tell AI changes
// apart by it (a Y.UndoManager with `trackedOrigins: new Set([AgentOrigin])` tracks them all).
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

/** Start a new change of `origin` (for an agent: a new undo step). */
export function beginChange(origin: WriterOrigin): void {
  if (origin instanceof AgentOrigin) origin.beginStep();
}
