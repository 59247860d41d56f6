// Splits by canvas family, never by case: every canvas belongs to a family (the base it was written as,
// and everything derived from it: planted variants, edited copies, the same canvas open in a trigger
// case), and a whole family goes to train or to test. A model tuned on train has never seen a test
// canvas, not even with a different planted typo. Trigger prompts without a canvas form families of
// their own (a contrasting pair is one family).
import type { Split } from "./split.ts";

/** A canvas as the builders write it (the dataset's canvas shape). */
export interface CanvasSeed {
  kind: "document" | "code";
  language?: string;
  title: string;
  content: string;
}

const families = new Map<CanvasSeed, string>();

/** Families whose split is fixed: the prompt's few-shot examples come from them (they must be train). */
const PINNED: Record<string, Split> = {
  memo: "train",
  launch: "train",
  garden: "train",
  library: "train",
  "t-cover-letter": "train",
  "t-react-todo": "train",
  "t-title": "train",
  "t-thesis": "train",
  "t-agenda": "train",
  "t-agua": "train",
  "long-journal": "train",
  "long-handbook": "test",
  "long-minutes": "test",
  "long-inventory": "test",
};

/** FNV-1a, 32 bit: a stable hash, so adding a family never moves another one to the other split. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Two in five families are train (prompt tuning and few-shots may look at them), three test. */
export function splitOfFamily(family: string): Split {
  const pinned = PINNED[family];
  if (pinned) return pinned;
  const bucket = fnv1a(`canvas-evals-v2:${family}`) % 5;
  return bucket === 1 || bucket === 3 ? "train" : "test";
}

/** Name a canvas's family (once per seed); returns the seed for use in declarations. */
export function family<T extends CanvasSeed>(name: string, seed: T): T {
  const known = families.get(seed);
  if (known && known !== name) throw new Error(`canvas "${seed.title}" is already in family ${known}`);
  families.set(seed, name);
  return seed;
}

export function familyOf(seed: CanvasSeed): string {
  const name = families.get(seed);
  if (!name) throw new Error(`canvas "${seed.title}" has no family; declare it with family(name, seed)`);
  return name;
}

/** A derived canvas (planted variant, edited copy) belongs to its base's family. */
export function derived(base: CanvasSeed, seed: CanvasSeed): CanvasSeed {
  families.set(seed, familyOf(base));
  return seed;
}

/** The canvas as the dataset stores it (strict schema: no builder-only fields). */
export function emitCanvas(seed: CanvasSeed): CanvasSeed {
  return {
    kind: seed.kind,
    ...(seed.language ? { language: seed.language } : {}),
    title: seed.title,
    content: seed.content,
  };
}
