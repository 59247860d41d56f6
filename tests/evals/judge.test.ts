import { describe, expect, it } from "vitest";
import { combine, summarize } from "../../evals/judge.ts";

describe("pairwise judge", () => {
  it("counts a win only when both position orders prefer the candidate", () => {
    // First call shows the candidate as A; the swapped call shows it as B.
    expect(combine("A", "B")).toBe("candidate");
    expect(combine("B", "A")).toBe("reference");
    expect(combine("A", "A")).toBe("tie"); // position bias: always picks the first response
    expect(combine("tie", "B")).toBe("tie");
  });

  it("reports the win rate with ties counted half", () => {
    const summary = summarize("judge-model", "local/offline-rules", ["candidate", "candidate", "tie", "reference"], 1);
    expect(summary).toMatchObject({ judged: 4, wins: 2, ties: 1, losses: 1, errors: 1 });
    expect(summary.winRate).toBeCloseTo(2.5 / 4);
    expect(summary.interval!.low).toBeLessThan(2 / 3);
    expect(summary.interval!.high).toBeGreaterThan(2 / 3);
  });
});
