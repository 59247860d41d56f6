// Deterministic train/test assignment for generated datasets: two of every five cases in a slice go to
// train (few-shot examples and prompt tuning may look at them), three to test (never looked at).
export type Split = "train" | "test";

export function splitFor(indexInSlice: number): Split {
  const position = indexInSlice % 5;
  return position === 1 || position === 3 ? "train" : "test";
}

/** Write JSONL: one compact JSON object per line, newline-terminated. */
export function toJsonl(rows: readonly unknown[]): string {
  return rows.map((row) => JSON.stringify(row)).join("\n") + "\n";
}
