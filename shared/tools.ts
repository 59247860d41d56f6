// The four tools the model sees. One definition (zod) validates arguments at the boundary and is
// exported as strict JSON Schema for the OpenAI API (all fields required, optional ones nullable,
// additionalProperties false), so what we validate is exactly what the model was told.
import { z } from "zod";

export const CANVAS_KINDS = ["document", "code"] as const;
export type CanvasKind = (typeof CANVAS_KINDS)[number];

export const SEVERITIES = ["info", "suggestion", "issue"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The largest canvas (in characters) a tool call may create or leave behind. */
export const MAX_CANVAS_CHARS = 2_000_000;
const MAX_CONTENT = MAX_CANVAS_CHARS;
const MAX_FIND = 200_000;

const createCanvasArgs = z.strictObject({
  title: z.string().min(1).max(200).describe("Short title for the canvas, e.g. 'Essay on lighthouses'."),
  kind: z.enum(CANVAS_KINDS).describe("'document' for prose (markdown), 'code' for a single source file."),
  language: z
    .string()
    .max(40)
    .nullable()
    .describe("Programming language of a code canvas (e.g. 'typescript', 'python'); null for documents."),
  content: z
    .string()
    .max(MAX_CONTENT)
    .describe("The full content: GitHub-flavoured markdown for documents, raw source (no fences) for code."),
});

const editSpec = z.strictObject({
  find: z
    .string()
    .min(1)
    .max(MAX_FIND)
    .describe("Exact text currently in the canvas to replace. Quote enough to be unique."),
  replace: z.string().max(MAX_CONTENT).describe("Replacement text (markdown for documents, source for code)."),
  all: z.boolean().describe("true to replace every occurrence; false when `find` must match exactly once."),
});

const editCanvasArgs = z.strictObject({
  edits: z.array(editSpec).min(1).max(50).describe("Targeted replacements, applied together or not at all."),
  summary: z.string().max(500).describe("One short sentence describing the change, for the chat."),
});

const rewriteCanvasArgs = z.strictObject({
  content: z.string().max(MAX_CONTENT).describe("The complete new content of the canvas."),
  summary: z.string().max(500).describe("One short sentence describing the change, for the chat."),
});

/**
 * The longest quote a comment may anchor to. A comment is about a defect, and a defect lives in a
 * sentence or a statement: 400 characters hold the longest sentences of ordinary prose (~60 words) and
 * a multi-line statement of code, while a quote spanning a paragraph or the whole canvas says nothing
 * about where the problem is (and games any "does it overlap the defect" measure).
 */
export const MAX_COMMENT_QUOTE_CHARS = 400;

/** What a model is told when its quote is longer than MAX_COMMENT_QUOTE_CHARS. */
export const QUOTE_TOO_LONG_HINT = `quote one sentence or less (at most ${MAX_COMMENT_QUOTE_CHARS} characters): the exact words the comment is about, not the paragraph around them`;

export const commentSpec = z.strictObject({
  quote: z
    .string()
    .min(1)
    .max(MAX_COMMENT_QUOTE_CHARS, `Too long: ${QUOTE_TOO_LONG_HINT}.`)
    .describe(
      `Exact text in the canvas the comment is about: one sentence or less (at most ${MAX_COMMENT_QUOTE_CHARS} characters).`,
    ),
  comment: z.string().min(1).max(4_000).describe("Specific, actionable feedback."),
  severity: z.enum(SEVERITIES),
  suggestion: z
    .string()
    .max(20_000)
    .nullable()
    .describe("Replacement text for the quote when an obvious fix exists, else null."),
});

const commentCanvasArgs = z.strictObject({
  comments: z.array(commentSpec).min(1).max(50),
});

export type CreateCanvasArgs = z.infer<typeof createCanvasArgs>;
export type EditSpec = z.infer<typeof editSpec>;
export type EditCanvasArgs = z.infer<typeof editCanvasArgs>;
export type RewriteCanvasArgs = z.infer<typeof rewriteCanvasArgs>;
export type CommentSpec = z.infer<typeof commentSpec>;
export type CommentCanvasArgs = z.infer<typeof commentCanvasArgs>;

/** The argument schema of each tool: the built-in agent and external agents (MCP) validate with these. */
export const toolArgSchemas = {
  create_canvas: createCanvasArgs,
  edit_canvas: editCanvasArgs,
  rewrite_canvas: rewriteCanvasArgs,
  comment_canvas: commentCanvasArgs,
} as const;

export type ToolName = keyof typeof toolArgSchemas;
export const TOOL_NAMES = Object.keys(toolArgSchemas) as ToolName[];

export type ToolCall =
  | { name: "create_canvas"; arguments: CreateCanvasArgs }
  | { name: "edit_canvas"; arguments: EditCanvasArgs }
  | { name: "rewrite_canvas"; arguments: RewriteCanvasArgs }
  | { name: "comment_canvas"; arguments: CommentCanvasArgs };

const TOOL_DESCRIPTIONS: Record<ToolName, string> = {
  create_canvas:
    "Open a new canvas beside the chat with substantial writing (essay, story, letter, report) or a program. " +
    "Only for work longer than ~10 lines that the user will iterate on, or when the user asks for a canvas.",
  edit_canvas:
    "Make targeted changes to the open canvas: each edit replaces an exact passage. Use for changes to a named " +
    "part or to less than ~30% of the text. Never reprint the whole canvas here.",
  rewrite_canvas:
    "Replace the whole content of the open canvas. Only for whole-document changes: translate, change the tone " +
    "or reading level of everything, restructure, turn it into another form.",
  comment_canvas:
    "Leave inline review comments on the open canvas, each anchored to an exact quote. Use when asked to review, " +
    "critique or give feedback. Few strong, specific comments beat many weak ones.",
};

/** Names a tool must be exhaustively handled by; a new tool becomes a compile error until handled. */
export function exhaustiveTool(name: never): never {
  throw new Error(`Unhandled tool: ${String(name)}`);
}

export type ToolArgsResult = { ok: true; call: ToolCall } | { ok: false; error: string };

/**
 * Validate a raw tool call (name + arguments as an object or as the JSON string the API sends).
 * Returns a failure value with a message the model can act on; never throws.
 */
export function parseToolCall(name: string, rawArguments: unknown): ToolArgsResult {
  if (!Object.hasOwn(toolArgSchemas, name)) {
    return { ok: false, error: `Unknown tool "${name}". Available tools: ${TOOL_NAMES.join(", ")}.` };
  }
  let args: unknown = rawArguments;
  if (typeof rawArguments === "string") {
    try {
      args = JSON.parse(rawArguments);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, error: `Arguments of ${name} are not valid JSON (${reason}). Send one JSON object.` };
    }
  }
  const toolName = name as ToolName;
  const parsed = toolArgSchemas[toolName].safeParse(args);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 8)
      .map((issue) => `${issue.path.length ? issue.path.join(".") : "(root)"}: ${issue.message}`)
      .join("; ");
    return { ok: false, error: `Invalid arguments for ${name}: ${issues}.` };
  }
  return { ok: true, call: { name: toolName, arguments: parsed.data } as ToolCall };
}

export interface OpenAIFunctionTool {
  type: "function";
  function: { name: ToolName; description: string; strict: true; parameters: Record<string, unknown> };
}

/** Strict JSON Schema for one tool, as the OpenAI API's structured outputs expect it. */
function toolJsonSchema(name: ToolName): Record<string, unknown> {
  const schema = z.toJSONSchema(toolArgSchemas[name], { target: "draft-7", io: "input" }) as Record<string, unknown>;
  delete schema.$schema;
  return stripLengthLimits(schema);
}

// OpenAI's strict mode rejects some JSON Schema keywords (minLength, maxLength, minItems > 1, maxItems).
// Limits still hold: zod validates every call before it runs.
function stripLengthLimits(node: unknown): Record<string, unknown> {
  if (Array.isArray(node)) return node.map(stripLengthLimits) as unknown as Record<string, unknown>;
  if (node === null || typeof node !== "object") return node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (["minLength", "maxLength", "maxItems", "minItems"].includes(key)) continue;
    out[key] = typeof value === "object" && value !== null ? stripLengthLimits(value) : value;
  }
  return out;
}

export function openAITools(names: readonly ToolName[] = TOOL_NAMES): OpenAIFunctionTool[] {
  return names.map((name) => ({
    type: "function",
    function: { name, description: TOOL_DESCRIPTIONS[name], strict: true, parameters: toolJsonSchema(name) },
  }));
}
