// Quick actions from the canvas corner menu. Each becomes a plain-language instruction for the
// model (or the offline engine), so an action is just a well-phrased request with a known intent.
import { z } from "zod";
import type { LanguageId } from "./languages.ts";

export const quickAction = z.discriminatedUnion("id", [
  z.strictObject({ id: z.literal("suggest_edits") }),
  z.strictObject({ id: z.literal("adjust_length"), level: z.number().int().min(-2).max(2) }),
  z.strictObject({ id: z.literal("reading_level"), level: z.number().int().min(0).max(4) }),
  z.strictObject({ id: z.literal("final_polish") }),
  z.strictObject({ id: z.literal("add_emojis") }),
  z.strictObject({ id: z.literal("review_code") }),
  z.strictObject({ id: z.literal("add_logs") }),
  z.strictObject({ id: z.literal("add_comments") }),
  z.strictObject({ id: z.literal("fix_bugs") }),
  z.strictObject({ id: z.literal("port_language"), language: z.string().min(1).max(40) }),
]);

export type QuickAction = z.infer<typeof quickAction>;
export type QuickActionId = QuickAction["id"];

/** A person's own action from the room (shared/customActions.ts), resolved by the server to its instruction. */
export const customActionRef = z.strictObject({ id: z.literal("custom"), actionId: z.string().min(1).max(64) });
export type CustomActionRef = z.infer<typeof customActionRef>;

/** What a client may ask for: a built-in quick action or a custom one by id. */
export const actionRequest = z.union([quickAction, customActionRef]);
export type ActionRequest = z.infer<typeof actionRequest>;

export const READING_LEVELS = ["kindergarten", "middle school", "high school", "college", "graduate school"] as const;
export const LENGTH_LEVELS = ["much shorter", "shorter", "the same length", "longer", "much longer"] as const;
export const PORT_LANGUAGES = [
  "javascript",
  "typescript",
  "python",
  "java",
  "cpp",
  "php",
] as const satisfies readonly LanguageId[];

export const WRITING_ACTIONS: QuickActionId[] = [
  "suggest_edits",
  "adjust_length",
  "reading_level",
  "final_polish",
  "add_emojis",
];
export const CODE_ACTIONS: QuickActionId[] = ["review_code", "add_logs", "add_comments", "fix_bugs", "port_language"];

/** The instruction the model receives for a quick action (also shown in the chat as the user's message). */
export function actionInstruction(action: QuickAction): string {
  switch (action.id) {
    case "suggest_edits":
      return "Suggest edits: review the canvas and leave inline comments with concrete suggestions.";
    case "adjust_length":
      return `Adjust the length: make the whole canvas ${LENGTH_LEVELS[action.level + 2]}, keeping its meaning and structure.`;
    case "reading_level":
      return `Change the reading level of the whole canvas to ${READING_LEVELS[action.level]} level.`;
    case "final_polish":
      return "Final polish: fix grammar, clarity and consistency with targeted edits; keep the voice.";
    case "add_emojis":
      return "Add fitting emojis to the canvas.";
    case "review_code":
      return "Review this code: leave inline comments on bugs, risks and improvements.";
    case "add_logs":
      return "Add logging statements to help debug this code.";
    case "add_comments":
      return "Add helpful code comments where the code is not obvious.";
    case "fix_bugs":
      return "Find and fix the bugs in this code with targeted edits.";
    case "port_language":
      return `Port this code to ${action.language}.`;
    default:
      return exhaustiveAction(action);
  }
}

function exhaustiveAction(action: never): never {
  throw new Error(`Unhandled quick action: ${JSON.stringify(action)}`);
}
