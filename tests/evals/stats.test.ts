import { describe, expect, it } from "vitest";
import { summarizeRepeats, wilson } from "../../evals/stats.ts";

describe("Wilson interval", () => {
  it("matches published values", () => {
    // 8/10: 0.4902–0.9433; 50/100: 0.4038–0.5962 (Newcombe 1998, method 3).
    const eight = wilson(8, 10);
    expect(eight.low).toBeCloseTo(0.4902, 3);
    expect(eight.high).toBeCloseTo(0.9433, 3);
    const half = wilson(50, 100);
    expect(half.low).toBeCloseTo(0.4038, 3);
    expect(half.high).toBeCloseTo(0.5962, 3);
  });

  it("stays inside [0, 1] and is not empty at 0% and 100%", () => {
    const none = wilson(0, 10);
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.2775, 3);
    const all = wilson(10, 10);
    expect(all.high).toBe(1);
    expect(all.low).toBeCloseTo(0.7225, 3);
  });

  it("narrows as the number of cases grows", () => {
    const small = wilson(8, 10);
    const large = wilson(800, 1000);
    expect(large.high - large.low).toBeLessThan((small.high - small.low) / 5);
  });

  it("refuses impossible counts", () => {
    expect(() => wilson(3, 2)).toThrow(/3\/2/);
    expect(() => wilson(0, 0)).toThrow();
  });
});

describe("repeats", () => {
  it("report the mean and spread of a metric over k runs, skipping runs without data", () => {
    const summary = summarizeRepeats([0.8, 0.9, null, 0.7]);
    expect(summary).toMatchObject({ runs: 3, min: 0.7, max: 0.9 });
    expect(summary!.mean).toBeCloseTo(0.8);
    expect(summary!.stdev).toBeCloseTo(0.1);
    expect(summarizeRepeats([null])).toBeNull();
  });
});
