import { describe, expect, it } from "vitest";
import { classifyTrigger, decideLocal } from "../../server/agent/local/index.ts";
import { turn, validCall } from "./helpers.ts";

const CANVAS_REQUESTS = [
  "Write an essay about lighthouses",
  "Can you write a cover letter for a job at Google?",
  "Draft an email to my landlord about the broken heating",
  "Write a story about a dragon who is afraid of fire",
  "Write 1500 words on the history of Rome",
  "Write a detailed report on Q3 sales",
  "Implement quicksort in Python",
  "Write a React component that shows a todo list",
  "Write a bash script that backs up my home directory",
];

const CHAT_REQUESTS = [
  "What is the capital of France?",
  "How do I write a cover letter?",
  "Explain how transformers work",
  "Why is the sky blue?",
  "hi",
  "thanks!",
  "Write a tweet about our launch",
  "Write a haiku about autumn",
  "Give me a title for my essay",
  "Write a slogan for a bakery",
  "Write a subject line for the newsletter",
  "Write one sentence about dogs",
];

describe("offline trigger: canvas or chat", () => {
  it.each(CANVAS_REQUESTS)("opens a canvas for substantial writing or code: %s", async (request) => {
    expect(classifyTrigger(request).canvas).toBe(true);
    const decision = await decideLocal(turn(request));
    expect(validCall(decision).name).toBe("create_canvas");
  });

  it.each(CHAT_REQUESTS)("answers in the chat for questions, chit-chat and short writing: %s", async (request) => {
    expect(classifyTrigger(request).canvas).toBe(false);
    const decision = await decideLocal(turn(request));
    expect(decision.toolCall).toBeNull();
    expect(decision.text.length).toBeGreaterThan(0);
  });

  it.each([
    "Use canvas for a tweet about our launch",
    "Put a short note about the picnic in a document",
    "open a canvas",
  ])("opens a canvas when the user asks for one explicitly: %s", (request) => {
    expect(classifyTrigger(request).canvas).toBe(true);
  });

  it.each([
    ["Écris un essai sur les phares", "document"],
    ["Rédige une lettre à mon propriétaire", "document"],
    ["Escribe un cuento sobre un dragón", "document"],
    ["Redacta un artículo sobre el cambio climático", "document"],
    ["Schreibe einen Aufsatz über Leuchttürme", "document"],
    ["Schreibe ein Programm in Python, das Dateien umbenennt", "code"],
  ] as const)("understands writing requests in French, Spanish and German: %s", (request, kind) => {
    const result = classifyTrigger(request);
    expect(result.canvas).toBe(true);
    expect(result.kind).toBe(kind);
  });

  it("tells code requests from document requests, including scripts for videos", () => {
    expect(classifyTrigger("Write a Python script that renames files").kind).toBe("code");
    expect(classifyTrigger("Write a script for a YouTube video about knots").kind).toBe("document");
    expect(classifyTrigger("Write an essay about the history of Python").kind).toBe("document");
  });

  it("names the features that decided, so eval reports can explain a miss", () => {
    const result = classifyTrigger("Write a tweet about our launch");
    expect(result.fired).toEqual(expect.arrayContaining(["create verb", "short form"]));
  });
});

describe("offline create: an honest outline scaffold", () => {
  it("drafts a titled document outline with 3–5 sections, each with a placeholder saying what goes there", async () => {
    const decision = await decideLocal(turn("Write an essay about lighthouses"));
    const call = validCall(decision);
    if (call.name !== "create_canvas") throw new Error(call.name);
    const { title, kind, language, content } = call.arguments;
    expect(title).toBe("Essay about lighthouses");
    expect(kind).toBe("document");
    expect(language).toBeNull();
    expect(content.startsWith("# Essay about lighthouses\n")).toBe(true);
    const sections = content.split("\n").filter((line) => line.startsWith("## "));
    expect(sections.length).toBeGreaterThanOrEqual(3);
    expect(sections.length).toBeLessThanOrEqual(5);
    const placeholders = content.split("\n").filter((line) => line.startsWith("*Placeholder:"));
    expect(placeholders).toHaveLength(sections.length);
    expect(content).toContain("lighthouses");
    expect(decision.text).toMatch(/offline engine/);
    expect(decision.text).toMatch(/OPENAI_API_KEY/);
    expect(decision.text).toContain("outline");
  });

  it("picks sections that fit the kind of document", async () => {
    const letter = validCall(await decideLocal(turn("Write a cover letter for a data analyst job")));
    const story = validCall(await decideLocal(turn("Write a story about a lost cat")));
    if (letter.name !== "create_canvas" || story.name !== "create_canvas") throw new Error("expected create_canvas");
    expect(letter.arguments.title).toBe("Cover letter for a data analyst job");
    expect(letter.arguments.content).toContain("## Closing");
    expect(story.arguments.content).toContain("## Climax");
  });

  it.each([
    ["Implement quicksort in Python", "python", "def main()"],
    ["Write a TypeScript function that parses dates", "typescript", "function main(): void"],
    ["Write a Go program that counts words in a file", "go", "func main()"],
    ["Write a Java program that prints a calendar", "java", "public static void main"],
  ])(
    "writes a commented skeleton with a main function in the requested language: %s",
    async (request, language, main) => {
      const call = validCall(await decideLocal(turn(request)));
      if (call.name !== "create_canvas") throw new Error(call.name);
      expect(call.arguments.kind).toBe("code");
      expect(call.arguments.language).toBe(language);
      expect(call.arguments.content).toContain(main);
      expect(call.arguments.content).toContain(`Task: ${request}`);
      expect(call.arguments.content).not.toContain("```");
    },
  );

  it("leaves length and canvas cues out of the title", async () => {
    const call = validCall(await decideLocal(turn("Use canvas to write 1000 words on the history of Rome")));
    if (call.name !== "create_canvas") throw new Error(call.name);
    expect(call.arguments.title).toBe("Document on the history of Rome");
  });

  it("takes the subject from the previous message when asked to put it in a canvas", async () => {
    const decision = await decideLocal(
      turn("put it in a canvas", {
        history: [
          { role: "user", content: "I need an essay about lighthouses" },
          { role: "assistant", content: "Sure." },
        ],
      }),
    );
    const call = validCall(decision);
    if (call.name !== "create_canvas") throw new Error(call.name);
    expect(call.arguments.title).toBe("Essay about lighthouses");
  });

  it("says plainly that it cannot answer questions and what it can do instead", async () => {
    const decision = await decideLocal(turn("What is the capital of France?"));
    expect(decision.toolCall).toBeNull();
    expect(decision.text).toMatch(/offline engine/);
    expect(decision.text).toMatch(/can't answer questions/);
    expect(decision.text).toMatch(/OPENAI_API_KEY/);
  });

  it("explains that short writing needs a model instead of opening a canvas", async () => {
    const decision = await decideLocal(turn("Write a tweet about our launch"));
    expect(decision.toolCall).toBeNull();
    expect(decision.text).toMatch(/tweet/);
    expect(decision.text).toMatch(/model/);
  });
});
