// Source of evals/data/comment.jsonl. Synthetic data with known labels (PRODUCT.md "Synthetic data"):
// start from a clean canvas, plant defects by replacing exact passages, and record each planted
// passage as the quote a good review comment must land on. Clean canvases are cases too: a review of
// a clean draft should leave few or no comments.
import { splitFor, type Split } from "./split.ts";
import * as L from "./long.ts";
import * as R from "./reviewBases.ts";
import * as W from "./writing.ts";
import type { CanvasSeed } from "./writing.ts";

export type IssueKind = "factual" | "logic" | "grammar" | "style" | "bug" | "security" | "performance";
export type IssueSeverity = "info" | "suggestion" | "issue";

export interface PlantedIssue {
  quote: string;
  kind: IssueKind;
  severity: IssueSeverity;
}

export interface CommentCase {
  id: string;
  split: Split;
  slice: string;
  canvas: CanvasSeed;
  instruction: string;
  issues: PlantedIssue[];
}

interface Plant {
  find: string;
  replace: string;
  /** The planted text a comment must overlap; defaults to `replace`. Omit kind for a supporting change. */
  quote?: string;
  kind?: IssueKind;
  severity?: IssueSeverity;
}

interface Variant {
  base: CanvasSeed;
  name: string;
  instruction: string;
  plants: Plant[];
}

function countOf(text: string, part: string): number {
  let count = 0;
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) count++;
  return count;
}

function plant(variant: Variant): { canvas: CanvasSeed; issues: PlantedIssue[] } {
  let content = variant.base.content;
  const issues: PlantedIssue[] = [];
  for (const item of variant.plants) {
    if (countOf(content, item.find) !== 1) {
      throw new Error(`${variant.name}: "${item.find}" occurs ${countOf(content, item.find)} times; plant needs exactly one`);
    }
    content = content.replace(item.find, () => item.replace);
    if (item.kind) issues.push({ quote: item.quote ?? item.replace, kind: item.kind, severity: item.severity ?? "issue" });
  }
  for (const issue of issues) {
    if (countOf(content, issue.quote) !== 1) throw new Error(`${variant.name}: quote "${issue.quote}" must occur exactly once`);
  }
  return { canvas: { ...variant.base, content }, issues };
}

const REVIEW = "Review this and leave comments where something is wrong.";
const CRITIQUE = "Critique my draft.";
const PROOFREAD = "Proofread this and point out any mistakes.";
const FEEDBACK = "Can you give me feedback on this before I send it?";
const SUGGEST = "Suggest edits: review the canvas and leave inline comments with concrete suggestions.";
const CODE_REVIEW = "Review this code: leave inline comments on bugs, risks and improvements.";
const BUGS = "Look for bugs and security problems in this code.";

const writingVariants: Variant[] = [
  { base: W.library, name: "library-a", instruction: CRITIQUE, plants: [
    { find: "They welcome students, retirees, job seekers and tourists alike.", replace: "The first free public library in the United States opened in Boston in 1954.", kind: "factual" },
    { find: "They lend books, but", replace: "They lends books, but", quote: "They lends books", kind: "grammar", severity: "suggestion" },
  ] },
  { base: W.library, name: "library-b", instruction: REVIEW, plants: [
    { find: "Children who visit a library weekly read more at home, and adults use library computers to apply for jobs.", replace: "Children who visit a library weekly read more at home, so any child who reads at home must be a weekly library visitor.", quote: "so any child who reads at home must be a weekly library visitor", kind: "logic" },
    { find: "Yet many libraries have cut their opening hours.", replace: "Yet, at the end of the day, many libraries have, in point of fact, gone ahead and cut their opening hours.", kind: "style", severity: "suggestion" },
  ] },
  { base: W.library, name: "library-c", instruction: PROOFREAD, plants: [
    { find: "Towns that fund their libraries well see higher literacy", replace: "Towns that funds there libraries well sees higher literacy", kind: "grammar", severity: "suggestion" },
    { find: "A librarian can find a court form, a tax guide or a novel you half remember in minutes.", replace: "Since 2010, federal law has required every public library in the country to stay open until midnight.", kind: "factual" },
  ] },
  { base: W.lisbon, name: "lisbon-a", instruction: FEEDBACK, plants: [
    { find: "Wear good shoes: the city is built on seven hills.", replace: "Wear good shoes: the city is built on seven hills, and it is the capital of Spain.", quote: "it is the capital of Spain", kind: "factual" },
    { find: "get lost in its narrow streets", replace: "get lost in it's narrow streets", kind: "grammar", severity: "suggestion" },
  ] },
  { base: W.lisbon, name: "lisbon-b", instruction: CRITIQUE, plants: [
    { find: "skip it if you are saving money, since the view from the miradouro is nearly as good.", replace: "skip it if you are saving money, since the view from the castle is much better than anywhere else.", quote: "since the view from the castle is much better than anywhere else", kind: "logic" },
    { find: "Spend the morning at LX Factory, a former textile complex full of bookshops and cafés,", replace: "Spend the morning at LX Factory, which is a very, very nice and really quite lovely place that is nice,", quote: "which is a very, very nice and really quite lovely place that is nice", kind: "style", severity: "suggestion" },
  ] },
  { base: W.lisbon, name: "lisbon-c", instruction: REVIEW, plants: [
    { find: "try a pastel de nata at the famous bakery", replace: "try a pastel de nata, a savoury pastry filled with salted cod, at the famous bakery", quote: "a savoury pastry filled with salted cod", kind: "factual" },
  ] },
  { base: W.letter, name: "letter-a", instruction: PROOFREAD, plants: [
    { find: "I am writing to apply for", replace: "I am writing to applied for", kind: "grammar", severity: "suggestion" },
    { find: "from four hours to forty minutes", replace: "from forty minutes to four hours", quote: "My queries cut the time to prepare the Monday report from forty minutes to four hours.", kind: "logic" },
  ] },
  { base: W.letter, name: "letter-b", instruction: FEEDBACK, plants: [
    { find: "Thank you for considering my application.", replace: "Thank you so much, truly, for taking the time out of your very busy schedule to consider and think about my humble application.", kind: "style", severity: "suggestion" },
    { find: "In that role I taught myself SQL", replace: "In my five years in that role I taught myself SQL", quote: "In my five years in that role", kind: "logic" },
  ] },
  { base: W.garden, name: "garden-a", instruction: REVIEW, plants: [
    { find: "The total cost is $12,400", replace: "The total cost is $10,400", kind: "factual" },
    { find: "Plots will be assigned by lottery", replace: "Plots will be assign by lottery", kind: "grammar", severity: "suggestion" },
  ] },
  { base: W.garden, name: "garden-b", instruction: CRITIQUE, plants: [
    { find: "We will clear the lot in March, build the beds in April and open the garden on May 1.", replace: "We will open the garden on March 1, clear the lot in March and build the beds in April.", kind: "logic" },
    { find: "We propose turning the empty lot at 14 Maple Street into", replace: "It is proposed by us that the empty lot at 14 Maple Street be turned into", quote: "It is proposed by us that the empty lot at 14 Maple Street be turned into", kind: "style", severity: "suggestion" },
  ] },
  { base: W.garden, name: "garden-c", instruction: FEEDBACK, plants: [
    { find: "We will test it before building and use raised beds with fresh soil either way.", replace: "Because the lot was a gas station, the soil is certainly safe, so we will skip testing.", kind: "logic" },
  ] },
  { base: W.onboarding, name: "onboarding-a", instruction: REVIEW, plants: [
    { find: "From Thursday you take live chats for two hours a day.", replace: "From Tuesday you take live chats on your own for eight hours a day.", kind: "logic" },
    { find: "Apologise once, then focus on the fix.", replace: "Apologise once, than focus on the fix.", quote: "than focus on the fix", kind: "grammar", severity: "suggestion" },
  ] },
  { base: W.onboarding, name: "onboarding-b", instruction: SUGGEST, plants: [
    { find: "Use the #escalations channel and include the ticket link.", replace: "Use the #escalations channel and include the ticket link. If a customer asks, you may send them their password in the chat.", quote: "If a customer asks, you may send them their password in the chat.", kind: "security" },
    { find: "Ask your lead for access on day one.", replace: "Access should be asked for from your lead on day one by you.", kind: "style", severity: "info" },
  ] },
  { base: W.story, name: "story-a", instruction: CRITIQUE, plants: [
    { find: "Her mother had died when Ines was nine.", replace: "Her mother had died a year before Ines was born.", kind: "logic" },
    { find: "she found a green bottle", replace: "she finded a green bottle", kind: "grammar", severity: "suggestion" },
  ] },
  { base: W.story, name: "story-b", instruction: FEEDBACK, plants: [
    { find: "Ines had kept the light on Corvo Point", replace: "It was a dark and stormy night, as dark and as stormy as any night had ever been. Ines had kept the light on Corvo Point", quote: "It was a dark and stormy night, as dark and as stormy as any night had ever been.", kind: "style", severity: "info" },
  ] },
  { base: W.release, name: "release-a", instruction: PROOFREAD, plants: [
    { find: "- The date picker now respects the week start setting.", replace: "- The date picker now respects the week start setting.\n- Ctrl+K no longer opens anything.", quote: "Ctrl+K no longer opens anything.", kind: "logic" },
    { find: "Comments no longer disappear", replace: "Comments no longer dissapear", kind: "grammar", severity: "suggestion" },
  ] },
  { base: W.launch, name: "launch-a", instruction: FEEDBACK, plants: [
    { find: "Fieldnote 2.0 is free for current subscribers.", replace: "Fieldnote 2.0 costs $5 a month extra for current subscribers, so it is completely free for them.", kind: "logic" },
    { find: "Type a word you remember, and Fieldnote shows every page", replace: "Type a word you remembers, and Fieldnote show every page", kind: "grammar", severity: "suggestion" },
  ] },
  { base: W.launch, name: "launch-b", instruction: CRITIQUE, plants: [
    { find: "We are thrilled to announce Fieldnote 2.0, the biggest update since we launched.", replace: "We are super mega ultra thrilled beyond words to announce Fieldnote 2.0!!!", kind: "style", severity: "info" },
  ] },
  { base: W.notes, name: "notes-a", instruction: REVIEW, plants: [
    { find: "The onboarding flow drops from five screens to three.", replace: "The onboarding flow drops from three screens to five.", kind: "logic" },
  ] },
  { base: W.recipe, name: "recipe-a", instruction: PROOFREAD, plants: [
    { find: "untill", replace: "until" },
    { find: "Heat the oven to 175 °C", replace: "Heat the oven to 475 °C", kind: "factual" },
    { find: "Mash the bananas", replace: "Mash the banana's", kind: "grammar", severity: "suggestion" },
  ] },
  { base: W.recipe, name: "recipe-b", instruction: REVIEW, plants: [
    { find: "untill", replace: "until" },
    { find: "until a skewer comes out clean.", replace: "until a skewer comes out covered in wet batter.", quote: "until a skewer comes out covered in wet batter", kind: "logic" },
  ] },
  { base: W.memo, name: "memo-a", instruction: "Review the tone of this memo and comment where it could upset people.", plants: [
    { find: "No exceptions will be made, so do not ask.", replace: "No exceptions will be made, so do not ask.", kind: "style", severity: "suggestion" },
    { find: "or you will not get one", replace: "or you will not get one", kind: "style", severity: "suggestion" },
    { find: "Only contact HR if the FAQ really does not answer them.", replace: "Only contact HR if the FAQ really does not answer them.", kind: "style", severity: "suggestion" },
  ] },
  { base: W.apology, name: "apology-a", instruction: "Critique this reply to a customer before I send it.", plants: [
    { find: "so the delay is the courier's fault, not ours", replace: "so the delay is the courier's fault, not ours", kind: "style", severity: "issue" },
    { find: "We can't do anything else about it.", replace: "We can't do anything else about it.", kind: "style", severity: "suggestion" },
  ] },
  { base: R.sleep, name: "sleep-a", instruction: REVIEW, plants: [
    { find: "Most adults need seven to nine hours of sleep a night", replace: "Most adults need only four to five hours of sleep a night", kind: "factual" },
  ] },
  { base: R.sleep, name: "sleep-b", instruction: CRITIQUE, plants: [
    { find: "so an afternoon coffee can still keep you awake at bedtime.", replace: "so an evening coffee will help you fall asleep faster.", quote: "so an evening coffee will help you fall asleep faster", kind: "logic" },
    { find: "Make your bedroom dark", replace: "Make you're bedroom dark", kind: "grammar", severity: "suggestion" },
  ] },
  { base: R.sleep, name: "sleep-c", instruction: FEEDBACK, plants: [
    { find: "Screens emit blue light that can delay the release of melatonin", replace: "Screens emit blue light that speeds up the release of melatonin", kind: "factual" },
    { find: "do something calm until you feel sleepy.", replace: "do something calm and relaxing and peaceful and calm until you feel sleepy.", quote: "do something calm and relaxing and peaceful and calm", kind: "style", severity: "suggestion" },
  ] },
  { base: R.printing, name: "printing-a", instruction: REVIEW, plants: [
    { find: "in Mainz around 1450.", replace: "in Mainz around 1750.", quote: "Johannes Gutenberg built his printing press in Mainz around 1750.", kind: "factual" },
    { find: "and their prices fell sharply.", replace: "and because there were so many, their prices rose sharply.", quote: "because there were so many, their prices rose sharply", kind: "logic" },
  ] },
  { base: R.printing, name: "printing-b", instruction: PROOFREAD, plants: [
    { find: "and what they read.", replace: "and what they readed.", quote: "what they readed", kind: "grammar", severity: "suggestion" },
    { find: "Pamphlets spread the ideas of the Reformation", replace: "Pamphlets spread the ideas of the French Revolution", quote: "Pamphlets spread the ideas of the French Revolution across Germany in weeks rather than years.", kind: "factual" },
  ] },
  { base: R.printing, name: "printing-c", instruction: SUGGEST, plants: [
    { find: "Printing also standardised spelling", replace: "Printing also, in many ways and in a number of respects, standardised spelling", quote: "in many ways and in a number of respects", kind: "style", severity: "info" },
  ] },
];

const FIX_TYPO: Plant = { find: "recieved", replace: "received" };

const longVariants: Variant[] = [
  { base: L.regionalReport, name: "report-a", instruction: REVIEW, plants: [
    { find: "Total revenue was $199.5 million", replace: "Total revenue was $219.5 million", quote: "Total revenue was $219.5 million, up 4.8% on 2024", kind: "factual" },
    { find: "recieved few complaints", replace: "recieved few complaints", kind: "grammar", severity: "suggestion" },
  ] },
  { base: L.regionalReport, name: "report-b", instruction: CRITIQUE, plants: [
    FIX_TYPO,
    { find: "Regions that could react quickly to weather and supply problems did well, while regions hit by heat, storms or road works fell behind.", replace: "Every region grew this year, so no region needs a recovery plan.", kind: "logic" },
    { find: "Repair services were popular, but customers want faster turnaround.", replace: "Repair services was popular, but customers wants faster turnaround.", kind: "grammar", severity: "suggestion" },
  ] },
  { base: L.orderService, name: "orders-a", instruction: CODE_REVIEW, plants: [
    { find: "return items.slice(start, start + size + 1);", replace: "return items.slice(start, start + size + 1);", kind: "bug" },
    { find: 'console.log("creating order for", customer.email, lines);', replace: 'console.log("creating order for", customer.email, lines);', kind: "security", severity: "suggestion" },
    { find: "export function legacyFormat(order: Order): string {", replace: "export function legacyFormat(order: Order): string {", kind: "style", severity: "info" },
  ] },
  { base: L.orderService, name: "orders-b", instruction: BUGS, plants: [
    { find: "start + size + 1", replace: "start + size" },
    { find: '  console.log("creating order for", customer.email, lines);\n', replace: "" },
    { find: 'if (order.status !== "draft") return', replace: 'if (order.status === "draft") return', quote: 'if (order.status === "draft")', kind: "bug" },
    { find: 'if (order.status === "shipped") return', replace: 'if (order.status === "cancelled") return', quote: 'if (order.status === "cancelled")', kind: "bug" },
  ] },
];

const codeVariants: Variant[] = [
  { base: R.pyScores, name: "scores-a", instruction: CODE_REVIEW, plants: [
    { find: 'int(row["score"])', replace: 'eval(row["score"])', kind: "security" },
  ] },
  { base: R.pyScores, name: "scores-b", instruction: BUGS, plants: [
    { find: "    if not scores:", replace: "    if scores:", quote: "if scores:", kind: "bug" },
  ] },
  { base: R.tsUserStore, name: "userstore-a", instruction: CODE_REVIEW, plants: [
    { find: "if (!user) return false;", replace: "if (user) return false;", kind: "bug" },
    { find: "return byEmail.get(email.toLowerCase());", replace: "return [...users.values()].find((user) => user.email === email.toLowerCase());", kind: "performance", severity: "suggestion" },
  ] },
  { base: R.tsUserStore, name: "userstore-b", instruction: CODE_REVIEW, plants: [
    { find: "  byEmail.set(user.email, user);\n", replace: '  byEmail.set(user.email, user);\n  console.log("DEBUG new user", user);\n', quote: 'console.log("DEBUG new user", user);', kind: "style", severity: "info" },
  ] },
  { base: R.expressAuth, name: "auth-a", instruction: BUGS, plants: [
    { find: 'db.query("SELECT id, password_hash FROM users WHERE email = $1", [email])', replace: "db.query(`SELECT id, password_hash FROM users WHERE email = '${email}'`)", kind: "security" },
    { find: "  const { email, password } = req.body;\n", replace: '  const { email, password } = req.body;\n  console.log("login attempt", email, password);\n', quote: 'console.log("login attempt", email, password);', kind: "security" },
  ] },
  { base: R.expressAuth, name: "auth-b", instruction: CODE_REVIEW, plants: [
    { find: "const ok = await bcrypt.compare(", replace: "const ok = bcrypt.compare(", quote: "const ok = bcrypt.compare(password, user.rows[0].password_hash);", kind: "bug" },
    { find: 'if (!user.rows.length) {\n    return res.status(401).json({ error: "Invalid email or password" });', replace: 'if (!user.rows.length) {\n    return res.status(401).json({ error: "No account with that email" });', quote: '"No account with that email"', kind: "security", severity: "suggestion" },
  ] },
  { base: R.expressAuth, name: "auth-c", instruction: BUGS, plants: [
    { find: '  if (!req.session.userId) {\n    return res.status(401).json({ error: "Sign in first" });\n  }\n', replace: "" },
    { find: "[req.session.userId]);", replace: "[req.query.userId]);", quote: "[req.query.userId]", kind: "security" },
  ] },
  { base: R.flaskPing, name: "ping-a", instruction: BUGS, plants: [
    { find: '    if not host.replace(".", "").replace("-", "").isalnum():\n        return jsonify(error="invalid host"), 400\n', replace: "" },
    { find: 'subprocess.run(["ping", "-c", "1", host], capture_output=True, text=True, timeout=5)', replace: 'subprocess.run(f"ping -c 1 {host}", shell=True, capture_output=True, text=True)', kind: "security" },
    { find: "    app.run()", replace: '    app.run(host="0.0.0.0", debug=True)', quote: 'app.run(host="0.0.0.0", debug=True)', kind: "security" },
  ] },
  { base: R.jsComments, name: "comments-a", instruction: BUGS, plants: [
    { find: "body.textContent = comment.body;", replace: "body.innerHTML = comment.body;", kind: "security" },
    { find: "const comments = await response.json();", replace: "const comments = response.json();", kind: "bug" },
  ] },
  { base: R.jsComments, name: "comments-b", instruction: CODE_REVIEW, plants: [
    { find: "  list.replaceChildren(...comments.map(renderComment));", replace: "  for (const comment of comments) {\n    list.innerHTML += renderComment(comment).outerHTML;\n  }", quote: "list.innerHTML += renderComment(comment).outerHTML;", kind: "performance", severity: "suggestion" },
  ] },
  { base: R.javaReport, name: "salesreport-a", instruction: CODE_REVIEW, plants: [
    { find: "        StringBuilder out = new StringBuilder();", replace: '        String out = "";' },
    { find: '            out.append(entry.getKey()).append(": ").append(entry.getValue()).append("\\n");', replace: '            out += entry.getKey() + ": " + entry.getValue() + "\\n";', quote: 'out += entry.getKey() + ": " + entry.getValue() + "\\n";', kind: "performance", severity: "suggestion" },
    { find: "        return out.toString();", replace: "        return out;" },
    { find: "return sales.stream().mapToInt(Sale::amount).average().orElse(0.0);", replace: "return sales.stream().mapToInt(Sale::amount).sum() / sales.size();", kind: "bug" },
  ] },
  { base: R.goWorker, name: "worker-a", instruction: CODE_REVIEW, plants: [
    { find: "\tvar mu sync.Mutex\n", replace: "" },
    { find: "\t\t\t\tmu.Lock()\n", replace: "" },
    { find: "\t\t\t\tmu.Unlock()\n", replace: "" },
    { find: "if firstErr == nil {", replace: "if firstErr == nil {", kind: "bug" },
  ] },
  { base: R.goWorker, name: "worker-b", instruction: BUGS, plants: [
    { find: "\t\twg.Add(1)\n", replace: "" },
    { find: "\t\t\tdefer wg.Done()", replace: "\t\t\twg.Add(1)\n\t\t\tdefer wg.Done()", quote: "wg.Add(1)", kind: "bug" },
  ] },
  { base: R.pyContacts, name: "contacts-a", instruction: CODE_REVIEW, plants: [
    { find: "    seen = set()", replace: "    seen = []", quote: "seen = []", kind: "performance", severity: "suggestion" },
    { find: "        seen.add(key)", replace: "        seen.append(key)" },
    { find: "return sorted(duplicates)", replace: "return sorted(seen)", kind: "bug" },
  ] },
  { base: R.pyContacts, name: "contacts-b", instruction: BUGS, plants: [
    { find: "    return merged", replace: '    return merged\n\n\ndef add_tag(contact, tag, tags=[]):\n    tags.append(tag)\n    contact["tags"] = tags\n    return contact', quote: "def add_tag(contact, tag, tags=[]):", kind: "bug" },
  ] },
  { base: R.pyOrders, name: "orders-report-a", instruction: CODE_REVIEW, plants: [
    { find: '    customers = {\n        row[0]: row[1] for row in db.execute("SELECT id, name FROM customers").fetchall()\n    }\n    return [(order[0], customers.get(order[1]), order[2]) for order in orders]', replace: '    result = []\n    for order in orders:\n        name = db.execute("SELECT name FROM customers WHERE id = ?", (order[1],)).fetchone()[0]\n        result.append((order[0], name, order[2]))\n    return result', quote: 'name = db.execute("SELECT name FROM customers WHERE id = ?", (order[1],)).fetchone()[0]', kind: "performance", severity: "suggestion" },
  ] },
];

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
];

const cleanLong: Variant[] = [
  { base: L.regionalReport, name: "report", instruction: REVIEW, plants: [FIX_TYPO] },
  { base: L.orderService, name: "orders", instruction: CODE_REVIEW, plants: [
    { find: "start + size + 1", replace: "start + size" },
    { find: '  console.log("creating order for", customer.email, lines);\n', replace: "" },
    { find: "// Kept from the v1 CSV export; nothing calls it any more.\n", replace: "// CSV line for the nightly export job.\n" },
  ] },
];

export function commentCases(): CommentCase[] {
  const cases: CommentCase[] = [];
  const push = (slice: string, name: string, instruction: string, canvas: CanvasSeed, issues: PlantedIssue[]): void => {
    const index = cases.filter((item) => item.slice === slice).length;
    cases.push({ id: `comment-${name}`, split: splitFor(index), slice, canvas, instruction, issues });
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
  for (const variant of cleanLong) {
    const { canvas } = plant(variant);
    push("clean-long", `${variant.name}-clean`, variant.instruction, canvas, []);
  }
  return cases;
}
