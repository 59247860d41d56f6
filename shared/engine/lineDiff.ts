// A line diff that stays fast on long canvases: patience diff (Bram Cohen's; git diff --patience).
// Lines that occur exactly once on both sides and keep their order anchor the alignment, the text
// between two anchors is diffed on its own (recursively, then with Myers' algorithm when no anchor is
// left), so a rename on 700 lines of a 12,000-line file costs about as much as 700 small diffs, and a
// rewrite with no line in common is one bounded Myers call that gives up into "replaced whole".
import { diffArrays } from "diff";

/** One piece of a diff: text both sides share, or text only the old or only the new side has. */
export interface DiffOp {
  kind: "equal" | "removed" | "added";
  value: string;
}

function splitLines(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  return lines.length === 1 && lines[0] === "" ? [] : lines;
}

class OpList {
  readonly ops: DiffOp[] = [];
  push(kind: DiffOp["kind"], lines: readonly string[]): void {
    if (!lines.length) return;
    const value = lines.join("");
    const last = this.ops[this.ops.length - 1];
    if (last && last.kind === kind) last.value += value;
    else this.ops.push({ kind, value });
  }
}

/** Longest increasing subsequence of `values` (indexes into it), by patience sorting. */
function increasing(values: readonly number[]): number[] {
  const tails: number[] = [];
  const previous: number[] = new Array<number>(values.length).fill(-1);
  values.forEach((value, index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (values[tails[middle]!]! < value) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[index] = tails[low - 1]!;
    tails[low] = index;
  });
  const out: number[] = [];
  for (let at = tails.length ? tails[tails.length - 1]! : -1; at >= 0; at = previous[at]!) out.unshift(at);
  return out;
}

function myers(a: readonly string[], b: readonly string[], out: OpList, maxEdits: number): void {
  const parts = diffArrays([...a], [...b], { maxEditLength: maxEdits });
  if (!parts) {
    out.push("removed", a);
    out.push("added", b);
    return;
  }
  for (const part of parts) out.push(part.added ? "added" : part.removed ? "removed" : "equal", part.value);
}

function patience(a: readonly string[], b: readonly string[], out: OpList, maxEdits: number): void {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  out.push("equal", a.slice(0, start));
  const middleA = a.slice(start, endA);
  const middleB = b.slice(start, endB);
  if (!middleA.length || !middleB.length) {
    out.push("removed", middleA);
    out.push("added", middleB);
  } else {
    const counts = new Map<string, { a: number; b: number; at: number }>();
    middleA.forEach((line, index) => {
      const entry = counts.get(line) ?? { a: 0, b: 0, at: index };
      entry.a++;
      counts.set(line, entry);
    });
    const pairs: [number, number][] = [];
    const seenB = new Map<string, number>();
    middleB.forEach((line) => seenB.set(line, (seenB.get(line) ?? 0) + 1));
    middleB.forEach((line, index) => {
      const entry = counts.get(line);
      if (entry && entry.a === 1 && seenB.get(line) === 1) pairs.push([entry.at, index]);
    });
    pairs.sort((x, y) => x[0] - y[0]);
    const anchors = increasing(pairs.map(([, j]) => j)).map((index) => pairs[index]!);
    if (!anchors.length) myers(middleA, middleB, out, maxEdits);
    else {
      let i = 0;
      let j = 0;
      for (const [ai, bj] of anchors) {
        patience(middleA.slice(i, ai), middleB.slice(j, bj), out, maxEdits);
        out.push("equal", [middleA[ai]!]);
        i = ai + 1;
        j = bj + 1;
      }
      patience(middleA.slice(i), middleB.slice(j), out, maxEdits);
    }
  }
  out.push("equal", a.slice(endA));
}

/** Line-level diff ops of two texts; `maxEdits` bounds each Myers call between anchors. */
export function lineDiff(before: string, after: string, maxEdits: number): DiffOp[] {
  const out = new OpList();
  patience(splitLines(before), splitLines(after), out, maxEdits);
  return out.ops;
}
