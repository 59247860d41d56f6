// Edit cases on the first set of document canvases (writing.ts, long.ts) and on the Go and Java files
// (no runner for those). Rewrites check the output language, the length ratio where the task changes
// length, and that names and figures survive; targeted cases name their target, so a deletion or a
// one-space "edit" fails. Pairs such as "shorten the paragraph about desks" / "shorten the memo" ask
// for different modes on the same canvas.
import * as C from "./code.ts";
import * as L from "./long.ts";
import * as W from "./writing.ts";
import { all, r, swap, t, type EditSeed } from "./editSeed.ts";

const sw = L.regionParagraphs("Southwest");
const gulf = L.regionParagraphs("Gulf Coast");
const mid = L.regionParagraphs("Midwest");
const tex = L.regionParagraphs("Texas");
const se = L.regionParagraphs("Southeast");
const ne = L.regionParagraphs("New England");
const pnw = L.regionParagraphs("Pacific Northwest");

export const documentEdits: EditSeed[] = [
  // memo
  { canvas: W.memo, slice: "tone", instruction: "Make the first paragraph friendlier.", expect: t({ target: [W.MEMO_P[1]!], mustContain: ["Tuesdays", "Thursdays"], mustNotContain: ["so do not ask"], unchanged: all(W.MEMO_P, 0, 1), minRegionChange: 0.25, language: "eng", maxChangedRatio: 0.35 }),
    reference: (s) => swap(s, W.MEMO_P[1]!, "Starting next month, we'd love to see everyone in the office on Tuesdays and Thursdays. If that is hard for you, talk to your manager.") },
  { canvas: W.memo, slice: "tone", instruction: "Rewrite the whole memo in a warmer, more encouraging tone.", expect: r({ mustContain: ["Tuesdays", "Thursdays"], mustNotContain: ["so do not ask", "or you will not get one"], language: "eng", lengthRatio: { min: 0.6, max: 2 }, entities: ["6 p.m.", "FAQ"] }) },
  { canvas: W.memo, slice: "rename", instruction: "Change Tuesdays to Wednesdays.", expect: t({ mustContain: ["Wednesdays and Thursdays"], mustNotContain: ["Tuesdays"], unchanged: all(W.MEMO_P, 1), maxChangedRatio: 0.1 }),
    reference: (s) => swap(s, "Tuesdays", "Wednesdays") },
  { canvas: W.memo, slice: "delete", instruction: "Delete the paragraph about desks.", expect: t({ mustNotContain: ["Desks on the third floor"], deletion: true, unchanged: all(W.MEMO_P, 3), maxChangedRatio: 0.35 }),
    reference: (s) => swap(s, `\n\n${W.MEMO_P[3]}`, "") },
  { canvas: W.memo, slice: "shorten", instruction: "Shorten the paragraph about desks.", expect: t({ target: [W.MEMO_P[3]!], mustContain: ["desk app"], unchanged: all(W.MEMO_P, 3), lengthRatio: { max: 0.85 }, maxChangedRatio: 0.3 }),
    reference: (s) => swap(s, W.MEMO_P[3]!, "Third-floor desks are shared: book one in the desk app by 6 p.m. the day before.") },
  { canvas: W.memo, slice: "shorten", instruction: "Shorten the memo.", expect: r({ mustContain: ["Tuesdays"], language: "eng", lengthRatio: { min: 0.25, max: 0.8 }, entities: ["Thursdays"] }) },
  { canvas: W.memo, slice: "translate", instruction: "Translate the memo into Spanish.", expect: r({ mustContain: ["martes", "jueves"], mustNotContain: ["Starting next month", "collaboration has suffered"], language: "spa", lengthRatio: { min: 0.7, max: 1.6 }, entities: [["HR", "RR. HH.", "RRHH", "Recursos Humanos", "recursos humanos"], ["FAQ", "preguntas frecuentes", "PF"]] }) },
  { canvas: W.memo, slice: "selection", instruction: "Make this sound less dismissive.", selection: "Only contact HR if the FAQ really does not answer them.", expect: t({ mustNotContain: ["really does not answer them"], unchanged: all(W.MEMO_P, 4), language: "eng", maxChangedRatio: 0.2 }),
    reference: (s) => swap(s, "Only contact HR if the FAQ really does not answer them.", "HR is happy to help with anything the FAQ does not cover.") },
  { canvas: W.memo, slice: "rename", instruction: "Replace 'HR' with 'People Operations'.", expect: t({ mustContain: ["People Operations"], mustNotContain: ["contact HR"], unchanged: all(W.MEMO_P, 4), maxChangedRatio: 0.1 }),
    reference: (s) => swap(s, "contact HR", "contact People Operations") },

  // garden
  { canvas: W.garden, slice: "rename", instruction: "Rename the garden from 'Maple Street community garden' to 'Maple Commons Garden'.", expect: t({ mustContain: ["Maple Commons Garden"], mustNotContain: ["Maple Street community garden"], unchanged: all(W.GARDEN_P, 0), maxChangedRatio: 0.1 }),
    reference: (s) => swap(s, "Maple Street community garden", "Maple Commons Garden") },
  { canvas: W.garden, slice: "fix", instruction: "Change the opening date to May 15.", expect: t({ mustContain: ["May 15"], mustNotContain: ["on May 1."], unchanged: all(W.GARDEN_P, 6), maxChangedRatio: 0.1 }),
    reference: (s) => swap(s, "on May 1.", "on May 15.") },
  { canvas: W.garden, slice: "insert", instruction: "Add a section called 'Maintenance' before Risks explaining that volunteers will water on a rota and that each plot holder pays $20 a season.", expect: t({ target: ["## Risks"], mustContain: ["## Maintenance", "$20"], unchanged: W.GARDEN_P, maxChangedRatio: 0.45 }),
    reference: (s) => swap(s, "## Risks", "## Maintenance\n\nVolunteers will water the beds on a weekly rota, and each plot holder pays $20 a season towards water and tools.\n\n## Risks") },
  { canvas: W.garden, slice: "delete", instruction: "Delete the Risks section.", expect: t({ mustNotContain: ["## Risks", "gas station"], deletion: true, unchanged: all(W.GARDEN_P, 7, 8), maxChangedRatio: 0.4 }),
    reference: (s) => s.slice(0, s.indexOf("\n\n## Risks")) },
  { canvas: W.garden, slice: "restructure", instruction: "Turn the budget into a bulleted list.", expect: t({ target: [W.GARDEN_P[4]!], mustContain: ["$7,200", "$2,800", "$1,400", "$1,000"], mustNotContain: ["soil, $2,800"], unchanged: all(W.GARDEN_P, 4), maxChangedRatio: 0.4 }),
    reference: (s) => swap(s, W.GARDEN_P[4]!, "The total cost is $12,400:\n\n- $7,200 for lumber and soil\n- $2,800 for a water line\n- $1,400 for tools and a shed\n- $1,000 for signs and a small opening event") },
  { canvas: W.garden, slice: "tone", instruction: "Make the Goal section more persuasive.", expect: t({ target: [W.GARDEN_P[2]!], unchanged: all(W.GARDEN_P, 2), minRegionChange: 0.2, language: "eng", entities: ["30 raised beds", "14 Maple Street"], maxChangedRatio: 0.5 }) },
  { canvas: W.garden, slice: "restructure", instruction: "Rewrite the whole proposal as a persuasive letter to the city council.", expect: r({ mustContain: ["Dear", "$12,400"], mustNotContain: ["## Timeline"], language: "eng", entities: ["14 Maple Street", "1998"] }) },
  { canvas: W.garden, slice: "shorten", instruction: "Make it shorter, about half the length.", expect: r({ mustContain: ["$12,400"], mustNotContain: [W.GARDEN_P[2]!], language: "eng", lengthRatio: { min: 0.3, max: 0.7 } }) },

  // launch email
  { canvas: W.launch, slice: "rename", instruction: "Replace 'Fieldnote' with 'Notewise' everywhere.", expect: t({ mustContain: ["Notewise 2.0", "The Notewise team"], mustNotContain: ["Fieldnote"], maxChangedRatio: 0.15 }),
    reference: (s) => s.replaceAll("Fieldnote", "Notewise") },
  { canvas: W.launch, slice: "fix", instruction: "The trial is 14 days now, not 30. Update it.", expect: t({ mustContain: ["14 days"], mustNotContain: ["30 days"], unchanged: all(W.LAUNCH_P, 4), maxChangedRatio: 0.1 }),
    reference: (s) => swap(s, "30 days", "14 days") },
  { canvas: W.launch, slice: "tone", instruction: "Rewrite it so a five-year-old could understand it.", expect: r({ mustNotContain: ["We are thrilled to announce", "share a notebook with your whole team"], language: "eng", entities: ["Fieldnote"], lengthRatio: { min: 0.4, max: 1.8 } }) },
  { canvas: W.launch, slice: "shorten", instruction: "Make the paragraph that announces 2.0 more concise.", expect: t({ mustNotContain: [W.LAUNCH_P[2]!], unchanged: all(W.LAUNCH_P, 2), lengthRatio: { max: 0.8 }, language: "eng", maxChangedRatio: 0.35 }),
    reference: (s) => swap(s, W.LAUNCH_P[2]!, "Fieldnote 2.0 is here: notes sync across devices in under a second, and whole teams can share a notebook.") },
  { canvas: W.launch, slice: "translate", instruction: "Translate the email into French.", expect: r({ mustNotContain: ["Thanks for being with us", "The new search finds words"], language: "fra", entities: ["Fieldnote 2.0", "30"], lengthRatio: { min: 0.7, max: 1.6 } }) },

  // library essay
  { canvas: W.library, slice: "insert", instruction: "Add a paragraph after the third one about libraries serving as cooling centers during heat waves.", expect: t({ target: [W.LIBRARY_P[3]!], mustContain: ["heat"], unchanged: W.LIBRARY_P, maxChangedRatio: 0.45 }),
    reference: (s) => swap(s, W.LIBRARY_P[3]!, `${W.LIBRARY_P[3]}\n\nDuring heat waves, many libraries open their doors as cooling centers for people without air conditioning.`) },
  { canvas: W.library, slice: "restructure", instruction: "Swap the second and third paragraphs.", expect: t({ mustContain: ["apply for jobs.\n\nThey lend books", "in minutes.\n\nYet many"], unchanged: W.LIBRARY_P, maxChangedRatio: 0.6 }),
    reference: (s) => swap(s, `${W.LIBRARY_P[2]}\n\n${W.LIBRARY_P[3]}`, `${W.LIBRARY_P[3]}\n\n${W.LIBRARY_P[2]}`) },
  { canvas: W.library, slice: "restructure", instruction: "Rewrite the essay as a bulleted outline.", expect: r({ mustContain: ["- "], mustNotContain: [W.LIBRARY_P[1]!], language: "eng", lengthRatio: { min: 0.2, max: 1.3 } }) },
  { canvas: W.library, slice: "fix", instruction: "The last sentence should say 'like roads, water and power'.", expect: t({ mustContain: ["roads, water and power"], mustNotContain: ["like roads and water,"], unchanged: all(W.LIBRARY_P, 5), maxChangedRatio: 0.1 }),
    reference: (s) => swap(s, "like roads and water,", "like roads, water and power,") },
  { canvas: W.library, slice: "restructure", instruction: "Turn this into a poem.", expect: r({ mustNotContain: [W.LIBRARY_P[2]!, W.LIBRARY_P[3]!], language: "eng", lengthRatio: { min: 0.3, max: 2 } }) },
  { canvas: W.library, slice: "shorten", instruction: "Make the whole essay about 50% shorter.", expect: r({ mustNotContain: [W.LIBRARY_P[2]!, W.LIBRARY_P[3]!], language: "eng", lengthRatio: { min: 0.3, max: 0.7 } }) },
  { canvas: W.library, slice: "translate", instruction: "Translate only the last paragraph into French.", expect: t({ target: [W.LIBRARY_P[5]!], unchanged: all(W.LIBRARY_P, 5), language: "fra", maxChangedRatio: 0.4 }),
    reference: (s) => swap(s, W.LIBRARY_P[5]!, "Les villes devraient traiter les bibliothèques comme une infrastructure essentielle, au même titre que les routes et l'eau, et les financer en conséquence.") },
  { canvas: W.library, slice: "translate", instruction: "Translate it into French.", expect: r({ mustNotContain: [W.LIBRARY_P[1]!], language: "fra", lengthRatio: { min: 0.7, max: 1.6 } }) },
  { canvas: W.library, slice: "selection", instruction: "Add a concrete example here.", selection: "Closing at five on weekdays shuts out exactly the people who work during the day.", expect: t({ unchanged: all(W.LIBRARY_P, 4), lengthRatio: { min: 1.1 }, maxChangedRatio: 0.35 }),
    reference: (s) => swap(s, "during the day.", "during the day: a nurse on the early shift or a cleaner who finishes at six can never borrow a book.") },

  // Lisbon
  { canvas: W.lisbon, slice: "insert", instruction: "Add a 'Where to stay' section at the end recommending a hostel in Bairro Alto.", expect: t({ target: [W.LISBON_P[7]!], mustContain: ["Where to stay", "Bairro Alto"], unchanged: W.LISBON_P, maxChangedRatio: 0.45 }),
    reference: (s) => `${s}\n\n## Where to stay\n\nStay at a hostel in Bairro Alto: dorm beds start at about 20 euros, and the miradouros are a short walk away.` },
  { canvas: W.lisbon, slice: "rename", instruction: "Use digits in the day headings: 'Day 1', 'Day 2', 'Day 3'.", expect: t({ mustContain: ["## Day 1: Alfama", "## Day 2: Belém", "## Day 3: LX Factory"], mustNotContain: ["Day one", "Day two", "Day three"], unchanged: all(W.LISBON_P, 2, 4, 6), maxChangedRatio: 0.1 }),
    reference: (s) => s.replace("Day one", "Day 1").replace("Day two", "Day 2").replace("Day three", "Day 3") },
  { canvas: W.lisbon, slice: "translate", instruction: "Translate this post into Portuguese.", expect: r({ mustNotContain: ["Wear good shoes", "get lost in its narrow streets"], language: "por", entities: [["Lisbon", "Lisboa"], "Alfama", "Belém", "15", "LX Factory"], lengthRatio: { min: 0.7, max: 1.6 } }) },
  { canvas: W.lisbon, slice: "fix", instruction: "The castle costs 17 euros now; update that.", expect: t({ mustContain: ["17 euros"], mustNotContain: ["15 euros"], unchanged: all(W.LISBON_P, 3), maxChangedRatio: 0.1 }),
    reference: (s) => swap(s, "15 euros", "17 euros") },
  { canvas: W.lisbon, slice: "tone", instruction: "Make the Belém section more vivid and detailed.", expect: t({ mustNotContain: [W.LISBON_P[5]!], unchanged: all(W.LISBON_P, 5), lengthRatio: { min: 1.1 }, language: "eng", entities: ["Jerónimos"], maxChangedRatio: 0.6 }) },
  { canvas: W.lisbon, slice: "tone", instruction: "Make the whole post more vivid and detailed.", expect: r({ mustNotContain: [W.LISBON_P[1]!, W.LISBON_P[7]!], language: "eng", lengthRatio: { min: 1.1, max: 3 }, entities: ["Alfama", "Belém", "LX Factory"] }) },

  // design review notes
  { canvas: W.notes, slice: "insert", instruction: "Add Li (QA) to the attendees.", expect: t({ target: [W.NOTES_P[2]!], mustContain: ["Li (QA)"], unchanged: all(W.NOTES_P, 2), maxChangedRatio: 0.2 }),
    reference: (s) => swap(s, "- Wei (product)", "- Wei (product)\n- Li (QA)") },
  { canvas: W.notes, slice: "fix", instruction: "Mark Jonas's action item as done.", expect: t({ mustContain: ["- [x] Jonas: estimate the dark mode work"], mustNotContain: ["- [ ] Jonas"], unchanged: ["- [ ] Maria: update the onboarding mockups by Friday", ...all(W.NOTES_P, 6)], maxChangedRatio: 0.05 }),
    reference: (s) => swap(s, "- [ ] Jonas", "- [x] Jonas") },
  { canvas: W.notes, slice: "delete", instruction: "Remove the Internet Explorer decision and its action item.", expect: t({ mustNotContain: ["Internet Explorer", "IE change"], deletion: true, unchanged: ["- Maria (design)", "- Dark mode ships in the April release.", "- [ ] Jonas: estimate the dark mode work"], maxChangedRatio: 0.3 }),
    reference: (s) => swap(swap(s, "\n- We will stop supporting Internet Explorer.", ""), "\n- [ ] Wei: tell support about the IE change", "") },
  { canvas: W.notes, slice: "restructure", instruction: "Rewrite these notes as a short email to the team summarising the review.", expect: r({ mustNotContain: ["## Attendees", "- [ ] "], language: "eng", entities: ["Maria", "Jonas", "Wei", "April"] }) },

  // cover letter
  { canvas: W.letter, slice: "rename", instruction: "Change the company name to Eastgate Shipping everywhere.", expect: t({ mustContain: ["Eastgate Shipping"], mustNotContain: ["Northwind"], unchanged: all(W.LETTER_P, 1, 3), maxChangedRatio: 0.1 }),
    reference: (s) => s.replace("Northwind Logistics", "Eastgate Shipping").replaceAll("Northwind", "Eastgate Shipping") },
  { canvas: W.letter, slice: "tone", instruction: "Make the whole letter more formal.", expect: r({ mustContain: ["Daniel Reyes"], mustNotContain: ["taught myself SQL to pull shipment data directly instead of waiting"], language: "eng", entities: ["Northwind", "Harbor Freight Lines", "SQL"], lengthRatio: { min: 0.6, max: 1.8 } }) },
  { canvas: W.letter, slice: "shorten", instruction: "Shorten the paragraph about my job at Harbor Freight Lines to one sentence.", expect: t({ mustNotContain: [W.LETTER_P[1]!], unchanged: all(W.LETTER_P, 1), lengthRatio: { max: 0.8 }, entities: ["Harbor Freight Lines"], maxChangedRatio: 0.3 }),
    reference: (s) => swap(s, W.LETTER_P[1]!, "I am applying for the Junior Data Analyst position at Northwind Logistics, bringing two years of building route-planning reports at Harbor Freight Lines.") },
  { canvas: W.letter, slice: "insert", instruction: "Add a sentence to the paragraph about SQL saying I'm learning Python.", expect: t({ target: [W.LETTER_P[2]!], mustContain: ["Python"], unchanged: all(W.LETTER_P, 2), maxChangedRatio: 0.25 }),
    reference: (s) => swap(s, "forty minutes.", "forty minutes. I am now learning Python to automate the rest of the report.") },
  { canvas: W.letter, slice: "selection", instruction: "Make this more specific.", selection: W.LETTER_P[3]!, expect: t({ mustNotContain: ["I would bring the same habit of automating repetitive work to Northwind. I am especially"], unchanged: all(W.LETTER_P, 3), language: "eng", maxChangedRatio: 0.4 }) },

  // banana bread
  { canvas: W.recipe, slice: "fix", instruction: "Fix the spelling mistake.", expect: t({ mustContain: ["until just combined"], mustNotContain: ["untill"], unchanged: all(W.RECIPE_P, 5), maxChangedRatio: 0.02 }),
    reference: (s) => swap(s, "untill", "until") },
  { canvas: W.recipe, slice: "insert", instruction: "Add 100 g of chopped walnuts to the ingredients and fold them in at step 4.", expect: t({ target: ["- a pinch of salt", "4. Fold in the flour and salt untill just combined."], mustContain: ["walnuts"], unchanged: ["1. Heat the oven to 175 °C and butter a loaf tin.", "5. Bake for 60 minutes, until a skewer comes out clean.", "- 3 ripe bananas"], maxChangedRatio: 0.2 }),
    reference: (s) => swap(swap(s, "- a pinch of salt", "- a pinch of salt\n- 100 g chopped walnuts"), "flour and salt untill", "flour, salt and walnuts untill") },
  { canvas: W.recipe, slice: "fix", instruction: "Change the baking time to 55 minutes.", expect: t({ mustContain: ["55 minutes"], mustNotContain: ["60 minutes"], unchanged: all(W.RECIPE_P, 5), maxChangedRatio: 0.05 }),
    reference: (s) => swap(s, "60 minutes", "55 minutes") },
  { canvas: W.recipe, slice: "delete", instruction: "Leave out the salt.", expect: t({ mustNotContain: ["salt"], unchanged: ["- 3 ripe bananas", "1. Heat the oven to 175 °C and butter a loaf tin."], maxChangedRatio: 0.1 }),
    reference: (s) => swap(swap(s, "\n- a pinch of salt", ""), "the flour and salt untill", "the flour untill") },

  // onboarding guide
  { canvas: W.onboarding, slice: "rename", instruction: "We switched from Zendesk to Freshdesk; update the guide.", expect: t({ mustContain: ["Freshdesk"], mustNotContain: ["Zendesk"], unchanged: all(W.ONBOARDING_P, 3), maxChangedRatio: 0.05 }),
    reference: (s) => swap(s, "Zendesk", "Freshdesk") },
  { canvas: W.onboarding, slice: "restructure", instruction: "Move the Tone section before Escalation.", expect: t({ mustContain: ["two hours a day.\n\n## Tone", "focus on the fix.\n\n## Escalation"], unchanged: W.ONBOARDING_P, maxChangedRatio: 0.6 }),
    reference: (s) => swap(swap(s, `\n\n${W.ONBOARDING_P[8]}\n\n${W.ONBOARDING_P[9]}`, ""), "\n\n## Escalation", `\n\n${W.ONBOARDING_P[8]}\n\n${W.ONBOARDING_P[9]}\n\n## Escalation`) },
  { canvas: W.onboarding, slice: "restructure", instruction: "Rewrite the guide as an FAQ with questions and answers.", expect: r({ mustContain: ["?"], mustNotContain: ["## Tools\n"], language: "eng", entities: ["Zendesk", "Slack", "Notion", "#escalations"] }) },
  { canvas: W.onboarding, slice: "translate", instruction: "Translate the guide into German.", expect: r({ mustNotContain: ["Welcome to the support team", "shadow a senior agent"], language: "deu", entities: ["Zendesk", "Slack", "Notion", "#escalations"], lengthRatio: { min: 0.7, max: 1.6 } }) },
  { canvas: W.onboarding, slice: "insert", instruction: "Add that billing errors over $500 should also be escalated.", expect: t({ target: [W.ONBOARDING_P[7]!], mustContain: ["$500"], unchanged: all(W.ONBOARDING_P, 7), maxChangedRatio: 0.2 }),
    reference: (s) => swap(s, "or an outage.", "or an outage, and when a billing error is over $500.") },

  // story
  { canvas: W.story, slice: "rename", instruction: "Change the protagonist's name from Ines to Marta.", expect: t({ mustContain: ["Marta"], mustNotContain: ["Ines"], unchanged: [W.STORY_P[2]!], maxChangedRatio: 0.1 }),
    reference: (s) => s.replaceAll("Ines", "Marta") },
  { canvas: W.story, slice: "insert", instruction: "Continue the story with two more paragraphs.", expect: t({ target: [W.STORY_P[4]!], unchanged: W.STORY_P, language: "eng", lengthRatio: { min: 1.5 } }),
    reference: (s) => `${s}\n\nShe climbed the stairs to the lamp room and read it a fourth time by the light of the beam.\n\nAt the bottom, under her mother's name, was a line she had missed: "When you find this, look under the third step."` },
  { canvas: W.story, slice: "restructure", instruction: "Rewrite the story in the first person, from Ines's point of view.", expect: r({ mustContain: ["I "], mustNotContain: ["Ines had kept the light"], language: "eng", entities: ["Corvo"], lengthRatio: { min: 0.6, max: 2 } }) },
  { canvas: W.story, slice: "tone", instruction: "Make the ending more suspenseful.", expect: t({ target: [W.STORY_P[4]!], unchanged: all(W.STORY_P, 4), minRegionChange: 0.2, language: "eng", maxChangedRatio: 0.6 }) },
  { canvas: W.story, slice: "restructure", instruction: "Turn it into a poem.", expect: r({ mustNotContain: [W.STORY_P[2]!], language: "eng", lengthRatio: { min: 0.3, max: 2.5 } }) },

  // reply to a customer
  { canvas: W.apology, slice: "tone", instruction: "Rewrite this reply to be apologetic and helpful.", expect: r({ mustContain: ["4471"], mustNotContain: ["not ours", "We can't do anything else about it."], language: "eng", entities: ["Patel", "10 business days"] }) },
  { canvas: W.apology, slice: "tone", instruction: "Soften only the last paragraph before the sign-off.", expect: t({ mustNotContain: ["We can't do anything else about it."], unchanged: all(W.APOLOGY_P, 3), language: "eng", maxChangedRatio: 0.35 }),
    reference: (s) => swap(s, "We can't do anything else about it.", "We're sorry we can't do more right now, but we will keep an eye on your order.") },
  { canvas: W.apology, slice: "fix", instruction: "The order number is #4417, not #4471.", expect: t({ mustContain: ["#4417"], mustNotContain: ["4471"], unchanged: all(W.APOLOGY_P, 1), maxChangedRatio: 0.05 }),
    reference: (s) => swap(s, "#4471", "#4417") },
  { canvas: W.apology, slice: "selection", instruction: "Don't blame the courier here; take responsibility.", selection: "so the delay is the courier's fault, not ours", expect: t({ mustNotContain: ["not ours"], unchanged: all(W.APOLOGY_P, 1), language: "eng", maxChangedRatio: 0.35 }),
    reference: (s) => swap(s, "so the delay is the courier's fault, not ours", "but the delay is still our responsibility, and we are sorry") },

  // release notes
  { canvas: W.release, slice: "insert", instruction: "Add a fixed item: 'Uploading files over 10 MB no longer times out.'", expect: t({ target: [W.RELEASE_P[4]!], mustContain: ["- Uploading files over 10 MB no longer times out."], unchanged: all(W.RELEASE_P, 4), maxChangedRatio: 0.3 }),
    reference: (s) => swap(s, "week start setting.", "week start setting.\n- Uploading files over 10 MB no longer times out.") },
  { canvas: W.release, slice: "fix", instruction: "This is release 3.5, not 3.4.", expect: t({ mustContain: ["# Release 3.5"], mustNotContain: ["3.4"], unchanged: all(W.RELEASE_P, 0), maxChangedRatio: 0.05 }),
    reference: (s) => swap(s, "3.4", "3.5") },
  { canvas: W.release, slice: "restructure", instruction: "Rewrite the release notes as a friendly blog post.", expect: r({ mustNotContain: ["## Fixed", "## Changed"], language: "eng", entities: ["PDF", "Ctrl+K", "five boards"] }) },
  { canvas: W.release, slice: "delete", instruction: "Delete the Changed section.", expect: t({ mustNotContain: ["## Changed", "five boards"], deletion: true, unchanged: all(W.RELEASE_P, 5, 6), maxChangedRatio: 0.3 }),
    reference: (s) => s.slice(0, s.indexOf("\n\n## Changed")) },

  // regional sales report (2,000+ words)
  { canvas: L.regionalReport, slice: "rename", instruction: "Lucia Herrera has left; the Southwest is now led by Hana Sato, since 2025. Update the report.", expect: t({ target: [sw.first], mustContain: ["Hana Sato"], mustNotContain: ["Lucia Herrera"], unchanged: [sw.second, gulf.first, mid.first], maxChangedRatio: 0.02 }),
    reference: (s) => swap(s, "Lucia Herrera, who has led the Southwest region since 2020", "Hana Sato, who has led the Southwest region since 2025") },
  { canvas: L.regionalReport, slice: "fix", instruction: "Fix the spelling mistake in the Southeast section.", expect: t({ mustContain: ["received few complaints"], mustNotContain: ["recieved"], unchanged: [se.first, sw.first, gulf.second], maxChangedRatio: 0.005 }),
    reference: (s) => swap(s, "recieved", "received") },
  { canvas: L.regionalReport, slice: "delete", instruction: "Delete the Gulf Coast section.", expect: t({ mustNotContain: ["## Gulf Coast", "Renée Broussard", "free shuttle from a nearby garage"], deletion: true, unchanged: [tex.first, tex.second, se.first, se.second], maxChangedRatio: 0.1 }),
    reference: (s) => swap(s, s.slice(s.indexOf("## Gulf Coast"), s.indexOf("## Southeast")), "") },
  { canvas: L.regionalReport, slice: "tone", instruction: "Make the conclusion more optimistic.", expect: t({ target: [L.REPORT_CONCLUSION_P1], unchanged: [L.REPORT_INTRO_P2, ne.first, ne.second, pnw.first], mustNotContain: ["2025 was a year of uneven growth."], language: "eng", maxChangedRatio: 0.12 }),
    reference: (s) => swap(s, "2025 was a year of uneven growth.", "2025 showed how quickly our teams can adapt.") },
  { canvas: L.regionalReport, slice: "insert", instruction: "Add a sentence to the introduction noting that all figures are unaudited.", expect: t({ target: [L.REPORT_INTRO_P2], mustContain: ["unaudited"], unchanged: [L.REPORT_CONCLUSION_P1, pnw.first, mid.second], maxChangedRatio: 0.05 }),
    reference: (s) => swap(s, "just over a quarter of all sales.", "just over a quarter of all sales. All figures in this report are unaudited.") },
  { canvas: L.regionalReport, slice: "translate", instruction: "Translate the report into French.", expect: r({ mustNotContain: ["reported revenue of", "The main difficulty this year was"], language: "fra", entities: ["Cobalt Outdoor", "Erik Lindqvist", "Atlas Pro", "Portland"], lengthRatio: { min: 0.7, max: 1.6 } }) },
  { canvas: L.regionalReport, slice: "shorten", instruction: "Condense the whole report into a one-page executive summary.", expect: r({ mustNotContain: [pnw.second, se.second, ne.second], language: "eng", lengthRatio: { max: 0.35 }, entities: ["Canada", "Mountain West"] }) },
  { canvas: L.regionalReport, slice: "rename", instruction: "We renamed the Atlas Pro tent to Atlas Max. Update it throughout.", expect: t({ mustContain: ["Atlas Max"], mustNotContain: ["Atlas Pro"], unchanged: [sw.first, tex.first, L.REPORT_CONCLUSION_P2], maxChangedRatio: 0.02 }),
    reference: (s) => s.replaceAll("Atlas Pro", "Atlas Max") },
  { canvas: L.regionalReport, slice: "selection", instruction: "Rewrite this paragraph in plainer language.", selection: mid.first, expect: t({ mustNotContain: [mid.first], unchanged: [mid.second, sw.first, pnw.first, L.REPORT_INTRO_P2], language: "eng", entities: ["Grace Okonkwo", "13.9"], maxChangedRatio: 0.1 }) },
  { canvas: L.regionalReport, slice: "insert", instruction: "Add a table before the conclusion listing each region's revenue and growth.", expect: t({ target: ["## Conclusion"], mustContain: ["|"], unchanged: [L.REPORT_CONCLUSION_P1, pnw.first, ne.second], maxChangedRatio: 0.35 }) },

  // Go and Java (no runner: the checks are textual)
  { canvas: C.goBooks, slice: "fix", instruction: "Return 400 Bad Request when the id is not a number.", expect: t({ target: ['\tid, _ := strconv.Atoi(r.URL.Query().Get("id"))'], mustContain: ["http.StatusBadRequest"], unchanged: [C.GO_LIST, C.GO_BOOKS], maxChangedRatio: 0.25 }),
    reference: (s) => swap(s, '\tid, _ := strconv.Atoi(r.URL.Query().Get("id"))', '\tid, err := strconv.Atoi(r.URL.Query().Get("id"))\n\tif err != nil {\n\t\tw.WriteHeader(http.StatusBadRequest)\n\t\treturn\n\t}') },
  { canvas: C.goBooks, slice: "fix", instruction: "Change the port to 3000.", expect: t({ mustContain: [":3000"], mustNotContain: [":8080"], unchanged: [C.GO_LIST, C.GO_BOOKS], maxChangedRatio: 0.05 }),
    reference: (s) => swap(s, ":8080", ":3000") },
  { canvas: C.goBooks, slice: "fix", instruction: "Don't ignore the error from ListenAndServe.", expect: t({ mustContain: ['ListenAndServe(":8080", nil)'], mustNotContain: ["\thttp.ListenAndServe("], unchanged: [C.GO_LIST, C.GO_BOOKS], maxChangedRatio: 0.1 }),
    reference: (s) => swap(s, '\thttp.ListenAndServe(":8080", nil)', '\tlog.Fatal(http.ListenAndServe(":8080", nil))') },
  { canvas: C.goBooks, slice: "insert", instruction: "Add a third book: The Left Hand of Darkness by Ursula K. Le Guin.", expect: t({ target: [C.GO_BOOKS], mustContain: ["The Left Hand of Darkness"], unchanged: [C.GO_LIST], maxChangedRatio: 0.1 }),
    reference: (s) => swap(s, '"Octavia E. Butler"},', '"Octavia E. Butler"},\n\t{ID: 3, Title: "The Left Hand of Darkness", Author: "Ursula K. Le Guin"},') },
  { canvas: C.goBooks, slice: "translate", instruction: "Port this server to TypeScript with Express.", expect: r({ mustContain: ["express"], mustNotContain: ["package main", "func "], entities: ["Dune", "Kindred", "/books"] }) },
  { canvas: C.javaLibrary, slice: "fix", instruction: "Fix the string comparison bug in contains.", expect: t({ target: ["            if (t == title) {"], mustContain: ["public boolean contains(String title)"], mustNotContain: ["t == title"], unchanged: [C.JAVA_ADD, C.JAVA_COUNT], maxChangedRatio: 0.2 }),
    reference: (s) => swap(s, "t == title", "t.equals(title)") },
  { canvas: C.javaLibrary, slice: "fix", instruction: "Make all() return an unmodifiable view instead of the internal list.", expect: t({ mustContain: ["public List<String> all()"], mustNotContain: ["return titles;"], unchanged: [C.JAVA_ADD, C.JAVA_COUNT], maxChangedRatio: 0.15 }),
    reference: (s) => swap(s, "return titles;", "return java.util.Collections.unmodifiableList(titles);") },
  { canvas: C.javaLibrary, slice: "rename", instruction: "Rename the class to BookShelf.", expect: t({ mustContain: ["public class BookShelf"], mustNotContain: ["class Library"], unchanged: [C.JAVA_ADD, C.JAVA_COUNT], maxChangedRatio: 0.05 }),
    reference: (s) => swap(s, "class Library", "class BookShelf") },
  { canvas: C.javaLibrary, slice: "translate", instruction: "Port this class to Python.", expect: r({ mustContain: ["def "], mustNotContain: ["public class", "private final"], run: { language: "python", test: "import subject\nlib = (getattr(subject, 'Library', None) or getattr(subject, 'BookShelf'))()\nlib.add('Dune')\nassert lib.contains('Dune') and lib.count() == 1\n" } }),
    reference: () => "class Library:\n    def __init__(self):\n        self._titles = []\n\n    def add(self, title):\n        self._titles.append(title)\n\n    def contains(self, title):\n        return title in self._titles\n\n    def count(self):\n        return len(self._titles)\n\n    def all(self):\n        return self._titles" },
];
