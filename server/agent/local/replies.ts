// What the offline engine says in the chat. It is plain about being rules, not a model, and always
// names what it can do instead, so the user has a next step.

/** "1 occurrence", "3 occurrences". */
export const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? "" : "s"}`;

export const KEY_HINT = "Set OPENAI_API_KEY (or OPENAI_BASE_URL for a local model) to connect a model.";

export const CAN_DO_WITHOUT_CANVAS =
  'open a canvas with an outline for a document or a program (try "Write an essay about lighthouses" or "Write a Python script that renames files")';

export const CAN_DO_ON_CANVAS =
  'replace text ("replace \\"old\\" with \\"new\\""), rename a symbol, remove debug output from code, delete or move a paragraph or section, swap paragraphs, add a section, change the title, fix spelling, change case, and review the canvas with comments';

export function greetingReply(): string {
  return `Hi! I'm Canvas's offline engine: rules, not a language model. I can ${CAN_DO_WITHOUT_CANVAS}, and on an open canvas ${CAN_DO_ON_CANVAS}. ${KEY_HINT}`;
}

export function thanksReply(): string {
  return "You're welcome.";
}

export function questionReply(): string {
  return `I'm the offline engine, so I can't answer questions. I can ${CAN_DO_WITHOUT_CANVAS}. ${KEY_HINT}`;
}

export function shortWritingReply(): string {
  return `Short pieces like a tweet, a title or a haiku belong in the chat, and writing them takes a model; the offline engine only drafts outlines for longer documents and programs. ${KEY_HINT}`;
}

export function genericChatReply(): string {
  return `I'm the offline engine and can't hold a conversation or write prose. I can ${CAN_DO_WITHOUT_CANVAS}. ${KEY_HINT}`;
}

export function needsModelReply(kind: "document" | "code"): string {
  const examples =
    kind === "code"
      ? "refactoring, fixing bugs, adding logs or comments, porting"
      : "changing tone, length or reading level, translating, rewriting";
  return `That needs a language model (${examples}); I'm the offline engine and only make mechanical changes: ${CAN_DO_ON_CANVAS}. ${KEY_HINT}`;
}

export function canvasQuestionReply(): string {
  return `I'm the offline engine, so I can't answer questions about the canvas. I can ${CAN_DO_ON_CANVAS}. ${KEY_HINT}`;
}

export function createdReply(title: string, kind: "document" | "code", sections: number): string {
  const what =
    kind === "code"
      ? "a commented skeleton with a main function"
      : `an outline with ${sections} sections and a note on what goes in each`;
  return `I opened a canvas, "${title}", with ${what}. I'm the offline engine, so this is a scaffold, not a draft: a model writes the full piece. ${KEY_HINT}`;
}

export function quickActionWithoutCanvasReply(): string {
  return "Quick actions work on an open canvas: open or create one first.";
}
