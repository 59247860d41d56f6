// Edit cases on the work and personal documents (writingWork.ts, writingLife.ts, reviewBases.ts).
// Two to four cases per canvas, with contrasting pairs: the same request about one part (targeted)
// and about the whole (rewrite).
import * as R from "./reviewBases.ts";
import * as F from "./writingLife.ts";
import * as K from "./writingWork.ts";
import { all, r, swap, t, type EditSeed } from "./editSeed.ts";

export const moreDocumentEdits: EditSeed[] = [
  // postmortem
  { canvas: K.incident, slice: "fix", instruction: "The outage ended at 15:52, not 15:47. Fix it everywhere.", expect: t({ mustContain: ["15:52"], mustNotContain: ["15:47"], unchanged: [K.INCIDENT_P[6]!, K.INCIDENT_P[8]!], maxChangedRatio: 0.02 }),
    reference: (s) => s.replaceAll("15:47", "15:52") },
  { canvas: K.incident, slice: "insert", instruction: "Add an action item: alert when checkout errors exceed 2% for five minutes.", expect: t({ target: [K.INCIDENT_P[10]!], mustContain: ["2%"], unchanged: all(K.INCIDENT_P, 10), maxChangedRatio: 0.15 }),
    reference: (s) => `${s}\n- [ ] Alert when checkout errors exceed 2% for five minutes.` },
  { canvas: K.incident, slice: "tone", instruction: "Rewrite the root cause section so a non-technical reader understands it.", expect: t({ target: [K.INCIDENT_P[6]!], unchanged: all(K.INCIDENT_P, 6), minRegionChange: 0.3, language: "eng", maxChangedRatio: 0.4 }),
    reference: (s) => swap(s, K.INCIDENT_P[6]!, "A routine change to the database copied the whole table of orders instead of adding one new field. While the copy ran, no new order could be saved.") },
  { canvas: K.incident, slice: "tone", instruction: "Rewrite the whole postmortem so a non-technical reader understands it.", expect: r({ mustNotContain: [K.INCIDENT_P[6]!], language: "eng", entities: ["14:02", "3,100", "Priya Natarajan"], lengthRatio: { min: 0.6, max: 2 } }) },

  // product spec
  { canvas: K.spec, slice: "fix", instruction: "Our target is now 35% on day 30, not 30%.", expect: t({ mustContain: ["to 35%"], mustNotContain: ["to 30%"], unchanged: all(K.SPEC_P, 10), maxChangedRatio: 0.02 }),
    reference: (s) => swap(s, "to 30%", "to 35%") },
  { canvas: K.spec, slice: "delete", instruction: "Drop the Out of scope section.", expect: t({ mustNotContain: ["## Out of scope", "leaderboards"], deletion: true, unchanged: all(K.SPEC_P, 7, 8), maxChangedRatio: 0.2 }),
    reference: (s) => swap(s, `\n\n${K.SPEC_P[7]}\n\n${K.SPEC_P[8]}`, "") },
  { canvas: K.spec, slice: "restructure", instruction: "Turn the key features paragraph into a bulleted list.", expect: t({ target: [K.SPEC_P[6]!], mustContain: ["- "], unchanged: all(K.SPEC_P, 6), maxChangedRatio: 0.3 }),
    reference: (s) => swap(s, K.SPEC_P[6]!, "- Weekly targets instead of daily ones (e.g. five runs a week).\n- Streaks count the weeks in which the target was met.\n- A reminder at the time the user usually checks in.") },
  { canvas: K.spec, slice: "translate", instruction: "Translate the PRD into German for the Berlin team.", expect: r({ language: "deu", mustNotContain: ["## Success metric"], entities: ["66", "18%", "30%"], lengthRatio: { min: 0.7, max: 1.6 } }) },

  // hiring guide
  { canvas: K.hiring, slice: "fix", instruction: "We now pay 200 euros for the take-home, not 150.", expect: t({ mustContain: ["200 euros"], mustNotContain: ["150 euros"], unchanged: all(K.HIRING_P, 5), maxChangedRatio: 0.02 }),
    reference: (s) => swap(s, "150 euros", "200 euros") },
  { canvas: K.hiring, slice: "restructure", instruction: "Swap steps 3 and 4, and renumber them.", expect: t({ mustContain: ["## 3. Team conversation", "## 4. Pairing session"], unchanged: [K.HIRING_P[7]!, K.HIRING_P[9]!, K.HIRING_P[3]!], maxChangedRatio: 0.6 }),
    reference: (s) => swap(s, `${K.HIRING_P[6]}\n\n${K.HIRING_P[7]}\n\n${K.HIRING_P[8]}\n\n${K.HIRING_P[9]}`, `## 3. Team conversation\n\n${K.HIRING_P[9]}\n\n## 4. Pairing session\n\n${K.HIRING_P[7]}`) },
  { canvas: K.hiring, slice: "tone", instruction: "Make it sound warmer, as if written for candidates rather than for the team.", expect: r({ mustNotContain: [K.HIRING_P[1]!], language: "eng", entities: ["150 euros", "90 minutes", "five working days"], lengthRatio: { min: 0.6, max: 2 } }) },

  // residents' minutes
  { canvas: K.minutes, slice: "fix", instruction: "The street party raised 870 pounds, not 840.", expect: t({ mustContain: ["870 pounds"], mustNotContain: ["840"], unchanged: all(K.MINUTES_P, 5), maxChangedRatio: 0.02 }),
    reference: (s) => swap(s, "840 pounds", "870 pounds") },
  { canvas: K.minutes, slice: "fix", instruction: "Helen Achebe did come, she just arrived late: list her among those present, not in the apologies.", expect: t({ target: [K.MINUTES_P[1]!], mustContain: ["Helen Achebe"], unchanged: all(K.MINUTES_P, 1), maxChangedRatio: 0.15 }),
    reference: (s) => swap(s, K.MINUTES_P[1]!, "Present: Joanna Kowalski (chair), Tomás Ferreira, Aisha Bello, Martin Groves, Helen Achebe (arrived late) and eleven residents.") },
  { canvas: K.minutes, slice: "restructure", instruction: "Turn the minutes into a short email to residents who missed the meeting.", expect: r({ mustNotContain: ["## 1. Playground repairs"], language: "eng", entities: ["840", "2 November", "13 November"] }) },

  // privacy notice
  { canvas: K.privacy, slice: "fix", instruction: "We answer requests within 30 days now; update the rights section.", expect: t({ target: [K.PRIVACY_P[9]!], mustContain: ["30 days"], mustNotContain: ["within one month"], unchanged: all(K.PRIVACY_P, 9), maxChangedRatio: 0.05 }),
    reference: (s) => swap(s, "within one month", "within 30 days") },
  { canvas: K.privacy, slice: "insert", instruction: "Add a section on cookies before 'Your rights': we only use cookies needed to keep your basket.", expect: t({ target: ["## Your rights"], mustContain: ["cookie"], unchanged: K.PRIVACY_P, maxChangedRatio: 0.3 }),
    reference: (s) => swap(s, "## Your rights", "## Cookies\n\nWe only use the cookies needed to keep your basket while you shop.\n\n## Your rights") },
  { canvas: K.privacy, slice: "tone", instruction: "Rewrite the notice in plain language for a twelve-year-old.", expect: r({ mustNotContain: [K.PRIVACY_P[5]!], language: "eng", entities: ["Tidewater Books", "privacy@tidewaterbooks.example"], lengthRatio: { min: 0.5, max: 1.8 } }) },
  { canvas: K.privacy, slice: "translate", instruction: "Translate the section on how long we keep data into Spanish.", expect: t({ target: [K.PRIVACY_P[7]!], unchanged: all(K.PRIVACY_P, 7), language: "spa", maxChangedRatio: 0.3 }),
    reference: (s) => swap(s, K.PRIVACY_P[7]!, "Conservamos los registros de pedidos durante seis años porque la ley fiscal lo exige. Las suscripciones al boletín se eliminan dos años después de su último pedido.") },

  // investor update
  { canvas: K.investor, slice: "fix", instruction: "Runway is 16 months, not 14.", expect: t({ mustContain: ["16 months of runway"], mustNotContain: ["14 months"], unchanged: all(K.INVESTOR_P, 6), maxChangedRatio: 0.02 }),
    reference: (s) => swap(s, "14 months", "16 months") },
  { canvas: K.investor, slice: "shorten", instruction: "Cut the challenges section down to one sentence.", expect: t({ target: [K.INVESTOR_P[6]!], unchanged: all(K.INVESTOR_P, 6), lengthRatio: { max: 0.7 }, entities: ["14 months"], maxChangedRatio: 0.3 }),
    reference: (s) => swap(s, K.INVESTOR_P[6]!, "Hospital sales take about seven months, so we are managing our 14 months of runway carefully.") },
  { canvas: K.investor, slice: "shorten", instruction: "Cut the whole update down to a few lines for a busy investor.", expect: r({ language: "eng", lengthRatio: { max: 0.5 }, entities: ["$412,000", "23%"] }) },

  // Wi-Fi guide
  { canvas: K.wifi, slice: "rename", instruction: "The network is called Harbor-Staff now, not Harbor-5G.", expect: t({ mustContain: ["Harbor-Staff"], mustNotContain: ["Harbor-5G"], unchanged: all(K.WIFI_P, 3), maxChangedRatio: 0.03 }),
    reference: (s) => swap(s, "Harbor-5G", "Harbor-Staff") },
  { canvas: K.wifi, slice: "delete", instruction: "Remove step 2 and renumber the rest.", expect: t({ target: [K.WIFI_P[4]!, K.WIFI_P[6]!], mustNotContain: ["north side"], mustContain: ["## 2. Restart your network adapter"], deletion: true, unchanged: [K.WIFI_P[3]!, K.WIFI_P[7]!], maxChangedRatio: 0.3 }),
    reference: (s) => swap(s, `${K.WIFI_P[4]}\n\n${K.WIFI_P[5]}\n\n## 3.`, "## 2.") },
  { canvas: K.wifi, slice: "translate", instruction: "Translate the guide into Dutch for the Rotterdam office.", expect: r({ language: "nld", entities: ["Harbor-5G", "Harbor-Guest", "speedtest.example.net"], lengthRatio: { min: 0.7, max: 1.6 } }) },

  // grant narrative
  { canvas: K.grant, slice: "fix", instruction: "The budget lines don't add up to the total: the laptops line should be 16,000 and the coordinator 16,000.", expect: t({ target: [K.GRANT_P[8]!], mustContain: ["16,000 for laptops"], unchanged: all(K.GRANT_P, 8), maxChangedRatio: 0.05 }),
    reference: (s) => swap(swap(s, "20,000 for laptops", "16,000 for laptops"), "12,000 for a placement", "16,000 for a placement") },
  { canvas: K.grant, slice: "tone", instruction: "Make the need section more moving, with a short example of one student.", expect: t({ target: [K.GRANT_P[4]!], unchanged: all(K.GRANT_P, 4), lengthRatio: { min: 1.2 }, language: "eng", maxChangedRatio: 0.6 }),
    reference: (s) => swap(s, K.GRANT_P[4]!, `${K.GRANT_P[4]} Samir taught physics in Aleppo for ten years; in Leeds, he stacked shelves for two years before a Code Bridge placement led to his first developer job.`) },
  { canvas: K.grant, slice: "shorten", instruction: "Shorten the narrative to fit a 200-word limit.", expect: r({ language: "eng", lengthRatio: { max: 0.9 }, entities: ["Code Bridge", "Leeds", "96,000"] }) },

  // press release
  { canvas: K.press, slice: "fix", instruction: "The Volt 3 weighs 15.2 kilograms; correct it.", expect: t({ mustContain: ["15.2 kilograms"], mustNotContain: ["14.8"], unchanged: all(K.PRESS_P, 2), maxChangedRatio: 0.02 }),
    reference: (s) => swap(s, "14.8", "15.2") },
  { canvas: K.press, slice: "insert", instruction: "Add Belgium to the countries where it goes on sale.", expect: t({ target: [K.PRESS_P[4]!], mustContain: ["Belgium"], unchanged: all(K.PRESS_P, 4), maxChangedRatio: 0.05 }),
    reference: (s) => swap(s, "Germany, Austria and the Netherlands", "Germany, Austria, Belgium and the Netherlands") },
  { canvas: K.press, slice: "translate", instruction: "Translate the press release into German.", expect: r({ language: "deu", mustNotContain: ["goes on sale"], entities: ["Volt 3", "Lumen Mobility", "Clara Vogt", "2,290", "lumen-mobility.example"], lengthRatio: { min: 0.7, max: 1.6 } }) },

  // research summary
  { canvas: K.research, slice: "selection", instruction: "Explain this finding in one plain sentence.", selection: "About two thirds of the gain came from working more minutes per shift, with fewer breaks and sick days; the rest came from more calls per minute.", expect: t({ unchanged: all(K.RESEARCH_P, 3), language: "eng", maxChangedRatio: 0.2 }),
    reference: (s) => swap(s, "About two thirds of the gain came from working more minutes per shift, with fewer breaks and sick days; the rest came from more calls per minute.", "Most of the extra calls came from people simply working more of each shift at home.") },
  { canvas: K.research, slice: "delete", instruction: "Delete the section 'What it means for us'.", expect: t({ mustNotContain: ["## What it means for us", "hybrid policy"], deletion: true, unchanged: all(K.RESEARCH_P, 7, 8), maxChangedRatio: 0.3 }),
    reference: (s) => s.slice(0, s.indexOf("\n\n## What it means for us")) },
  { canvas: K.research, slice: "restructure", instruction: "Turn the summary into five bullet points for a slide.", expect: r({ mustContain: ["- "], language: "eng", lengthRatio: { max: 0.9 }, entities: ["13%"] }) },

  // wedding toast
  { canvas: F.toast, slice: "rename", instruction: "The groom's name is Rowan, not Owen.", expect: t({ mustContain: ["Rowan"], mustNotContain: ["Owen"], unchanged: [F.TOAST_P[1]!], maxChangedRatio: 0.05 }),
    reference: (s) => s.replaceAll("Owen", "Rowan") },
  { canvas: F.toast, slice: "tone", instruction: "Make the third paragraph funnier.", expect: t({ target: [F.TOAST_P[2]!], unchanged: all(F.TOAST_P, 2), minRegionChange: 0.15, language: "eng", maxChangedRatio: 0.4 }) },
  { canvas: F.toast, slice: "tone", instruction: "Make the whole toast funnier.", expect: r({ mustNotContain: [F.TOAST_P[2]!, F.TOAST_P[3]!], language: "eng", entities: ["Leila", "Owen", "Bristol"], lengthRatio: { min: 0.7, max: 2 } }) },

  // eulogy
  { canvas: F.eulogy, slice: "fix", instruction: "He was born in 1936, not 1938.", expect: t({ mustContain: ["1936"], mustNotContain: ["1938"], unchanged: all(F.EULOGY_P, 1), maxChangedRatio: 0.01 }),
    reference: (s) => swap(s, "1938", "1936") },
  { canvas: F.eulogy, slice: "insert", instruction: "Add a paragraph about his love of Red Sox games on the radio, after the fishing paragraph.", expect: t({ target: [F.EULOGY_P[3]!], mustContain: ["Red Sox"], unchanged: F.EULOGY_P, maxChangedRatio: 0.4 }),
    reference: (s) => swap(s, F.EULOGY_P[3]!, `${F.EULOGY_P[3]}\n\nOn summer evenings he listened to the Red Sox on an old radio in the workshop, groaning at every missed catch.`) },
  { canvas: F.eulogy, slice: "shorten", instruction: "I only have one minute to speak. Shorten it.", expect: r({ language: "eng", lengthRatio: { max: 0.75 }, entities: ["Walter"] }) },

  // book review
  { canvas: F.bookReview, slice: "tone", instruction: "Make the criticism of the middle section gentler.", expect: t({ target: [F.BOOKREVIEW_P[3]!], unchanged: all(F.BOOKREVIEW_P, 3), minRegionChange: 0.2, language: "eng", maxChangedRatio: 0.3 }),
    reference: (s) => swap(s, F.BOOKREVIEW_P[3]!, "The middle section is slower: the court case gets a hundred pages, and some readers may wish it were shorter.") },
  { canvas: F.bookReview, slice: "fix", instruction: "Change the rating to four and a half stars.", expect: t({ mustContain: ["four and a half stars"], mustNotContain: ["Rating: four stars"], unchanged: all(F.BOOKREVIEW_P, 5), maxChangedRatio: 0.05 }),
    reference: (s) => swap(s, "four stars", "four and a half stars") },
  { canvas: F.bookReview, slice: "translate", instruction: "Translate the review into Italian.", expect: r({ language: "ita", entities: ["Amara Osei", "Ada"], lengthRatio: { min: 0.7, max: 1.6 } }) },

  // plant care
  { canvas: F.plant, slice: "insert", instruction: "Add a 'Feeding' section after Water: feed once a month from spring to autumn with half-strength fertiliser.", expect: t({ target: [F.PLANT_P[5]!], mustContain: ["## Feeding"], unchanged: F.PLANT_P, maxChangedRatio: 0.25 }),
    reference: (s) => swap(s, "## Repotting", "## Feeding\n\nFeed once a month from spring to autumn with fertiliser at half strength.\n\n## Repotting") },
  { canvas: F.plant, slice: "delete", instruction: "Remove the line about brown, crispy edges.", expect: t({ mustNotContain: ["crispy"], deletion: true, unchanged: all(F.PLANT_P, 9), maxChangedRatio: 0.1 }),
    reference: (s) => swap(s, "\n- Brown, crispy edges mean the air is too dry.", "") },
  { canvas: F.plant, slice: "translate", instruction: "Translate the care guide into Spanish.", expect: r({ language: "spa", lengthRatio: { min: 0.7, max: 1.6 } }) },

  // Kyoto itinerary
  { canvas: F.kyoto, slice: "fix", instruction: "The bus pass is 1,100 yen now.", expect: t({ mustContain: ["1,100 yen"], mustNotContain: ["700 yen"], unchanged: all(F.KYOTO_P, 7), maxChangedRatio: 0.02 }),
    reference: (s) => swap(s, "700 yen", "1,100 yen") },
  { canvas: F.kyoto, slice: "insert", instruction: "Add Fushimi Inari to day one, first thing in the morning.", expect: t({ target: [F.KYOTO_P[3]!], mustContain: ["Fushimi Inari"], unchanged: all(F.KYOTO_P, 3), maxChangedRatio: 0.2 }),
    reference: (s) => swap(s, "Start at Kiyomizu-dera at 6 a.m.", "Start at Fushimi Inari at 6 a.m., before the gates fill up, then go on to Kiyomizu-dera") },
  { canvas: F.kyoto, slice: "translate", instruction: "Translate it into French.", expect: r({ language: "fra", entities: ["Kiyomizu-dera", "Arashiyama", "Gion", "700"], lengthRatio: { min: 0.7, max: 1.6 } }) },

  // op-ed
  { canvas: F.oped, slice: "fix", instruction: "The vote is on 19 May.", expect: t({ mustContain: ["19 May"], mustNotContain: ["12 May"], unchanged: all(F.OPED_P, 4), maxChangedRatio: 0.02 }),
    reference: (s) => swap(s, "12 May", "19 May") },
  { canvas: F.oped, slice: "tone", instruction: "Make the closing paragraph more urgent.", expect: t({ target: [F.OPED_P[4]!], unchanged: all(F.OPED_P, 4), minRegionChange: 0.2, language: "eng", entities: ["12 May"], maxChangedRatio: 0.4 }),
    reference: (s) => swap(s, F.OPED_P[4]!, "The council votes on 12 May, and every week of delay means another crash. Write to your councillor today, before it is too late.") },
  { canvas: F.oped, slice: "tone", instruction: "Make the whole piece more urgent.", expect: r({ language: "eng", mustNotContain: [F.OPED_P[4]!], entities: ["38", "Market Street", "12 May"], lengthRatio: { min: 0.6, max: 1.8 } }) },

  // food bank newsletter
  { canvas: F.newsletter, slice: "insert", instruction: "Add tinned tomatoes to the most needed items.", expect: t({ target: [F.NEWSLETTER_P[7]!], mustContain: ["tomatoes"], unchanged: all(F.NEWSLETTER_P, 7), maxChangedRatio: 0.05 }),
    reference: (s) => swap(s, "- Rice and pasta", "- Rice and pasta\n- Tinned tomatoes") },
  { canvas: F.newsletter, slice: "fix", instruction: "The Tuesday opening is from 6 to 9 p.m.", expect: t({ mustContain: ["6 to 9 p.m."], mustNotContain: ["5 to 8 p.m."], unchanged: all(F.NEWSLETTER_P, 3), maxChangedRatio: 0.02 }),
    reference: (s) => swap(s, "5 to 8 p.m.", "6 to 9 p.m.") },
  { canvas: F.newsletter, slice: "translate", instruction: "Translate the newsletter into Polish for our Polish-speaking visitors.", expect: r({ language: "pol", entities: ["9,400", "Fenwick Road", "2012"], lengthRatio: { min: 0.7, max: 1.6 } }) },

  // lesson plan
  { canvas: F.lesson, slice: "fix", instruction: "The starter takes 5 minutes and the main activity 30.", expect: t({ mustContain: ["## Starter (5 minutes)", "## Main activity (30 minutes)"], unchanged: all(F.LESSON_P, 3, 5), maxChangedRatio: 0.02 }),
    reference: (s) => swap(swap(s, "## Starter (10 minutes)", "## Starter (5 minutes)"), "## Main activity (25 minutes)", "## Main activity (30 minutes)") },
  { canvas: F.lesson, slice: "insert", instruction: "Add a differentiation section at the end with one idea for pupils who finish early.", expect: t({ target: [F.LESSON_P[10]!], mustContain: ["## Differentiation"], unchanged: F.LESSON_P, maxChangedRatio: 0.25 }),
    reference: (s) => `${s}\n\n## Differentiation\n\nPupils who finish early compare fractions with different denominators, such as 1/2 and 3/8, using their strips.` },

  // flat listing
  { canvas: F.listing, slice: "fix", instruction: "Pets are allowed now, with a small extra deposit.", expect: t({ target: ["Sorry, no pets."], mustNotContain: ["no pets"], unchanged: all(F.LISTING_P, 5), maxChangedRatio: 0.1 }),
    reference: (s) => swap(s, "Sorry, no pets.", "Pets are welcome with a small extra deposit.") },
  { canvas: F.listing, slice: "tone", instruction: "Make the listing sound more appealing overall.", expect: r({ mustNotContain: [F.LISTING_P[1]!, F.LISTING_P[3]!], language: "eng", entities: ["1,950", "Victoria Park", "1 September"], lengthRatio: { min: 0.7, max: 2 } }) },

  // letter to the landlord
  { canvas: F.heater, slice: "tone", instruction: "Make the last paragraph less threatening.", expect: t({ target: [F.HEATER_P[4]!], unchanged: all(F.HEATER_P, 4), minRegionChange: 0.3, language: "eng", maxChangedRatio: 0.3 }),
    reference: (s) => swap(s, F.HEATER_P[4]!, "I hope we can resolve this quickly; if it drags on, I may need to ask the council's housing team for advice.") },
  { canvas: F.heater, slice: "fix", instruction: "I reported it by email on 9 January, not the 10th.", expect: t({ mustContain: ["9 January"], mustNotContain: ["10 January"], unchanged: all(F.HEATER_P, 1), maxChangedRatio: 0.01 }),
    reference: (s) => swap(s, "10 January", "9 January") },
  { canvas: F.heater, slice: "tone", instruction: "Make the whole letter more polite.", expect: r({ mustNotContain: [F.HEATER_P[3]!, F.HEATER_P[4]!], language: "eng", entities: ["4B", "27 Orchard Lane", "2 January", "Nadia Rahman"], lengthRatio: { min: 0.7, max: 1.8 } }) },

  // nursing letter
  { canvas: F.nurse, slice: "rename", instruction: "The hospital is St. Agnes', not St. Anne's.", expect: t({ mustContain: ["St. Agnes'"], mustNotContain: ["St. Anne's"], unchanged: all(F.NURSE_P, 1), maxChangedRatio: 0.02 }),
    reference: (s) => swap(s, "St. Anne's", "St. Agnes'") },
  { canvas: F.nurse, slice: "insert", instruction: "Mention my 'advanced life support' certificate in the paragraph about my ward.", expect: t({ target: [F.NURSE_P[2]!], mustContain: ["life support"], unchanged: all(F.NURSE_P, 2), maxChangedRatio: 0.2 }),
    reference: (s) => swap(s, "in six months.", "in six months. I also hold an advanced life support certificate.") },

  // bicycle essay
  { canvas: F.bicycle, slice: "insert", instruction: "Add a sentence about the pneumatic tyre, patented by John Boyd Dunlop in 1888, to the first paragraph.", expect: t({ target: [F.BICYCLE_P[1]!], mustContain: ["Dunlop"], unchanged: all(F.BICYCLE_P, 1), maxChangedRatio: 0.15 }),
    reference: (s) => swap(s, "millions of people owned one.", "millions of people owned one. John Boyd Dunlop's pneumatic tyre, patented in 1888, made the ride far more comfortable.") },
  { canvas: F.bicycle, slice: "restructure", instruction: "Reorder the middle paragraphs so the one about roads comes before the one about women.", expect: t({ mustContain: ["joined it.\n\nThe bicycle also changed"], unchanged: F.BICYCLE_P, maxChangedRatio: 0.6 }),
    reference: (s) => swap(s, `${F.BICYCLE_P[3]}\n\n${F.BICYCLE_P[4]}`, `${F.BICYCLE_P[4]}\n\n${F.BICYCLE_P[3]}`) },
  { canvas: F.bicycle, slice: "tone", instruction: "Rewrite the essay for eight-year-olds.", expect: r({ language: "eng", mustNotContain: [F.BICYCLE_P[4]!], entities: ["1880s"], lengthRatio: { min: 0.4, max: 1.6 } }) },

  // sleep and printing (also reviewed in the comment suite)
  { canvas: R.sleep, slice: "insert", instruction: "Add a tip about avoiding alcohol before bed, after the caffeine paragraph.", expect: t({ target: ["Limit caffeine after lunch."], mustContain: ["alcohol"], unchanged: ["Keep a regular schedule.", "Make your bedroom dark, quiet and cool."], maxChangedRatio: 0.3 }),
    reference: (s) => swap(s, "keep you awake at bedtime.", "keep you awake at bedtime.\n\nAvoid alcohol in the evening. It may make you drowsy, but it breaks up your sleep later in the night.") },
  { canvas: R.printing, slice: "shorten", instruction: "Shorten the second paragraph to one sentence.", expect: t({ target: ["Johannes Gutenberg built his printing press in Mainz around 1450."], lengthRatio: { max: 0.8 }, entities: ["1450"], unchanged: ["Cheaper books changed who could read and what they read."], maxChangedRatio: 0.3 }),
    reference: (s) => swap(s, "Johannes Gutenberg built his printing press in Mainz around 1450. By combining movable metal type, oil-based ink and a screw press, he made it possible to produce books far faster than scribes could copy them.", "Around 1450 in Mainz, Johannes Gutenberg combined movable metal type, oil-based ink and a screw press to print books far faster than scribes could copy them.") },
  { canvas: R.printing, slice: "shorten", instruction: "Shorten it.", expect: r({ language: "eng", lengthRatio: { max: 0.8 }, entities: ["Gutenberg", "1450"] }) },
];
