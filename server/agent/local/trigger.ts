// Canvas or chat, for a request made with no canvas open: a linear classifier over named features.
// The table is the whole policy; tune the weights here and measure with the trigger eval.

interface FeatureSpec {
  weight: number;
  /** Tested against the lower-cased request. */
  pattern: RegExp;
}

/** A pattern matching any of the phrases as whole words, accents included (JS `\b` is ASCII-only). */
function anyOf(phrases: readonly string[], options: { atStart?: boolean } = {}): RegExp {
  const body = `(?:${phrases.join("|")})(?![\\p{L}\\p{N}_])`;
  return new RegExp(options.atStart ? `^\\s*${body}` : `(?<![\\p{L}\\p{N}_])${body}`, "u");
}

const CREATE_VERBS = anyOf([
  "write",
  "draft",
  "create",
  "compose",
  "generate",
  "build",
  "implement",
  "code",
  "make",
  "produce",
  "prepare",
  "put together",
  "develop",
  "program",
  "author",
  "outline",
  "écris",
  "écrit",
  "écrire",
  "ecris",
  "rédige",
  "rédiger",
  "redige",
  "crée",
  "créer",
  "cree",
  "escribe",
  "escribir",
  "escríbeme",
  "escribeme",
  "redacta",
  "redactar",
  "crea",
  "crear",
  "schreibe",
  "schreib",
  "schreiben",
  "verfasse",
  "erstelle",
  "programmiere",
  "scrivi",
  "scrivere",
  "scrivimi",
  "redigi",
  "schrijf",
  "maak",
  "напиши",
  "написать",
  "составь",
  "создай",
]);

export const DOCUMENT_ARTEFACTS = anyOf([
  // "poem" is absent on purpose: most asked-for poems are short; "a long poem" still gets a canvas.
  "essay",
  "story",
  "article",
  "report",
  "letter",
  "cover letter",
  "e-?mail",
  "blog post",
  "blog",
  "post",
  "op-?ed",
  "contract",
  "agreement",
  "requirements document",
  "prd",
  "spec",
  "specification",
  "brief",
  "speech",
  "memo",
  "proposal",
  "outline",
  "guide",
  "tutorial",
  "documentation",
  "readme",
  "resume",
  "résumé",
  "cv",
  "chapter",
  "novel",
  "newsletter",
  "press release",
  "plan",
  "policy",
  "white ?paper",
  "case study",
  "review",
  "biography",
  "screenplay",
  "lesson plan",
  "syllabus",
  "manual",
  "statement",
  "announcement",
  "eulogy",
  "paper",
  "thesis",
  "dissertation",
  "essai",
  "histoire",
  "lettre",
  "rapport",
  "poème",
  "poeme",
  "discours",
  "ensayo",
  "historia",
  "cuento",
  "carta",
  "artículo",
  "articulo",
  "informe",
  "discurso",
  "aufsatz",
  "geschichte",
  "artikel",
  "bericht",
  "rede",
  "racconto",
  "storia",
  "lettera",
  "saggio",
  "articolo",
  "discorso",
  "relazione",
  "verhaal",
  "toespraak",
  "verslag",
  "рассказ",
  "статью",
  "статья",
  "письмо",
  "эссе",
  "речь",
  "доклад",
  "отчёт",
  "отчет",
]);

export const CODE_ARTEFACTS = anyOf([
  "program",
  "programme",
  "script",
  "function",
  "class",
  "app",
  "application",
  "component",
  "module",
  "api",
  "endpoint",
  "server",
  "cli",
  "command[- ]line tool",
  "game",
  "website",
  "web ?page",
  "landing page",
  "bot",
  "algorithm",
  "library",
  "parser",
  "scraper",
  "crawler",
  "backend",
  "frontend",
  "microservice",
  "react",
  "vue",
  "hook",
  "unit tests?",
  "code",
  "programa",
  "función",
  "funcion",
  "programm",
  "funktion",
  "python",
  "javascript",
  "typescript",
  "java",
  "rust",
  "golang",
  "c\\+\\+",
  "c#",
  "ruby",
  "php",
  "swift",
  "kotlin",
  "bash",
  "sql",
  "html",
  "css",
]);

const FEATURE_TABLE = {
  "create verb": { weight: 2, pattern: CREATE_VERBS },
  "document artefact": { weight: 2, pattern: DOCUMENT_ARTEFACTS },
  "code artefact": { weight: 2, pattern: CODE_ARTEFACTS },
  "asks for a canvas": {
    // An explicit request wins over every other cue, even for short pieces.
    weight: 10,
    pattern:
      /\bcanvas\b|\b(?:in|as|into|on) an? (?:new |separate )?(?:doc|document|file)\b|\b(?:open|create|start|make) (?:a |an )?(?:new |shared )?(?:doc|document|editor)\b/,
  },
  "length cue": {
    weight: 1.5,
    pattern:
      /\b\d{3,}[ -]words?\b|\b\d+ (?:pages?|paragraphs|sections|chapters)\b|\b(?:detailed|long|lengthy|comprehensive|in-depth|in depth|thorough|full|complete|extensive|multi-page)\b/,
  },
  "polite request": {
    weight: 1.5,
    pattern:
      /^\s*(?:(?:can|could|would|will) you (?:please )?|please )(?:help me )?(?:write|draft|create|compose|generate|build|implement|code|make|prepare|develop)\b/,
  },
  "help me write": { weight: 1, pattern: /\bhelp me (?:write|draft|create|build)\b/ },
  "question word": {
    weight: -3,
    pattern: anyOf(
      [
        "what",
        "why",
        "how",
        "when",
        "where",
        "who",
        "whom",
        "which",
        "whose",
        "is",
        "are",
        "was",
        "were",
        "does",
        "do",
        "did",
        "should",
        "shall",
        "explain",
        "define",
        "describe",
        "tell me",
        "que",
        "qué",
        "quoi",
        "quel",
        "quelle",
        "pourquoi",
        "comment",
        "por qué",
        "cómo",
        "como",
        "warum",
        "wie",
        "wer",
      ],
      { atStart: true },
    ),
  },
  "question mark": { weight: -1.5, pattern: /\?\s*$/ },
  "asks how to": {
    weight: -3,
    pattern:
      /\bhow (?:do|can|should|would|to) (?:i|we|you|one)?\b|\bhow to\b|\b(?:tips|advice|ideas|best practices|examples?) (?:for|on|about)\b|\bwhat(?:'s| is) the best way\b/,
  },
  "explain or summarise": {
    weight: -2.5,
    pattern:
      /\b(?:explain|summari[sz]e|summary of|define|definition|meaning of|difference between|compare|translate this|what does)\b/,
  },
  "short form": {
    weight: -5,
    pattern: anyOf([
      "tweet",
      "title",
      "titles",
      "slogan",
      "tagline",
      "one-liner",
      "one liner",
      "subject line",
      "headline",
      "caption",
      "haiku",
      "motto",
      "joke",
      "pun",
      "limerick",
      "name for",
      "names for",
      "hashtags?",
      "a sentence",
      "one sentence",
      "single sentence",
      "two sentences",
      "one-sentence",
      "two-sentence",
      "one-line",
      "one-paragraph",
      "a line",
      "a quick reply",
      "a short reply",
      "text message",
      "sms",
      "one word",
      "acronym",
      "regex",
      "regular expression",
      "command to",
      "shell command",
      "one line",
    ]),
  },
  "short cue": { weight: -1.5, pattern: /\b(?:short|brief|quick|tiny|little|few words|couple of lines|two lines)\b/ },
  "chit-chat": {
    weight: -6,
    pattern:
      /^\s*(?:hi|hello|hey|yo|thanks|thank you|thx|good (?:morning|afternoon|evening|night)|how are you|ok|okay|cool|great|nice|bye|goodbye|cheers|bonjour|merci|hola|gracias|hallo|danke)\b[\s!.,?]*(?:[\w']+[\s!.,?]*){0,3}$/,
  },
} satisfies Record<string, FeatureSpec>;

/** The name of a trigger feature: the keys of the table, so a misspelt name is a compile error. */
export type FeatureName = keyof typeof FEATURE_TABLE;
/** A feature, or the one signal computed outside the table (a long pasted block with a request). */
export type Signal = FeatureName | "pasted work";

export interface Feature extends FeatureSpec {
  name: FeatureName;
}

/** The table in its order (the order `fired` lists features in). */
export const FEATURES: readonly Feature[] = (Object.keys(FEATURE_TABLE) as FeatureName[]).map((name) => ({
  name,
  ...FEATURE_TABLE[name],
}));

export const CANVAS_THRESHOLD = 3.5;

export interface TriggerResult {
  canvas: boolean;
  score: number;
  /** Names of the features that fired, for explanations and eval reports. */
  fired: Signal[];
  kind: "document" | "code";
}

/** A long pasted block (10+ lines) with a request to work on it also belongs in a canvas. */
function pastedWork(text: string): boolean {
  const lines = text.split("\n").filter((line) => line.trim()).length;
  return lines >= 10 && /\b(?:fix|refactor|improve|edit|rewrite|review|debug|clean up|polish|proofread)\b/i.test(text);
}

export function classifyTrigger(userText: string): TriggerResult {
  const text = userText.toLowerCase();
  const fired: Signal[] = [];
  let score = 0;
  for (const feature of FEATURES) {
    if (feature.pattern.test(text)) {
      fired.push(feature.name);
      score += feature.weight;
    }
  }
  // Asking for both a verb and an artefact is one signal, not two: an artefact of either kind counts once.
  if (fired.includes("document artefact") && fired.includes("code artefact")) {
    score -= 2;
  }
  if (pastedWork(userText)) {
    fired.push("pasted work");
    score += 4;
  }
  return { canvas: score >= CANVAS_THRESHOLD, score, fired, kind: codeOrDocument(text) };
}

function codeOrDocument(text: string): "document" | "code" {
  const scriptForMedia =
    /\bscript (?:for|of) (?:a |an |the |my )?(?:video|film|movie|play|podcast|youtube|presentation|talk|ad|commercial|scene|episode)\b/.test(
      text,
    );
  if (scriptForMedia) return "document";
  const code = CODE_ARTEFACTS.exec(text);
  const doc = DOCUMENT_ARTEFACTS.exec(text);
  if (code && !doc) return "code";
  if (code && doc) return code.index <= doc.index ? "code" : "document";
  return "document";
}
