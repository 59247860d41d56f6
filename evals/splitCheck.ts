// Does a dataset split by canvas? A test split only measures generalisation when nothing in it was
// seen in train: no group (canvas family, contrasting pair) in both splits, no trigger prompt in both,
// and no canvas in test that is a near copy of a train canvas (a planted variant, an edited copy),
// measured as the share of word 5-grams the smaller canvas shares with the other.
import type { AnyCase } from "./dataset.ts";

export const NEAR_COPY = 0.5;
const GRAM = 5;

function grams(text: string): Set<string> {
  const words = text.split(/\s+/).filter(Boolean);
  const out = new Set<string>();
  for (let index = 0; index + GRAM <= words.length; index++) out.add(words.slice(index, index + GRAM).join(" "));
  return out;
}

/** |A ∩ B| / min(|A|, |B|): 1 when one canvas is contained in the other. */
export function containment(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const gram of small) if (large.has(gram)) shared++;
  return shared / small.size;
}

export interface SplitReport {
  leaks: string[];
  /** The most similar train/test canvas pair found. */
  closest: { train: string; test: string; containment: number } | null;
}

export function checkSplit(cases: readonly AnyCase[]): SplitReport {
  const leaks: string[] = [];
  const groupSplit = new Map<string, { split: string; id: string }>();
  for (const item of cases) {
    if (!item.group) continue;
    const seen = groupSplit.get(item.group);
    if (seen && seen.split !== item.split)
      leaks.push(`group ${item.group}: ${seen.id} is ${seen.split}, ${item.id} is ${item.split}`);
    else if (!seen) groupSplit.set(item.group, { split: item.split, id: item.id });
  }
  const prompts = new Map<string, AnyCase>();
  for (const item of cases) {
    if (!("prompt" in item)) continue;
    const other = prompts.get(item.prompt);
    if (other && other.split !== item.split)
      leaks.push(`prompt "${item.prompt.slice(0, 50)}" in ${other.id} (${other.split}) and ${item.id} (${item.split})`);
    prompts.set(item.prompt, item);
  }
  const canvases = new Map<string, { id: string; split: string; grams: Set<string> }>();
  for (const item of cases) {
    const content = "canvas" in item && item.canvas ? item.canvas.content : null;
    if (content === null) continue;
    const key = `${item.split}\u0000${content}`;
    if (!canvases.has(key)) canvases.set(key, { id: item.id, split: item.split, grams: grams(content) });
  }
  const train = [...canvases.values()].filter((entry) => entry.split === "train");
  const test = [...canvases.values()].filter((entry) => entry.split === "test");
  let closest: SplitReport["closest"] = null;
  for (const a of test)
    for (const b of train) {
      const value = containment(a.grams, b.grams);
      if (!closest || value > closest.containment) closest = { train: b.id, test: a.id, containment: value };
      if (value >= NEAR_COPY)
        leaks.push(`canvas of ${a.id} (test) shares ${(value * 100).toFixed(0)}% of its 5-grams with ${b.id} (train)`);
    }
  return { leaks, closest };
}
