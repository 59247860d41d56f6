// The adversaries: engines that game the graders in one known way each, run with
//   npm run eval -- --suite <suite> --engine adversary:<name>
// They are deterministic, run offline, and see the case they answer (an oracle: the region an edit is
// about, the keywords of planted issues), so they are the strongest form of each trick. The graders
// must score every one of them far below the offline engine on the suites it attacks
// (tests/evals/adversaries.test.ts).
import type { ModelEvent, TurnEngine, TurnInput } from "../../server/agent/types.ts";
import type { ToolCall } from "../../shared/tools.ts";
import type { AnyCase, CommentCase, EditCase, Suite, TriggerCase } from "../dataset.ts";
import type { EvalEngine } from "../engines.ts";
import { commentEverySentence, wholeCanvasComment } from "./comment.ts";
import { alwaysRewrite, deleteRegion, keywordMode, loremRewrite } from "./edit.ts";
import { lengthRule } from "./trigger.ts";

export interface Adversary {
  name: string;
  /** The suites it attacks (on others it answers in chat). */
  suites: Suite[];
  description: string;
  decide(item: AnyCase, input: TurnInput): ToolCall | null | Promise<ToolCall | null>;
}

const content = (input: TurnInput): string => input.canvas?.content ?? "";

export const ADVERSARIES: Adversary[] = [
  {
    name: "whole-canvas-comment",
    suites: ["comment"],
    description: "comments spanning the whole canvas in the widest quotes allowed, stuffed with every defect keyword",
    decide: (item, input) => (input.canvas ? wholeCanvasComment(item as CommentCase, content(input)) : null),
  },
  {
    name: "comment-every-sentence",
    suites: ["comment"],
    description: "one keyword-stuffed comment on every sentence (every line of code)",
    decide: (item, input) => (input.canvas ? commentEverySentence(item as CommentCase, content(input)) : null),
  },
  {
    name: "delete-region",
    suites: ["edit"],
    description: "deletes the paragraphs/lines the instruction is about",
    decide: (item, input) => (input.canvas ? deleteRegion(item as EditCase, content(input)) : null),
  },
  {
    name: "lorem-rewrite",
    suites: ["edit"],
    description: "rewrites the canvas with lorem ipsum of the same shape",
    decide: (_item, input) => (input.canvas ? loremRewrite(content(input)) : null),
  },
  {
    name: "always-rewrite",
    suites: ["edit"],
    description: "the offline engine's change, always delivered as a full rewrite",
    decide: (_item, input) => alwaysRewrite(input),
  },
  {
    name: "keyword-mode",
    suites: ["edit"],
    description: "a no-op rewrite when the instruction says translate/rewrite/port/shorten, else one added space",
    decide: (item, input) => (input.canvas ? keywordMode(item as EditCase, content(input), input.userText) : null),
  },
  {
    name: "length-rule",
    suites: ["trigger"],
    description: "opens a canvas for every prompt of ten words or more that is not a question",
    decide: (item) => lengthRule((item as TriggerCase).prompt),
  },
];

export function adversaryNamed(name: string): Adversary | undefined {
  return ADVERSARIES.find((adversary) => adversary.name === name);
}

function turnEngine(adversary: Adversary, item: AnyCase): TurnEngine {
  return {
    kind: "local",
    model: `adversary:${adversary.name}`,
    async *stream(request): AsyncIterable<ModelEvent> {
      // A refused call is not retried: an adversary has one trick.
      const call = request.attempt === 0 ? await adversary.decide(item, request.input) : null;
      const text = call ? "Done." : "I will answer in chat.";
      yield { type: "text", delta: text };
      if (!call) {
        yield { type: "done", text, toolCalls: [], outputTokens: Math.ceil(text.length / 4) };
        return;
      }
      const args = JSON.stringify(call.arguments);
      yield { type: "tool_call_start", id: "adversary-1", name: call.name };
      yield { type: "tool_call_delta", id: "adversary-1", argumentsSoFar: args };
      yield {
        type: "done",
        text,
        toolCalls: [{ id: "adversary-1", name: call.name, arguments: args }],
        outputTokens: Math.ceil((text.length + args.length) / 4),
      };
    },
  };
}

export function adversaryEngine(adversary: Adversary): EvalEngine {
  return {
    name: "adversary",
    model: adversary.name,
    deterministic: true,
    forCase: (item) => turnEngine(adversary, item),
  };
}
