// The tools the model sees: four that change a canvas (through the edit engine's seam) and two that
// only look at it (read_canvas, search_canvas; shared/engine/navigate.ts). One definition (zod)
// validates arguments at the boundary and is exported as strict JSON Schema for the OpenAI API (all
// fields required, optional ones nullable, additionalProperties false), so what we validate is exactly
// what the model was told.
import { z } from "zod";

export const CANVAS_KINDS = ["document", "code"] as const;
export type CanvasKind = (typeof CANVAS_KINDS)[number];

export const SEVERITIES = ["info", "suggestion", "issue"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The largest canvas (in characters) a tool call may create or leave behind. */
export const MAX_CANVAS_CHARS = 2_000_000;
const MAX_CONTENT = MAX_CANVAS_CHARS;
const MAX_FIND = 200_000;

/**
 * Whether the model wants another step after a change: a change ends the turn unless it says so, so a
 * one-change request costs one request. Absent (callers other than the model: the API, the offline
 * engine) means false; the JSON Schema the model sees lists it as required, as strict mode wants.
 */
const moreSteps = z
  .boolean()
  .optional()
  .describe(
    "true to take another step in this turn after this call (e.g. leave comments after this edit, refine what you created); false when this call completes the request.",
  );
const MORE_STEPS = "more_steps";

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
  more_steps: moreSteps,
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
  more_steps: moreSteps,
});

const rewriteCanvasArgs = z.strictObject({
  content: z.string().max(MAX_CONTENT).describe("The complete new content of the canvas."),
  summary: z.string().max(500).describe("One short sentence describing the change, for the chat."),
  more_steps: moreSteps,
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
  more_steps: moreSteps,
});

/** Most lines one read_canvas call returns; a longer range is cut there and says where to go on. */
export const MAX_READ_LINES = 250;
/** Most characters one read_canvas call returns (long paragraphs are long lines). */
export const MAX_READ_CHARS = 12_000;
/** Most passages one search_canvas call returns, and how many it returns when not told. */
export const MAX_SEARCH_RESULTS = 30;
export const DEFAULT_SEARCH_RESULTS = 10;

const lineNumber = z.number().int().min(1).max(10_000_000);

const readCanvasArgs = z.strictObject({
  from_line: lineNumber
    .nullable()
    .describe("First line to read (1-based, as numbered in the outline); null when reading a section by heading."),
  to_line: lineNumber.nullable().describe("Last line to read (inclusive); null when reading a section by heading."),
  heading: z
    .string()
    .min(1)
    .max(300)
    .nullable()
    .describe(
      "Read the section under this heading (documents) or this function/class (code), e.g. 'Conclusion'; null when reading lines.",
    ),
});

const searchCanvasArgs = z.strictObject({
  query: z
    .string()
    .min(1)
    .max(300)
    .describe(
      "Words to find: plain text, case-insensitive, not a regex (e.g. 'budget', 'conclusion', a function name).",
    ),
  max_results: z
    .number()
    .int()
    .min(1)
    .max(MAX_SEARCH_RESULTS)
    .nullable()
    .describe(`At most this many passages (1-${MAX_SEARCH_RESULTS}); null for ${DEFAULT_SEARCH_RESULTS}.`),
});

export type CreateCanvasArgs = z.infer<typeof createCanvasArgs>;
export type EditSpec = z.infer<typeof editSpec>;
export type EditCanvasArgs = z.infer<typeof editCanvasArgs>;
export type RewriteCanvasArgs = z.infer<typeof rewriteCanvasArgs>;
export type CommentSpec = z.infer<typeof commentSpec>;
export type CommentCanvasArgs = z.infer<typeof commentCanvasArgs>;
export type ReadCanvasArgs = z.infer<typeof readCanvasArgs>;
export type SearchCanvasArgs = z.infer<typeof searchCanvasArgs>;

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

/** The argument schema of each navigation tool (the built-in agent and MCP validate with these). */
export const navigationArgSchemas = {
  read_canvas: readCanvasArgs,
  search_canvas: searchCanvasArgs,
} as const;

/** The tools that look at a canvas without changing it. */
export type NavigationToolName = keyof typeof navigationArgSchemas;
export const NAVIGATION_TOOL_NAMES = Object.keys(navigationArgSchemas) as NavigationToolName[];

export type NavigationCall =
  { name: "read_canvas"; arguments: ReadCanvasArgs } | { name: "search_canvas"; arguments: SearchCanvasArgs };

/** Every tool the model may be offered. */
export type AgentToolName = ToolName | NavigationToolName;

export function isNavigationTool(name: string): name is NavigationToolName {
  return Object.hasOwn(navigationArgSchemas, name);
}

const TOOL_DESCRIPTIONS: Record<AgentToolName, string> = {
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
  read_canvas:
    "Read part of the open canvas: lines from_line..to_line (numbered as in the outline), or the section under a " +
    `heading. Returns at most ${MAX_READ_LINES} numbered lines; the numbers are not part of the text.`,
  search_canvas:
    "Find passages of the open canvas containing these words (case-insensitive), with their line numbers: " +
    "'the conclusion', every mention of the budget, a function by name.",
};

/** Names a tool must be exhaustively handled by; a new tool becomes a compile error until handled. */
export function exhaustiveTool(name: never): never {
  throw new Error(`Unhandled tool: ${String(name)}`);
}

export type ToolArgsResult = { ok: true; call: ToolCall } | { ok: false; error: string };
export type NavigationArgsResult = { ok: true; call: NavigationCall } | { ok: false; error: string };

/**
 * Validate a raw tool call (name + arguments as an object or as the JSON string the API sends).
 * Returns a failure value with a message the model can act on; never throws.
 */
export function parseToolCall(name: string, rawArguments: unknown): ToolArgsResult {
  if (!Object.hasOwn(toolArgSchemas, name)) {
    return { ok: false, error: `Unknown tool "${name}". Available tools: ${TOOL_NAMES.join(", ")}.` };
  }
  const parsed = parseArguments(toolArgSchemas[name as ToolName], name, rawArguments);
  return parsed.ok ? { ok: true, call: { name, arguments: parsed.value } as ToolCall } : parsed;
}

/** Validate a raw read_canvas or search_canvas call, as parseToolCall does a change. */
export function parseNavigationCall(name: string, rawArguments: unknown): NavigationArgsResult {
  if (!isNavigationTool(name)) {
    return { ok: false, error: `Unknown tool "${name}". Available tools: ${NAVIGATION_TOOL_NAMES.join(", ")}.` };
  }
  const parsed = parseArguments(navigationArgSchemas[name], name, rawArguments);
  return parsed.ok ? { ok: true, call: { name, arguments: parsed.value } as NavigationCall } : parsed;
}

function parseArguments(
  schema: z.ZodType,
  name: string,
  rawArguments: unknown,
): { ok: true; value: unknown } | { ok: false; error: string } {
  let args: unknown = rawArguments;
  if (typeof rawArguments === "string") {
    try {
      args = JSON.parse(rawArguments);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, error: `Arguments of ${name} are not valid JSON (${reason}). Send one JSON object.` };
    }
  }
  const parsed = schema.safeParse(args);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 8)
      .map((issue) => `${issue.path.length ? issue.path.join(".") : "(root)"}: ${issue.message}`)
      .join("; ");
    return { ok: false, error: `Invalid arguments for ${name}: ${issues}.` };
  }
  return { ok: true, value: parsed.data };
}

export interface OpenAIFunctionTool {
  type: "function";
  function: { name: AgentToolName; description: string; strict: true; parameters: Record<string, unknown> };
}

/** Strict JSON Schema for one tool, as the OpenAI API's structured outputs expect it. */
function toolJsonSchema(name: AgentToolName): Record<string, unknown> {
  const zodSchema = isNavigationTool(name) ? navigationArgSchemas[name] : toolArgSchemas[name];
  const schema = z.toJSONSchema(zodSchema, { target: "draft-7", io: "input" }) as Record<string, unknown>;
  delete schema.$schema;
  // Strict mode wants every property required; more_steps is optional only for callers other than the model.
  const properties = schema.properties as Record<string, unknown> | undefined;
  if (properties && MORE_STEPS in properties) schema.required = Object.keys(properties);
  return stripLengthLimits(schema);
}

// OpenAI's strict mode rejects some JSON Schema keywords (minLength, maxLength, minItems > 1, maxItems).
// Limits still hold: zod validates every call before it runs.
function stripLengthLimits(node: unknown): Record<string, unknown> {
  if (Array.isArray(node)) return node.map(stripLengthLimits) as unknown as Record<string, unknown>;
  if (node === null || typeof node !== "object") return node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (["minLength", "maxLength", "maxItems", "minItems", "minimum", "maximum"].includes(key)) continue;
    out[key] = typeof value === "object" && value !== null ? stripLengthLimits(value) : value;
  }
  return out;
}

export function openAITools(names: readonly AgentToolName[] = TOOL_NAMES): OpenAIFunctionTool[] {
  return names.map((name) => ({
    type: "function",
    function: { name, description: TOOL_DESCRIPTIONS[name], strict: true, parameters: toolJsonSchema(name) },
  }));
}
