// The value a grader reports for one metric: a rate kept as its counts (so the report can put a
// Wilson interval on it and pool repeats), a plain number (tokens, latency, counts), or null when the
// metric has no cases to measure (e.g. precision with no comments at all).
export interface Rate {
  successes: number;
  total: number;
}

export type MetricValue = Rate | number | null;
export type Metrics = Record<string, MetricValue>;

export function rate(successes: number, total: number): Rate {
  if (successes < 0 || total < 0 || successes > total) {
    throw new Error(`Invalid rate ${successes}/${total}`);
  }
  return { successes, total };
}

export function isRate(value: MetricValue): value is Rate {
  return value !== null && typeof value === "object";
}

/** The number a metric value stands for: successes/total for rates (null when total is 0). */
export function metricNumber(value: MetricValue): number | null {
  if (value === null) return null;
  if (isRate(value)) return value.total === 0 ? null : value.successes / value.total;
  return value;
}

export function meanOf(values: number[]): number | null {
  return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null;
}

export function percentile(values: number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** Grouping key → items, preserving first-seen order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const list = groups.get(name);
    if (list) list.push(item);
    else groups.set(name, [item]);
  }
  return groups;
}
