// Work documents (markdown as our serializer writes it): a postmortem, a spec, a policy, minutes, an
// investor update and the like. Each is a clean draft a team would iterate on; edit cases change them
// and comment cases plant defects in them.
import { family } from "./family.ts";
import type { CanvasSeed } from "./writing.ts";

const doc = (title: string, paragraphs: string[]): CanvasSeed => ({ kind: "document", title, content: paragraphs.join("\n\n") });

export const INCIDENT_P = [
  "# Postmortem: checkout outage on 4 June",
  "## Summary",
  "From 14:02 to 15:47 UTC, customers could not complete checkout. About 3,100 orders failed, and the support team received 420 tickets. The cause was a database migration that locked the orders table.",
  "## Timeline",
  "- 13:55 The migration that adds a `refund_reason` column starts on the primary database.\n- 14:02 Checkout requests begin to time out.\n- 14:20 The on-call engineer, Priya Natarajan, opens an incident.\n- 15:30 The migration is cancelled and the table lock is released.\n- 15:47 Checkout error rates return to normal.",
  "## Root cause",
  "The migration rewrote the whole orders table instead of adding the column in place, because the column had a default value. While it ran, every write to the table waited for the lock.",
  "## What went well",
  "Alerts fired within four minutes, and the status page was updated before most customers noticed.",
  "## Action items",
  "- [ ] Run schema migrations through the online migration tool.\n- [ ] Add a lock-timeout of five seconds to every migration.\n- [ ] Rehearse large migrations on a copy of production first.",
];
export const incident = family("incident", doc("Checkout outage postmortem", INCIDENT_P));

export const SPEC_P = [
  "# Habit tracker: product requirements",
  "## Problem",
  "People who want to build a habit give up within two weeks, usually after missing a single day. Existing apps punish a missed day by resetting the streak to zero.",
  "## Goals",
  "- Help users keep a habit for 66 days, the median time it takes to become automatic.\n- Make a missed day feel recoverable, not like failure.\n- Keep daily check-in under five seconds.",
  "## Key features",
  "Each habit has a weekly target rather than a daily one, so a user can aim for five runs a week. Streaks count weeks in which the target was met. A reminder arrives at the time the user usually checks in.",
  "## Out of scope",
  "Social features, leaderboards and paid coaching are out of scope for the first release.",
  "## Success metric",
  "The share of users still checking in on day 30 rises from 18% to 30%.",
];
export const spec = family("spec", doc("Habit tracker PRD", SPEC_P));

export const HIRING_P = [
  "# How we hire engineers",
  "Our process has four steps and takes about three weeks from first call to offer.",
  "## 1. Intro call",
  "A 30-minute call with the hiring manager about the role, the team and what the candidate wants next. No technical questions.",
  "## 2. Take-home exercise",
  "A small, paid exercise of at most three hours, done in the candidate's own language and tools. We pay a flat fee of 150 euros whether or not we continue.",
  "## 3. Pairing session",
  "Two engineers work with the candidate on their exercise for 90 minutes: extending it, discussing trade-offs and reviewing each other's code.",
  "## 4. Team conversation",
  "The candidate meets three future teammates and asks them anything. Teammates share their impressions in writing before they see each other's notes.",
  "We send every candidate a decision within five working days of their last interview.",
];
export const hiring = family("hiring", doc("Engineering hiring process", HIRING_P));

export const MINUTES_P = [
  "# Elm Park Residents' Association: minutes of 9 October",
  "Present: Joanna Kowalski (chair), Tomás Ferreira, Aisha Bello, Martin Groves and eleven residents. Apologies: Helen Achebe.",
  "## 1. Playground repairs",
  "The council has agreed to replace the broken swings by the end of November. Tomás will check the work before the council signs it off.",
  "## 2. Street party",
  "The summer street party raised 840 pounds for the library fund. Residents voted to hold it again next July, on the first Saturday of the school holidays.",
  "## 3. Parking",
  "Several residents complained about vans parking on the pavement near the school. Aisha will write to the council asking for bollards.",
  "## 4. Any other business",
  "Martin reminded everyone that the autumn litter pick is on 2 November at 10 a.m., starting at the park gates.",
  "The next meeting is on 13 November at 7 p.m. in the community hall.",
];
export const minutes = family("minutes", doc("Residents' association minutes", MINUTES_P));

export const PRIVACY_P = [
  "# Privacy notice",
  "This notice explains what personal data Tidewater Books collects when you shop with us, why we collect it and what rights you have.",
  "## What we collect",
  "When you order, we collect your name, delivery address, email address and order history. We do not store your full card number; payments are handled by our payment provider.",
  "## Why we collect it",
  "We use your data to deliver your orders, to answer your questions and, if you agree, to send you our monthly newsletter. You can unsubscribe from the newsletter at any time.",
  "## How long we keep it",
  "We keep order records for six years because tax law requires it. Newsletter subscriptions are deleted two years after your last order.",
  "## Your rights",
  "You can ask for a copy of your data, ask us to correct it or ask us to delete it. Write to [privacy@tidewaterbooks.example](mailto:privacy@tidewaterbooks.example) and we will answer within one month.",
];
export const privacy = family("privacy", doc("Privacy notice", PRIVACY_P));

export const INVESTOR_P = [
  "# Investor update: Q3",
  "Hi all,",
  "Q3 was our strongest quarter yet. Revenue grew to $412,000, up 23% on Q2, and we signed our first two hospital customers in Ohio.",
  "## Highlights",
  "- Monthly recurring revenue reached $138,000.\n- Gross margin improved from 61% to 67% after we moved hosting providers.\n- We hired a head of sales, Dana Whitlock, who previously led sales at Medlink.",
  "## Challenges",
  "Sales cycles with hospitals are longer than we planned: the two new customers took seven months each from first meeting to contract. We have 14 months of runway at the current burn rate.",
  "## Asks",
  "We are looking for introductions to procurement leads at regional hospital groups. If you know someone, reply to this email.",
  "Thanks for your support,\nRuth and Kenji",
];
export const investor = family("investor", doc("Q3 investor update", INVESTOR_P));

export const WIFI_P = [
  "# Troubleshooting: the office Wi-Fi is slow",
  "Most slow connections in the office have one of three causes. Work through the checks below in order; each takes less than five minutes.",
  "## 1. Check which network you are on",
  "Connect to `Harbor-5G`, not `Harbor-Guest`. The guest network is limited to 5 Mbit/s per device.",
  "## 2. Move closer to an access point",
  "The meeting rooms on the north side are far from the nearest access point. If you work there, expect speeds to drop by half.",
  "## 3. Restart your network adapter",
  "On Windows, open Settings, go to Network and choose Network reset. On a Mac, turn Wi-Fi off and on from the menu bar.",
  "## Still slow?",
  "Open a ticket with IT and include the result of a speed test from speedtest.example.net, your desk number and the time the problem started.",
];
export const wifi = family("wifi", doc("Wi-Fi troubleshooting", WIFI_P));

export const GRANT_P = [
  "# Grant narrative: Code Bridge",
  "## Who we are",
  "Code Bridge teaches web development to refugees and asylum seekers in Leeds. Since 2019, 212 students have finished our twelve-week course, and 131 of them now work in technology jobs.",
  "## The need",
  "Many of our students were engineers, teachers or accountants before they had to leave home. Their skills are real, but without local references or a portfolio they cannot get an interview.",
  "## What we will do",
  "With this grant we will run four more cohorts of twenty students each and add a six-week placement with a local employer to every course.",
  "## Budget",
  "We ask for 96,000 pounds over two years: 64,000 for two part-time instructors, 20,000 for laptops and travel passes, and 12,000 for a placement coordinator.",
  "## How we will measure success",
  "We will count how many students finish the course and how many are in paid work six months later. Our target is 75% in work, up from 62% today.",
];
export const grant = family("grant", doc("Code Bridge grant narrative", GRANT_P));

export const PRESS_P = [
  "# Volt 3: the city e-bike that folds in four seconds",
  "BERLIN, 3 March — Lumen Mobility today announced the Volt 3, a folding electric bike built for commuters who combine cycling with trains and buses.",
  "The Volt 3 weighs 14.8 kilograms and folds to the size of a carry-on suitcase. Its removable battery gives a range of up to 70 kilometres and charges fully in three hours.",
  "\"Most of our riders take the train for part of their journey,\" said Clara Vogt, Lumen's chief executive. \"The Volt 3 is the first bike we designed around that trip.\"",
  "The Volt 3 goes on sale on 1 April in Germany, Austria and the Netherlands, priced at 2,290 euros. Pre-orders open today at lumen-mobility.example.",
  "## About Lumen Mobility",
  "Lumen Mobility designs electric bikes in Berlin and has sold more than 40,000 bikes since it was founded in 2016.",
];
export const press = family("press", doc("Volt 3 press release", PRESS_P));

export const RESEARCH_P = [
  "# Summary: remote work and productivity",
  "This summary covers a study of 1,600 employees at a travel company in Shanghai who were randomly assigned to work from home or from the office for nine months.",
  "## Findings",
  "Employees who worked from home completed 13% more calls than those in the office. About two thirds of the gain came from working more minutes per shift, with fewer breaks and sick days; the rest came from more calls per minute.",
  "Staff turnover fell by half among home workers. However, home workers were promoted less often than office workers with similar performance.",
  "## Limits",
  "The study looked at one kind of job, call-centre work, which is easy to measure and needs little collaboration. The results may not hold for creative or team-based work.",
  "## What it means for us",
  "A hybrid policy could keep most of the gains while protecting promotion chances, if managers judge people on results rather than on time seen in the office.",
];
export const research = family("research", doc("Remote work research summary", RESEARCH_P));

export const WORK_DOCS: CanvasSeed[] = [incident, spec, hiring, minutes, privacy, investor, wifi, grant, press, research];
