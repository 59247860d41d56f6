// The shape edit cases are written in (edit*.ts), before the builder gives them ids, splits and groups.
import type { CanvasSeed } from "./writing.ts";

export interface EditExpect {
  mode: "targeted" | "rewrite";
  mustContain?: string[];
  mustNotContain?: string[];
  unchanged?: string[];
  maxChangedRatio?: number;
  target?: string[];
  deletion?: boolean;
  minRegionChange?: number;
  language?: string;
  lengthRatio?: { min?: number; max?: number };
  entities?: (string | string[])[];
  run?: { language?: "python" | "javascript" | "typescript"; test: string; timeoutMs?: number };
}

export interface EditSeed {
  canvas: CanvasSeed;
  slice: string;
  instruction: string;
  selection?: string;
  expect: EditExpect;
  /** A correct answer (the canvas a careful editor leaves): the builder checks it passes and the original fails. */
  reference?: (before: string) => string;
}

export const t = (extra: Omit<EditExpect, "mode">): EditExpect => ({ mode: "targeted", ...extra });
export const r = (extra: Omit<EditExpect, "mode">): EditExpect => ({ mode: "rewrite", ...extra });

/** Every paragraph except the given indexes (for `unchanged`). */
export const all = (paragraphs: string[], ...skip: number[]): string[] => paragraphs.filter((_, index) => !skip.includes(index));

/** Replace exactly one occurrence (a reference edit that silently did nothing would prove nothing). */
export function swap(text: string, find: string, replace: string): string {
  const at = text.indexOf(find);
  if (at < 0 || text.indexOf(find, at + 1) >= 0) throw new Error(`reference: "${find.slice(0, 60)}" must occur exactly once`);
  return text.slice(0, at) + replace + text.slice(at + find.length);
}
