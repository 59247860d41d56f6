// Timing helpers shared by the synchronous benchmarks: one call's duration, and the median / p95 of many.

/** How long `fn` takes, in ms. */
export function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

export interface Timing {
  median: number;
  p95: number;
}

/** The median and 95th percentile of `values` (ms). */
export function timing(values: readonly number[]): Timing {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)]!,
    p95: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!,
  };
}
