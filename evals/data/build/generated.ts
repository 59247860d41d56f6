// Cases built in memory at load time instead of committed as JSONL: the long-canvas cases (50k+ words
// each, longGen.ts), deterministic from their seeds. Most targets sit in the excerpt the model sees
// (the start of the canvas) or are the selection (the excerpt is centred on it), or are renames the
// model can make with `all` without seeing every occurrence; the "deep" ones sit far into the canvas
// and the model has to read or search for them first (multi-step turns).
import type { AnyCase, CommentCase, Suite, TriggerCase } from "../../dataset.ts";
import { plant, type Variant } from "./plant.ts";
import { tsTest } from "./codeTests.ts";
import { editCaseOf, type EditSeedWithId } from "./editIds.ts";
import { swap, t, type EditSeed } from "./editSeed.ts";
import { emitCanvas, familyOf, splitOfFamily } from "./family.ts";
import { HANDBOOK_HISTORY, HANDBOOK_INTRO, INVENTORY_NAMES, inventoryBlock, JOURNAL_FIRST, longCanvases, MINUTES_VOTE } from "./longGen.ts";

/** The first paragraph of handbook section `n`. */
function handbookParagraph(content: string, n: number): string {
  const start = content.indexOf("\n\n", content.indexOf(`## ${n}. `)) + 2;
  return content.slice(start, content.indexOf("\n\n", start));
}

function longEditSeeds(): EditSeed[] {
  const { handbook, minutes, journal, inventory } = longCanvases();
  const deep = handbookParagraph(handbook.content, 80);
  const lastName = INVENTORY_NAMES[INVENTORY_NAMES.length - 1]!;
  const lastBlock = inventoryBlock(lastName);
  const update = lastBlock.slice(lastBlock.indexOf(`export function update${lastName}Quantity`), lastBlock.indexOf(`export function list${lastName}s`)).trimEnd();
  return [
    { canvas: handbook, slice: "fix", instruction: "Fix the spelling mistake in the introduction.", expect: t({ target: [HANDBOOK_INTRO], mustContain: ["receive a printed copy"], mustNotContain: ["recieve"], maxChangedRatio: 0.001 }),
      reference: (s) => swap(s, "recieve", "receive") },
    { canvas: handbook, slice: "rename", instruction: "We are now Kestrel Freight, not Kestrel Logistics. Update the name everywhere.", expect: t({ mustContain: ["Kestrel Freight"], mustNotContain: ["Kestrel Logistics"], maxChangedRatio: 0.005 }),
      reference: (s) => s.replaceAll("Kestrel Logistics", "Kestrel Freight") },
    { canvas: handbook, slice: "delete", instruction: "Delete section 2, the company history.", expect: t({ mustNotContain: ["## 2. Company history", "founded in 1987"], deletion: true, unchanged: [HANDBOOK_INTRO, "## 3. Vehicle checks"], maxChangedRatio: 0.01 }),
      reference: (s) => swap(s, `\n\n## 2. Company history\n\n${HANDBOOK_HISTORY}`, "") },
    { canvas: handbook, slice: "selection", instruction: "Shorten this paragraph to two sentences.", selection: deep, expect: t({ lengthRatio: { max: 0.6 }, unchanged: [handbookParagraph(handbook.content, 81), HANDBOOK_INTRO], maxChangedRatio: 0.01 }),
      reference: (s) => swap(s, deep, deep.split(". ").slice(0, 2).join(". ") + ".") },
    { canvas: handbook, slice: "insert", instruction: "Add a sentence to the introduction saying that the handbook is reviewed every January.", expect: t({ target: [HANDBOOK_INTRO], mustContain: ["January"], unchanged: [HANDBOOK_HISTORY], maxChangedRatio: 0.002 }),
      reference: (s) => swap(s, "will tell you what changes.", "will tell you what changes. The handbook is reviewed every January.") },
    { canvas: minutes, slice: "selection", instruction: "The vote here was 7 to 2, not 6 to 3. Fix it.", selection: MINUTES_VOTE, expect: t({ mustContain: ["7 votes to 2"], mustNotContain: ["6 votes to 3"], maxChangedRatio: 0.001 }),
      reference: (s) => swap(s, "6 votes to 3", "7 votes to 2") },
    { canvas: minutes, slice: "rename", instruction: "Councillor Hughes is now Councillor Hughes-Malik; update every mention.", expect: t({ mustContain: ["Councillor Hughes-Malik"], mustNotContain: ["Councillor Hughes ", "Councillor Hughes,"], maxChangedRatio: 0.02 }),
      reference: (s) => s.replaceAll("Councillor Hughes", "Councillor Hughes-Malik") },
    { canvas: inventory, slice: "fix", instruction: "paginate is wrong: pages are numbered from 1, so page 1 should start at the first item. Fix it.", expect: t({ target: ["  const start = page * size;"], maxChangedRatio: 0.001, run: { timeoutMs: 60_000, test: tsTest(
      "for (const label of ['a', 'b', 'c']) m.createPallet(label, 1);",
      "assert.deepEqual(m.listPallets(1, 2).map((p) => p.label), ['a', 'b']);",
      "assert.deepEqual(m.listPallets(2, 2).map((p) => p.label), ['c']);") } }),
      reference: (s) => swap(s, "const start = page * size;", "const start = (page - 1) * size;") },
    { canvas: inventory, slice: "rename", instruction: "Rename the Outcome type to Result everywhere.", expect: t({ mustContain: ["export type Result<T>"], mustNotContain: ["Outcome"], maxChangedRatio: 0.03, run: { timeoutMs: 60_000, test: tsTest(
      "import { readFileSync } from 'node:fs';",
      "assert.ok(!readFileSync('subject.ts', 'utf8').includes('Outcome'));",
      "assert.equal(m.createPallet('a', 1).ok, true);") } }),
      reference: (s) => s.replaceAll("Outcome", "Result") },
    { canvas: inventory, slice: "selection", instruction: "Reject negative quantities here.", selection: update, expect: t({ maxChangedRatio: 0.002, run: { timeoutMs: 60_000, test: tsTest(
      `const record = m.create${lastName}('x', 1).value;`,
      `assert.equal(m.update${lastName}Quantity(record.id, -1).ok, false);`,
      `assert.equal(m.update${lastName}Quantity(record.id, 3).ok, true);`) } }),
      reference: (s) => swap(s, `export function update${lastName}Quantity(id: string, quantity: number): Outcome<${lastName}> {\n`, `export function update${lastName}Quantity(id: string, quantity: number): Outcome<${lastName}> {\n  if (quantity < 0) return { ok: false, error: "Quantity cannot be negative" };\n`) },
    { canvas: journal, slice: "fix", instruction: "Fix the typo in the first entry.", expect: t({ target: [JOURNAL_FIRST], mustNotContain: ["footbirdge"], maxChangedRatio: 0.001 }),
      reference: (s) => swap(s, "footbirdge", "footbridge") },
    { canvas: journal, slice: "rename", instruction: "Write 'a pair of kingfishers' instead of 'two kingfishers' everywhere.", expect: t({ mustContain: ["a pair of kingfishers"], mustNotContain: ["two kingfishers"], maxChangedRatio: 0.02 }),
      reference: (s) => s.replaceAll("two kingfishers", "a pair of kingfishers") },
    // Targets deep in the canvas, outside the excerpt and with no selection: the model has to find them
    // (read_canvas, search_canvas) before it edits.
    { canvas: handbook, slice: "deep", instruction: "Shorten the first paragraph of section 80 to two sentences.", expect: t({ target: [deep], lengthRatio: { max: 0.6 }, unchanged: [handbookParagraph(handbook.content, 81), HANDBOOK_INTRO], maxChangedRatio: 0.01 }),
      reference: (s) => swap(s, deep, deep.split(". ").slice(0, 2).join(". ") + ".") },
    { canvas: minutes, slice: "deep", instruction: "The vote on extending the Station Road bus lane was 7 to 2, not 6 to 3. Fix it in the minutes.", expect: t({ mustContain: ["7 votes to 2"], mustNotContain: ["6 votes to 3"], maxChangedRatio: 0.001 }),
      reference: (s) => swap(s, "6 votes to 3", "7 votes to 2") },
    { canvas: inventory, slice: "deep", instruction: `update${lastName}Quantity must reject negative quantities. Fix it.`, expect: t({ maxChangedRatio: 0.002, run: { timeoutMs: 60_000, test: tsTest(
      `const record = m.create${lastName}('x', 1).value;`,
      `assert.equal(m.update${lastName}Quantity(record.id, -1).ok, false);`,
      `assert.equal(m.update${lastName}Quantity(record.id, 3).ok, true);`) } }),
      reference: (s) => swap(s, `export function update${lastName}Quantity(id: string, quantity: number): Outcome<${lastName}> {\n`, `export function update${lastName}Quantity(id: string, quantity: number): Outcome<${lastName}> {\n  if (quantity < 0) return { ok: false, error: "Quantity cannot be negative" };\n`) },
  ];
}

function longTriggerCases(): TriggerCase[] {
  const { handbook, minutes, journal } = longCanvases();
  const seeds: { canvas: typeof handbook; prompt: string; expect: "canvas" | "chat" }[] = [
    { canvas: handbook, prompt: "Write a one-page welcome letter for new drivers based on this handbook, as a separate document.", expect: "canvas" },
    { canvas: handbook, prompt: "Which section covers fuel cards?", expect: "chat" },
    { canvas: minutes, prompt: "Write a one-page summary of this year's main decisions as a new document.", expect: "canvas" },
    { canvas: journal, prompt: "What did I see on 3 June?", expect: "chat" },
  ];
  return seeds.map((seed, index) => {
    const group = familyOf(seed.canvas);
    return { id: `trigger-long-canvas-${String(index + 1).padStart(2, "0")}`, split: splitOfFamily(group), slice: "long-canvas", group, prompt: seed.prompt, canvas: emitCanvas(seed.canvas), expect: seed.expect };
  });
}

let editCache: EditSeedWithId[] | null = null;

/** The long edit cases with their references (for the builder's checks and the tests). */
export function generatedEditSeeds(): EditSeedWithId[] {
  editCache ??= editCaseOf(longEditSeeds());
  return editCache;
}

/**
 * Review requests about one part of a 50k-word canvas, with an issue planted deep in it: the model has
 * to read that part (read_canvas, search_canvas) to comment on it.
 */
function longCommentCases(): CommentCase[] {
  const { handbook, inventory } = longCanvases();
  const deep = handbookParagraph(handbook.content, 80);
  const lastName = INVENTORY_NAMES[INVENTORY_NAMES.length - 1]!;
  const lower = `${lastName.charAt(0).toLowerCase()}${lastName.slice(1)}`;
  const variants: Variant[] = [
    { base: handbook, name: "long-handbook-deep", instruction: "Review section 80 of the handbook and comment on anything wrong.", plants: [
      { find: deep, replace: `${deep} Drivers never need to check their mirrors before reversing.`, quote: "Drivers never need to check their mirrors before reversing.", kind: "logic", keywords: ["unsafe", "dangerous", "safety", "always", "should"] },
    ] },
    { base: inventory, name: "long-inventory-deep", instruction: `Review update${lastName}Quantity and comment on any bug.`, plants: [
      { find: `  ${lower}Store.set(id, updated);`, replace: `  ${lower}Store.set(current.label, updated);`, quote: `${lower}Store.set(current.label, updated);`, kind: "bug", keywords: ["id", "key", "wrong key", "instead of", "lookup", "label as"] },
    ] },
  ];
  return variants.map((variant) => {
    const { canvas, issues } = plant(variant);
    const group = familyOf(canvas);
    return { id: `comment-${variant.name}`, split: splitOfFamily(group), slice: "planted-long-deep", group, canvas: emitCanvas(canvas), instruction: variant.instruction, issues };
  });
}

export function generatedCases(suite: Suite): AnyCase[] {
  if (suite === "edit") return generatedEditSeeds().map((seed) => seed.item);
  if (suite === "trigger") return longTriggerCases();
  return longCommentCases();
}
