// Trigger cases where a canvas is already open, earlier conversation matters, or both: a request about
// the open canvas is an edit or a comment (label "chat": no new canvas), and only a clearly separate
// new document opens one. Canvases come from the edit and comment bases, so these cases share their
// canvas family's split.
import * as C from "./code.ts";
import * as J from "./codeJs.ts";
import * as P from "./codePy.ts";
import { derived, family } from "./family.ts";
import * as F from "./writingLife.ts";
import * as K from "./writingWork.ts";
import * as W from "./writing.ts";
import type { CanvasSeed } from "./writing.ts";

export interface HistoryTurn {
  role: "user" | "assistant";
  content: string;
}

export interface TriggerSeed {
  prompt: string;
  expect: "canvas" | "chat";
  history?: HistoryTurn[];
  canvas?: CanvasSeed;
  /** Cases without a canvas that belong together (a contrasting pair). */
  group?: string;
}

type Seed = TriggerSeed;

const essayCanvas: CanvasSeed = derived(W.library, {
  kind: "document",
  title: "Why libraries matter",
  content:
    "# Why libraries matter\n\nPublic libraries are one of the last places where anyone can spend a whole afternoon without buying anything.\n\nThey lend books, but they also lend quiet, internet access and expert help.\n\nTowns that fund their libraries well see higher literacy and stronger civic life.",
});

const codeCanvas: CanvasSeed = family("py-sumprices", {
  kind: "code",
  language: "python",
  title: "sum_prices.py",
  content:
    "def sum_prices(items):\n    total = 0\n    for i in range(len(items) + 1):\n        total += items[i][\"price\"]\n    return total\n\n\nif __name__ == \"__main__\":\n    print(sum_prices([{\"price\": 3}, {\"price\": 4}]))",
});

// A canvas is already open: requests about it are edits or comments (no new canvas); only a clearly
// separate new document opens one.
const withCanvas: Seed[] = [
  { prompt: "Make the second paragraph friendlier.", canvas: essayCanvas, expect: "chat" },
  { prompt: "Can you critique this essay?", canvas: essayCanvas, expect: "chat" },
  { prompt: "Translate it into German.", canvas: essayCanvas, expect: "chat" },
  { prompt: "Add a conclusion paragraph.", canvas: essayCanvas, expect: "chat" },
  { prompt: "Now write a separate one-page flyer for the library's summer reading program in a new document.", canvas: essayCanvas, expect: "canvas" },
  { prompt: "Fix the bug in the loop.", canvas: codeCanvas, expect: "chat" },
  { prompt: "What does this function do?", canvas: codeCanvas, expect: "chat" },
  { prompt: "Review this code.", canvas: codeCanvas, expect: "chat" },
  { prompt: "Port it to JavaScript.", canvas: codeCanvas, expect: "chat" },
  { prompt: "Also write a new, separate test file with pytest tests for sum_prices.", canvas: codeCanvas, expect: "canvas" },
];

// Earlier conversation decides the answer.
const withHistory: Seed[] = [
  {
    history: [
      { role: "user", content: "I'm applying for a job as a park ranger." },
      { role: "assistant", content: "Great! What would you like help with: the resume, the cover letter, or interview prep?" },
    ],
    prompt: "The cover letter, please. Full draft.",
    expect: "canvas",
  },
  {
    history: [
      { role: "user", content: "Write a Python function that checks whether a string is a palindrome." },
      { role: "assistant", content: "def is_palindrome(s):\n    s = s.lower()\n    return s == s[::-1]" },
    ],
    prompt: "Why do you lowercase it first?",
    expect: "chat",
  },
  {
    history: [
      { role: "user", content: "We're planning a charity run in June." },
      { role: "assistant", content: "Sounds great. Do you need a name, a flyer, or a sponsorship letter?" },
    ],
    prompt: "A sponsorship letter for local businesses, with the sponsorship tiers.",
    expect: "canvas",
  },
  {
    history: [
      { role: "user", content: "What is a REST API?" },
      { role: "assistant", content: "A REST API exposes resources over HTTP with standard verbs such as GET, POST, PUT and DELETE." },
    ],
    prompt: "Thanks! And what is GraphQL?",
    expect: "chat",
  },
  {
    history: [
      { role: "user", content: "I want to build a small inventory tracker for my shop." },
      { role: "assistant", content: "I can help. Which language do you prefer, and should it store data in a file or a database?" },
    ],
    prompt: "Python with SQLite. Please write the whole program with add, remove and list commands.",
    expect: "canvas",
  },
  {
    history: [
      { role: "user", content: "Give me a title for my essay on urban beekeeping." },
      { role: "assistant", content: "\"Honey on the Rooftops: The Quiet Rise of Urban Beekeeping\"" },
    ],
    prompt: "Another one, shorter.",
    expect: "chat",
  },
  {
    history: [
      { role: "user", content: "My essay is about how video games can teach history." },
      { role: "assistant", content: "Interesting topic! Would you like an outline or a full draft?" },
    ],
    prompt: "Full draft, about 1,200 words.",
    expect: "canvas",
  },
  {
    history: [
      { role: "user", content: "Can you explain how HTTPS works?" },
      { role: "assistant", content: "HTTPS wraps HTTP in TLS: the server proves its identity with a certificate, then both sides agree on keys." },
    ],
    prompt: "ok cool",
    expect: "chat",
  },
];


/** A conversation in which the user asked for the canvas and the assistant opened it. */
function made(request: string, canvas: CanvasSeed, ...more: [string, string][]): HistoryTurn[] {
  return [
    { role: "user", content: request },
    { role: "assistant", content: `I opened "${canvas.title}" in a canvas.` },
    ...more.flatMap(([user, assistant]): HistoryTurn[] => [
      { role: "user", content: user },
      { role: "assistant", content: assistant },
    ]),
  ];
}

const both = (canvas: CanvasSeed, request: string, prompt: string, expect: Seed["expect"], ...more: [string, string][]): Seed => ({
  canvas,
  history: made(request, canvas, ...more),
  prompt,
  expect,
});

// A canvas is open AND the conversation led to it: follow-ups about the canvas stay in it (chat label),
// a separate new document opens a canvas.
const withCanvasAndHistory: Seed[] = [
  both(W.memo, "Write a memo announcing the new office days.", "Make it less bossy.", "chat"),
  both(W.memo, "Write a memo announcing the new office days.", "Now write a separate FAQ document answering the questions people will ask about the new office days.", "canvas"),
  both(W.lisbon, "Write a blog post about three days in Lisbon on a budget.", "Can you add a section about where to eat?", "chat"),
  both(W.lisbon, "Write a blog post about three days in Lisbon on a budget.", "Great. I also need a packing list for the trip, as its own document.", "canvas", ["Make day one shorter.", "I shortened the day one section."]),
  both(W.letter, "Draft a cover letter for the Northwind data analyst job.", "Proofread it please.", "chat"),
  both(W.letter, "Draft a cover letter for the Northwind data analyst job.", "Perfect. Also write the thank-you email I'll send after the interview, as a new draft.", "canvas"),
  both(K.incident, "Draft a postmortem for yesterday's checkout outage.", "What was the root cause again, in one sentence?", "chat"),
  both(K.incident, "Draft a postmortem for yesterday's checkout outage.", "Write the customer-facing apology email about this outage in a new document.", "canvas"),
  both(K.spec, "Write a PRD for our habit tracker.", "Review this PRD and point out anything vague.", "chat"),
  both(K.spec, "Write a PRD for our habit tracker.", "Turn the goals into a numbered list.", "chat", ["Add a success metric.", "I added a success metric section."]),
  both(K.press, "Write a press release for the Volt 3 launch.", "Translate it into French.", "chat"),
  both(K.press, "Write a press release for the Volt 3 launch.", "Now write a separate FAQ for journalists about the Volt 3.", "canvas"),
  both(F.toast, "Write a toast for my sister Leila's wedding.", "Make it a bit shorter, I only have three minutes.", "chat"),
  both(F.toast, "Write a toast for my sister Leila's wedding.", "Is it okay to mention how they met at the climbing wall?", "chat"),
  both(F.eulogy, "Help me write a eulogy for my grandfather Walter.", "Thank you. This means a lot to me.", "chat"),
  both(F.eulogy, "Help me write a eulogy for my grandfather Walter.", "Could you also write a short obituary for the local paper, as its own document?", "canvas"),
  both(F.kyoto, "Plan two days in Kyoto for me.", "Roughly how much would this trip cost per person?", "chat"),
  both(F.kyoto, "Plan two days in Kyoto for me.", "Add a third day for Nara.", "chat"),
  both(F.newsletter, "Write our food bank's spring newsletter.", "Write the volunteer sign-up form text as a separate document.", "canvas"),
  both(F.newsletter, "Write our food bank's spring newsletter.", "Fix any typos.", "chat"),
  both(C.pyCart, "Write a shopping cart module in Python.", "Why does subtotal crash on my list?", "chat"),
  both(C.pyCart, "Write a shopping cart module in Python.", "Write pytest tests for this module in a new file.", "canvas"),
  both(C.tsUsers, "Write a TypeScript module that stores users in memory.", "Rename getUsr to getUser.", "chat"),
  both(C.tsUsers, "Write a TypeScript module that stores users in memory.", "Now write the Express routes that use this module, in a separate file.", "canvas"),
  both(P.pyBank, "Write a simple bank account class in Python.", "Does this handle overdrafts?", "chat"),
  both(P.pyBank, "Write a simple bank account class in Python.", "Add a method that adds monthly interest.", "chat"),
  both(J.jsTodos, "Write todo list helpers in JavaScript.", "Convert this to TypeScript.", "chat"),
  both(J.jsTodos, "Write todo list helpers in JavaScript.", "Write a React component that uses these functions, as a new file.", "canvas"),
  both(K.grant, "Write the narrative for our Code Bridge grant application.", "Make the budget section clearer.", "chat"),
  both(K.grant, "Write the narrative for our Code Bridge grant application.", "Write the cover letter that goes with this grant application, separately.", "canvas"),
  both(K.hiring, "Document how we hire engineers.", "What do you think of our process?", "chat"),
  both(F.heater, "Write a letter to my landlord about the broken heater.", "Thanks! Should I send it by email or by post?", "chat"),
  both(K.research, "Summarise that remote work study for our leadership team.", "Give me three bullet points from this for my boss, just here in the chat.", "chat"),
  both(F.plant, "Write a care guide for my monstera.", "Also create a watering schedule for all my other houseplants, as a separate document.", "canvas"),
];

export function canvasSlices(): Record<string, Seed[]> {
  return { "open-canvas": withCanvas, history: withHistory, "canvas-and-history": withCanvasAndHistory };
}
