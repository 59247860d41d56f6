// Short writing canvases (markdown, in the form our serializer writes it back: "-" bullets, blank lines
// between blocks) shared by the edit and comment datasets. Each is a realistic draft a person would
// iterate on; some carry a deliberate flaw that an edit case asks to fix.
import { family, type CanvasSeed } from "./family.ts";
export type { CanvasSeed } from "./family.ts";

const doc = (title: string, paragraphs: string[]): CanvasSeed => ({ kind: "document", title, content: paragraphs.join("\n\n") });

export const MEMO_P = [
  "# Remote work policy update",
  "Starting next month, everyone must be in the office on Tuesdays and Thursdays. No exceptions will be made, so do not ask.",
  "The reason is simple: collaboration has suffered. Too many decisions are being made in private chats, and new hires say they feel lost.",
  "Desks on the third floor will be shared. Book one in the desk app by 6 p.m. the day before, or you will not get one.",
  "If you have questions, read the FAQ first. Only contact HR if the FAQ really does not answer them.",
];
export const memo = doc("Remote work policy update", MEMO_P);

export const GARDEN_P = [
  "# Proposal: Maple Street community garden",
  "## Goal",
  "We propose turning the empty lot at 14 Maple Street into a community garden with 30 raised beds. The garden will give families without yards a place to grow food and will bring neighbors together.",
  "## Budget",
  "The total cost is $12,400: $7,200 for lumber and soil, $2,800 for a water line, $1,400 for tools and a shed, and $1,000 for signs and a small opening event.",
  "## Timeline",
  "We will clear the lot in March, build the beds in April and open the garden on May 1. Plots will be assigned by lottery in late April.",
  "## Risks",
  "The soil may be contaminated, since the lot was a gas station until 1998. We will test it before building and use raised beds with fresh soil either way.",
];
export const garden = doc("Maple Street community garden", GARDEN_P);

export const LAUNCH_P = [
  "Subject: Introducing Fieldnote 2.0",
  "Hi everyone,",
  "We are thrilled to announce Fieldnote 2.0, the biggest update since we launched. Notes now sync across devices in under a second, and you can share a notebook with your whole team.",
  "The new search finds words inside photos and PDFs. Type a word you remember, and Fieldnote shows every page where it appears.",
  "Fieldnote 2.0 is free for current subscribers. New users can try it for 30 days without a credit card.",
  "Thanks for being with us,\nThe Fieldnote team",
];
export const launch = doc("Fieldnote 2.0 launch email", LAUNCH_P);

export const LIBRARY_P = [
  "# Why libraries matter",
  "Public libraries are one of the last places where anyone can spend a whole afternoon without buying anything. They welcome students, retirees, job seekers and tourists alike.",
  "They lend books, but they also lend quiet, internet access and expert help. A librarian can find a court form, a tax guide or a novel you half remember in minutes.",
  "Towns that fund their libraries well see higher literacy and stronger civic life. Children who visit a library weekly read more at home, and adults use library computers to apply for jobs.",
  "Yet many libraries have cut their opening hours. Closing at five on weekdays shuts out exactly the people who work during the day.",
  "Cities should treat libraries as essential infrastructure, like roads and water, and fund them accordingly.",
];
export const library = doc("Why libraries matter", LIBRARY_P);

export const LISBON_P = [
  "# Three days in Lisbon on a budget",
  "Lisbon is one of the cheapest capitals in western Europe, and most of its best sights cost nothing. Wear good shoes: the city is built on seven hills.",
  "## Day one: Alfama and the castle",
  "Start in Alfama, the oldest district, and get lost in its narrow streets. Climb to the Miradouro de Santa Luzia for a free view over the river. The castle costs 15 euros; skip it if you are saving money, since the view from the miradouro is nearly as good.",
  "## Day two: Belém",
  "Take tram 15 to Belém and try a pastel de nata at the famous bakery near the monastery. The Jerónimos Monastery is worth the queue, and the riverside park next to it is free.",
  "## Day three: LX Factory and the river",
  "Spend the morning at LX Factory, a former textile complex full of bookshops and cafés, then walk back along the river to Cais do Sodré.",
];
export const lisbon = doc("Three days in Lisbon", LISBON_P);

export const NOTES_P = [
  "# Design review — 12 March",
  "## Attendees",
  "- Maria (design)\n- Jonas (engineering)\n- Wei (product)",
  "## Decisions",
  "- The onboarding flow drops from five screens to three.\n- Dark mode ships in the April release.\n- We will stop supporting Internet Explorer.",
  "## Action items",
  "- [ ] Maria: update the onboarding mockups by Friday\n- [ ] Jonas: estimate the dark mode work\n- [ ] Wei: tell support about the IE change",
];
export const notes = doc("Design review notes", NOTES_P);

export const LETTER_P = [
  "Dear Ms. Okafor,",
  "I am writing to apply for the Junior Data Analyst position at Northwind Logistics. For the past two years I have worked as an operations assistant at Harbor Freight Lines, where I built the Excel reports our managers use to plan routes.",
  "In that role I taught myself SQL to pull shipment data directly instead of waiting for the weekly export. My queries cut the time to prepare the Monday report from four hours to forty minutes.",
  "I would bring the same habit of automating repetitive work to Northwind. I am especially interested in your route optimization project, which I read about in Supply Chain Weekly.",
  "Thank you for considering my application. I would welcome the chance to discuss how I can help your team.",
  "Sincerely,\nDaniel Reyes",
];
export const letter = doc("Cover letter — Northwind", LETTER_P);

export const RECIPE_P = [
  "# Banana bread",
  "A moist, simple loaf that uses up overripe bananas.",
  "## Ingredients",
  "- 3 ripe bananas\n- 75 g melted butter\n- 150 g sugar\n- 1 egg\n- 1 teaspoon baking soda\n- 190 g flour\n- a pinch of salt",
  "## Method",
  "1. Heat the oven to 175 °C and butter a loaf tin.\n2. Mash the bananas and stir in the melted butter.\n3. Mix in the sugar, the egg and the baking soda.\n4. Fold in the flour and salt untill just combined.\n5. Bake for 60 minutes, until a skewer comes out clean.",
];
export const recipe = doc("Banana bread", RECIPE_P);

export const ONBOARDING_P = [
  "# Support team onboarding",
  "Welcome to the support team! This guide covers your first week.",
  "## Tools",
  "You will use Zendesk for tickets, Slack for internal questions and Notion for our knowledge base. Ask your lead for access on day one.",
  "## First week",
  "On Monday and Tuesday you shadow a senior agent. On Wednesday you answer email tickets with a reviewer. From Thursday you take live chats for two hours a day.",
  "## Escalation",
  "Escalate a ticket to engineering when a customer reports data loss, a security problem or an outage. Use the #escalations channel and include the ticket link.",
  "## Tone",
  "Be warm and direct. Apologise once, then focus on the fix.",
];
export const onboarding = doc("Support onboarding guide", ONBOARDING_P);

export const STORY_P = [
  "# The keeper's letter",
  "Ines had kept the light on Corvo Point for eleven years, and in all that time the sea had brought her nothing but driftwood and storms.",
  "On the morning after the equinox gale, she found a green bottle wedged between two rocks below the tower. Inside was a letter, dry and folded twice, addressed to the keeper of Corvo Light.",
  "The handwriting was her mother's. Her mother had died when Ines was nine.",
  "She read the letter three times before she noticed the date at the top: it had been written the week Ines was born.",
];
export const story = doc("The keeper's letter", STORY_P);

export const APOLOGY_P = [
  "Hi Mr. Patel,",
  "We got your complaint about order #4471. The package left our warehouse on time, so the delay is the courier's fault, not ours.",
  "You can ask for a refund if you want, but it takes 10 business days and you have to fill in the form on our website.",
  "We can't do anything else about it.",
  "Regards,\nCustomer Service",
];
export const apology = doc("Reply to Mr. Patel", APOLOGY_P);

export const RELEASE_P = [
  "# Release 3.4",
  "## New",
  "- Export boards to PDF.\n- Keyboard shortcut Ctrl+K opens the command palette.",
  "## Fixed",
  "- Comments no longer disappear after a page reload.\n- The date picker now respects the week start setting.",
  "## Changed",
  "- The free plan now allows five boards instead of three.",
];
export const release = doc("Release notes 3.4", RELEASE_P);

for (const [name, seed] of Object.entries({ memo, garden, launch, library, lisbon, notes, letter, recipe, onboarding, story, apology, release }))
  family(name, seed);
