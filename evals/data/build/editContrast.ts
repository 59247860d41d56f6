// Cases where the words of the instruction point the wrong way: a targeted edit asked for with
// "rewrite", "translate", "shorten" or "convert" (of one part), and whole-canvas rewrites asked for
// without any of those words. A mode rule that reads keywords fails them.
import * as C from "./code.ts";
import * as J from "./codeJs.ts";
import * as P from "./codePy.ts";
import { jsTest, pyQuietTest, tsTest } from "./codeTests.ts";
import { all, r, swap, t, type EditSeed } from "./editSeed.ts";
import * as F from "./writingLife.ts";
import * as K from "./writingWork.ts";
import * as W from "./writing.ts";

const DESCRIBE = ["def describe(celsius):", "    if celsius < 0:", '        return "freezing"', "    if celsius < 15:", '        return "cold"', "    if celsius < 25:", '        return "mild"', '    return "hot"'].join("\n");

export const contrastEdits: EditSeed[] = [
  { canvas: W.story, slice: "tone", instruction: "Rewrite only the last sentence so that it ends on a question.", expect: t({ target: [W.STORY_P[4]!], unchanged: all(W.STORY_P, 4), mustContain: ["?"], language: "eng", maxChangedRatio: 0.3 }),
    reference: (s) => swap(s, W.STORY_P[4]!, "She read the letter three times before she noticed the date at the top: how could it have been written the week Ines was born?") },
  { canvas: K.grant, slice: "translate", instruction: "Translate the 'Who we are' paragraph into German for our partner in Berlin.", expect: t({ target: [K.GRANT_P[2]!], unchanged: all(K.GRANT_P, 2), language: "deu", entities: ["Code Bridge", "212", "131"], maxChangedRatio: 0.3 }),
    reference: (s) => swap(s, K.GRANT_P[2]!, "Code Bridge unterrichtet Geflüchtete und Asylsuchende in Leeds in Webentwicklung. Seit 2019 haben 212 Teilnehmende unseren zwölfwöchigen Kurs abgeschlossen, und 131 von ihnen arbeiten heute in der Technologiebranche.") },
  { canvas: F.plant, slice: "shorten", instruction: "Shorten the Light section to one sentence.", expect: t({ target: [F.PLANT_P[3]!], unchanged: all(F.PLANT_P, 3), lengthRatio: { max: 0.8 }, maxChangedRatio: 0.2 }),
    reference: (s) => swap(s, F.PLANT_P[3]!, "Keep it near an east- or west-facing window, out of direct midday sun.") },
  { canvas: K.research, slice: "tone", instruction: "Rewrite the Limits paragraph in plainer words.", expect: t({ target: [K.RESEARCH_P[6]!], unchanged: all(K.RESEARCH_P, 6), minRegionChange: 0.3, language: "eng", maxChangedRatio: 0.3 }),
    reference: (s) => swap(s, K.RESEARCH_P[6]!, "The study only looked at call-centre staff, whose work is easy to count and mostly done alone. People in creative or team jobs might not see the same results.") },
  { canvas: F.kyoto, slice: "restructure", instruction: "Convert the getting-around paragraph into a bulleted list.", expect: t({ target: [F.KYOTO_P[7]!], unchanged: all(F.KYOTO_P, 7), mustContain: ["- "], entities: ["700 yen", "fifteen minutes"], maxChangedRatio: 0.2 }),
    reference: (s) => swap(s, F.KYOTO_P[7]!, "- A one-day bus pass costs 700 yen and covers most sights in the centre.\n- For Arashiyama, the JR line from Kyoto Station takes fifteen minutes.") },
  { canvas: W.onboarding, slice: "restructure", instruction: "Rewrite the Tone section as three short rules.", expect: t({ target: [W.ONBOARDING_P[9]!], unchanged: all(W.ONBOARDING_P, 9), minRegionChange: 0.3, maxChangedRatio: 0.25 }),
    reference: (s) => swap(s, W.ONBOARDING_P[9]!, "- Be warm.\n- Be direct.\n- Apologise once, then fix the problem.") },
  { canvas: K.investor, slice: "shorten", instruction: "Summarise the highlights in one sentence instead of a list.", expect: t({ target: [K.INVESTOR_P[4]!], unchanged: all(K.INVESTOR_P, 4), mustNotContain: ["- Monthly recurring revenue"], entities: ["$138,000", "Dana Whitlock"], maxChangedRatio: 0.3 }),
    reference: (s) => swap(s, K.INVESTOR_P[4]!, "Monthly recurring revenue reached $138,000, gross margin rose from 61% to 67%, and we hired Dana Whitlock, formerly of Medlink, as head of sales.") },
  { canvas: K.privacy, slice: "shorten", instruction: "Condense the 'Why we collect it' section into one sentence.", expect: t({ target: [K.PRIVACY_P[5]!], unchanged: all(K.PRIVACY_P, 5), lengthRatio: { max: 0.8 }, maxChangedRatio: 0.2 }),
    reference: (s) => swap(s, K.PRIVACY_P[5]!, "We use your data to deliver orders, answer questions and, if you agree, send our monthly newsletter, which you can leave at any time.") },
  { canvas: F.eulogy, slice: "shorten", instruction: "Shorten the paragraph about fishing.", expect: t({ target: [F.EULOGY_P[3]!], unchanged: all(F.EULOGY_P, 3), lengthRatio: { max: 0.8 }, entities: ["Walden Pond"], maxChangedRatio: 0.2 }),
    reference: (s) => swap(s, F.EULOGY_P[3]!, "On Sunday mornings at Walden Pond he taught me to fish, and, without saying so, to be patient.") },
  { canvas: C.tsUsers, slice: "restructure", instruction: "Rewrite findByEmail as a one-liner using find().", expect: t({ target: [C.TS_USERS_FIND], unchanged: [C.TS_USERS_ADD, C.TS_USERS_LIST], mustContain: ["find("], maxChangedRatio: 0.2, run: { test: tsTest(
    "m.addUser('a@x.io', 'A');",
    "assert.equal(m.findByEmail('a@x.io').name, 'A');",
    "assert.equal(m.findByEmail('b@x.io'), undefined);") } }),
    reference: (s) => swap(s, C.TS_USERS_FIND, "export function findByEmail(email: string): User | undefined {\n  return [...users.values()].find((user) => user.email === email);\n}") },
  { canvas: P.pyTemps, slice: "restructure", instruction: "Rewrite describe() with a lookup table instead of the chain of ifs.", expect: t({ target: [DESCRIBE], maxChangedRatio: 0.5, run: { test: pyQuietTest(
    "for value, word in [(-5, 'freezing'), (0, 'cold'), (14, 'cold'), (15, 'mild'), (24, 'mild'), (25, 'hot')]:",
    "    assert subject.describe(value) == word, (value, subject.describe(value))",
    "import inspect",
    "assert inspect.getsource(subject.describe).count('if ') <= 1") } }),
    reference: (s) => swap(s, DESCRIBE, ["def describe(celsius):", '    bands = [(0, "freezing"), (15, "cold"), (25, "mild")]', "    return next((word for limit, word in bands if celsius < limit), \"hot\")"].join("\n")) },
  { canvas: J.jsTiming, slice: "restructure", instruction: "Convert debounce to an arrow function; leave once alone.", expect: t({ target: [J.JS_DEBOUNCE], unchanged: [J.JS_ONCE], maxChangedRatio: 0.3, run: { test: jsTest(
    "import { readFileSync } from 'node:fs';",
    "assert.match(readFileSync('subject.js', 'utf8'), /const debounce = \\(/);",
    "let calls = 0; const f = m.debounce(() => calls++, 5); f();",
    "await new Promise((resolve) => setTimeout(resolve, 40));",
    "assert.equal(calls, 1);") } }),
    reference: (s) => swap(s, "function debounce(fn, waitMs) {\n  let timer = null;\n  return function (...args) {\n    timer = setTimeout(() => fn.apply(this, args), waitMs);\n  };\n}", "const debounce = (fn, waitMs) => {\n  let timer = null;\n  return function (...args) {\n    timer = setTimeout(() => fn.apply(this, args), waitMs);\n  };\n};") },

  // Whole-canvas rewrites in words that never say "rewrite".
  { canvas: F.nurse, slice: "tone", instruction: "Make the whole letter sound more confident.", expect: r({ language: "eng", entities: ["St. Anne's", "Riverside General", "Theo Marsh"], mustNotContain: [F.NURSE_P[3]!], lengthRatio: { min: 0.6, max: 1.8 } }) },
  { canvas: W.release, slice: "tone", instruction: "Make the release notes playful from top to bottom.", expect: r({ language: "eng", entities: ["PDF", "Ctrl+K", "3.4"], mustNotContain: ["- Export boards to PDF."] }) },
  { canvas: K.wifi, slice: "tone", instruction: "Make the guide friendlier from start to finish.", expect: r({ language: "eng", entities: ["Harbor-5G", "Harbor-Guest", "speedtest.example.net"], mustNotContain: [K.WIFI_P[1]!, K.WIFI_P[5]!] }) },
  { canvas: K.press, slice: "tone", instruction: "Make it suitable for a children's magazine.", expect: r({ language: "eng", entities: ["Volt 3"], mustNotContain: [K.PRESS_P[1]!, K.PRESS_P[2]!], lengthRatio: { min: 0.4, max: 1.6 } }) },
  { canvas: F.bookReview, slice: "tone", instruction: "Make the review much more enthusiastic.", expect: r({ language: "eng", entities: ["Amara Osei", "The Salt Road"], mustNotContain: [F.BOOKREVIEW_P[3]!] }) },
  { canvas: K.spec, slice: "shorten", instruction: "Make the PRD more concise throughout.", expect: r({ language: "eng", lengthRatio: { min: 0.3, max: 0.85 }, entities: ["66", "30%"] }) },
  { canvas: K.research, slice: "tone", instruction: "Make this readable for a general audience.", expect: r({ language: "eng", entities: ["13%"], mustNotContain: [K.RESEARCH_P[3]!], lengthRatio: { min: 0.5, max: 1.8 } }) },
  { canvas: F.plant, slice: "tone", instruction: "Make the guide fun for a teenager who just got their first plant.", expect: r({ language: "eng", entities: [["monstera", "Monstera"]], mustNotContain: [F.PLANT_P[1]!], lengthRatio: { min: 0.5, max: 2 } }) },
  { canvas: C.jsCart, slice: "restructure", instruction: "Modernise the whole file: ES2020 syntax, arrow functions, no var.", expect: r({ mustNotContain: ["var "], entities: ["TAX_RATE", "cartTotal", "removeItem"], run: { test: jsTest(
    "assert.ok(Math.abs(m.cartTotal([{ price: 5, qty: 2 }]) - 12) < 1e-9);",
    "assert.deepEqual(m.addItem([], { name: 'a' }).length, 1);") } }),
    reference: () => "const TAX_RATE = 0.2;\n\nconst cartTotal = (cart) => cart.reduce((total, item) => total + item.price * item.qty, 0) * (1 + TAX_RATE);\n\nconst addItem = (cart, item) => [...cart, item];\n\nconst removeItem = (cart, name) => cart.filter((item) => item.name !== name);\n\nmodule.exports = { cartTotal, addItem, removeItem };" },
];
