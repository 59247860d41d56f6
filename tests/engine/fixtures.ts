// Deterministic fixtures: a long essay (markdown) and a 500-line TypeScript file.
import * as Y from "yjs";
import {
  AgentOrigin,
  applyToolCall,
  type EngineFailure,
  type EngineResult,
  type EngineSuccess,
} from "../../shared/engine/index.ts";
import type { CanvasKind } from "../../shared/tools.ts";

const WORDS = (
  "the lighthouse keeper watched storm light harbour ships coast night signal lamp stone tower sea wind " +
  "village fishermen rocks wave season winter summer keeper's journal record weather brass lens oil " +
  "beacon distance horizon tide current channel safety warning history engineer design granite"
).split(" ");

/** A small seeded PRNG (mulberry32) so fixtures are the same on every run. */
export function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(random: () => number, index: number): string {
  const length = 8 + Math.floor(random() * 12);
  const words: string[] = [];
  for (let i = 0; i < length; i++) words.push(WORDS[Math.floor(random() * WORDS.length)]!);
  words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
  // A unique token per sentence keeps passages distinct, as real prose is.
  words.splice(2, 0, `s${index}`);
  return `${words.join(" ")}.`;
}

/** An essay of about `words` words: sections with headings, paragraphs, an occasional list and quote. */
export function essay(words: number, seed = 1): string {
  const random = rng(seed);
  const blocks: string[] = ["# On Lighthouses"];
  let count = 0;
  let sentences = 0;
  let paragraph = 0;
  while (count < words) {
    if (paragraph % 6 === 0) blocks.push(`## Section ${paragraph / 6 + 1}`);
    if (paragraph % 11 === 5) {
      blocks.push(`- First point ${paragraph}\n- Second point with **bold** ${paragraph}\n- Third point ${paragraph}`);
    } else if (paragraph % 13 === 7) {
      blocks.push(`> A quoted line number ${paragraph}, from the keeper's *journal*.`);
    }
    const parts: string[] = [];
    const n = 4 + Math.floor(random() * 4);
    for (let i = 0; i < n; i++) {
      const s = sentence(random, sentences++);
      parts.push(i === 1 ? s.replace(/ (\w+)\.$/, " **$1**.") : s);
      count += s.split(" ").length;
    }
    blocks.push(parts.join(" "));
    paragraph++;
  }
  return blocks.join("\n\n");
}

/** A TypeScript module of exactly `lines` lines with functions, a class and comments. */
export function typescriptFile(lines = 500): string {
  const out: string[] = ['import { readFileSync } from "node:fs";', ""];
  let index = 0;
  while (out.length < lines - 12) {
    out.push(
      `/** Compute value ${index}. */`,
      `export function compute${index}(input: number): number {`,
      `  const scaled = input * ${index + 2};`,
      `  if (scaled > ${index * 10}) {`,
      `    return scaled - ${index};`,
      "  }",
      `  return scaled + ${index};`,
      "}",
      "",
    );
    index++;
  }
  out.push(
    "export class Store {",
    "  private items = new Map<string, number>();",
    "  add(key: string, value: number): void {",
    "    this.items.set(key, value);",
    "  }",
    "  total(): number {",
    "    let sum = 0;",
    "    for (const value of this.items.values()) sum += value;",
    "    return sum;",
    "  }",
    "}",
  );
  while (out.length < lines) out.push("// end");
  return `${out.slice(0, lines).join("\n")}\n`;
}

/** A room with one canvas holding `content`, created the way the agent would. */
export function roomWith(
  content: string,
  kind: CanvasKind = "document",
  language: string | null = null,
): { doc: Y.Doc; canvasId: string } {
  const doc = new Y.Doc();
  const result = applyToolCall(
    doc,
    { name: "create_canvas", arguments: { title: "Fixture", kind, language, content } },
    { canvasId: null, origin: new AgentOrigin("fixture") },
  );
  if (!result.ok || !result.canvasId) throw new Error(`fixture canvas not created: ${result.summary}`);
  return { doc, canvasId: result.canvasId };
}

export function edit(find: string, replace: string, all = false) {
  return { name: "edit_canvas" as const, arguments: { edits: [{ find, replace, all }], summary: "test edit" } };
}

/** The result as a refusal (throws when the call applied): for asserting on its errors. */
export function refused(result: EngineResult): EngineFailure {
  if (result.ok) throw new Error(`expected the call to be refused, but it applied: ${result.summary}`);
  return result;
}

/** The result as a success (throws with the engine's errors when it was refused). */
export function succeeded(result: EngineResult): EngineSuccess {
  if (!result.ok) throw new Error(`expected the call to apply, but it was refused: ${result.summary}`);
  return result;
}
