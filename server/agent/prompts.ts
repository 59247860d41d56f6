// Every word the model reads comes from this module: the system prompt with the decision rules,
// few-shot examples, and how the conversation, canvas, selection and quick action are presented.
// Versioned with the evals: a change here shows up in `npm run eval`.
import { actionInstruction } from "../../shared/actions.ts";
import { canvasOutline, type OutlineEntry } from "../../shared/engine/index.ts";
import { NAVIGATION_TOOL_NAMES, TOOL_NAMES, type AgentToolName } from "../../shared/tools.ts";
import type { CanvasContext, HistoryMessage, ModelMessage, PendingSuggestion, TurnInput } from "./types.ts";
import { estimateTokens } from "./budget.ts";

export const PROMPT_VERSION = "2026-12-02.1";

const SYSTEM_PROMPT = `You are Canvas, a writing and coding partner working beside people in a shared editor.
The user sees a chat on the left and, when one is open, a canvas (a document or a code file) on the right that
several people may be editing at the same time. You act on the canvas only through tools.

Decide, for every request:
1. Chat or canvas.
   - Call create_canvas for substantial writing or code the user will iterate on: an essay, story, article, report,
     letter, email longer than a few lines, blog post, speech, documentation, a program, script, component or any code
     longer than ~10 lines — or whenever the user asks for a canvas/document.
   - Answer in chat (no tool) for questions, explanations, opinions, short answers, short writing (a tweet, a title,
     a slogan, a subject line, a one-line reply, a haiku), greetings and chit-chat. Asking "how do I…" is a question.
   - When a canvas is open, a request about it is an edit or a comment on it, never a new canvas — unless the user
     clearly asks for a separate new document.
2. Targeted edit or rewrite (when a canvas is open).
   - Use edit_canvas when the request names a part (a paragraph, a sentence, a function, a heading), fixes something
     specific, or changes less than ~30% of the text. Each edit's "find" must be copied exactly from the canvas and be
     unique (include a few surrounding words if needed); "replace" is the new text. Use several small edits rather
     than one huge one. Fixing one bug in a long file is one small edit — never reprint the file.
   - Use rewrite_canvas only for whole-document changes: translate, change the tone/reading level/length of
     everything, turn it into another form (poem, outline, bullet list), restructure throughout, port code to
     another language.
   - If the user selected text, the request is about the selection: edit inside it unless told otherwise.
3. Comments.
   - When asked to review, critique, give feedback, proofread or "suggest edits", call comment_canvas. Quote the exact
     text each comment is about (a sentence or less, copied verbatim), be specific and actionable, add a suggestion
     (replacement for the quote) when the fix is obvious. A few strong comments beat many weak ones; a clean draft
     gets few or none. Severity: "issue" for errors (facts, logic, bugs, security), "suggestion" for improvements,
     "info" for minor notes.

4. Several steps.
   - A turn may take several tool calls; each result comes back to you. A change ends the turn unless you set
     more_steps to true because you have another step to take (e.g. comment after editing); else set it to false.
   - When the canvas is too long to show whole you see its outline and an excerpt. Before you edit or comment on a
     part you have not seen, read it (read_canvas by heading or lines) or find it (search_canvas), then edit what you
     read. Line numbers are not part of the text: never copy them into "find" or "quote".

Write canvas content as GitHub-flavoured markdown for documents and as raw source (no code fences) for code.
With a tool call, write one short sentence saying what you did; do not repeat the canvas content in chat.
If a tool returns an error, read it, fix the arguments (e.g. copy the exact passage it lists) and call the tool again.`;

interface FewShot {
  user: string;
  canvas?: string;
  /** What the model should do, described as the tool call it would make (or a chat answer). */
  answer: string;
}

// Taken verbatim from the eval sets' train split (evals/data/*.jsonl, split "train"); a test checks that
// none of them appears in the test split, so the evals never grade the model on its own examples.
export const FEW_SHOTS: FewShot[] = [
  {
    user: "Draft a cover letter for a junior data analyst position at a logistics company. I have two years of Excel and SQL experience.",
    answer: "create_canvas(kind: document, the full letter in markdown)",
  },
  {
    user: "Build a React component for a todo list with add, toggle and delete.",
    answer: "create_canvas(kind: code, language: typescript, the whole component)",
  },
  {
    user: "Give me a catchy title for a blog post about budgeting.",
    answer: "Chat answer with a few titles; no canvas (short writing).",
  },
  { user: "How do I write a strong thesis statement?", answer: "Chat answer; no canvas (a question)." },
  {
    user: "Open a canvas and draft an agenda for Monday's team meeting.",
    answer: "create_canvas (the user asked for a canvas)",
  },
  {
    user: "Escribe un ensayo de 800 palabras sobre la importancia del agua potable.",
    answer: "create_canvas with the essay in Spanish (reply in the user's language)",
  },
  {
    user: "Replace 'HR' with 'People Operations'.",
    canvas: "a memo",
    answer: 'edit_canvas with one edit {find: "HR", replace: "People Operations", all: true}',
  },
  {
    user: "The trial is 14 days now, not 30. Update it.",
    canvas: "a product announcement",
    answer: "edit_canvas replacing only the sentence that states the trial length",
  },
  {
    user: "Delete the Risks section.",
    canvas: "a proposal",
    answer: 'edit_canvas whose find is the whole Risks section (heading and paragraphs), replace ""',
  },
  {
    user: "Translate the email into French.",
    canvas: "an email",
    answer: "rewrite_canvas with the whole email in French",
  },
  {
    user: "Rewrite the whole memo in a warmer, more encouraging tone.",
    canvas: "a memo",
    answer: "rewrite_canvas (the tone of everything changes)",
  },
  {
    user: "Can you critique this essay?",
    canvas: "an essay",
    answer: "comment_canvas with a few comments quoting exact sentences; never a new canvas",
  },
  {
    user: "Review the tone of this memo and comment where it could upset people.",
    canvas: "a memo",
    answer: "comment_canvas on the few sentences that could upset, each with a kinder suggestion",
  },
];

function fewShotText(): string {
  return FEW_SHOTS.map(
    (shot) => `- User${shot.canvas ? ` (canvas open: ${shot.canvas})` : ""}: "${shot.user}" → ${shot.answer}`,
  ).join("\n");
}

export interface PromptBudget {
  /** Total prompt tokens we aim to stay under. */
  contextTokens: number;
}

/** How much of a long canvas the prompt shows: the outline and the excerpt, in characters. */
const OUTLINE_CHARS = 3_000;
const EXCERPT_CHARS = 2_400;

/** True when a canvas is shown as an outline and an excerpt: the model reads the rest with read_canvas. */
export function isLongCanvas(canvas: CanvasContext, budgetTokens: number): boolean {
  return estimateTokens(canvas.content) > budgetTokens;
}

/**
 * The canvas as the model sees it, in two parts. `stable` (a long canvas's header, rules and outline)
 * goes right after the system prompt, before the conversation, so the requests of one turn and of the
 * next turns share that prefix and providers' prompt caches hit; `turn` (the whole content of a short
 * canvas, or a long one's excerpt) goes into the user's message.
 */
export function canvasPrompt(
  canvas: CanvasContext,
  selection: string | null,
  budgetTokens: number,
): { stable: string | null; turn: string } {
  const header = `Open canvas: "${canvas.title}" (${canvas.kind}${canvas.language ? `, ${canvas.language}` : ""}, id ${canvas.id}).`;
  const fence = canvas.kind === "code" ? "```" + (canvas.language ?? "") : "````markdown";
  const closing = canvas.kind === "code" ? "```" : "````";
  if (!isLongCanvas(canvas, budgetTokens)) {
    return { stable: null, turn: `${header}\nFull content:\n${fence}\n${canvas.content}\n${closing}` };
  }
  const lines = canvas.content.split("\n");
  const excerpt = excerptLines(lines, selection ? canvas.content.indexOf(selection) : -1);
  const what = canvas.kind === "code" ? "functions and classes" : "headings";
  const stable =
    // Nothing here changes with an edit that adds no lines (no size in tokens or characters): this text is
    // the prefix a provider's prompt cache keeps between turns.
    `${header}\nThe canvas is too long to show whole (${lines.length.toLocaleString("en")} lines): you see its ` +
    `outline and, with each request, an excerpt. Before you edit or comment on anything else, read it with read_canvas (a heading, or from_line and ` +
    `to_line) or find it with search_canvas. Use edit_canvas, not rewrite_canvas, since you cannot see everything.\n` +
    `Outline (line number, tab, ${what}):\n${outlineText(canvasOutline(canvas.content, canvas.kind), canvas.kind)}`;
  const turn =
    `Excerpt of "${canvas.title}" ${selection ? "around the selection" : "from the start"} ` +
    `(lines ${excerpt.from}–${excerpt.to}):\n${fence}\n${excerpt.text}\n${closing}`;
  return { stable, turn };
}

/** The canvas as the model sees it, as one text: whole while it fits, else its outline plus an excerpt. */
export function presentCanvas(canvas: CanvasContext, selection: string | null, budgetTokens: number): string {
  const { stable, turn } = canvasPrompt(canvas, selection, budgetTokens);
  return stable ? `${stable}\n${turn}` : turn;
}

/**
 * The outline, at most OUTLINE_CHARS: deeper levels go first; when even the top level is too long, its
 * start and its end are kept (a conclusion is as likely to be asked for as an introduction).
 */
function outlineText(outline: OutlineEntry[], kind: CanvasContext["kind"]): string {
  if (outline.length === 0) return "(none)";
  const format = (entry: OutlineEntry) =>
    `${entry.line}\t${kind === "document" ? `${"#".repeat(entry.level)} ` : ""}${entry.text.slice(0, 120)}`;
  const size = (entries: OutlineEntry[]) => entries.reduce((sum, entry) => sum + format(entry).length + 1, 0);
  let shown = outline;
  for (let level = 6; level > 1 && size(shown) > OUTLINE_CHARS; level--) {
    const shallower = shown.filter((entry) => entry.level < level);
    // A title alone says nothing about where things are: keep a level with some entries and sample it.
    if (shallower.length < Math.min(12, shown.length)) break;
    shown = shallower;
  }
  const hidden = outline.length - shown.length;
  const note = hidden ? `(${hidden} deeper entries not shown: read a section to see them)` : null;
  if (size(shown) <= OUTLINE_CHARS) return [...shown.map(format), ...(note ? [note] : [])].join("\n");
  const head: OutlineEntry[] = [];
  const tail: OutlineEntry[] = [];
  let used = 0;
  for (let i = 0, j = shown.length - 1; i <= j;) {
    const next = head.length <= tail.length ? shown[i]! : shown[j]!;
    used += format(next).length + 1;
    if (used > OUTLINE_CHARS) break;
    if (head.length <= tail.length) head.push(shown[i++]!);
    else tail.unshift(shown[j--]!);
  }
  const skipped = shown.length - head.length - tail.length;
  const gap = `… ${skipped} more between lines ${head[head.length - 1]?.line ?? 1} and ${tail[0]?.line ?? "the end"} (search_canvas finds them)`;
  return [...head.map(format), gap, ...tail.map(format), ...(note ? [note] : [])].join("\n");
}

/** Whole lines around `centre` (a character offset; -1: the start), at most EXCERPT_CHARS unless one line is longer. */
function excerptLines(lines: string[], centre: number): { from: number; to: number; text: string } {
  let line = 0;
  if (centre > 0) {
    for (let offset = 0; line < lines.length - 1 && offset + lines[line]!.length < centre; line++)
      offset += lines[line]!.length + 1;
  }
  // The selection's own line, then a few lines before it and the rest after it.
  let from = line;
  let to = line;
  let used = lines[line]!.length;
  const before = centre > 0 ? EXCERPT_CHARS / 4 : 0;
  while (from > 0 && used + lines[from - 1]!.length < before) used += lines[--from]!.length + 1;
  while (to + 1 < lines.length && used + lines[to + 1]!.length < EXCERPT_CHARS) used += lines[++to]!.length + 1;
  return { from: from + 1, to: to + 1, text: lines.slice(from, to + 1).join("\n") };
}

/** The tools a turn offers: the navigation tools only when the canvas is not shown whole. */
export function offeredTools(input: TurnInput, budget: PromptBudget): AgentToolName[] {
  const long = input.canvas !== null && isLongCanvas(input.canvas, canvasBudget(budget));
  return long ? [...TOOL_NAMES, ...NAVIGATION_TOOL_NAMES] : [...TOOL_NAMES];
}

const canvasBudget = (budget: PromptBudget): number => Math.floor(budget.contextTokens * 0.7);

function trimHistory(history: HistoryMessage[], budgetTokens: number): HistoryMessage[] {
  const kept: HistoryMessage[] = [];
  let used = 0;
  for (let index = history.length - 1; index >= 0; index--) {
    const message = history[index]!;
    const cost = estimateTokens(message.content) + 4;
    if (used + cost > budgetTokens) break;
    kept.unshift(message);
    used += cost;
  }
  return kept;
}

/** Pending suggestions, so a follow-up ("also make it shorter") can build on them or ask which are meant. */
function presentSuggestions(suggestions: readonly PendingSuggestion[]): string {
  const clipped = (text: string) => JSON.stringify(text.length > 300 ? `${text.slice(0, 299)}…` : text);
  const listed = suggestions
    .slice(0, 20)
    .map((s, i) => `${i + 1}. replace ${clipped(s.quote)} with ${clipped(s.replacement)}`);
  return [
    `Pending suggestions on this canvas (proposed earlier, not accepted yet; the content above does not include them):`,
    ...listed,
    ...(suggestions.length > 20 ? [`(and ${suggestions.length - 20} more)`] : []),
    "To build on them, quote the canvas text as it is and write the suggested change into your replacement; if it is unclear whether the user means them, ask.",
  ].join("\n");
}

/** The first request of a turn: system prompt, trimmed history, then the user's message with its context. */
export function buildMessages(input: TurnInput, budget: PromptBudget): ModelMessage[] {
  const system = `${SYSTEM_PROMPT}\n\nExamples of the right decision:\n${fewShotText()}`;
  const historyBudget = Math.floor(budget.contextTokens * 0.2);
  const parts: string[] = [];
  const canvas = input.canvas ? canvasPrompt(input.canvas, input.selection, canvasBudget(budget)) : null;
  parts.push(canvas ? canvas.turn : "No canvas is open.");
  if (input.selection) parts.push(`The user selected this text in the canvas:\n"""\n${input.selection}\n"""`);
  if (input.pendingSuggestions?.length) parts.push(presentSuggestions(input.pendingSuggestions));
  if (input.action) parts.push(`Quick action: ${actionInstruction(input.action)}`);
  parts.push(`User request: ${input.userText}`);
  return [
    { role: "system", content: system },
    ...(canvas?.stable ? [{ role: "system" as const, content: canvas.stable }] : []),
    ...trimHistory(input.history, historyBudget).map(
      (message) => ({ role: message.role, content: message.content }) as ModelMessage,
    ),
    { role: "user", content: parts.join("\n\n") },
  ];
}

/** The tool result the model sees after a change it asked to go on from (more_steps). */
export function appliedMessage(summary: string): string {
  return `Done: ${summary}\nTake your next step, or reply in one short sentence when the request is complete.`;
}

/** The tool result the model sees after a refused call, asking it to correct and retry. */
export function toolErrorMessage(error: string, retriesLeft: number): string {
  const unchanged = /nothing was changed/i.test(error) ? "" : "\nNothing was changed.";
  return retriesLeft > 0
    ? `ERROR: ${error}${unchanged}\nFix the arguments and call the tool again.`
    : `ERROR: ${error}${unchanged}`;
}
