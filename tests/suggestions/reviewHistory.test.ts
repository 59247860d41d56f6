// A person's Ctrl+Z on their review decisions: it undoes the decision they made last, even when the
// server has not answered it yet (the suggestion leaves the canvas over the socket first), and the
// requests reach the server in the order the person made them.
import { describe, expect, it } from "vitest";
import { ReviewHistory, type Decided } from "../../client/lib/reviewHistory.ts";
import type { ReviewDecision } from "../../shared/suggestions/review.ts";

/** A server whose answers the test releases one by one, recording what reached it and in which order. */
function slowServer() {
  const sent: string[] = [];
  const waiting: (() => void)[] = [];
  const answer = <T>(value: T): Promise<T> => new Promise((resolve) => waiting.push(() => resolve(value)));
  return {
    sent,
    /** A decision request: reaches the server at once, answered when released. */
    request:
      (id: string, decision: string, ok = true) =>
      (): Promise<Decided> => {
        sent.push(`${decision} ${id}`);
        return answer(ok ? [id] : null);
      },
    send: (ids: string[], decision: ReviewDecision): Promise<boolean> => {
      sent.push(`${decision} ${ids.join(",")}`);
      return answer(true);
    },
    /** Answer everything sent so far and what that lets through, until nothing is left. */
    async releaseAll(): Promise<void> {
      for (let round = 0; round < 20; round++) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        const next = waiting.shift();
        if (next) next();
      }
    },
  };
}

describe("the review history behind Ctrl+Z", () => {
  it("undoes the last decision even before the server has answered it, after it", async () => {
    const server = slowServer();
    const history = new ReviewHistory(server.send);
    void history.decide("accept", server.request("a", "accept"));
    void history.decide("reject", server.request("b", "reject"));
    // Neither is answered yet: Ctrl+Z takes the reject of "b", then the accept of "a".
    expect(history.undo(0)).toBe(true);
    expect(history.undo(0)).toBe(true);
    expect(history.undo(0)).toBe(false);
    await server.releaseAll();
    expect(server.sent).toEqual(["accept a", "reject b", "undo b", "undo a"]);
  });

  it("redo makes the undone decision again, and a refused decision is not undone", async () => {
    const server = slowServer();
    const history = new ReviewHistory(server.send);
    void history.decide("accept", server.request("a", "accept"));
    void history.decide("accept", server.request("b", "accept", false));
    await server.releaseAll();
    // "b" was refused: the last decision is the accept of "a".
    expect(history.undo(0)).toBe(true);
    expect(history.redo(0)).toBe(true);
    await server.releaseAll();
    expect(server.sent).toEqual(["accept a", "accept b", "undo a", "accept a"]);
  });

  it("leaves Ctrl+Z to the editor when the person typed after their last decision", async () => {
    const server = slowServer();
    const history = new ReviewHistory(server.send);
    void history.decide("accept", server.request("a", "accept"));
    expect(history.undo(Date.now() + 1)).toBe(false);
    await server.releaseAll();
    expect(server.sent).toEqual(["accept a"]);
  });

  it("undoes an accept of several suggestions at once", async () => {
    const server = slowServer();
    const history = new ReviewHistory(server.send);
    void history.decide("accept", () => {
      server.sent.push("accept all");
      return Promise.resolve(["a", "b", "c"]);
    });
    expect(history.undo(0)).toBe(true);
    await server.releaseAll();
    expect(server.sent).toEqual(["accept all", "undo a,b,c"]);
  });
});
