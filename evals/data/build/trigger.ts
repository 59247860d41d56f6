// Source of evals/data/trigger.jsonl: open a canvas, or answer in chat? Each slice is a list of
// hand-written prompts with the behaviour PRODUCT.md asks for. Run `npx tsx evals/data/build/index.ts`.
import { splitFor, type Split } from "./split.ts";

type Expect = "canvas" | "chat";

interface HistoryTurn {
  role: "user" | "assistant";
  content: string;
}

interface TriggerCanvas {
  kind: "document" | "code";
  language?: string;
  title: string;
  content: string;
}

export interface TriggerCase {
  id: string;
  split: Split;
  slice: string;
  prompt: string;
  history?: HistoryTurn[];
  canvas?: TriggerCanvas;
  expect: Expect;
}

interface Seed {
  prompt: string;
  expect: Expect;
  history?: HistoryTurn[];
  canvas?: TriggerCanvas;
}

const canvasFor = (prompts: string[]): Seed[] => prompts.map((prompt) => ({ prompt, expect: "canvas" }));
const chatFor = (prompts: string[]): Seed[] => prompts.map((prompt) => ({ prompt, expect: "chat" }));

const longWriting = canvasFor([
  "Write a 1,000-word essay on why small towns should invest in public libraries.",
  "Draft a cover letter for a junior data analyst position at a logistics company. I have two years of Excel and SQL experience.",
  "Write a short story about a lighthouse keeper who finds a message in a bottle addressed to her.",
  "Can you write a blog post about the benefits of learning to cook at home? Around 800 words, friendly tone.",
  "Write a wedding speech for my brother Tom and his wife Aisha. Funny but heartfelt, about five minutes.",
  "Draft a project proposal for a community garden, with goals, budget, timeline and risks.",
  "Write a product requirements document for a habit-tracking mobile app.",
  "I need a eulogy for my grandfather, who was a carpenter and loved fishing. About 600 words.",
  "Write a persuasive op-ed arguing that schools should start later in the morning.",
  "Write the first chapter of a mystery novel set in 1920s Istanbul.",
  "Write a detailed README for an open-source CLI tool that converts CSV files to JSON.",
  "Compose a formal complaint letter to my landlord about a broken heater that has not been fixed for three weeks.",
  "Write a five-paragraph essay comparing renewable and fossil energy for a high-school class.",
  "Write a quarterly report summary for our sales team: revenue up 12%, churn down, two new enterprise clients.",
  "Draft a grant application narrative for a nonprofit that teaches coding to refugees.",
  "Write a press release announcing our company's new electric bike, the Volt 3, launching in March.",
  "Write a travel guide article about spending three days in Lisbon on a budget.",
  "Write an employee onboarding guide for new support agents: tools, first-week schedule, escalation rules.",
  "Write a personal statement for a master's application in environmental engineering.",
  "Draft a newsletter for our neighborhood association covering the street fair, road works and the new recycling rules.",
  "Write a literature review section on remote work and productivity, with headings.",
  "Write a bedtime story for a six-year-old about a dragon who is afraid of the dark, about 700 words.",
  "Write terms of service for a small photo-sharing website.",
  "Write a lesson plan for a 45-minute introduction to fractions for fourth graders.",
  "Write a detailed incident postmortem for a 2-hour database outage caused by a failed migration.",
]);

const code = canvasFor([
  "Write a Python script that renames all files in a folder by their modification date.",
  "Build a React component for a todo list with add, toggle and delete.",
  "Write a Node.js Express server with CRUD endpoints for a books resource.",
  "Implement a binary search tree in Java with insert, delete and in-order traversal.",
  "Write a bash script that backs up my home directory to an external drive every night and keeps seven copies.",
  "Create a TypeScript function library for validating email, phone numbers and postal codes, with tests.",
  "Write a Go program that fetches a list of URLs concurrently and prints their status codes.",
  "Make a simple snake game in JavaScript using canvas.",
  "Write a SQL schema for a library system: books, members, loans, with indexes and constraints.",
  "Write a Rust CLI that counts word frequencies in a text file and prints the top 20.",
  "Implement an LRU cache class in Python with O(1) get and put.",
  "Write a C program that reads a CSV file and computes the average of each numeric column.",
  "Build a Flask app with user registration and login using hashed passwords.",
  "Write a Dockerfile and docker-compose.yml for a Django app with Postgres and Redis.",
  "Create a Python class for a bank account with deposits, withdrawals, overdraft protection and a transaction log.",
  "Write a GitHub Actions workflow that runs lint, tests and builds a Docker image on every push.",
  "Write a TypeScript rate limiter using the token bucket algorithm, usable as Express middleware.",
  "Implement Dijkstra's shortest path algorithm in C++ with a priority queue.",
  "Write a Python web scraper that collects headlines from a news page and saves them to CSV.",
  "Create a Vue component for a paginated, sortable data table.",
  "Write a Kotlin data class and repository for notes stored in Room.",
  "Write a PowerShell script that lists all services set to automatic that are not running and restarts them.",
  "Implement a tokenizer and recursive-descent parser for arithmetic expressions in TypeScript.",
  "Write unit tests in pytest for a function that parses ISO 8601 durations.",
  "Write a Swift view model for a login screen with validation and async sign-in.",
]);

const shortWriting = chatFor([
  "Write a tweet announcing that our café now serves oat milk.",
  "Give me a catchy title for a blog post about budgeting.",
  "Suggest a subject line for an email inviting the team to a Friday lunch.",
  "Write a one-line reply thanking my colleague for covering my shift.",
  "Write a haiku about autumn rain.",
  "Give me a slogan for a bike repair shop.",
  "Write a short LinkedIn headline for a UX designer.",
  "Write a birthday message for my aunt, one or two sentences.",
  "Write an Instagram caption for a photo of my dog at the beach.",
  "Give me three name ideas for a podcast about gardening.",
  "Write a text message to cancel tomorrow's dentist appointment.",
  "Write a one-sentence bio for a conference badge: backend engineer who likes climbing.",
  "Rephrase this to sound more polite: 'Send me the file now.'",
  "Write an out-of-office reply for next week, short.",
  "What's a good one-liner to open a toast at a retirement party?",
  "Write a fortune cookie message.",
  "Give me a tagline for a vegan bakery.",
  "Write a two-line poem about coffee.",
  "Write a commit message for a change that fixes a null pointer in the login handler.",
  "Give me a regex that matches a US ZIP code.",
]);

const questions = chatFor([
  "What's the difference between a memo and a report?",
  "How do I write a strong thesis statement?",
  "When should I use a semicolon instead of a comma?",
  "What does 'async' do in JavaScript?",
  "Why is my Python list comprehension slower than map?",
  "Explain the difference between let, const and var.",
  "What is the passive voice and when is it acceptable?",
  "How long should a cover letter be?",
  "What is a closure in programming?",
  "Is it 'affect' or 'effect' in 'the weather affected our plans'?",
  "What does Big-O notation measure?",
  "How do I revert the last git commit without losing my changes?",
  "What's the difference between SQL INNER JOIN and LEFT JOIN?",
  "How many words is a typical short story?",
  "Why does TypeScript complain that 'object is possibly undefined'?",
  "What makes a good opening line for a novel?",
  "What is the difference between a process and a thread?",
  "Should I use Oxford commas in a business report?",
  "What does HTTP status 409 mean?",
  "How do I center a div with flexbox?",
]);

const chitChat = chatFor([
  "Hi there!",
  "Thanks, that was really helpful.",
  "How are you today?",
  "Good morning!",
  "What can you do?",
  "lol that's funny",
  "I'm feeling a bit tired today.",
  "Do you like poetry?",
  "Ok, bye for now.",
  "Who made you?",
  "That's awesome, thank you so much!",
  "What's your favourite book?",
  "Can you help me with something later?",
  "Nice, I'll try that.",
  "Tell me a joke.",
]);

const explicitCanvas = canvasFor([
  "Use canvas: write a short poem about the sea.",
  "Open a canvas and draft an agenda for Monday's team meeting.",
  "Put a tweet about our launch in a canvas so we can iterate on it together.",
  "In a canvas, write a function that reverses a string in Python.",
  "Start a new document for my meeting notes.",
  "Can you open a canvas with a grocery list for a week of vegetarian dinners?",
  "Create a doc where we can brainstorm names for the new product.",
  "Use the canvas to write a limerick about a cat.",
  "Open a code canvas with a hello world in Rust.",
  "Put the email to the client in a canvas, I want to edit it with my team.",
  "Make a canvas for our trip packing checklist.",
  "Write the SQL query in a canvas: select all users who signed up last month.",
  "Start a canvas for the outline of my thesis.",
  "I'd like to edit this with you, so use canvas: a thank-you note to our volunteers.",
  "Create a new canvas and write a short bio for our company website.",
]);

const ambiguous: Seed[] = [
  { prompt: "Write something about climate change.", expect: "canvas" },
  { prompt: "Help me with my resume.", expect: "chat" },
  { prompt: "Write an email to my boss asking for Friday off.", expect: "chat" },
  { prompt: "Write an email to the board explaining the budget overrun, the causes and our recovery plan.", expect: "canvas" },
  { prompt: "Can you write a function to check if a number is prime?", expect: "chat" },
  { prompt: "Write a script to automate our weekly report: pull data from the API, aggregate by region, write an Excel file and email it.", expect: "canvas" },
  { prompt: "Write a poem.", expect: "chat" },
  { prompt: "Write a long poem in five stanzas about migrating birds.", expect: "canvas" },
  { prompt: "Give me a recipe for banana bread.", expect: "chat" },
  { prompt: "Write a speech.", expect: "canvas" },
  { prompt: "Summarize the plot of Hamlet.", expect: "chat" },
  { prompt: "Write a paragraph about my favourite city, Kyoto.", expect: "chat" },
  { prompt: "I need a letter of recommendation for my former intern, Priya, who built our analytics dashboard.", expect: "canvas" },
  { prompt: "Explain recursion with a code example.", expect: "chat" },
  { prompt: "Write me a function.", expect: "chat" },
  { prompt: "Write the code for a full login page with HTML, CSS and JavaScript validation.", expect: "canvas" },
  { prompt: "Outline an essay on social media and democracy.", expect: "canvas" },
  { prompt: "Translate 'good luck with the exam' into Spanish.", expect: "chat" },
  { prompt: "Draft a contract for freelance web design work.", expect: "canvas" },
  { prompt: "List five ideas for a science fair project.", expect: "chat" },
];

const nonEnglish: Seed[] = [
  { prompt: "Écris une lettre de motivation pour un poste de comptable dans une PME.", expect: "canvas" },
  { prompt: "Escribe un ensayo de 800 palabras sobre la importancia del agua potable.", expect: "canvas" },
  { prompt: "Schreibe ein Python-Skript, das alle PDF-Dateien in einem Ordner zusammenführt.", expect: "canvas" },
  { prompt: "Scrivi un racconto breve su un gatto che vive in una libreria di Venezia.", expect: "canvas" },
  { prompt: "Escreva um relatório sobre as vendas do primeiro trimestre, com seções e recomendações.", expect: "canvas" },
  { prompt: "Napisz program w Javie, który sortuje listę studentów według średniej ocen.", expect: "canvas" },
  { prompt: "Schrijf een toespraak voor het afscheid van onze directeur na dertig jaar.", expect: "canvas" },
  { prompt: "日本の四季についてのエッセイを書いてください。1000字程度で。", expect: "canvas" },
  { prompt: "Напиши рассказ о мальчике, который нашёл старую карту в библиотеке.", expect: "canvas" },
  { prompt: "Rédige un article de blog sur le télétravail, avec une introduction, trois parties et une conclusion.", expect: "canvas" },
  { prompt: "¿Qué diferencia hay entre 'por' y 'para'?", expect: "chat" },
  { prompt: "Bonjour, comment ça va ?", expect: "chat" },
  { prompt: "Was bedeutet 'const' in JavaScript?", expect: "chat" },
  { prompt: "Scrivi un tweet per annunciare la nostra nuova pizzeria.", expect: "chat" },
  { prompt: "Merci beaucoup pour ton aide !", expect: "chat" },
  { prompt: "Como faço para sair do vim?", expect: "chat" },
  { prompt: "Gib mir einen kurzen Titel für einen Vortrag über Datenschutz.", expect: "chat" },
  { prompt: "Python でリストを逆順にする方法は？", expect: "chat" },
  { prompt: "Что такое рекурсия?", expect: "chat" },
  { prompt: "Dame un eslogan para una tienda de bicicletas.", expect: "chat" },
];

const essayCanvas: TriggerCanvas = {
  kind: "document",
  title: "Why libraries matter",
  content:
    "# Why libraries matter\n\nPublic libraries are one of the last places where anyone can spend a whole afternoon without buying anything.\n\nThey lend books, but they also lend quiet, internet access and expert help.\n\nTowns that fund their libraries well see higher literacy and stronger civic life.",
};

const codeCanvas: TriggerCanvas = {
  kind: "code",
  language: "python",
  title: "sum_prices.py",
  content:
    "def sum_prices(items):\n    total = 0\n    for i in range(len(items) + 1):\n        total += items[i][\"price\"]\n    return total\n\n\nif __name__ == \"__main__\":\n    print(sum_prices([{\"price\": 3}, {\"price\": 4}]))",
};

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

const SLICES: Record<string, Seed[]> = {
  "long-writing": longWriting,
  code,
  "short-writing": shortWriting,
  questions,
  "chit-chat": chitChat,
  "explicit-canvas": explicitCanvas,
  ambiguous,
  "non-english": nonEnglish,
  "open-canvas": withCanvas,
  history: withHistory,
};

export function triggerCases(): TriggerCase[] {
  const cases: TriggerCase[] = [];
  for (const [slice, seeds] of Object.entries(SLICES)) {
    seeds.forEach((seed, index) => {
      cases.push({
        id: `trigger-${slice}-${String(index + 1).padStart(2, "0")}`,
        split: splitFor(index),
        slice,
        prompt: seed.prompt,
        ...(seed.history ? { history: seed.history } : {}),
        ...(seed.canvas ? { canvas: seed.canvas } : {}),
        expect: seed.expect,
      });
    });
  }
  return cases;
}
