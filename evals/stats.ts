// Uncertainty for eval figures. PRODUCT.md: "Report accuracy with its uncertainty" — 80% on 50 cases
// and 80% on 500 are different claims. Wilson's score interval behaves at 0% and 100%, where the
// normal approximation collapses to a zero-width interval.
export interface Interval {
  /** Point estimate successes/total. */
  p: number;
  low: number;
  high: number;
}

/** Wilson score interval for `successes` out of `total` (z = 1.96 for 95%). */
export function wilson(successes: number, total: number, z = 1.96): Interval {
  if (!Number.isFinite(successes) || !Number.isFinite(total) || total <= 0 || successes < 0 || successes > total) {
    throw new Error(`wilson() needs 0 <= successes <= total and total > 0, got ${successes}/${total}`);
  }
  const p = successes / total;
  const z2 = z * z;
  const denominator = 1 + z2 / total;
  const centre = (p + z2 / (2 * total)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total))) / denominator;
  return { p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export interface RepeatSummary {
  mean: number;
  min: number;
  max: number;
  /** Sample standard deviation (0 for a single run). */
  stdev: number;
  runs: number;
}

/** Mean (and spread) of one metric measured over k repeated runs; null values (no data) are skipped. */
export function summarizeRepeats(values: readonly (number | null)[]): RepeatSummary | null {
  const numbers = values.filter((value): value is number => value !== null && Number.isFinite(value));
  if (!numbers.length) return null;
  const mean = numbers.reduce((sum, value) => sum + value, 0) / numbers.length;
  const variance =
    numbers.length > 1 ? numbers.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (numbers.length - 1) : 0;
  return {
    mean,
    min: Math.min(...numbers),
    max: Math.max(...numbers),
    stdev: Math.sqrt(variance),
    runs: numbers.length,
  };
}
