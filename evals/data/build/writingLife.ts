// Personal and public writing: a toast, a eulogy, a review, a guide, an op-ed, a newsletter, a lesson
// plan, a listing, letters. Clean drafts in the markdown form our serializer writes back.
import { family } from "./family.ts";
import type { CanvasSeed } from "./writing.ts";

const doc = (title: string, paragraphs: string[]): CanvasSeed => ({ kind: "document", title, content: paragraphs.join("\n\n") });

export const TOAST_P = [
  "Good evening, everyone. For those who don't know me, I'm Sam, Leila's older brother and, for tonight only, the person with the microphone.",
  "Leila has always known exactly what she wanted. At six she announced she would be a vet; at sixteen she was volunteering at the animal shelter every Saturday; today she runs her own clinic in Bristol.",
  "So when she told us she had met someone at a climbing wall, we knew it was serious. Then we met Owen, who spent his first visit fixing our parents' garden gate and asking my dad about his tomatoes.",
  "Owen, you have joined a loud family that argues about board games and cries at films. Thank you for laughing at my jokes, even the ones tonight.",
  "Please raise your glasses: to Leila and Owen.",
];
export const toast = family("toast", doc("Wedding toast", TOAST_P));

export const EULOGY_P = [
  "# For Grandpa Walter",
  "Walter Brennan was born in 1938 in a village outside Cork and moved to Boston at nineteen with one suitcase and a carpenter's plane that had belonged to his father.",
  "He built furniture for forty years. Half the kitchens on our street have a table he made, and every one of them still stands level.",
  "He taught me to fish on Sunday mornings at Walden Pond. He talked very little while we fished, and I understood only later that he was teaching me patience.",
  "He loved my grandmother for sixty-one years and never once forgot to bring her coffee in bed.",
  "We will miss his hands, his quiet jokes and the smell of sawdust in his workshop. Thank you, Grandpa.",
];
export const eulogy = family("eulogy", doc("Eulogy for Walter", EULOGY_P));

export const BOOKREVIEW_P = [
  "# Review: The Salt Road by Amara Osei",
  "Amara Osei's second novel follows three generations of a family of salt traders in nineteenth-century Ghana, from the coast at Ada to the markets of the north.",
  "Osei is at her best in small scenes: a grandmother counting sacks by feel in the dark, two brothers bargaining over a camel they both know is lame.",
  "The middle section drags. A hundred pages on a court case add little that the first chapter had not already shown.",
  "Still, the last chapter, in which the youngest daughter walks the old route alone, is among the finest endings I have read this year.",
  "Rating: four stars out of five.",
];
export const bookReview = family("book-review", doc("Review of The Salt Road", BOOKREVIEW_P));

export const PLANT_P = [
  "# Caring for a monstera",
  "Monsteras are forgiving houseplants, but they have three needs: bright indirect light, a chunky soil that drains well, and water only when the top few centimetres are dry.",
  "## Light",
  "Place the plant near an east- or west-facing window. Direct midday sun scorches the leaves, while a dark corner makes new leaves small and without holes.",
  "## Water",
  "Water thoroughly, let the excess drain away and empty the saucer. In winter, the plant needs about half as much water.",
  "## Repotting",
  "Repot every two years in spring, into a pot no more than five centimetres wider than the old one.",
  "## Common problems",
  "- Yellow lower leaves usually mean too much water.\n- Brown, crispy edges mean the air is too dry.\n- Leaves without splits mean the plant needs more light.",
];
export const plant = family("plant", doc("Monstera care guide", PLANT_P));

export const KYOTO_P = [
  "# Two days in Kyoto",
  "Kyoto has more than 1,600 temples, so the trick is to choose a few and see them early, before the tour buses arrive.",
  "## Day one: the east",
  "Start at Kiyomizu-dera at 6 a.m., when the wooden terrace is almost empty. Walk down through the lanes of Sannenzaka to Yasaka Shrine, then spend the afternoon in the Gion district.",
  "## Day two: the west",
  "Take the train to Arashiyama and walk through the bamboo grove before eight. Then climb to the monkey park on Mount Iwatayama for a view over the city.",
  "## Getting around",
  "A one-day bus pass costs 700 yen and covers most sights in the centre. For Arashiyama, the JR line from Kyoto Station takes fifteen minutes.",
];
export const kyoto = family("kyoto", doc("Two days in Kyoto", KYOTO_P));

export const OPED_P = [
  "# Protected bike lanes will make Millbrook safer for everyone",
  "Last year, 38 cyclists were injured on Millbrook's streets, and two of them died. Almost every crash happened on roads where a painted line is all that separates a bike from a bus.",
  "Cities that have built lanes separated by kerbs or planters have seen the number of serious injuries fall, not only for cyclists but for drivers and pedestrians as well, because traffic moves more predictably.",
  "Opponents say the lanes will hurt shops on Market Street. But surveys in other cities found that people who arrive on foot or by bike visit more often and spend more per month than drivers do.",
  "The council votes on the plan on 12 May. I urge every resident who wants safer streets to write to their councillor before then.",
];
export const oped = family("oped", doc("Op-ed: protected bike lanes", OPED_P));

export const NEWSLETTER_P = [
  "# Northside Food Bank: spring newsletter",
  "Thank you! This winter you helped us give out 9,400 food parcels, more than in any winter since we opened in 2012.",
  "## New opening hours",
  "From 1 April we will open on Tuesday evenings from 5 to 8 p.m., so that people who work during the day can visit.",
  "## Volunteers needed",
  "We need drivers with a full licence for our Saturday deliveries. A shift lasts three hours, and we cover fuel costs.",
  "## Most needed items",
  "- Tinned fish and meat\n- Long-life milk\n- Rice and pasta\n- Toiletries and nappies",
  "Drop donations at the church hall on Fenwick Road, Monday to Friday, 9 a.m. to 4 p.m.",
];
export const newsletter = family("newsletter", doc("Food bank newsletter", NEWSLETTER_P));

export const LESSON_P = [
  "# Lesson plan: introducing fractions (Year 4, 45 minutes)",
  "## Objective",
  "Pupils can name a fraction as part of a whole and compare fractions with the same denominator.",
  "## Starter (10 minutes)",
  "Show a chocolate bar with eight squares. Ask how we could share it fairly between two, four and eight people, and write the answers as 1/2, 1/4 and 1/8.",
  "## Main activity (25 minutes)",
  "In pairs, pupils fold paper strips into halves, quarters and eighths and label each part. They then use the strips to decide which is bigger: 3/8 or 5/8.",
  "## Plenary (10 minutes)",
  "Each pupil writes one fraction on a mini whiteboard and the class orders them from smallest to largest.",
  "## Assessment",
  "Pupils who can order four fractions with the same denominator have met the objective.",
];
export const lesson = family("lesson", doc("Fractions lesson plan", LESSON_P));

export const LISTING_P = [
  "# Bright two-bedroom flat near Victoria Park",
  "A sunny second-floor flat in a quiet Victorian terrace, five minutes' walk from Victoria Park and ten minutes from Hackney Wick station.",
  "## The flat",
  "Two double bedrooms, a living room with a bay window, a modern kitchen with a dishwasher and a bathroom with a shower over the bath. Wooden floors throughout.",
  "## Terms",
  "Rent is 1,950 pounds a month, with a deposit of five weeks' rent. Available from 1 September on a twelve-month tenancy. Sorry, no pets.",
  "## Viewings",
  "Viewings on Saturday mornings. To book, email [lettings@parkside.example](mailto:lettings@parkside.example) with your preferred time.",
];
export const listing = family("listing", doc("Flat to rent", LISTING_P));

export const HEATER_P = [
  "Dear Mr. Harlow,",
  "I am writing about the heater in flat 4B at 27 Orchard Lane, which has not worked since 2 January. I reported the fault by phone on 3 January and by email on 10 January.",
  "The flat is now between 12 and 14 degrees in the evenings, and I have had to buy two electric heaters at my own cost.",
  "Under my tenancy agreement, you are responsible for repairs to the heating. Please arrange for an engineer to visit within seven days of this letter.",
  "If the heater is not repaired by then, I will contact the council's housing team.",
  "Yours sincerely,\nNadia Rahman",
];
export const heater = family("heater", doc("Letter to the landlord", HEATER_P));

export const NURSE_P = [
  "Dear Hiring Team,",
  "I am applying for the position of staff nurse on the cardiology ward at St. Anne's Hospital. I qualified in 2021 and have worked for three years on a busy medical ward at Riverside General.",
  "On that ward I care for up to eight patients per shift, many of them recovering from heart attacks. I led the ward's project to reduce falls at night, which cut falls by a third in six months.",
  "I would like to specialise in cardiology because I enjoy helping patients understand their medication and change their habits before they go home.",
  "I would welcome the chance to discuss my application with you.",
  "Kind regards,\nTheo Marsh",
];
export const nurse = family("nurse", doc("Nursing application letter", NURSE_P));

export const BICYCLE_P = [
  "# How the bicycle changed the city",
  "The safety bicycle, with two wheels of equal size and a chain drive, appeared in England in the 1880s. Within ten years, millions of people owned one.",
  "For the first time, ordinary workers could live several miles from the factory. Suburbs grew along the roads that cyclists used, long before most families could afford a car.",
  "The bicycle also changed who could travel alone. Women's rights campaigners of the 1890s praised it for giving women a freedom of movement they had never had.",
  "Cyclists were the first to demand smooth, paved roads. The Good Roads Movement in the United States began as a cyclists' campaign, years before motorists joined it.",
  "Today, as cities try to cut traffic and pollution, the bicycle is again shaping how streets are designed.",
];
export const bicycle = family("bicycle", doc("How the bicycle changed the city", BICYCLE_P));

export const LIFE_DOCS: CanvasSeed[] = [toast, eulogy, bookReview, plant, kyoto, oped, newsletter, lesson, listing, heater, nurse, bicycle];
