// The offline engine: deterministic rules that answer a turn with the same tool calls a model would
// make. It is the fallback without an API key and the baseline the evals hold models against.
import type { QuickAction } from "../../../shared/actions.ts";
import type { CanvasContext, LocalDecision, TurnInput } from "../types.ts";
import { reviewCode } from "./codeReview.ts";
import { planEdit } from "./edits.ts";
import { intentsOf, readRequest, type Intent, type ReplyName } from "./instructions.ts";
import { act, reply, selectionRange } from "./plan.ts";
import { polishPlan } from "./polish.ts";
import * as replies from "./replies.ts";
import { MAX_COMMENTS, reviewDocument } from "./review.ts";
import { codeScaffold, documentScaffold, subjectOf, topicOf } from "./scaffold.ts";
import { classifyTrigger } from "./trigger.ts";

export { classifyTrigger } from "./trigger.ts";

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
    return reply(
      `No issues found by the offline checks (${checks}). ${replies.KEY_HINT.replace("connect a model", "get a deeper review from a model")}`,
    );
  }
  const capped = comments.length === MAX_COMMENTS ? ` (the ${MAX_COMMENTS} strongest)` : "";
  return act(
    { name: "comment_canvas", arguments: { comments } },
    `I left ${comments.length} comment${comments.length === 1 ? "" : "s"}${capped} from the offline checks (${checks}). A model gives deeper feedback on content and structure.`,
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
  return act({ name: "create_canvas", arguments: args }, replies.createdReply(args.title, kind, sections));
}

function replyText(name: ReplyName, canvas: CanvasContext | null): string {
  switch (name) {
    case "thanks":
      return replies.thanksReply();
    case "greeting":
      return replies.greetingReply();
    case "shortWriting":
      return replies.shortWritingReply();
    case "question":
      return replies.questionReply();
    case "generic":
      return replies.genericChatReply();
    case "canvasQuestion":
      return replies.canvasQuestionReply();
    case "needsModel":
      return replies.needsModelReply(canvas?.kind ?? "document");
  }
}

/** What the engine does about one intent; null when it names nothing in the canvas (the next intent gets a go). */
async function decide(intent: Intent, input: TurnInput): Promise<LocalDecision | null> {
  switch (intent.type) {
    case "edit":
      return input.canvas ? planEdit(intent.edit, input.canvas, input.selection) : null;
    case "review":
      return input.canvas ? comment(input.canvas, input.selection) : null;
    case "create":
      return create(input);
    case "say":
      return reply(replyText(intent.reply, input.canvas));
  }
}

async function quickAction(action: QuickAction, canvas: CanvasContext): Promise<LocalDecision> {
  switch (action.id) {
    case "suggest_edits":
    case "review_code":
      return comment(canvas, null);
    case "final_polish":
      return polishPlan(canvas);
    case "adjust_length":
    case "reading_level":
    case "add_emojis":
    case "add_logs":
    case "add_comments":
    case "fix_bugs":
    case "port_language":
      return reply(replies.needsModelReply(canvas.kind));
  }
}

/** The offline engine's answer to one turn: a chat text and at most one schema-valid tool call. */
export async function decideLocal(input: TurnInput): Promise<LocalDecision> {
  const canvas = input.canvas;
  if (input.action) return canvas ? quickAction(input.action, canvas) : reply(replies.quickActionWithoutCanvasReply());
  const request = readRequest(
    input.userText,
    canvas ? "canvas" : "chat",
    input.selection !== null,
    classifyTrigger(input.userText),
  );
  for (const { intent } of intentsOf(request)) {
    const decision = await decide(intent, input);
    if (decision) return decision;
  }
  throw new Error(`No intent decided the request ${JSON.stringify(input.userText)}: the fallback must always answer`);
}
