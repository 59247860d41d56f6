// Planted defects in documents. Blatant ones (a typo, "the capital of Spain") sit beside realistic
// ones: a figure that contradicts the timeline, a percentage that no longer matches its count, a
// claim the study cannot support, an ad hominem. Each lists the words a comment must use to name it.
import * as R from "./reviewBases.ts";
import * as F from "./writingLife.ts";
import * as K from "./writingWork.ts";
import * as W from "./writing.ts";
import { CRITIQUE, FACTS, FEEDBACK, PROOFREAD, REVIEW, SUGGEST, WORDY, type Variant } from "./plant.ts";

const AGREE = ["agreement", "subject-verb", "singular", "plural"];

export const writingVariants: Variant[] = [
  { base: W.library, name: "library-a", instruction: CRITIQUE, plants: [
    { find: "They welcome students, retirees, job seekers and tourists alike.", replace: "The first free public library in the United States opened in Boston in 1954.", quote: "opened in Boston in 1954", kind: "factual", keywords: ["1854", "1848", "1833", "Peterborough", "nineteenth century", "19th century"] },
    { find: "They lend books, but", replace: "They lends books, but", quote: "They lends", kind: "grammar", severity: "suggestion", keywords: ["lend", ...AGREE] },
  ] },
  { base: W.library, name: "library-b", instruction: REVIEW, plants: [
    { find: "Children who visit a library weekly read more at home, and adults use library computers to apply for jobs.", replace: "Children who visit a library weekly read more at home, so any child who reads at home must be a weekly library visitor.", quote: "so any child who reads at home must be a weekly library visitor", kind: "logic", keywords: ["reverse", "converse", "backwards", "does not follow", "doesn't follow", "non sequitur", "fallacy", "not every", "other way", "causation", "assumes"] },
    { find: "Yet many libraries have cut their opening hours.", replace: "Yet, at the end of the day, many libraries have, in point of fact, gone ahead and cut their opening hours.", kind: "style", severity: "suggestion", keywords: WORDY },
  ] },
  { base: W.library, name: "library-c", instruction: PROOFREAD, plants: [
    { find: "Towns that fund their libraries well see higher literacy", replace: "Towns that funds there libraries well sees higher literacy", quote: "Towns that funds there libraries well sees", kind: "grammar", severity: "suggestion", keywords: ["fund", "their", "see", ...AGREE] },
    { find: "A librarian can find a court form, a tax guide or a novel you half remember in minutes.", replace: "Since 2010, federal law has required every public library in the country to stay open until midnight.", quote: "federal law has required every public library in the country to stay open until midnight", kind: "factual", keywords: ["no such law", "false", "untrue", "fabricated", "made up", "citation", "source", "unsupported", "not true", "contradicts", "cut their opening hours"] },
  ] },
  { base: W.lisbon, name: "lisbon-a", instruction: FEEDBACK, plants: [
    { find: "Wear good shoes: the city is built on seven hills.", replace: "Wear good shoes: the city is built on seven hills, and it is the capital of Spain.", quote: "it is the capital of Spain", kind: "factual", keywords: ["Portugal", "Madrid", "Portuguese"] },
    { find: "get lost in its narrow streets", replace: "get lost in it's narrow streets", quote: "it's narrow streets", kind: "grammar", severity: "suggestion", keywords: ["its", "possessive", "apostrophe", "it is"] },
  ] },
  { base: W.lisbon, name: "lisbon-b", instruction: CRITIQUE, plants: [
    { find: "skip it if you are saving money, since the view from the miradouro is nearly as good.", replace: "skip it if you are saving money, since the view from the castle is much better than anywhere else.", quote: "since the view from the castle is much better than anywhere else", kind: "logic", keywords: ["contradicts", "contradiction", "doesn't follow", "does not follow", "why skip", "miradouro", "reason", "backwards", "undermines"] },
    { find: "Spend the morning at LX Factory, a former textile complex full of bookshops and cafés,", replace: "Spend the morning at LX Factory, which is a very, very nice and really quite lovely place that is nice,", quote: "which is a very, very nice and really quite lovely place that is nice", kind: "style", severity: "suggestion", keywords: [...WORDY, "vague", "specific", "describe", "bland", "generic"] },
  ] },
  { base: W.lisbon, name: "lisbon-c", instruction: FACTS, plants: [
    { find: "try a pastel de nata at the famous bakery", replace: "try a pastel de nata, a savoury pastry filled with salted cod, at the famous bakery", quote: "a savoury pastry filled with salted cod", kind: "factual", keywords: ["custard", "sweet", "egg"] },
  ] },
  { base: W.letter, name: "letter-a", instruction: PROOFREAD, plants: [
    { find: "I am writing to apply for", replace: "I am writing to applied for", quote: "writing to applied", kind: "grammar", severity: "suggestion", keywords: ["apply", "infinitive", "tense", "verb form"] },
    { find: "from four hours to forty minutes", replace: "from forty minutes to four hours", quote: "from forty minutes to four hours", kind: "logic", keywords: ["reversed", "backwards", "swapped", "increase", "longer", "other way", "slower", "cut"] },
  ] },
  { base: W.letter, name: "letter-b", instruction: FEEDBACK, plants: [
    { find: "Thank you for considering my application.", replace: "Thank you so much, truly, for taking the time out of your very busy schedule to consider and think about my humble application.", kind: "style", severity: "suggestion", keywords: [...WORDY, "grovelling", "groveling", "overly", "effusive", "excessive", "formal"] },
    { find: "In that role I taught myself SQL", replace: "In my five years in that role I taught myself SQL", quote: "In my five years in that role", kind: "logic", keywords: ["two years", "contradicts", "inconsistent", "past two", "doesn't match", "does not match"] },
  ] },
  { base: W.garden, name: "garden-a", instruction: REVIEW, plants: [
    { find: "The total cost is $12,400", replace: "The total cost is $10,400", quote: "$10,400", kind: "factual", keywords: ["12,400", "add up", "adds up", "sum", "total of", "doesn't match", "does not match"] },
    { find: "Plots will be assigned by lottery", replace: "Plots will be assign by lottery", quote: "will be assign", kind: "grammar", severity: "suggestion", keywords: ["assigned", "participle", "passive"] },
  ] },
  { base: W.garden, name: "garden-b", instruction: CRITIQUE, plants: [
    { find: "We will clear the lot in March, build the beds in April and open the garden on May 1.", replace: "We will open the garden on March 1, clear the lot in March and build the beds in April.", quote: "We will open the garden on March 1, clear the lot in March", kind: "logic", keywords: ["before", "order", "sequence", "chronology", "after", "impossible", "lottery", "late April"] },
    { find: "We propose turning the empty lot at 14 Maple Street into", replace: "It is proposed by us that the empty lot at 14 Maple Street be turned into", quote: "It is proposed by us that", kind: "style", severity: "suggestion", keywords: ["passive", "active", "we propose", "direct"] },
  ] },
  { base: W.garden, name: "garden-c", instruction: FEEDBACK, plants: [
    { find: "We will test it before building and use raised beds with fresh soil either way.", replace: "Because the lot was a gas station, the soil is certainly safe, so we will skip testing.", quote: "the soil is certainly safe, so we will skip testing", kind: "logic", keywords: ["contaminated", "contamination", "test", "risk", "unsafe", "opposite", "doesn't follow", "does not follow"] },
  ] },
  { base: W.onboarding, name: "onboarding-a", instruction: REVIEW, plants: [
    { find: "From Thursday you take live chats for two hours a day.", replace: "From Tuesday you take live chats on your own for eight hours a day.", quote: "From Tuesday you take live chats on your own", kind: "logic", keywords: ["shadow", "shadowing", "Monday and Tuesday", "contradicts", "conflicts", "same day", "Thursday", "reviewer"] },
    { find: "Apologise once, then focus on the fix.", replace: "Apologise once, than focus on the fix.", quote: "than focus", kind: "grammar", severity: "suggestion", keywords: ["then", "comparison"] },
  ] },
  { base: W.onboarding, name: "onboarding-b", instruction: SUGGEST, plants: [
    { find: "Use the #escalations channel and include the ticket link.", replace: "Use the #escalations channel and include the ticket link. If a customer asks, you may send them their password in the chat.", quote: "you may send them their password in the chat", kind: "security", keywords: ["never", "reset", "plain text", "plaintext", "insecure", "phishing", "credentials", "verify", "identity", "security"] },
    { find: "Ask your lead for access on day one.", replace: "Access should be asked for from your lead on day one by you.", kind: "style", severity: "info", keywords: ["passive", "active", "ask your lead", "awkward", "direct", "clunky"] },
  ] },
  { base: W.story, name: "story-a", instruction: CRITIQUE, plants: [
    { find: "Her mother had died when Ines was nine.", replace: "Her mother had died a year before Ines was born.", quote: "a year before Ines was born", kind: "logic", keywords: ["handwriting", "week", "impossible", "contradicts", "timeline", "written the week", "couldn't", "could not", "inconsistent"] },
    { find: "she found a green bottle", replace: "she finded a green bottle", quote: "finded", kind: "grammar", severity: "suggestion", keywords: ["found", "irregular", "past tense"] },
  ] },
  { base: W.story, name: "story-b", instruction: FEEDBACK, plants: [
    { find: "Ines had kept the light on Corvo Point", replace: "It was a dark and stormy night, as dark and as stormy as any night had ever been. Ines had kept the light on Corvo Point", quote: "It was a dark and stormy night, as dark and as stormy as any night had ever been.", kind: "style", severity: "info", keywords: ["cliché", "cliche", "clichéd", "hackneyed", "overused", "repetitive", "redundant", "tired", "opening line"] },
  ] },
  { base: W.release, name: "release-a", instruction: PROOFREAD, plants: [
    { find: "- The date picker now respects the week start setting.", replace: "- The date picker now respects the week start setting.\n- Ctrl+K no longer opens anything.", quote: "Ctrl+K no longer opens anything.", kind: "logic", keywords: ["command palette", "contradicts", "New section", "conflicts", "inconsistent", "opens the command"] },
    { find: "Comments no longer disappear", replace: "Comments no longer dissapear", quote: "dissapear", kind: "grammar", severity: "suggestion", keywords: ["disappear", "spelling", "misspelled", "misspelt", "typo"] },
  ] },
  { base: W.launch, name: "launch-a", instruction: FEEDBACK, plants: [
    { find: "Fieldnote 2.0 is free for current subscribers.", replace: "Fieldnote 2.0 costs $5 a month extra for current subscribers, so it is completely free for them.", quote: "costs $5 a month extra for current subscribers, so it is completely free for them", kind: "logic", keywords: ["contradicts", "contradiction", "not free", "isn't free", "contradictory", "either", "both"] },
    { find: "Type a word you remember, and Fieldnote shows every page", replace: "Type a word you remembers, and Fieldnote show every page", quote: "you remembers, and Fieldnote show", kind: "grammar", severity: "suggestion", keywords: ["remember", "shows", ...AGREE] },
  ] },
  { base: W.launch, name: "launch-b", instruction: CRITIQUE, plants: [
    { find: "We are thrilled to announce Fieldnote 2.0, the biggest update since we launched.", replace: "We are super mega ultra thrilled beyond words to announce Fieldnote 2.0!!!", quote: "super mega ultra thrilled beyond words", kind: "style", severity: "info", keywords: ["hype", "over the top", "overblown", "exclamation", "tone", "unprofessional", "toned down", "tone down", "excessive"] },
  ] },
  { base: W.notes, name: "notes-a", instruction: REVIEW, plants: [
    { find: "The onboarding flow drops from five screens to three.", replace: "The onboarding flow drops from three screens to five.", quote: "drops from three screens to five", kind: "logic", keywords: ["increase", "grows", "rises", "reversed", "backwards", "five to three", "swapped", "more screens"] },
  ] },
  { base: W.recipe, name: "recipe-a", instruction: PROOFREAD, plants: [
    { find: "untill", replace: "until" },
    { find: "Heat the oven to 175 °C", replace: "Heat the oven to 475 °C", quote: "475 °C", kind: "factual", keywords: ["175", "180", "350", "too hot", "burn", "typo"] },
    { find: "Mash the bananas", replace: "Mash the banana's", quote: "banana's", kind: "grammar", severity: "suggestion", keywords: ["bananas", "apostrophe", "plural", "possessive"] },
  ] },
  { base: W.recipe, name: "recipe-b", instruction: REVIEW, plants: [
    { find: "untill", replace: "until" },
    { find: "until a skewer comes out clean.", replace: "until a skewer comes out covered in wet batter.", quote: "comes out covered in wet batter", kind: "logic", keywords: ["clean", "undercooked", "underbaked", "raw", "not done", "backwards", "opposite"] },
  ] },
  { base: W.memo, name: "memo-a", instruction: "Review the tone of this memo and comment where it could upset people.", plants: [
    { find: "No exceptions will be made, so do not ask.", replace: "No exceptions will be made, so do not ask.", kind: "style", severity: "suggestion", keywords: ["harsh", "hostile", "dismissive", "rude", "curt", "blunt", "unwelcoming", "softer", "soften", "exceptions can be discussed", "talk to your manager"] },
    { find: "or you will not get one", replace: "or you will not get one", kind: "style", severity: "suggestion", keywords: ["threatening", "harsh", "curt", "blunt", "softer", "soften", "negative", "rephrase", "friendlier"] },
    { find: "Only contact HR if the FAQ really does not answer them.", replace: "Only contact HR if the FAQ really does not answer them.", kind: "style", severity: "suggestion", keywords: ["dismissive", "discourages", "discouraging", "unwelcoming", "gatekeeping", "happy to help", "softer", "soften", "friendlier"] },
  ] },
  { base: W.apology, name: "apology-a", instruction: "Critique this reply to a customer before I send it.", plants: [
    { find: "so the delay is the courier's fault, not ours", replace: "so the delay is the courier's fault, not ours", kind: "style", severity: "issue", keywords: ["blame", "blaming", "defensive", "responsibility", "apologise", "apologize", "apology", "sorry"] },
    { find: "We can't do anything else about it.", replace: "We can't do anything else about it.", kind: "style", severity: "suggestion", keywords: ["dismissive", "unhelpful", "curt", "dead end", "offer", "alternative", "next step", "soften", "rude"] },
  ] },
  { base: R.sleep, name: "sleep-a", instruction: FACTS, plants: [
    { find: "Most adults need seven to nine hours of sleep a night", replace: "Most adults need only four to five hours of sleep a night", quote: "only four to five hours", kind: "factual", keywords: ["seven", "nine", "7", "9", "7–9", "7-9", "too little", "recommend"] },
  ] },
  { base: R.sleep, name: "sleep-b", instruction: CRITIQUE, plants: [
    { find: "so an afternoon coffee can still keep you awake at bedtime.", replace: "so an evening coffee will help you fall asleep faster.", quote: "an evening coffee will help you fall asleep faster", kind: "logic", keywords: ["stimulant", "keeps you awake", "keep you awake", "opposite", "contradicts", "six hours", "backwards"] },
    { find: "Make your bedroom dark", replace: "Make you're bedroom dark", quote: "you're bedroom", kind: "grammar", severity: "suggestion", keywords: ["your", "possessive", "you are", "contraction"] },
  ] },
  { base: R.sleep, name: "sleep-c", instruction: FEEDBACK, plants: [
    { find: "Screens emit blue light that can delay the release of melatonin", replace: "Screens emit blue light that speeds up the release of melatonin", quote: "speeds up the release of melatonin", kind: "factual", keywords: ["delays", "delay", "suppresses", "suppress", "slows", "reduces", "opposite", "backwards", "inhibits"] },
    { find: "do something calm until you feel sleepy.", replace: "do something calm and relaxing and peaceful and calm until you feel sleepy.", quote: "calm and relaxing and peaceful and calm", kind: "style", severity: "suggestion", keywords: [...WORDY, "repeats", "repeated", "twice"] },
  ] },
  { base: R.printing, name: "printing-a", instruction: FACTS, plants: [
    { find: "in Mainz around 1450.", replace: "in Mainz around 1750.", quote: "around 1750", kind: "factual", keywords: ["1450", "1440", "1440s", "1450s", "fifteenth century", "15th century"] },
    { find: "and their prices fell sharply.", replace: "and because there were so many, their prices rose sharply.", quote: "because there were so many, their prices rose sharply", kind: "logic", keywords: ["supply", "fell", "fall", "drop", "cheaper", "contradicts", "backwards", "opposite", "Cheaper books"] },
  ] },
  { base: R.printing, name: "printing-b", instruction: PROOFREAD, plants: [
    { find: "and what they read.", replace: "and what they readed.", quote: "readed", kind: "grammar", severity: "suggestion", keywords: ["read", "irregular", "past tense"] },
    { find: "Pamphlets spread the ideas of the Reformation", replace: "Pamphlets spread the ideas of the French Revolution", quote: "the ideas of the French Revolution", kind: "factual", keywords: ["Reformation", "Luther", "anachronism", "anachronistic", "1789", "centuries later", "sixteenth century", "16th century"] },
  ] },
  { base: R.printing, name: "printing-c", instruction: SUGGEST, plants: [
    { find: "Printing also standardised spelling", replace: "Printing also, in many ways and in a number of respects, standardised spelling", quote: "in many ways and in a number of respects", kind: "style", severity: "info", keywords: [...WORDY, "hedging", "vague", "remove", "cut"] },
  ] },
  ...moreWritingVariants(),
];

function moreWritingVariants(): Variant[] {
  return [
    { base: K.incident, name: "incident-a", instruction: FACTS, plants: [
      { find: "From 14:02 to 15:47 UTC", replace: "From 14:02 to 14:47 UTC", quote: "14:47", kind: "logic", keywords: ["15:47", "timeline", "inconsistent", "contradicts", "doesn't match", "does not match", "mismatch"] },
      { find: "- [ ] Add a lock-timeout of five seconds to every migration.", replace: "- [ ] Add a lock-timeout of five hours to every migration.", quote: "lock-timeout of five hours", kind: "logic", keywords: ["seconds", "too long", "defeats", "minutes", "shorter", "would not prevent", "wouldn't prevent", "pointless"] },
    ] },
    { base: K.incident, name: "incident-b", instruction: PROOFREAD, plants: [
      { find: "Alerts fired within four minutes, and the status page was updated before most customers noticed.", replace: "It should be noted that, in terms of alerting, alerts were fired by the alerting system within a period of four minutes, and the status page was updated before most customers noticed.", quote: "It should be noted that, in terms of alerting, alerts were fired by the alerting system within a period of four minutes", kind: "style", severity: "suggestion", keywords: [...WORDY, "passive"] },
      { find: "every write to the table waited for the lock", replace: "every write to the table were waiting for the lock", quote: "were waiting", kind: "grammar", severity: "suggestion", keywords: ["was waiting", "waited", ...AGREE] },
    ] },
    { base: K.spec, name: "spec-a", instruction: CRITIQUE, plants: [
      { find: "Help users keep a habit for 66 days, the median time it takes to become automatic.", replace: "Help users keep a habit for 21 days, the median time it takes to become automatic.", quote: "21 days, the median time", kind: "factual", keywords: ["66", "myth", "Lally", "66 days", "longer", "two months"] },
      { find: "rises from 18% to 30%", replace: "falls from 18% to 30%", quote: "falls from 18% to 30%", kind: "logic", keywords: ["rises", "rise", "increase", "increases", "grows", "direction", "backwards"] },
    ] },
    { base: K.spec, name: "spec-b", instruction: REVIEW, plants: [
      { find: "Streaks count weeks in which the target was met.", replace: "Streaks count weeks in which the target was met. Missing a single day resets the streak to zero.", quote: "Missing a single day resets the streak to zero.", kind: "logic", keywords: ["contradicts", "recoverable", "goal", "goals", "conflicts", "punish", "punishes", "inconsistent", "weekly target", "problem statement"] },
    ] },
    { base: K.hiring, name: "hiring-a", instruction: PROOFREAD, plants: [
      { find: "Our process has four steps", replace: "Our process has five steps", quote: "five steps", kind: "logic", keywords: ["four", "4", "count", "only four", "listed", "mismatch"] },
      { find: "before they see each other's notes", replace: "before they sees each other's notes", quote: "they sees", kind: "grammar", severity: "suggestion", keywords: ["see", ...AGREE] },
    ] },
    { base: K.hiring, name: "hiring-b", instruction: SUGGEST, plants: [
      { find: "what the candidate wants next. No technical questions.", replace: "what the candidate wants next. No technical questions. We are really very passionate about hiring, and hiring is very important to us as a company that hires.", quote: "We are really very passionate about hiring, and hiring is very important to us as a company that hires.", kind: "style", severity: "info", keywords: [...WORDY, "vague", "empty", "cut", "remove", "delete", "adds nothing"] },
    ] },
    { base: K.privacy, name: "privacy-a", instruction: REVIEW, plants: [
      { find: "We do not store your full card number; payments are handled by our payment provider.", replace: "We store your full card number and security code so you can check out faster.", quote: "We store your full card number and security code", kind: "security", keywords: ["PCI", "PCI DSS", "CVV", "CVC", "must not", "never", "prohibited", "tokenize", "tokenise", "compliance", "payment provider", "breach"] },
      { find: "You can unsubscribe from the newsletter at any time.", replace: "You can unsubscribe from the newsletter once a year, in January.", quote: "once a year, in January", kind: "logic", keywords: ["any time", "anytime", "withdraw", "consent", "GDPR", "easy", "unlawful", "illegal"] },
    ] },
    { base: K.privacy, name: "privacy-b", instruction: PROOFREAD, plants: [
      { find: "and we will answer within one month", replace: "and we will answers within one month", quote: "will answers", kind: "grammar", severity: "suggestion", keywords: ["answer", "base form", "infinitive", "verb form"] },
    ] },
    { base: K.investor, name: "investor-a", instruction: FACTS, plants: [
      { find: "Gross margin improved from 61% to 67%", replace: "Gross margin fell from 61% to 67%", quote: "fell from 61% to 67%", kind: "logic", keywords: ["improved", "rose", "increase", "increased", "rise", "backwards", "direction"] },
      { find: "the two new customers took seven months each from first meeting to contract", replace: "the two new customers took seven weeks each from first meeting to contract", quote: "seven weeks each", kind: "logic", keywords: ["months", "longer", "contradicts", "inconsistent", "fast", "quick", "doesn't support", "does not support"] },
    ] },
    { base: K.investor, name: "investor-b", instruction: FEEDBACK, plants: [
      { find: "Q3 was our strongest quarter yet.", replace: "Q3 was, without any shadow of a doubt whatsoever, our strongest and best quarter yet.", quote: "without any shadow of a doubt whatsoever, our strongest and best", kind: "style", severity: "suggestion", keywords: [...WORDY, "hedging", "cut"] },
    ] },
    { base: K.grant, name: "grant-a", instruction: FACTS, plants: [
      { find: "131 of them now work in technology jobs", replace: "181 of them now work in technology jobs", quote: "181 of them", kind: "logic", keywords: ["62%", "62", "inconsistent", "contradicts", "doesn't match", "does not match", "131", "85%"] },
      { find: "We ask for 96,000 pounds over two years", replace: "We ask for 86,000 pounds over two years", quote: "86,000 pounds", kind: "factual", keywords: ["96,000", "add up", "adds up", "sum", "total", "doesn't match", "does not match"] },
    ] },
    { base: K.grant, name: "grant-b", instruction: PROOFREAD, plants: [
      { find: "before they had to leave home", replace: "before they has to leave home", quote: "they has", kind: "grammar", severity: "suggestion", keywords: ["had", "have", "tense", ...AGREE] },
    ] },
    { base: K.press, name: "press-a", instruction: FACTS, plants: [
      { find: "\"The Volt 3 is the first bike we designed around that trip.\"", replace: "\"The Volt 3 is the first bike we designed around that trip, and at 11 kilograms it is the lightest we have ever made.\"", quote: "at 11 kilograms it is the lightest we have ever made", kind: "logic", keywords: ["14.8", "weight", "contradicts", "inconsistent", "doesn't match", "does not match"] },
      { find: "and has sold more than 40,000 bikes", replace: "and have sold more than 40,000 bikes", quote: "have sold", kind: "grammar", severity: "suggestion", keywords: ["has sold", ...AGREE] },
    ] },
    { base: K.press, name: "press-b", instruction: CRITIQUE, plants: [
      { find: "Lumen Mobility today announced the Volt 3, a folding electric bike", replace: "Lumen Mobility today proudly and excitedly announced the revolutionary, game-changing, world-first Volt 3, a folding electric bike", quote: "proudly and excitedly announced the revolutionary, game-changing, world-first", kind: "style", severity: "suggestion", keywords: ["hype", "superlatives", "buzzwords", "marketing speak", "adjectives", "overblown", "unsupported", "exaggerated", "exaggeration", "claims"] },
    ] },
    { base: K.research, name: "research-a", instruction: CRITIQUE, plants: [
      { find: "Staff turnover fell by half among home workers.", replace: "This proves that working from home makes every kind of employee more productive. Staff turnover fell by half among home workers.", quote: "This proves that working from home makes every kind of employee more productive.", kind: "logic", keywords: ["overgeneralization", "overgeneralisation", "generalise", "generalize", "call-centre", "call centre", "one kind of job", "limits", "too broad", "overclaim", "overstates", "overstated", "one company"] },
    ] },
    { base: K.research, name: "research-b", instruction: FACTS, plants: [
      { find: "Employees who worked from home completed 13% more calls", replace: "Employees who worked from home completed 31% more calls", quote: "31% more calls", kind: "factual", keywords: ["13%", "13", "transposed", "swapped"] },
    ] },
    { base: F.toast, name: "toast-a", instruction: FEEDBACK, plants: [
      { find: "Owen, you have joined a loud family", replace: "Owen, you have joined a quiet family", quote: "a quiet family", kind: "logic", keywords: ["loud", "noisy", "contradicts", "contradiction", "board games"] },
      { find: "Please raise your glasses: to Leila and Owen.", replace: "Please raise your glasses, assuming the bar hasn't run dry yet because of Leila's uncle: to Leila and Owen.", quote: "assuming the bar hasn't run dry yet because of Leila's uncle", kind: "style", severity: "suggestion", keywords: ["embarrass", "embarrassing", "awkward", "inappropriate", "offend", "offensive", "unkind", "mean", "jab", "drinking", "cut"] },
    ] },
    { base: F.eulogy, name: "eulogy-a", instruction: FACTS, plants: [
      { find: "He built furniture for forty years.", replace: "He built furniture for seventy years.", quote: "for seventy years", kind: "logic", keywords: ["forty", "40", "age", "impossible", "math", "arithmetic", "timeline", "1938", "too long"] },
      { find: "still stands level", replace: "still stand level", quote: "still stand level", kind: "grammar", severity: "suggestion", keywords: ["stands", ...AGREE] },
    ] },
    { base: F.eulogy, name: "eulogy-b", instruction: FACTS, plants: [
      { find: "moved to Boston at nineteen", replace: "moved to Boston, the capital of New York State, at nineteen", quote: "the capital of New York State", kind: "factual", keywords: ["Massachusetts", "Albany"] },
    ] },
    { base: F.kyoto, name: "kyoto-a", instruction: FACTS, plants: [
      { find: "Take the train to Arashiyama and walk through the bamboo grove before eight.", replace: "Take the train to Nara and walk through the bamboo grove before eight.", quote: "Take the train to Nara", kind: "factual", keywords: ["Arashiyama", "Sagano", "bamboo grove is in", "the bamboo forest is in"] },
      { find: "Start at Kiyomizu-dera at 6 a.m., when the wooden terrace is almost empty.", replace: "Start at Kiyomizu-dera at 11 a.m., when the wooden terrace is almost empty.", quote: "at 11 a.m.", kind: "logic", keywords: ["crowded", "busiest", "busy", "early", "6 a.m.", "morning", "contradicts", "tour buses"] },
    ] },
    { base: F.oped, name: "oped-a", instruction: CRITIQUE, plants: [
      { find: "Cities that have built lanes separated by kerbs or planters have seen the number of serious injuries fall,", replace: "Cities that have built lanes separated by kerbs or planters have seen injuries fall by 100%, so Millbrook will never have another crash,", quote: "injuries fall by 100%, so Millbrook will never have another crash", kind: "logic", keywords: ["overclaim", "overstates", "overstated", "exaggerated", "exaggeration", "guarantee", "impossible", "unrealistic", "implausible", "source"] },
      { find: "Opponents say the lanes will hurt shops on Market Street.", replace: "Opponents, who clearly have never ridden a bike in their lives, say the lanes will hurt shops on Market Street.", quote: "who clearly have never ridden a bike in their lives", kind: "logic", severity: "suggestion", keywords: ["ad hominem", "personal attack", "attack", "straw man", "insult", "insulting", "dismissive", "undermines", "unfair"] },
    ] },
    { base: F.newsletter, name: "newsletter-a", instruction: REVIEW, plants: [
      { find: "from 5 to 8 p.m., so that", replace: "from 10 a.m. to 1 p.m., so that", quote: "from 10 a.m. to 1 p.m.", kind: "logic", keywords: ["evening", "evenings", "working hours", "contradicts", "morning", "daytime", "cannot", "can't", "work during the day", "at work"] },
      { find: "We need drivers", replace: "We needs drivers", quote: "We needs", kind: "grammar", severity: "suggestion", keywords: ["need", ...AGREE] },
    ] },
    { base: F.plant, name: "plant-a", instruction: FACTS, plants: [
      { find: "In winter, the plant needs about half as much water.", replace: "In winter, the plant needs about twice as much water.", quote: "twice as much water", kind: "factual", keywords: ["less", "half", "fewer", "reduce", "dormant", "slower", "overwatering", "root rot"] },
      { find: "into a pot no more than five centimetres wider than the old one", replace: "into a pot at least thirty centimetres wider than the old one", quote: "at least thirty centimetres wider", kind: "factual", keywords: ["root rot", "too big", "too large", "oversized", "waterlogged", "five centimetres", "5 cm", "slightly larger", "one size up"] },
    ] },
    { base: F.plant, name: "plant-b", instruction: PROOFREAD, plants: [
      { find: "Monsteras are forgiving houseplants", replace: "Monsteras is forgiving houseplants", quote: "Monsteras is", kind: "grammar", severity: "suggestion", keywords: ["Monsteras are", ...AGREE] },
    ] },
    { base: F.bicycle, name: "bicycle-a", instruction: FACTS, plants: [
      { find: "appeared in England in the 1880s", replace: "appeared in England in the 1930s", quote: "in the 1930s", kind: "factual", keywords: ["1880s", "1885", "Rover", "Starley", "nineteenth century", "19th century", "1890s"] },
      { find: "long before most families could afford a car", replace: "long after most families could afford a car", quote: "long after most families", kind: "logic", keywords: ["before", "anachronism", "chronology", "sequence", "earlier", "contradicts", "first time"] },
    ] },
  ];
}
