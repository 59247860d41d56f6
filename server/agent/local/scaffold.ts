// The offline engine's create_canvas: a titled outline built from the request. It does not pretend to
// write the piece: every section holds a placeholder saying what belongs there.
import type { CreateCanvasArgs } from "../../../shared/tools.ts";

interface Outline {
  /** Label used in the title, e.g. "Essay". */
  label: string;
  /** Section heading and what goes in it; `{topic}` is replaced with the request's topic. */
  sections: [string, string][];
}

const OUTLINES: [RegExp, Outline][] = [
  [
    /\bcover letter|lettre de motivation\b/,
    {
      label: "Cover letter",
      sections: [
        ["Opening", "Name the role and where you saw it, and why {topic} interests you."],
        ["Why I fit", "Two or three achievements that match what the role asks for."],
        ["Why this team", "What you know about the organisation and what you would bring to it."],
        ["Closing", "Thank the reader and propose a next step."],
      ],
    },
  ],
  [
    /\b(?:e-?mail|newsletter)\b/,
    {
      label: "Email",
      sections: [
        ["Subject", "A subject line that states the purpose: {topic}."],
        ["Purpose", "One or two sentences saying why you are writing."],
        ["Details", "The facts, dates and context the reader needs."],
        ["Next steps", "What you are asking for, by when, and a sign-off."],
      ],
    },
  ],
  [
    /\b(?:letter|lettre|carta|brief)\b/,
    {
      label: "Letter",
      sections: [
        ["Greeting and purpose", "Greet the reader and say why you are writing about {topic}."],
        ["Main point", "The heart of the letter: what you want the reader to know."],
        ["Details", "Supporting facts, memories or examples."],
        ["Closing", "A warm close and what happens next."],
      ],
    },
  ],
  [
    /\b(?:story|short story|novel|chapter|histoire|historia|cuento|geschichte)\b/,
    {
      label: "Story",
      sections: [
        ["Opening", "Introduce the main character and the world of {topic}."],
        ["Rising action", "The problem or desire that sets the story moving."],
        ["Climax", "The turning point where everything is at stake."],
        ["Resolution", "How it ends and what has changed."],
      ],
    },
  ],
  [
    /\b(?:poem|po[èe]me|poema|gedicht)\b/,
    {
      label: "Poem",
      sections: [
        ["Stanza 1", "Set the scene: an image of {topic}."],
        ["Stanza 2", "Develop the feeling or the turn."],
        ["Stanza 3", "Close with a resonant final image."],
      ],
    },
  ],
  [
    /\b(?:speech|toast|eulogy|discours|discurso|rede)\b/,
    {
      label: "Speech",
      sections: [
        ["Opening", "A hook that makes the audience care about {topic}."],
        ["Main message", "The one idea the audience should remember."],
        ["Story or evidence", "An example, anecdote or figure that supports it."],
        ["Call to action", "What you want the audience to do or feel."],
      ],
    },
  ],
  [
    /\b(?:report|rapport|informe|bericht|case study|white ?paper)\b/,
    {
      label: "Report",
      sections: [
        ["Summary", "The key findings about {topic} in a few sentences."],
        ["Background", "Context, scope and how the information was gathered."],
        ["Findings", "The main results, with figures and sources."],
        ["Recommendations", "What should be done, by whom, in what order."],
        ["Next steps", "Open questions and follow-up work."],
      ],
    },
  ],
  [
    /\b(?:proposal|business plan|plan)\b/,
    {
      label: "Proposal",
      sections: [
        ["Problem", "The problem or opportunity around {topic}."],
        ["Proposal", "What you propose and why it works."],
        ["Plan", "Steps, owners and timeline."],
        ["Costs and risks", "Budget, risks and how to handle them."],
        ["Next steps", "The decision you need from the reader."],
      ],
    },
  ],
  [
    /\b(?:article|blog post|blog|post|art[íi]culo|artikel|newsletter)\b/,
    {
      label: "Article",
      sections: [
        ["Introduction", "A hook and the question about {topic} this article answers."],
        ["Key points", "The main ideas, one paragraph each."],
        ["Examples", "Concrete examples, data or quotes that illustrate them."],
        ["Takeaways", "What the reader should remember or do next."],
      ],
    },
  ],
  [
    /\b(?:guide|tutorial|manual|documentation|readme)\b/,
    {
      label: "Guide",
      sections: [
        ["Overview", "What {topic} is and who this guide is for."],
        ["Before you start", "Prerequisites and setup."],
        ["Steps", "The procedure, one step at a time."],
        ["Troubleshooting", "Common problems and their fixes."],
      ],
    },
  ],
  [
    /\b(?:essay|essai|ensayo|aufsatz|dissertation|thesis|paper)\b/,
    {
      label: "Essay",
      sections: [
        ["Introduction", "Introduce {topic} and state the essay's main claim."],
        ["Background", "The context the reader needs to follow the argument."],
        ["Main argument", "The strongest reasons and evidence for the claim."],
        ["Counterarguments", "The best objections and why the claim still holds."],
        ["Conclusion", "Restate the claim and why it matters."],
      ],
    },
  ],
];

const DEFAULT_OUTLINE: Outline = {
  label: "Document",
  sections: [
    ["Introduction", "What this document is about: {topic}."],
    ["Main points", "The key ideas, one paragraph each."],
    ["Details", "Examples, evidence and specifics."],
    ["Conclusion", "A summary and what comes next."],
  ],
};

// Tried in order: "about X" names the subject better than "for X", which beats "to/that X".
const TOPIC_MARKERS = [
  /(?<!\p{L})(about|regarding|on the topic of|on|sur|sobre|über|ueber)\s+(.+)$/iu,
  /(?<!\p{L})(for|pour|para|für)\s+(.+)$/iu,
  /(?<!\p{L})(to|that|which|who|describing|explaining)\s+(.+)$/iu,
];
// Length and canvas cues say how to write it, not what about: dropped from titles.
const CUES = [
  /[,;]?\s*\(?(?:in |of |with |around |about |at least |under )?\d[\d,]*[ -](?:words?|pages?|paragraphs?|sections?)\)?/gi,
  /[,;]?\s*(?:please\s+)?(?:use|using|in|on|with|into|open) (?:a |the |an )?(?:new )?(?:canvas|document|doc)(?:\s+to)?\b/gi,
];
const REQUEST_PREFIX =
  /^\s*(?:(?:can|could|would|will) you\s+|please\s+|i (?:want|need) (?:you )?to\s+|help me\s+|let's\s+)*(?:write|draft|create|compose|generate|build|implement|code|make|produce|prepare|develop|program|écris|rédige|escribe|redacta|schreibe|erstelle)\s+(?:me\s+|us\s+)?(?:a|an|the|some|un|une|el|la|ein|eine|einen)?\s*/iu;

const clean = (text: string): string =>
  CUES.reduce((result, cue) => result.replace(cue, ""), text)
    .replace(/\s+/g, " ")
    .replace(/[.!?,;:]+$/, "")
    .trim();

const ENGLISH_PREPOSITION: Record<string, string> = {
  regarding: "about",
  "on the topic of": "about",
  sur: "about",
  sobre: "about",
  über: "about",
  ueber: "about",
  pour: "for",
  para: "for",
  für: "for",
  that: "that",
  which: "that",
  who: "who",
  describing: "about",
  explaining: "about",
};

export interface Topic {
  /** The English preposition that introduces it in a title: "about", "on", "for", "to", "that". */
  preposition: string;
  topic: string;
}

/** The subject of a request: the words after "about/on/for…", without length cues or punctuation. */
export function topicOf(request: string): Topic | null {
  const firstLine = clean(request.split("\n")[0]!);
  for (const marker of TOPIC_MARKERS) {
    const match = marker.exec(firstLine);
    const topic = clean(match?.[2] ?? "");
    if (match && topic && topic.length <= 120) {
      const word = match[1]!.toLowerCase();
      return { preposition: ENGLISH_PREPOSITION[word] ?? word, topic };
    }
  }
  return null;
}

/** The request without "please write a": what is being asked for, e.g. "quicksort in Python". */
export function subjectOf(request: string): string | null {
  const subject = clean(request.split("\n")[0]!.replace(REQUEST_PREFIX, ""));
  return subject && subject.length <= 120 ? subject : null;
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function outlineFor(request: string): Outline {
  const text = request.toLowerCase();
  return OUTLINES.find(([pattern]) => pattern.test(text))?.[1] ?? DEFAULT_OUTLINE;
}

export function documentScaffold(request: string, contextTopic: string | null): CreateCanvasArgs {
  const outline = outlineFor(request);
  const found = topicOf(request) ?? (contextTopic ? { preposition: "about", topic: contextTopic } : null);
  const title = found ? `${outline.label} ${found.preposition} ${found.topic}` : outline.label;
  const subject = found?.topic ?? "the subject";
  const body = outline.sections
    .map(([heading, note]) => `## ${heading}\n\n*Placeholder: ${note.replace("{topic}", subject)}*`)
    .join("\n\n");
  return {
    title: title.slice(0, 120),
    kind: "document",
    language: null,
    content: `# ${capitalise(title)}\n\n${body}\n`,
  };
}

const LANGUAGES: [RegExp, string][] = [
  [/\btypescript\b|\bts\b|\breact\b|\btsx\b/, "typescript"],
  [/\bjavascript\b|\bnode(?:\.?js)?\b|\bjs\b/, "javascript"],
  [/\bpython\b|\bpy\b/, "python"],
  [/\bjava\b/, "java"],
  [/\bc\+\+|\bcpp\b/, "cpp"],
  [/\bc#|\bcsharp\b/, "csharp"],
  [/\bgo\b|\bgolang\b/, "go"],
  [/\brust\b/, "rust"],
  [/\bruby\b/, "ruby"],
  [/\bphp\b/, "php"],
  [/\bswift\b/, "swift"],
  [/\bkotlin\b/, "kotlin"],
  [/\bbash\b|\bshell\b/, "bash"],
  [/\bc\b(?![+#])/, "c"],
];

export function codeLanguage(request: string): string {
  const text = request.toLowerCase();
  return LANGUAGES.find(([pattern]) => pattern.test(text))?.[1] ?? "python";
}

interface Skeleton {
  comment: string;
  extension: string;
  main: (steps: string[]) => string;
}

const indent = (prefix: string, lines: string[], pad: string): string =>
  lines.map((line) => `${pad}${prefix} ${line}`).join("\n");

const SKELETONS: Record<string, Skeleton> = {
  python: {
    comment: "#",
    extension: "py",
    main: (s) =>
      `def main() -> None:\n${indent("#", s, "    ")}\n    pass\n\n\nif __name__ == "__main__":\n    main()\n`,
  },
  typescript: {
    comment: "//",
    extension: "ts",
    main: (s) => `function main(): void {\n${indent("//", s, "  ")}\n}\n\nmain();\n`,
  },
  javascript: {
    comment: "//",
    extension: "js",
    main: (s) => `function main() {\n${indent("//", s, "  ")}\n}\n\nmain();\n`,
  },
  java: {
    comment: "//",
    extension: "java",
    main: (s) =>
      `public class Main {\n    public static void main(String[] args) {\n${indent("//", s, "        ")}\n    }\n}\n`,
  },
  cpp: {
    comment: "//",
    extension: "cpp",
    main: (s) => `#include <iostream>\n\nint main() {\n${indent("//", s, "    ")}\n    return 0;\n}\n`,
  },
  c: {
    comment: "//",
    extension: "c",
    main: (s) => `#include <stdio.h>\n\nint main(void) {\n${indent("//", s, "    ")}\n    return 0;\n}\n`,
  },
  csharp: {
    comment: "//",
    extension: "cs",
    main: (s) =>
      `public static class Program\n{\n    public static void Main(string[] args)\n    {\n${indent("//", s, "        ")}\n    }\n}\n`,
  },
  go: { comment: "//", extension: "go", main: (s) => `package main\n\nfunc main() {\n${indent("//", s, "\t")}\n}\n` },
  rust: { comment: "//", extension: "rs", main: (s) => `fn main() {\n${indent("//", s, "    ")}\n}\n` },
  ruby: {
    comment: "#",
    extension: "rb",
    main: (s) => `def main\n${indent("#", s, "  ")}\nend\n\nmain if __FILE__ == $PROGRAM_NAME\n`,
  },
  php: {
    comment: "//",
    extension: "php",
    main: (s) => `<?php\n\nfunction main(): void\n{\n${indent("//", s, "    ")}\n}\n\nmain();\n`,
  },
  swift: { comment: "//", extension: "swift", main: (s) => `func main() {\n${indent("//", s, "    ")}\n}\n\nmain()\n` },
  kotlin: { comment: "//", extension: "kt", main: (s) => `fun main() {\n${indent("//", s, "    ")}\n}\n` },
  bash: {
    comment: "#",
    extension: "sh",
    main: (s) => `#!/usr/bin/env bash\nset -euo pipefail\n\nmain() {\n${indent("#", s, "  ")}\n  :\n}\n\nmain "$@"\n`,
  },
};

const STEPS = ["1. Read and validate the input.", "2. Do the main work.", "3. Print or return the result."];

/** A commented skeleton in the requested language with a main function and the task as a comment. */
export function codeScaffold(request: string, contextTopic: string | null): CreateCanvasArgs {
  const language = codeLanguage(request);
  const skeleton = SKELETONS[language] ?? SKELETONS.python!;
  const task = request.split("\n")[0]!.replace(/\s+/g, " ").trim().slice(0, 160);
  const title = subjectOf(request) ?? contextTopic ?? `Program (${language})`;
  const header = [
    `Task: ${task}`,
    "Skeleton from the offline engine: fill in the steps below,",
    "or set OPENAI_API_KEY to have a model write the implementation.",
  ];
  const head = language === "php" ? "" : `${header.map((line) => `${skeleton.comment} ${line}`).join("\n")}\n\n`;
  let main = skeleton.main(STEPS);
  if (language === "php")
    main = main.replace("<?php\n\n", `<?php\n\n${header.map((line) => `// ${line}`).join("\n")}\n\n`);
  if (language === "bash")
    return {
      title: capitalise(title).slice(0, 120),
      kind: "code",
      language,
      content: main.replace(
        "set -euo pipefail\n",
        `set -euo pipefail\n\n${header.map((line) => `# ${line}`).join("\n")}\n`,
      ),
    };
  return { title: capitalise(title).slice(0, 120), kind: "code", language, content: head + main };
}
