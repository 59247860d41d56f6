// The offline engine: deterministic rules that answer a turn with the same tool calls a model would
// make. It is the fallback without an API key and the baseline the evals hold models against.
import type { ToolCall } from "../../../shared/tools.ts";
import type { QuickAction } from "../../../shared/actions.ts";
import type { CanvasContext, LocalDecision, TurnInput } from "../types.ts";
import { reviewCode } from "./codeReview.ts";
import { planIntent } from "./edits.ts";
import { selectionRange } from "./plan.ts";
import { parseInstruction } from "./instructions.ts";
import { polishPlan } from "./polish.ts";
import * as replies from "./replies.ts";
import { MAX_COMMENTS, reviewDocument } from "./review.ts";
import { codeScaffold, documentScaffold, subjectOf, topicOf } from "./scaffold.ts";
import { classifyTrigger } from "./trigger.ts";

export { classifyTrigger } from "./trigger.ts";

const COMMENT_REQUEST =
  /\b(?:review|critique|criticise|criticize|feedback|suggest (?:edits|changes|improvements)|proofread|comment on|leave comments|add comments? on|what do you think|thoughts on|look over|check (?:my|this|the) (?:writing|text|essay|draft|code|grammar)|any (?:issues|problems|mistakes|bugs)|relis|critiquer?|revisa|korrigiere|überprüfe)\b/i;

const NEW_CANVAS = /\b(?:new|another|separate|second|different)\b/i;
const QUESTION =
  /^\s*(?:what|why|how|when|where|who|which|is|are|does|do|did|can|could|should|explain|tell me)\b|\?\s*$/i;

function decision(text: string, toolCall: ToolCall | null = null): LocalDecision {
  return { text, toolCall };
}

async function comment(canvas: CanvasContext, selection: string | null): Promise<LocalDecision> {
  const within = selectionRange(canvas.content, selection);
  const comments =
    canvas.kind === "code"
      ? reviewCode(canvas.content, canvas.language, within)
      : await reviewDocument(canvas.content, within);
  const checks =
    canvas.kind === "code"
      ? "debug output, TODO/FIXME, `any`, unused variables, long functions, loose equality, empty catch blocks"
      : "placeholders, spelling, repeated words, passive voice, wordy phrases, vague words, hard sentences";
  if (comments.length === 0) {
    return decision(
      `No issues found by the offline checks (${checks}). ${replies.KEY_HINT.replace("connect a model", "get a deeper review from a model")}`,
    );
  }
  const capped = comments.length === MAX_COMMENTS ? ` (the ${MAX_COMMENTS} strongest)` : "";
  return decision(
    `I left ${comments.length} comment${comments.length === 1 ? "" : "s"}${capped} from the offline checks (${checks}). A model gives deeper feedback on content and structure.`,
    { name: "comment_canvas", arguments: { comments } },
  );
}

function lastUserMessage(input: TurnInput): string | null {
  for (let i = input.history.length - 1; i >= 0; i -= 1) {
    if (input.history[i]!.role === "user") return input.history[i]!.content;
  }
  return null;
}

function create(input: TurnInput): LocalDecision {
  const own = classifyTrigger(input.userText);
  const hasArtefact = own.fired.includes("document artefact") || own.fired.includes("code artefact");
  // "Put that in a canvas": the subject is in the previous request.
  const previous = lastUserMessage(input);
  const request = !hasArtefact && previous ? `${previous}\n${input.userText}` : input.userText;
  const kind = hasArtefact || !previous ? own.kind : classifyTrigger(previous).kind;
  const contextTopic = previous && !topicOf(input.userText) ? (topicOf(previous)?.topic ?? subjectOf(previous)) : null;
  const args = kind === "code" ? codeScaffold(request, contextTopic) : documentScaffold(request, contextTopic);
  const sections = (args.content.match(/^## /gm) ?? []).length;
  return decision(replies.createdReply(args.title, kind, sections), { name: "create_canvas", arguments: args });
}

function chat(userText: string): LocalDecision {
  const trigger = classifyTrigger(userText);
  if (trigger.fired.includes("chit-chat")) {
    return decision(
      /^\s*(?:thanks|thank you|thx|cheers|merci|gracias|danke)/i.test(userText)
        ? replies.thanksReply()
        : replies.greetingReply(),
    );
  }
  const short = trigger.fired.includes("short form") || trigger.fired.includes("short cue");
  if (short && trigger.fired.includes("create verb")) return decision(replies.shortWritingReply());
  if (QUESTION.test(userText) || trigger.fired.includes("explain or summarise"))
    return decision(replies.questionReply());
  return decision(replies.genericChatReply());
}

async function quickAction(action: QuickAction, canvas: CanvasContext): Promise<LocalDecision> {
  switch (action.id) {
    case "suggest_edits":
    case "review_code":
      return comment(canvas, null);
    case "final_polish": {
      const plan = await polishPlan(canvas);
      return decision(plan.text, plan.kind === "call" ? plan.call : null);
    }
    case "adjust_length":
    case "reading_level":
    case "add_emojis":
    case "add_logs":
    case "add_comments":
    case "fix_bugs":
    case "port_language":
      return decision(replies.needsModelReply(canvas.kind));
  }
}

/** The offline engine's answer to one turn: a chat text and at most one schema-valid tool call. */
export async function decideLocal(input: TurnInput): Promise<LocalDecision> {
  const canvas = input.canvas;
  if (!canvas) {
    if (input.action) return decision(replies.quickActionWithoutCanvasReply());
    return classifyTrigger(input.userText).canvas ? create(input) : chat(input.userText);
  }
  if (input.action) return quickAction(input.action, canvas);

  const intent = parseInstruction(input.userText, input.selection !== null);
  if (intent) {
    const plan = await planIntent(intent, canvas, input.selection);
    if (plan) return decision(plan.text, plan.kind === "call" ? plan.call : null);
  }
  if (COMMENT_REQUEST.test(input.userText)) return comment(canvas, input.selection);
  const trigger = classifyTrigger(input.userText);
  if (trigger.canvas && NEW_CANVAS.test(input.userText)) return create(input);
  if (trigger.fired.includes("chit-chat")) return chat(input.userText);
  if (QUESTION.test(input.userText) && !/^\s*(?:can|could) you\b/i.test(input.userText))
    return decision(replies.canvasQuestionReply());
  return decision(replies.needsModelReply(canvas.kind));
}
