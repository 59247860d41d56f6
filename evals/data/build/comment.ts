// Source of evals/data/comment.jsonl: planted variants (commentWriting.ts, commentCode.ts) and clean
// canvases, which a good review leaves alone or nearly so. Every case's split and group are its
// canvas family's, so a planted variant is never tested against a base that was tuned on.
import type { CommentCase } from "../../dataset.ts";
import { cleanEmitter, cleanLru, cleanMoney, cleanSlug, codeVariants } from "./commentCode.ts";
import { writingVariants } from "./commentWriting.ts";
import { emitCanvas, familyOf, splitOfFamily } from "./family.ts";
import * as L from "./long.ts";
import { BUGS, CODE_REVIEW, CRITIQUE, FEEDBACK, plant, PROOFREAD, REVIEW, SUGGEST, type PlantedIssue, type Variant } from "./plant.ts";
import * as R from "./reviewBases.ts";
import * as F from "./writingLife.ts";
import * as K from "./writingWork.ts";
import * as W from "./writing.ts";
import type { CanvasSeed } from "./writing.ts";

const cleanWriting: [CanvasSeed, string, string][] = [
  [W.library, "library", CRITIQUE],
  [W.lisbon, "lisbon", PROOFREAD],
  [W.letter, "letter", FEEDBACK],
  [W.garden, "garden", REVIEW],
  [W.onboarding, "onboarding", SUGGEST],
  [W.story, "story", CRITIQUE],
  [W.release, "release", PROOFREAD],
  [W.launch, "launch", FEEDBACK],
  [R.sleep, "sleep", REVIEW],
  [R.printing, "printing", CRITIQUE],
  [K.spec, "spec", REVIEW],
  [K.minutes, "minutes", PROOFREAD],
  [K.wifi, "wifi", SUGGEST],
  [F.toast, "toast", FEEDBACK],
  [F.kyoto, "kyoto", CRITIQUE],
  [F.newsletter, "newsletter", PROOFREAD],
  [F.lesson, "lesson", REVIEW],
  [F.bicycle, "bicycle", REVIEW],
];

const cleanCode: [CanvasSeed, string, string][] = [
  [R.pyScores, "scores", CODE_REVIEW],
  [R.tsUserStore, "userstore", BUGS],
  [R.expressAuth, "auth", CODE_REVIEW],
  [R.flaskPing, "ping", BUGS],
  [R.jsComments, "comments", CODE_REVIEW],
  [R.javaReport, "salesreport", CODE_REVIEW],
  [R.goWorker, "worker", BUGS],
  [R.pyContacts, "contacts", CODE_REVIEW],
  [cleanLru, "lru", CODE_REVIEW],
  [cleanEmitter, "emitter", BUGS],
  [cleanSlug, "slug", CODE_REVIEW],
  [cleanMoney, "money", BUGS],
];

const cleanLong: Variant[] = [
  { base: L.regionalReport, name: "report", instruction: REVIEW, plants: [{ find: "recieved", replace: "received" }] },
  { base: L.orderService, name: "orders", instruction: CODE_REVIEW, plants: [
    { find: "start + size + 1", replace: "start + size" },
    { find: '  console.log("creating order for", customer.email, lines);\n', replace: "" },
    { find: "// Kept from the v1 CSV export; nothing calls it any more.\n", replace: "// CSV line for the nightly export job.\n" },
  ] },
];

const longVariants: Variant[] = [
  { base: L.regionalReport, name: "report-a", instruction: REVIEW, plants: [
    { find: "Total revenue was $199.5 million", replace: "Total revenue was $219.5 million", quote: "$219.5 million", kind: "factual", keywords: ["199.5", "add up", "adds up", "sum", "regions", "doesn't match", "does not match"] },
    { find: "recieved few complaints", replace: "recieved few complaints", quote: "recieved", kind: "grammar", severity: "suggestion", keywords: ["received", "spelling", "misspelled", "misspelt", "typo"] },
  ] },
  { base: L.regionalReport, name: "report-b", instruction: CRITIQUE, plants: [
    { find: "recieved", replace: "received" },
    { find: "Regions that could react quickly to weather and supply problems did well, while regions hit by heat, storms or road works fell behind.", replace: "Every region grew this year, so no region needs a recovery plan.", kind: "logic", keywords: ["Southwest", "Gulf Coast", "declined", "decline", "down", "fell", "contradicts", "negative growth", "not every"] },
    { find: "Repair services were popular, but customers want faster turnaround.", replace: "Repair services was popular, but customers wants faster turnaround.", quote: "Repair services was popular, but customers wants", kind: "grammar", severity: "suggestion", keywords: ["were", "want", "agreement", "subject-verb", "plural"] },
  ] },
];

export function commentCases(): CommentCase[] {
  const cases: CommentCase[] = [];
  const push = (slice: string, name: string, instruction: string, canvas: CanvasSeed, issues: PlantedIssue[]): void => {
    const group = familyOf(canvas);
    cases.push({ id: `comment-${name}`, split: splitOfFamily(group), slice, group, canvas: emitCanvas(canvas), instruction, issues });
  };
  for (const variant of writingVariants) {
    const { canvas, issues } = plant(variant);
    push("planted-writing", variant.name, variant.instruction, canvas, issues);
  }
  for (const variant of codeVariants) {
    const { canvas, issues } = plant(variant);
    push("planted-code", variant.name, variant.instruction, canvas, issues);
  }
  for (const variant of longVariants) {
    const { canvas, issues } = plant(variant);
    push("planted-long", variant.name, variant.instruction, canvas, issues);
  }
  for (const [canvas, name, instruction] of cleanWriting) push("clean-writing", `${name}-clean`, instruction, canvas, []);
  for (const [canvas, name, instruction] of cleanCode) push("clean-code", `${name}-clean`, instruction, canvas, []);
  for (const variant of cleanLong) push("clean-long", `${variant.name}-clean`, variant.instruction, plant(variant).canvas, []);
  return cases;
}
