// Where did a document change? Compares the doc before and after a remote change (y-tiptap replaces
// the whole doc on every remote update, so the transaction's step map says nothing useful) and
// returns the changed spans in the new doc, narrowed to the changed text where blocks pair up.
import type { Node as PMNode } from "@tiptap/pm/model";

export interface Range {
  from: number;
  to: number;
}

function childStarts(doc: PMNode): number[] {
  const starts: number[] = [];
  let pos = 0;
  doc.forEach((child) => {
    starts.push(pos);
    pos += child.nodeSize;
  });
  return starts;
}

/** The spans of `after` that differ from `before`, in `after`'s positions. Empty when only deletions happened. */
export function changedRanges(before: PMNode, after: PMNode): Range[] {
  const a = before.content;
  const b = after.content;
  let prefix = 0;
  while (prefix < a.childCount && prefix < b.childCount && a.child(prefix).eq(b.child(prefix))) prefix++;
  let suffix = 0;
  while (
    suffix < a.childCount - prefix &&
    suffix < b.childCount - prefix &&
    a.child(a.childCount - 1 - suffix).eq(b.child(b.childCount - 1 - suffix))
  ) {
    suffix++;
  }
  const oldMiddle = a.childCount - prefix - suffix;
  const newMiddle = b.childCount - prefix - suffix;
  if (newMiddle === 0) return [];
  const aStarts = childStarts(before);
  const bStarts = childStarts(after);
  const ranges: Range[] = [];
  if (oldMiddle === newMiddle) {
    // Blocks pair up one to one: narrow each changed pair to its differing inline span.
    for (let i = prefix; i < prefix + newMiddle; i++) {
      const oldBlock = a.child(i);
      const newBlock = b.child(i);
      if (oldBlock.eq(newBlock)) continue;
      const bStart = bStarts[i]!;
      if (oldBlock.type !== newBlock.type) {
        ranges.push({ from: bStart, to: bStart + newBlock.nodeSize });
        continue;
      }
      const start = oldBlock.content.findDiffStart(newBlock.content, bStart + 1);
      const end = oldBlock.content.findDiffEnd(
        newBlock.content,
        aStarts[i]! + oldBlock.nodeSize - 1,
        bStart + newBlock.nodeSize - 1,
      );
      if (start === null || !end) continue;
      const to = Math.max(start, end.b);
      ranges.push({ from: start, to: to === start ? Math.min(start + 1, bStart + newBlock.nodeSize - 1) : to });
    }
    return ranges;
  }
  const oldBlocks: PMNode[] = [];
  for (let i = prefix; i < prefix + oldMiddle; i++) oldBlocks.push(a.child(i));
  for (let i = prefix; i < prefix + newMiddle; i++) {
    const block = b.child(i);
    if (oldBlocks.some((old) => old.eq(block))) continue;
    ranges.push({ from: bStarts[i]!, to: bStarts[i]! + block.nodeSize });
  }
  return mergeAdjacent(ranges);
}

function mergeAdjacent(ranges: Range[]): Range[] {
  const merged: Range[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && last.to >= range.from) last.to = Math.max(last.to, range.to);
    else merged.push({ ...range });
  }
  return merged;
}
