// This person's own decisions on suggestions (accept, reject, accept or reject all of a change, and
// "Apply suggestion" on a comment), so Ctrl+Z can undo the last one and Ctrl+Shift+Z redo it, when it
// is newer than their last keystroke.
//
// A decision is kept the moment it is made, not when the server answers: the suggestion leaves the
// canvas over the socket, often before the HTTP answer, and a Ctrl+Z pressed in between must undo
// that decision, not the one before it. Requests go out one after another in the order the person
// made them, so an undo is sent only once the decision it undoes has been answered.
import type { ReviewDecision } from "../../shared/suggestions/review.ts";

/** What a decision request resolves to: the ids it decided, or null when the server refused it. */
export type Decided = string[] | null;

interface Entry {
  decision: "accept" | "reject";
  /** When the person made it (compared with their last keystroke). */
  at: number;
  ids: Promise<Decided>;
}

export class ReviewHistory {
  private done: Entry[] = [];
  private undone: Entry[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  /** `send` decides (or undoes) these ids on the server; true when it did. */
  constructor(private readonly send: (ids: string[], decision: ReviewDecision) => Promise<boolean>) {}

  /** Make a decision now: `request` runs after any earlier one and resolves to the ids it decided. */
  decide(decision: "accept" | "reject", request: () => Promise<Decided>): Promise<Decided> {
    const ids = this.enqueue(request);
    this.keep(this.done, { decision, at: Date.now(), ids });
    this.undone = [];
    return ids;
  }

  /** Undo the last decision when it is newer than `since` (their last keystroke); true when it took the key. */
  undo(since: number): boolean {
    const last = this.done[this.done.length - 1];
    if (!last || last.at <= since) return false;
    this.done.pop();
    this.keep(this.undone, { ...last, at: Date.now(), ids: this.resend(last.ids, "undo") });
    return true;
  }

  /** Make the last undone decision again when it is newer than `since`; true when it took the key. */
  redo(since: number): boolean {
    const last = this.undone[this.undone.length - 1];
    if (!last || last.at <= since) return false;
    this.undone.pop();
    this.keep(this.done, { ...last, at: Date.now(), ids: this.resend(last.ids, last.decision) });
    return true;
  }

  /** Send `decision` for the ids an earlier request decided, once it has been answered. */
  private resend(previous: Promise<Decided>, decision: ReviewDecision): Promise<Decided> {
    return this.enqueue(async () => {
      const ids = await previous;
      if (!ids?.length) return null;
      return (await this.send(ids, decision)) ? ids : null;
    });
  }

  /** Push an entry, and drop it again if its request is refused (there is nothing to undo then). */
  private keep(stack: Entry[], entry: Entry): void {
    stack.push(entry);
    void entry.ids.then((ids) => {
      if (ids) return;
      const index = stack.indexOf(entry);
      if (index >= 0) stack.splice(index, 1);
    });
  }

  private enqueue(task: () => Promise<Decided>): Promise<Decided> {
    const run = this.queue.then(task).catch((): Decided => null);
    this.queue = run;
    return run;
  }
}
