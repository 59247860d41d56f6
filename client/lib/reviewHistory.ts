// This person's own decisions on suggestions (accept, reject, and "Apply suggestion" on a comment), so
// Ctrl+Z can undo the last one and Ctrl+Shift+Z redo it, when it is newer than their last keystroke.
import type { ReviewDecision } from "../../shared/suggestions/review.ts";

export interface Decided {
  id: string;
  decision: "accept" | "reject";
  at: number;
}

export class ReviewHistory {
  private readonly done: Decided[] = [];
  private undone: Decided[] = [];

  constructor(private readonly send: (id: string, decision: ReviewDecision) => Promise<boolean>) {}

  /** A decision this person made just now. */
  record(id: string, decision: "accept" | "reject"): void {
    this.done.push({ id, decision, at: Date.now() });
    this.undone = [];
  }

  /** Undo the last decision when it is newer than `since` (their last keystroke); true when it took the key. */
  undo(since: number): boolean {
    const last = this.done[this.done.length - 1];
    if (!last || last.at <= since) return false;
    this.done.pop();
    void this.send(last.id, "undo").then((ok) => {
      if (ok) this.undone.push({ ...last, at: Date.now() });
    });
    return true;
  }

  /** Make the last undone decision again when it is newer than `since`; true when it took the key. */
  redo(since: number): boolean {
    const last = this.undone[this.undone.length - 1];
    if (!last || last.at <= since) return false;
    this.undone.pop();
    void this.send(last.id, last.decision).then((ok) => {
      if (ok) this.done.push({ ...last, at: Date.now() });
    });
    return true;
  }
}
