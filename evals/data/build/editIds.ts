// Turns edit seeds into dataset cases: id edit-<family>-<n> (n counts the family's cases), the
// family's split and group, the canvas without builder-only fields.
import type { EditCase } from "../../dataset.ts";
import { emitCanvas, familyOf, splitOfFamily } from "./family.ts";
import type { EditSeed } from "./editSeed.ts";

export interface EditSeedWithId {
  item: EditCase;
  seed: EditSeed;
}

export function editCaseOf(seeds: EditSeed[], prefix = "edit"): EditSeedWithId[] {
  const counts = new Map<string, number>();
  return seeds.map((seed) => {
    const group = familyOf(seed.canvas);
    const n = (counts.get(group) ?? 0) + 1;
    counts.set(group, n);
    const item: EditCase = {
      id: `${prefix}-${group}-${n}`,
      split: splitOfFamily(group),
      slice: seed.slice,
      group,
      canvas: emitCanvas(seed.canvas),
      instruction: seed.instruction,
      ...(seed.selection ? { selection: seed.selection } : {}),
      expect: Object.fromEntries(Object.entries(seed.expect).filter(([, value]) => value !== undefined)) as EditCase["expect"],
    };
    return { item, seed };
  });
}
