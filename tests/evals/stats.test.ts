import { describe, expect, it } from "vitest";
import { bootstrapIntervals, seededRandom, summarizeRepeats, wilson } from "../../evals/stats.ts";

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

describe("bootstrap by case", () => {
  const mean = (sample: number[]) => ({ mean: sample.reduce((sum, value) => sum + value, 0) / sample.length });

  it("is reproducible: the same seed gives the same interval", () => {
    const units = Array.from({ length: 50 }, (_, index) => index % 3);
    expect(bootstrapIntervals(units, mean, { seed: 5 })).toEqual(bootstrapIntervals(units, mean, { seed: 5 }));
    expect(seededRandom(1)()).toBe(seededRandom(1)());
  });

  it("brackets the estimate and narrows with more cases, close to Wilson for a plain rate", () => {
    const cases = (n: number) => Array.from({ length: n }, (_, index) => (index % 5 === 0 ? 0 : 1));
    const small = bootstrapIntervals(cases(20), mean).mean!;
    const large = bootstrapIntervals(cases(400), mean).mean!;
    expect(small.low).toBeLessThan(0.8);
    expect(small.high).toBeGreaterThan(0.8);
    expect(large.high - large.low).toBeLessThan((small.high - small.low) / 3);
    const exact = wilson(320, 400);
    expect(Math.abs(large.low - exact.low)).toBeLessThan(0.02);
  });

  it("gives no interval to a statistic that is undefined in most resamples", () => {
    const intervals = bootstrapIntervals([1, 2, 3], () => ({ never: null }));
    expect(intervals.never).toBeUndefined();
  });
});
