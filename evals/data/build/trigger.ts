// Source of evals/data/trigger.jsonl: open a canvas, or answer in chat? Every slice mixes both labels,
// and contrasting pairs share a group (and so a split): "Write a haiku about rain" (chat) next to
// "Write a sequence of twelve haiku with an introduction" (canvas), so no single surface feature
// (length, a question mark, the word "write") decides a slice. Cases with an open canvas and history
// are in triggerCanvas.ts. Run `npx tsx evals/data/build/index.ts`.
import type { TriggerCase } from "../../dataset.ts";
import { emitCanvas, familyOf, splitOfFamily } from "./family.ts";
import { canvasSlices, type TriggerSeed } from "./triggerCanvas.ts";

type Seed = TriggerSeed;

const canvasFor = (prompts: string[]): Seed[] => prompts.map((prompt) => ({ prompt, expect: "canvas" }));
const chatFor = (prompts: string[]): Seed[] => prompts.map((prompt) => ({ prompt, expect: "chat" }));
/** A contrasting pair: same topic, different answer; one group, so one split. */
const pair = (group: string, canvas: string, chat: string): Seed[] => [
  { prompt: canvas, expect: "canvas", group },
  { prompt: chat, expect: "chat", group },
];

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


// Partners that mix the labels of each slice: the same kind of request, the other answer.
const writingPairs: Seed[] = [
  ...pair("t-libraries", "Write a 1,000-word op-ed on why small towns should keep their libraries open on Sundays.", "Give me one sentence on why small towns should keep their libraries open on Sundays."),
  ...pair("t-haiku", "Write a sequence of twelve haiku about autumn, one for each week of the season, with a short introduction.", "Write a haiku about autumn leaves falling in the rain."),
  ...pair("t-bio", "Write the full About page for our bakery's website: our story, our team, our ingredients and how to order.", "Write a one-line bio for our bakery's Instagram profile, warm and a little bit funny please."),
  ...pair("t-speech", "Write the speech I'll give at my grandmother's 90th birthday party, about four minutes long.", "Give me a short toast to finish my grandmother's 90th birthday party with, just one line."),
  { prompt: "Draft a business plan.", expect: "canvas" },
  { prompt: "Write my best man speech.", expect: "canvas" },
  { prompt: "Summarise the main argument of a 1,000-word essay on libraries in two sentences for my teacher.", expect: "chat" },
];

const codePairs: Seed[] = [
  ...pair("t-lru", "Implement an LRU cache module in TypeScript with get, put, eviction callbacks and unit tests.", "What data structures do I need for an LRU cache with O(1) get and put operations?"),
  ...pair("t-reverse", "Write a Python CLI that reverses the lines of every text file in a folder, with argparse, logging and tests.", "What's the one-liner to reverse a list in Python without changing the original list?"),
  ...pair("t-zip", "Write a validation module for US, UK and Canadian postal codes in JavaScript, with tests for each country.", "Give me a regex that matches a five-digit US ZIP code with an optional four-digit extension."),
  { prompt: "Write a Python function that returns the square of a number.", expect: "chat" },
  { prompt: "Show me how to read a file line by line in Go, just the few lines I need.", expect: "chat" },
  { prompt: "Build me a REST API.", expect: "canvas" },
];

const shortPairs: Seed[] = [
  ...pair("t-tweets", "Plan a week of launch tweets for our café's oat milk: one per day, with themes and hashtags, as a schedule we can edit.", "Write a tweet announcing that our café now serves oat milk."),
  { prompt: "Write a one-line reply thanking my colleague Priya for covering my shift last Friday evening.", expect: "chat" },
  { prompt: "Give me three name ideas for a podcast about urban gardening and composting in small flats.", expect: "chat" },
  { prompt: "Write a polite two-sentence message telling my neighbour that their car is blocking our driveway again.", expect: "chat" },
];

const questionPairs: Seed[] = [
  ...pair("t-readme", "Can you write the complete README for my CSV-to-JSON command-line tool, with installation, usage and examples?", "What sections does a good README for a command-line tool usually have?"),
  ...pair("t-essay-q", "Could you write me a 1,500-word essay on the causes of the First World War?", "What were the main causes of the First World War?"),
  { prompt: "Explain the difference between a process and a thread in simple terms for a beginner.", expect: "chat" },
];

const chitPairs: Seed[] = [
  { prompt: "Hi! Please write a 600-word bedtime story about a dragon who is afraid of the dark, for my six-year-old.", expect: "canvas" },
  { prompt: "Good morning! I need a full cover letter for a staff nurse job on a cardiology ward. Can you draft it?", expect: "canvas" },
  { prompt: "Thanks so much for your help today, you saved me a lot of time with that report.", expect: "chat" },
  { prompt: "Hello there, I hope you're having a lovely day and that the weather is nice where you are.", expect: "chat" },
];

const explicitPairs: Seed[] = [
  { prompt: "Don't open a canvas, just give me a good title for my essay on urban beekeeping.", expect: "chat" },
  { prompt: "No canvas needed: what's a better word for 'very important' in a formal letter?", expect: "chat" },
  { prompt: "What is the canvas in this app, and how do I share it with my team?", expect: "chat" },
  { prompt: "Just answer here in the chat please: how long should a cover letter be for a graduate job in marketing", expect: "chat" },
];

// Requests that are long and not questions but belong in chat, next to canvas partners on the same
// topic: "long and no question mark" is not a rule.
const longChat: Seed[] = [
  ...pair("t-vaccines", "Write a 1,200-word explainer for our clinic's website on how vaccines train the immune system.", "Explain to me like I'm five how vaccines teach the immune system to recognise a virus."),
  ...pair("t-austen", "Write a 2,000-word study guide on Pride and Prejudice with chapter summaries and themes.", "Summarise the plot of Pride and Prejudice in three sentences for my book club."),
  ...pair("t-revolution", "Write a five-page essay on the causes of the French Revolution for my history class.", "List the main causes of the French Revolution, just the headlines, no essay please."),
  ...pair("t-pm", "Write a full job description for a product manager at our startup, with responsibilities and requirements.", "Describe in one paragraph what a product manager actually does all day at a startup."),
  ...pair("t-pyjs", "Write a beginner's guide comparing Python and JavaScript, with code examples for each topic.", "Compare Python and JavaScript for a complete beginner in two or three sentences."),
  ...pair("t-git", "Write a team guide to our git workflow: branching, commits, code review and releases.", "Show me the git command that undoes the last commit but keeps my changes in the working tree."),
  ...pair("t-sql", "Write the full SQL schema and the reporting queries for our orders database, with comments.", "Give me a single SQL query that counts orders per customer in the orders table, nothing else."),
  ...chatFor([
    "Tell me the difference between a Roth IRA and a traditional IRA in a couple of sentences.",
    "Give me five quick tips for staying focused when working from home with kids.",
    "Translate 'where is the nearest train station' into Japanese, Korean and Mandarin.",
    "Suggest a good name for a grey kitten who likes to sleep in shoe boxes.",
    "Remind me how to convert Celsius to Fahrenheit in my head when I'm travelling.",
    "Tell me a short joke about programmers that I can use to open my talk tomorrow.",
    "Rate my idea of opening a board game café next to the university campus, honestly.",
    "Recommend three novels similar to The Remains of the Day for a long flight.",
    "Write one sentence I can put on a birthday card for my colleague who is retiring next week.",
    "Fix the grammar in this sentence: 'Me and him goes to the shop every days.'",
    "Convert 3 cups of flour to grams for me, I'm baking bread this afternoon.",
  ]),
];

// Substantial work asked for as a question, or in three words, next to real questions on the topic.
const canvasQuestions: Seed[] = [
  ...pair("t-coffee-cart", "Can you write a full business plan for a mobile coffee cart, with costs, pricing and a marketing section?", "How much does it cost to start a mobile coffee cart?"),
  ...pair("t-todo-app", "Can you build a complete to-do app in React with local storage and filters?", "Is React or Vue easier for a first to-do app?"),
  ...pair("t-pdf-script", "Could you write a Python script that downloads every PDF linked from a web page?", "Which Python library is best for downloading files from a web page?"),
  ...pair("t-photosynthesis", "Could you write a detailed lesson plan for teaching photosynthesis to eleven-year-olds?", "How do plants make food from sunlight?"),
  ...pair("t-four-day", "Can you draft a two-page proposal for a four-day work week pilot at our company?", "Do four-day work weeks actually improve productivity?"),
  ...canvasFor([
    "Could you draft the employee handbook for our ten-person design studio?",
    "Would you write a bedtime story about a lighthouse for my daughter, about 800 words?",
    "Will you help me write my wedding vows? About two minutes long.",
    "Draft our privacy policy.",
    "Write a cover letter.",
    "Outline my thesis on renewable energy policy.",
    "Write a snake game.",
    "Write a GitHub Actions workflow.",
  ]),
];

/** Few-shot examples in the prompt come from these groups, which are pinned to train (family.ts). */
const PINNED_PROMPTS: Record<string, string> = {
  "Draft a cover letter for a junior data analyst position at a logistics company. I have two years of Excel and SQL experience.": "t-cover-letter",
  "Build a React component for a todo list with add, toggle and delete.": "t-react-todo",
  "Give me a catchy title for a blog post about budgeting.": "t-title",
  "How do I write a strong thesis statement?": "t-thesis",
  "Open a canvas and draft an agenda for Monday's team meeting.": "t-agenda",
  "Escribe un ensayo de 800 palabras sobre la importancia del agua potable.": "t-agua",
};

const SLICES: Record<string, Seed[]> = {
  "long-writing": [...longWriting, ...writingPairs],
  code: [...code, ...codePairs],
  "short-writing": [...shortWriting, ...shortPairs],
  questions: [...questions, ...questionPairs],
  "chit-chat": [...chitChat, ...chitPairs],
  "explicit-canvas": [...explicitCanvas, ...explicitPairs],
  ambiguous,
  "non-english": nonEnglish,
  "long-chat": longChat,
  "canvas-questions": canvasQuestions,
  ...canvasSlices(),
};

export function triggerCases(): TriggerCase[] {
  const cases: TriggerCase[] = [];
  for (const [slice, seeds] of Object.entries(SLICES)) {
    seeds.forEach((seed, index) => {
      const id = `trigger-${slice}-${String(index + 1).padStart(2, "0")}`;
      const group = seed.canvas ? familyOf(seed.canvas) : (seed.group ?? PINNED_PROMPTS[seed.prompt] ?? id);
      cases.push({
        id,
        split: splitOfFamily(group),
        slice,
        group,
        prompt: seed.prompt,
        ...(seed.history ? { history: seed.history } : {}),
        ...(seed.canvas ? { canvas: emitCanvas(seed.canvas) } : {}),
        expect: seed.expect,
      });
    });
  }
  return cases;
}
