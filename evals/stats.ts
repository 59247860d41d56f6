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

/** A small seeded PRNG (mulberry32): the same seed gives the same bootstrap, so reports are reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const BOOTSTRAP_RESAMPLES = 1_000;

/**
 * Percentile bootstrap by case: draw n cases with replacement (each with all of its repeats), recompute
 * the statistics, take their 2.5th and 97.5th percentiles. Resampling whole cases keeps what repeats of
 * one case share (the same canvas, the same difficulty) together, so k repeats of n cases are never
 * counted as k·n independent trials. Resamples where a statistic is undefined are skipped for it; a
 * statistic defined in fewer than half of the resamples gets no interval.
 */
export function bootstrapIntervals<T>(
  units: readonly T[],
  statistics: (sample: T[]) => Record<string, number | null>,
  options: { resamples?: number; seed?: number } = {},
): Record<string, { low: number; high: number }> {
  const resamples = options.resamples ?? BOOTSTRAP_RESAMPLES;
  const out: Record<string, { low: number; high: number }> = {};
  if (!units.length) return out;
  const random = seededRandom(options.seed ?? 1);
  const values = new Map<string, number[]>();
  for (let round = 0; round < resamples; round++) {
    const sample = Array.from({ length: units.length }, () => units[Math.floor(random() * units.length)]!);
    for (const [key, value] of Object.entries(statistics(sample))) {
      if (value === null || !Number.isFinite(value)) continue;
      const list = values.get(key) ?? [];
      list.push(value);
      values.set(key, list);
    }
  }
  for (const [key, list] of values) {
    if (list.length < resamples / 2) continue;
    list.sort((a, b) => a - b);
    const at = (q: number): number => list[Math.min(list.length - 1, Math.max(0, Math.floor(q * list.length)))]!;
    out[key] = { low: at(0.025), high: at(0.975) };
  }
  return out;
}
