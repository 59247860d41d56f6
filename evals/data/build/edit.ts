// Source of evals/data/edit.jsonl. Each case: a canvas, an instruction, the mode a good assistant uses
// (targeted edit or full rewrite, PRODUCT.md "Targeted edit or full rewrite") and checks a correct
// edit passes and a wrong one fails: text that must appear or disappear, passages that must stay
// byte-identical, and how much of the canvas may change at most.
import { splitFor, type Split } from "./split.ts";
import * as C from "./code.ts";
import * as L from "./long.ts";
import * as W from "./writing.ts";
import type { CanvasSeed } from "./writing.ts";

export interface EditExpect {
  mode: "targeted" | "rewrite";
  mustContain?: string[];
  mustNotContain?: string[];
  unchanged?: string[];
  maxChangedRatio?: number;
}

export interface EditCase {
  id: string;
  split: Split;
  slice: string;
  canvas: CanvasSeed;
  instruction: string;
  selection?: string;
  expect: EditExpect;
}

interface Seed {
  canvas: CanvasSeed;
  name: string;
  slice: string;
  instruction: string;
  selection?: string;
  expect: EditExpect;
}

const t = (extra: Omit<EditExpect, "mode">): EditExpect => ({ mode: "targeted", ...extra });
const r = (extra: Omit<EditExpect, "mode">): EditExpect => ({ mode: "rewrite", ...extra });
const all = (paragraphs: string[], ...skip: number[]): string[] => paragraphs.filter((_, index) => !skip.includes(index));

const memo: Seed[] = [
  { canvas: W.memo, name: "memo", slice: "tone", instruction: "Make the first paragraph friendlier.", expect: t({ mustContain: ["Tuesdays", "Thursdays"], mustNotContain: ["so do not ask"], unchanged: all(W.MEMO_P, 0, 1), maxChangedRatio: 0.35 }) },
  { canvas: W.memo, name: "memo", slice: "tone", instruction: "Rewrite the whole memo in a warmer, more encouraging tone.", expect: r({ mustContain: ["Tuesdays", "Thursdays"], mustNotContain: ["so do not ask", "or you will not get one"] }) },
  { canvas: W.memo, name: "memo", slice: "rename", instruction: "Change Tuesdays to Wednesdays.", expect: t({ mustContain: ["Wednesdays and Thursdays"], mustNotContain: ["Tuesdays"], unchanged: all(W.MEMO_P, 1), maxChangedRatio: 0.1 }) },
  { canvas: W.memo, name: "memo", slice: "delete", instruction: "Delete the paragraph about desks.", expect: t({ mustNotContain: ["Desks on the third floor"], unchanged: all(W.MEMO_P, 3), maxChangedRatio: 0.35 }) },
  { canvas: W.memo, name: "memo", slice: "translate", instruction: "Translate the memo into Spanish.", expect: r({ mustContain: ["martes", "jueves"], mustNotContain: ["Starting next month", "collaboration has suffered"] }) },
  { canvas: W.memo, name: "memo", slice: "selection", instruction: "Make this sound less dismissive.", selection: "Only contact HR if the FAQ really does not answer them.", expect: t({ mustNotContain: ["really does not answer them"], unchanged: all(W.MEMO_P, 4), maxChangedRatio: 0.2 }) },
  { canvas: W.memo, name: "memo", slice: "rename", instruction: "Replace 'HR' with 'People Operations'.", expect: t({ mustContain: ["People Operations"], mustNotContain: ["contact HR"], unchanged: all(W.MEMO_P, 4), maxChangedRatio: 0.1 }) },
];

const garden: Seed[] = [
  { canvas: W.garden, name: "garden", slice: "rename", instruction: "Rename the garden from 'Maple Street community garden' to 'Maple Commons Garden'.", expect: t({ mustContain: ["Maple Commons Garden"], mustNotContain: ["Maple Street community garden"], unchanged: all(W.GARDEN_P, 0), maxChangedRatio: 0.1 }) },
  { canvas: W.garden, name: "garden", slice: "fix", instruction: "Change the opening date to May 15.", expect: t({ mustContain: ["May 15"], mustNotContain: ["on May 1."], unchanged: all(W.GARDEN_P, 6), maxChangedRatio: 0.1 }) },
  { canvas: W.garden, name: "garden", slice: "insert", instruction: "Add a section called 'Maintenance' before Risks explaining that volunteers will water on a rota and that each plot holder pays $20 a season.", expect: t({ mustContain: ["## Maintenance", "$20"], unchanged: W.GARDEN_P, maxChangedRatio: 0.45 }) },
  { canvas: W.garden, name: "garden", slice: "delete", instruction: "Delete the Risks section.", expect: t({ mustNotContain: ["## Risks", "gas station"], unchanged: all(W.GARDEN_P, 7, 8), maxChangedRatio: 0.4 }) },
  { canvas: W.garden, name: "garden", slice: "restructure", instruction: "Turn the budget into a bulleted list.", expect: t({ mustContain: ["$7,200", "$2,800", "$1,400", "$1,000"], mustNotContain: ["soil, $2,800"], unchanged: all(W.GARDEN_P, 4), maxChangedRatio: 0.4 }) },
  { canvas: W.garden, name: "garden", slice: "restructure", instruction: "Rewrite the whole proposal as a persuasive letter to the city council.", expect: r({ mustContain: ["Dear", "$12,400"], mustNotContain: ["## Timeline"] }) },
  { canvas: W.garden, name: "garden", slice: "shorten", instruction: "Make it shorter, about half the length.", expect: r({ mustContain: ["$12,400"], mustNotContain: [W.GARDEN_P[2]!] }) },
];

const launch: Seed[] = [
  { canvas: W.launch, name: "launch", slice: "rename", instruction: "Replace 'Fieldnote' with 'Notewise' everywhere.", expect: t({ mustContain: ["Notewise 2.0", "The Notewise team"], mustNotContain: ["Fieldnote"], maxChangedRatio: 0.15 }) },
  { canvas: W.launch, name: "launch", slice: "fix", instruction: "The trial is 14 days now, not 30. Update it.", expect: t({ mustContain: ["14 days"], mustNotContain: ["30 days"], unchanged: all(W.LAUNCH_P, 4), maxChangedRatio: 0.1 }) },
  { canvas: W.launch, name: "launch", slice: "tone", instruction: "Rewrite it so a five-year-old could understand it.", expect: r({ mustNotContain: ["We are thrilled to announce", "share a notebook with your whole team"] }) },
  { canvas: W.launch, name: "launch", slice: "shorten", instruction: "Make the paragraph that announces 2.0 more concise.", expect: t({ mustNotContain: [W.LAUNCH_P[2]!], unchanged: all(W.LAUNCH_P, 2), maxChangedRatio: 0.35 }) },
  { canvas: W.launch, name: "launch", slice: "translate", instruction: "Translate the email into French.", expect: r({ mustNotContain: ["Thanks for being with us", "The new search finds words"] }) },
];

const library: Seed[] = [
  { canvas: W.library, name: "library", slice: "insert", instruction: "Add a paragraph after the third one about libraries serving as cooling centers during heat waves.", expect: t({ mustContain: ["heat"], unchanged: W.LIBRARY_P, maxChangedRatio: 0.45 }) },
  { canvas: W.library, name: "library", slice: "restructure", instruction: "Swap the second and third paragraphs.", expect: t({ mustContain: ["apply for jobs.\n\nThey lend books", "in minutes.\n\nYet many"], unchanged: W.LIBRARY_P, maxChangedRatio: 0.6 }) },
  { canvas: W.library, name: "library", slice: "restructure", instruction: "Rewrite the essay as a bulleted outline.", expect: r({ mustContain: ["- "], mustNotContain: [W.LIBRARY_P[1]!] }) },
  { canvas: W.library, name: "library", slice: "fix", instruction: "The last sentence should say 'like roads, water and power'.", expect: t({ mustContain: ["roads, water and power"], mustNotContain: ["like roads and water,"], unchanged: all(W.LIBRARY_P, 5), maxChangedRatio: 0.1 }) },
  { canvas: W.library, name: "library", slice: "restructure", instruction: "Turn this into a poem.", expect: r({ mustNotContain: [W.LIBRARY_P[2]!, W.LIBRARY_P[3]!] }) },
  { canvas: W.library, name: "library", slice: "shorten", instruction: "Make the whole essay about 50% shorter.", expect: r({ mustNotContain: [W.LIBRARY_P[2]!, W.LIBRARY_P[3]!] }) },
  { canvas: W.library, name: "library", slice: "selection", instruction: "Add a concrete example here.", selection: "Closing at five on weekdays shuts out exactly the people who work during the day.", expect: t({ unchanged: all(W.LIBRARY_P, 4), maxChangedRatio: 0.35 }) },
];

const lisbon: Seed[] = [
  { canvas: W.lisbon, name: "lisbon", slice: "insert", instruction: "Add a 'Where to stay' section at the end recommending a hostel in Bairro Alto.", expect: t({ mustContain: ["Where to stay", "Bairro Alto"], unchanged: W.LISBON_P, maxChangedRatio: 0.45 }) },
  { canvas: W.lisbon, name: "lisbon", slice: "rename", instruction: "Use digits in the day headings: 'Day 1', 'Day 2', 'Day 3'.", expect: t({ mustContain: ["## Day 1: Alfama", "## Day 2: Belém", "## Day 3: LX Factory"], mustNotContain: ["Day one", "Day two", "Day three"], unchanged: all(W.LISBON_P, 2, 4, 6), maxChangedRatio: 0.1 }) },
  { canvas: W.lisbon, name: "lisbon", slice: "translate", instruction: "Translate this post into Portuguese.", expect: r({ mustNotContain: ["Wear good shoes", "get lost in its narrow streets"] }) },
  { canvas: W.lisbon, name: "lisbon", slice: "fix", instruction: "The castle costs 17 euros now; update that.", expect: t({ mustContain: ["17 euros"], mustNotContain: ["15 euros"], unchanged: all(W.LISBON_P, 3), maxChangedRatio: 0.1 }) },
  { canvas: W.lisbon, name: "lisbon", slice: "tone", instruction: "Make the Belém section more vivid and detailed.", expect: t({ mustNotContain: [W.LISBON_P[5]!], unchanged: all(W.LISBON_P, 5), maxChangedRatio: 0.6 }) },
];

const notes: Seed[] = [
  { canvas: W.notes, name: "notes", slice: "insert", instruction: "Add Li (QA) to the attendees.", expect: t({ mustContain: ["Li (QA)"], unchanged: all(W.NOTES_P, 2), maxChangedRatio: 0.2 }) },
  { canvas: W.notes, name: "notes", slice: "fix", instruction: "Mark Jonas's action item as done.", expect: t({ mustContain: ["- [x] Jonas: estimate the dark mode work"], mustNotContain: ["- [ ] Jonas"], unchanged: ["- [ ] Maria: update the onboarding mockups by Friday", ...all(W.NOTES_P, 6)], maxChangedRatio: 0.05 }) },
  { canvas: W.notes, name: "notes", slice: "delete", instruction: "Remove the Internet Explorer decision and its action item.", expect: t({ mustNotContain: ["Internet Explorer", "IE change"], unchanged: ["- Maria (design)", "- Dark mode ships in the April release.", "- [ ] Jonas: estimate the dark mode work"], maxChangedRatio: 0.3 }) },
  { canvas: W.notes, name: "notes", slice: "restructure", instruction: "Rewrite these notes as a short email to the team summarising the review.", expect: r({ mustNotContain: ["## Attendees", "- [ ] "] }) },
];

const letter: Seed[] = [
  { canvas: W.letter, name: "letter", slice: "rename", instruction: "Change the company name to Eastgate Shipping everywhere.", expect: t({ mustContain: ["Eastgate Shipping"], mustNotContain: ["Northwind"], unchanged: all(W.LETTER_P, 1, 3), maxChangedRatio: 0.1 }) },
  { canvas: W.letter, name: "letter", slice: "tone", instruction: "Make the whole letter more formal.", expect: r({ mustContain: ["Daniel Reyes"], mustNotContain: ["taught myself SQL to pull shipment data directly instead of waiting"] }) },
  { canvas: W.letter, name: "letter", slice: "shorten", instruction: "Shorten the paragraph about my job at Harbor Freight Lines to one sentence.", expect: t({ mustNotContain: [W.LETTER_P[1]!], unchanged: all(W.LETTER_P, 1), maxChangedRatio: 0.3 }) },
  { canvas: W.letter, name: "letter", slice: "insert", instruction: "Add a sentence to the paragraph about SQL saying I'm learning Python.", expect: t({ mustContain: ["Python"], unchanged: all(W.LETTER_P, 2), maxChangedRatio: 0.25 }) },
  { canvas: W.letter, name: "letter", slice: "selection", instruction: "Make this more specific.", selection: W.LETTER_P[3]!, expect: t({ mustNotContain: ["I would bring the same habit of automating repetitive work to Northwind. I am especially"], unchanged: all(W.LETTER_P, 3), maxChangedRatio: 0.4 }) },
];

const recipe: Seed[] = [
  { canvas: W.recipe, name: "recipe", slice: "fix", instruction: "Fix the spelling mistake.", expect: t({ mustContain: ["until just combined"], mustNotContain: ["untill"], unchanged: all(W.RECIPE_P, 5), maxChangedRatio: 0.02 }) },
  { canvas: W.recipe, name: "recipe", slice: "insert", instruction: "Add 100 g of chopped walnuts to the ingredients and fold them in at step 4.", expect: t({ mustContain: ["walnuts"], unchanged: ["1. Heat the oven to 175 °C and butter a loaf tin.", "5. Bake for 60 minutes, until a skewer comes out clean.", "- 3 ripe bananas"], maxChangedRatio: 0.2 }) },
  { canvas: W.recipe, name: "recipe", slice: "fix", instruction: "Change the baking time to 55 minutes.", expect: t({ mustContain: ["55 minutes"], mustNotContain: ["60 minutes"], unchanged: all(W.RECIPE_P, 5), maxChangedRatio: 0.05 }) },
  { canvas: W.recipe, name: "recipe", slice: "delete", instruction: "Leave out the salt.", expect: t({ mustNotContain: ["salt"], unchanged: ["- 3 ripe bananas", "1. Heat the oven to 175 °C and butter a loaf tin."], maxChangedRatio: 0.1 }) },
];

const onboarding: Seed[] = [
  { canvas: W.onboarding, name: "onboarding", slice: "rename", instruction: "We switched from Zendesk to Freshdesk; update the guide.", expect: t({ mustContain: ["Freshdesk"], mustNotContain: ["Zendesk"], unchanged: all(W.ONBOARDING_P, 3), maxChangedRatio: 0.05 }) },
  { canvas: W.onboarding, name: "onboarding", slice: "restructure", instruction: "Move the Tone section before Escalation.", expect: t({ mustContain: ["two hours a day.\n\n## Tone", "focus on the fix.\n\n## Escalation"], unchanged: W.ONBOARDING_P, maxChangedRatio: 0.45 }) },
  { canvas: W.onboarding, name: "onboarding", slice: "restructure", instruction: "Rewrite the guide as an FAQ with questions and answers.", expect: r({ mustContain: ["?"], mustNotContain: ["## Tools\n"] }) },
  { canvas: W.onboarding, name: "onboarding", slice: "translate", instruction: "Translate the guide into German.", expect: r({ mustNotContain: ["Welcome to the support team", "shadow a senior agent"] }) },
  { canvas: W.onboarding, name: "onboarding", slice: "insert", instruction: "Add that billing errors over $500 should also be escalated.", expect: t({ mustContain: ["$500"], unchanged: all(W.ONBOARDING_P, 7), maxChangedRatio: 0.2 }) },
];

const story: Seed[] = [
  { canvas: W.story, name: "story", slice: "rename", instruction: "Change the protagonist's name from Ines to Marta.", expect: t({ mustContain: ["Marta"], mustNotContain: ["Ines"], unchanged: [W.STORY_P[2]!], maxChangedRatio: 0.1 }) },
  { canvas: W.story, name: "story", slice: "insert", instruction: "Continue the story with two more paragraphs.", expect: t({ unchanged: W.STORY_P }) },
  { canvas: W.story, name: "story", slice: "restructure", instruction: "Rewrite the story in the first person, from Ines's point of view.", expect: r({ mustContain: ["I "], mustNotContain: ["Ines had kept the light"] }) },
  { canvas: W.story, name: "story", slice: "tone", instruction: "Make the ending more suspenseful.", expect: t({ unchanged: all(W.STORY_P, 4), maxChangedRatio: 0.6 }) },
  { canvas: W.story, name: "story", slice: "restructure", instruction: "Turn it into a poem.", expect: r({ mustNotContain: [W.STORY_P[2]!] }) },
];

const apology: Seed[] = [
  { canvas: W.apology, name: "apology", slice: "tone", instruction: "Rewrite this reply to be apologetic and helpful.", expect: r({ mustContain: ["4471"], mustNotContain: ["not ours", "We can't do anything else about it."] }) },
  { canvas: W.apology, name: "apology", slice: "tone", instruction: "Soften only the last paragraph before the sign-off.", expect: t({ mustNotContain: ["We can't do anything else about it."], unchanged: all(W.APOLOGY_P, 3), maxChangedRatio: 0.35 }) },
  { canvas: W.apology, name: "apology", slice: "fix", instruction: "The order number is #4417, not #4471.", expect: t({ mustContain: ["#4417"], mustNotContain: ["4471"], unchanged: all(W.APOLOGY_P, 1), maxChangedRatio: 0.05 }) },
  { canvas: W.apology, name: "apology", slice: "selection", instruction: "Don't blame the courier here; take responsibility.", selection: "so the delay is the courier's fault, not ours", expect: t({ mustNotContain: ["not ours"], unchanged: all(W.APOLOGY_P, 1), maxChangedRatio: 0.35 }) },
];

const release: Seed[] = [
  { canvas: W.release, name: "release", slice: "insert", instruction: "Add a fixed item: 'Uploading files over 10 MB no longer times out.'", expect: t({ mustContain: ["- Uploading files over 10 MB no longer times out."], unchanged: all(W.RELEASE_P, 4), maxChangedRatio: 0.3 }) },
  { canvas: W.release, name: "release", slice: "fix", instruction: "This is release 3.5, not 3.4.", expect: t({ mustContain: ["# Release 3.5"], mustNotContain: ["3.4"], unchanged: all(W.RELEASE_P, 0), maxChangedRatio: 0.05 }) },
  { canvas: W.release, name: "release", slice: "restructure", instruction: "Rewrite the release notes as a friendly blog post.", expect: r({ mustNotContain: ["## Fixed", "## Changed"] }) },
  { canvas: W.release, name: "release", slice: "delete", instruction: "Delete the Changed section.", expect: t({ mustNotContain: ["## Changed", "five boards"], unchanged: all(W.RELEASE_P, 5, 6), maxChangedRatio: 0.3 }) },
];

const pyCart: Seed[] = [
  { canvas: C.pyCart, name: "py-cart", slice: "fix", instruction: "Fix the off-by-one error in subtotal.", expect: t({ mustContain: ["def subtotal(items):", ".price * "], mustNotContain: ["range(len(items) + 1)"], unchanged: [C.PY_CART_DISCOUNT, C.PY_CART_FORMAT], maxChangedRatio: 0.15 }) },
  { canvas: C.pyCart, name: "py-cart", slice: "fix", instruction: "apply_discount is called with 10 for 10%, but it treats it as a fraction. Fix it.", expect: t({ mustNotContain: ["amount * percent\n"], unchanged: [C.PY_CART_FORMAT], maxChangedRatio: 0.15 }) },
  { canvas: C.pyCart, name: "py-cart", slice: "rename", instruction: "Rename subtotal to cart_subtotal.", expect: t({ mustContain: ["def cart_subtotal(items):", "cart_subtotal(cart)"], mustNotContain: ["def subtotal", "(subtotal("], unchanged: [C.PY_CART_DISCOUNT, C.PY_CART_FORMAT], maxChangedRatio: 0.1 }) },
  { canvas: C.pyCart, name: "py-cart", slice: "insert", instruction: "Add type hints to every function.", expect: t({ mustContain: ["-> str", "-> float"], unchanged: ["@dataclass\nclass Item:"], maxChangedRatio: 0.3 }) },
  { canvas: C.pyCart, name: "py-cart", slice: "translate", instruction: "Port this to JavaScript.", expect: r({ mustNotContain: ["def ", "@dataclass"] }) },
  { canvas: C.pyCart, name: "py-cart", slice: "insert", instruction: "Add a docstring to each function.", expect: t({ mustContain: ['"""'], unchanged: ["    for i in range(len(items) + 1):\n        total += items[i].price * items[i].quantity\n    return total"], maxChangedRatio: 0.5 }) },
];

const tsUsers: Seed[] = [
  { canvas: C.tsUsers, name: "ts-users", slice: "rename", instruction: "Rename getUsr to getUser.", expect: t({ mustContain: ["export function getUser(id: string)"], mustNotContain: ["getUsr"], unchanged: [C.TS_USERS_ADD, C.TS_USERS_FIND, C.TS_USERS_LIST], maxChangedRatio: 0.05 }) },
  { canvas: C.tsUsers, name: "ts-users", slice: "fix", instruction: "Make findByEmail case-insensitive.", expect: t({ mustContain: ["toLowerCase()"], mustNotContain: ["if (user.email === email) return user;"], unchanged: [C.TS_USERS_ADD, C.TS_USERS_LIST], maxChangedRatio: 0.15 }) },
  { canvas: C.tsUsers, name: "ts-users", slice: "delete", instruction: "Remove the console.log.", expect: t({ mustNotContain: ["console.log"], unchanged: [C.TS_USERS_ADD, C.TS_USERS_FIND, C.TS_USERS_LIST], maxChangedRatio: 0.1 }) },
  { canvas: C.tsUsers, name: "ts-users", slice: "insert", instruction: "Add an updateUser(id, changes) function that updates email or name.", expect: t({ mustContain: ["export function updateUser("], unchanged: [C.TS_USERS_ADD, C.TS_USERS_FIND, C.TS_USERS_LIST], maxChangedRatio: 0.5 }) },
  { canvas: C.tsUsers, name: "ts-users", slice: "translate", instruction: "Port this module to Python.", expect: r({ mustContain: ["def "], mustNotContain: ["export function"] }) },
  { canvas: C.tsUsers, name: "ts-users", slice: "insert", instruction: "Add a JSDoc comment to every exported function.", expect: t({ mustContain: ["/**"], unchanged: ["const users = new Map<string, User>();"], maxChangedRatio: 0.6 }) },
];

const jsCart: Seed[] = [
  { canvas: C.jsCart, name: "js-cart", slice: "delete", instruction: "Remove all the console.log statements.", expect: t({ mustNotContain: ["console.log"], unchanged: [C.JS_CART_ADD, C.JS_CART_REMOVE], maxChangedRatio: 0.2 }) },
  { canvas: C.jsCart, name: "js-cart", slice: "rename", instruction: "Replace var with const or let everywhere.", expect: t({ mustContain: ["const TAX_RATE = 0.2;", "let total = 0;"], mustNotContain: ["var "], unchanged: [C.JS_CART_ADD, C.JS_CART_REMOVE], maxChangedRatio: 0.2 }) },
  { canvas: C.jsCart, name: "js-cart", slice: "restructure", instruction: "Convert the whole file to an ES module with arrow functions.", expect: r({ mustContain: ["export"], mustNotContain: ["module.exports", "function ("] }) },
  { canvas: C.jsCart, name: "js-cart", slice: "fix", instruction: "Use strict inequality in removeItem.", expect: t({ mustContain: ["item.name !== name"], mustNotContain: ["item.name != name"], unchanged: [C.JS_CART_ADD], maxChangedRatio: 0.05 }) },
  { canvas: C.jsCart, name: "js-cart", slice: "fix", instruction: "addItem should not mutate the cart it receives.", expect: t({ mustContain: ["function addItem(cart, item)"], mustNotContain: ["cart.push(item);"], unchanged: [C.JS_CART_REMOVE], maxChangedRatio: 0.2 }) },
];

const pyInventory: Seed[] = [
  { canvas: C.pyInventory, name: "py-inventory", slice: "fix", instruction: "Fix the SQL injection in find_item.", expect: t({ mustContain: ["def find_item(conn, name):"], mustNotContain: ["'\" + name + \"'"], unchanged: [C.PY_INV_ADD, C.PY_INV_LOW, C.PY_INV_REMOVE], maxChangedRatio: 0.2 }) },
  { canvas: C.pyInventory, name: "py-inventory", slice: "fix", instruction: "Do the low-stock filtering in SQL instead of Python.", expect: t({ mustContain: ["qty < ?"], mustNotContain: ["if row[1] < threshold"], unchanged: [C.PY_INV_ADD, C.PY_INV_REMOVE], maxChangedRatio: 0.25 }) },
  { canvas: C.pyInventory, name: "py-inventory", slice: "insert", instruction: "Add an update_qty(conn, name, qty) function.", expect: t({ mustContain: ["def update_qty(conn, name, qty):"], unchanged: [C.PY_INV_ADD, C.PY_INV_LOW, C.PY_INV_REMOVE], maxChangedRatio: 0.4 }) },
  { canvas: C.pyInventory, name: "py-inventory", slice: "rename", instruction: "Rename the variable conn to connection everywhere.", expect: t({ mustContain: ["def add_item(connection, name, qty):"], mustNotContain: ["conn.", "conn,", "conn =", "return conn\n"], maxChangedRatio: 0.2 }) },
];

const goBooks: Seed[] = [
  { canvas: C.goBooks, name: "go-books", slice: "fix", instruction: "Return 400 Bad Request when the id is not a number.", expect: t({ mustContain: ["http.StatusBadRequest"], mustNotContain: ["id, _ := strconv.Atoi"], unchanged: [C.GO_LIST, C.GO_BOOKS], maxChangedRatio: 0.25 }) },
  { canvas: C.goBooks, name: "go-books", slice: "fix", instruction: "Change the port to 3000.", expect: t({ mustContain: [":3000"], mustNotContain: [":8080"], unchanged: [C.GO_LIST, C.GO_BOOKS], maxChangedRatio: 0.05 }) },
  { canvas: C.goBooks, name: "go-books", slice: "fix", instruction: "Don't ignore the error from ListenAndServe.", expect: t({ mustContain: ['ListenAndServe(":8080", nil)'], mustNotContain: ["\thttp.ListenAndServe("], unchanged: [C.GO_LIST, C.GO_BOOKS], maxChangedRatio: 0.1 }) },
  { canvas: C.goBooks, name: "go-books", slice: "insert", instruction: "Add a third book: The Left Hand of Darkness by Ursula K. Le Guin.", expect: t({ mustContain: ["The Left Hand of Darkness"], unchanged: [C.GO_LIST], maxChangedRatio: 0.1 }) },
  { canvas: C.goBooks, name: "go-books", slice: "translate", instruction: "Port this server to TypeScript with Express.", expect: r({ mustContain: ["express"], mustNotContain: ["package main", "func "] }) },
];

const javaLibrary: Seed[] = [
  { canvas: C.javaLibrary, name: "java-library", slice: "fix", instruction: "Fix the string comparison bug in contains.", expect: t({ mustContain: ["public boolean contains(String title)"], mustNotContain: ["t == title"], unchanged: [C.JAVA_ADD, C.JAVA_COUNT], maxChangedRatio: 0.2 }) },
  { canvas: C.javaLibrary, name: "java-library", slice: "fix", instruction: "Make all() return an unmodifiable view instead of the internal list.", expect: t({ mustContain: ["public List<String> all()"], mustNotContain: ["return titles;"], unchanged: [C.JAVA_ADD, C.JAVA_COUNT], maxChangedRatio: 0.15 }) },
  { canvas: C.javaLibrary, name: "java-library", slice: "rename", instruction: "Rename the class to BookShelf.", expect: t({ mustContain: ["public class BookShelf"], mustNotContain: ["class Library"], unchanged: [C.JAVA_ADD, C.JAVA_COUNT], maxChangedRatio: 0.05 }) },
  { canvas: C.javaLibrary, name: "java-library", slice: "translate", instruction: "Port this class to Python.", expect: r({ mustContain: ["def "], mustNotContain: ["public class", "private final"] }) },
];

const pyStats: Seed[] = [
  { canvas: C.pyStats, name: "py-stats", slice: "fix", instruction: "median is wrong for lists with an even number of items. Fix it.", expect: t({ mustContain: ["% 2"], unchanged: [C.PY_STATS_READ, C.PY_STATS_MEAN, C.PY_STATS_REPORT], maxChangedRatio: 0.3 }) },
  { canvas: C.pyStats, name: "py-stats", slice: "fix", instruction: "mean crashes on an empty list; make it return 0.0 instead.", expect: t({ mustContain: ["0.0"], unchanged: [C.PY_STATS_READ, C.PY_STATS_MEDIAN, C.PY_STATS_REPORT], maxChangedRatio: 0.2 }) },
  { canvas: C.pyStats, name: "py-stats", slice: "insert", instruction: "Add the standard deviation to the report.", expect: t({ mustContain: ["dev"], unchanged: [C.PY_STATS_READ, C.PY_STATS_MEAN, C.PY_STATS_MEDIAN], maxChangedRatio: 0.5 }) },
  { canvas: C.pyStats, name: "py-stats", slice: "rename", instruction: "Rename read_scores to load_scores.", expect: t({ mustContain: ["def load_scores(path):", "scores = load_scores(path)"], mustNotContain: ["read_scores"], unchanged: [C.PY_STATS_MEAN, C.PY_STATS_MEDIAN], maxChangedRatio: 0.05 }) },
];

const sw = L.regionParagraphs("Southwest");
const gulf = L.regionParagraphs("Gulf Coast");
const mid = L.regionParagraphs("Midwest");
const tex = L.regionParagraphs("Texas");
const se = L.regionParagraphs("Southeast");
const ne = L.regionParagraphs("New England");
const pnw = L.regionParagraphs("Pacific Northwest");

const report: Seed[] = [
  { canvas: L.regionalReport, name: "report", slice: "rename", instruction: "Lucia Herrera has left; the Southwest is now led by Hana Sato, since 2025. Update the report.", expect: t({ mustContain: ["Hana Sato"], mustNotContain: ["Lucia Herrera"], unchanged: [sw.second, gulf.first, mid.first], maxChangedRatio: 0.02 }) },
  { canvas: L.regionalReport, name: "report", slice: "fix", instruction: "Fix the spelling mistake in the Southeast section.", expect: t({ mustContain: ["received few complaints"], mustNotContain: ["recieved"], unchanged: [se.first, sw.first, gulf.second], maxChangedRatio: 0.005 }) },
  { canvas: L.regionalReport, name: "report", slice: "delete", instruction: "Delete the Gulf Coast section.", expect: t({ mustNotContain: ["## Gulf Coast", "Renée Broussard", "free shuttle from a nearby garage"], unchanged: [tex.first, tex.second, se.first, se.second], maxChangedRatio: 0.1 }) },
  { canvas: L.regionalReport, name: "report", slice: "tone", instruction: "Make the conclusion more optimistic.", expect: t({ unchanged: [L.REPORT_INTRO_P2, ne.first, ne.second, pnw.first], mustNotContain: ["2025 was a year of uneven growth."], maxChangedRatio: 0.12 }) },
  { canvas: L.regionalReport, name: "report", slice: "insert", instruction: "Add a sentence to the introduction noting that all figures are unaudited.", expect: t({ mustContain: ["unaudited"], unchanged: [L.REPORT_CONCLUSION_P1, pnw.first, mid.second], maxChangedRatio: 0.05 }) },
  { canvas: L.regionalReport, name: "report", slice: "translate", instruction: "Translate the report into French.", expect: r({ mustNotContain: ["reported revenue of", "The main difficulty this year was"] }) },
  { canvas: L.regionalReport, name: "report", slice: "shorten", instruction: "Condense the whole report into a one-page executive summary.", expect: r({ mustNotContain: [pnw.second, se.second, ne.second] }) },
  { canvas: L.regionalReport, name: "report", slice: "rename", instruction: "We renamed the Atlas Pro tent to Atlas Max. Update it throughout.", expect: t({ mustContain: ["Atlas Max"], mustNotContain: ["Atlas Pro"], unchanged: [sw.first, tex.first, L.REPORT_CONCLUSION_P2], maxChangedRatio: 0.02 }) },
  { canvas: L.regionalReport, name: "report", slice: "selection", instruction: "Rewrite this paragraph in plainer language.", selection: mid.first, expect: t({ mustNotContain: [mid.first], unchanged: [mid.second, sw.first, pnw.first, L.REPORT_INTRO_P2], maxChangedRatio: 0.1 }) },
  { canvas: L.regionalReport, name: "report", slice: "insert", instruction: "Add a table before the conclusion listing each region's revenue and growth.", expect: t({ mustContain: ["|"], unchanged: [L.REPORT_CONCLUSION_P1, pnw.first, ne.second], maxChangedRatio: 0.35 }) },
];

const productBlock = L.ENTITY_BLOCKS["Product"]!;
const UPDATE_PRODUCT = productBlock.slice(productBlock.indexOf("export function updateProduct"), productBlock.indexOf("export function deleteProduct")).trimEnd();

const orders: Seed[] = [
  { canvas: L.orderService, name: "orders", slice: "fix", instruction: "paginate returns one item too many. Fix it.", expect: t({ mustContain: ["export function paginate<T>("], mustNotContain: ["start + size + 1"], unchanged: [L.TS_TOTAL, L.ENTITY_BLOCKS["Customer"]!, L.ENTITY_BLOCKS["Invoice"]!], maxChangedRatio: 0.01 }) },
  { canvas: L.orderService, name: "orders", slice: "rename", instruction: "Rename findCustomerById to getCustomer.", expect: t({ mustContain: ["export function getCustomer(id: string)", "const customer = getCustomer(customerId);"], mustNotContain: ["findCustomerById"], unchanged: [L.TS_PAGINATE, L.ENTITY_BLOCKS["Product"]!], maxChangedRatio: 0.01 }) },
  { canvas: L.orderService, name: "orders", slice: "delete", instruction: "Remove the debug logging in createOrder.", expect: t({ mustNotContain: ["console.log"], unchanged: [L.TS_PAGINATE, L.TS_TOTAL, L.ENTITY_BLOCKS["Supplier"]!], maxChangedRatio: 0.01 }) },
  { canvas: L.orderService, name: "orders", slice: "delete", instruction: "Delete the unused legacyFormat function.", expect: t({ mustNotContain: ["legacyFormat"], unchanged: [L.TS_TOTAL, L.ENTITY_BLOCKS["Warehouse"]!], maxChangedRatio: 0.02 }) },
  { canvas: L.orderService, name: "orders", slice: "fix", instruction: "totalFor should round to whole cents before converting to dollars.", expect: t({ mustContain: ["Math.round"], unchanged: [L.TS_PAGINATE, L.TS_LEGACY, L.ENTITY_BLOCKS["Shipment"]!], maxChangedRatio: 0.02 }) },
  { canvas: L.orderService, name: "orders", slice: "translate", instruction: "Port this file to Python.", expect: r({ mustContain: ["def "], mustNotContain: ["export function", "export interface"] }) },
  { canvas: L.orderService, name: "orders", slice: "insert", instruction: "Add a countOrdersByStatus(status) function after listOrders.", expect: t({ mustContain: ["countOrdersByStatus"], unchanged: [L.TS_PAGINATE, L.TS_TOTAL, L.ENTITY_BLOCKS["Customer"]!], maxChangedRatio: 0.05 }) },
  { canvas: L.orderService, name: "orders", slice: "selection", instruction: "Reject a negative price here.", selection: UPDATE_PRODUCT, expect: t({ mustContain: ["< 0"], unchanged: [L.ENTITY_BLOCKS["Customer"]!, L.ENTITY_BLOCKS["Supplier"]!, L.TS_TOTAL], maxChangedRatio: 0.03 }) },
  { canvas: L.orderService, name: "orders", slice: "rename", instruction: "Rename the Warehouse type to Depot everywhere, including function names.", expect: t({ mustContain: ["export interface Depot {", "export function createDepot("], mustNotContain: ["Warehouse"], unchanged: [L.ENTITY_BLOCKS["Customer"]!, L.TS_TOTAL], maxChangedRatio: 0.03 }) },
  { canvas: L.orderService, name: "orders", slice: "restructure", instruction: "Restructure the whole file into one repository class per entity.", expect: r({ mustContain: ["class "], mustNotContain: ["export function createCustomer("] }) },
];

const GROUPS: Seed[][] = [memo, garden, launch, library, lisbon, notes, letter, recipe, onboarding, story, apology, release, pyCart, tsUsers, jsCart, pyInventory, goBooks, javaLibrary, pyStats, report, orders];

export function editCases(): EditCase[] {
  const cases: EditCase[] = [];
  const perSlice = new Map<string, number>();
  for (const group of GROUPS) {
    group.forEach((seed, index) => {
      const n = perSlice.get(seed.slice) ?? 0;
      perSlice.set(seed.slice, n + 1);
      cases.push({
        id: `edit-${seed.name}-${index + 1}`,
        split: splitFor(n),
        slice: seed.slice,
        canvas: seed.canvas,
        instruction: seed.instruction,
        ...(seed.selection ? { selection: seed.selection } : {}),
        expect: seed.expect,
      });
    });
  }
  return cases;
}
