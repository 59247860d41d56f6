// Intents → edit_canvas (or rewrite_canvas) calls whose `find` strings are exact, unique passages of
// the canvas. When an intent cannot be carried out, the answer is a reply saying why.
import type { CanvasContext, LocalDecision } from "../types.ts";
import { fenceSegments, findSection, markdownBlocks, removalRange, type Block } from "./blocks.ts";
import type { Destination, EditIntent, Target } from "./instructions.ts";
import { spellingPlan } from "./polish.ts";
import { SEPARATOR, act, editCall, reply, selectionRange, spanEdit } from "./plan.ts";
import { editsAt, type Range } from "./quotes.ts";
import { removeLines, wholeLines } from "./removeLines.ts";
import { planRemoveLogs } from "./removeLogs.ts";
import { planReplace } from "./replace.ts";
import { describe, insertionPoint, resolveNames, resolveTarget } from "./targets.ts";

function planDelete(canvas: CanvasContext, blocks: Block[], target: Target, selection: Range | null): LocalDecision {
  const resolved = resolveTarget(canvas, blocks, target, selection);
  if (typeof resolved === "string") return reply(resolved);
  const content = canvas.content;
  let range = resolved.range;
  const lines = canvas.kind === "code" ? wholeLines(content, range) : null;
  if (lines) {
    // Whole lines of code go with their newline; a Python block they empty keeps a `pass`.
    const edits = editsAt(content, removeLines(content, canvas.language, [lines]), { stop: /(?!)/ });
    if (!edits) return reply(`I could not quote ${resolved.label} uniquely, so I did not delete it.`);
    return editCall(edits, `Deleted ${resolved.label}.`);
  }
  if (target.unit === "paragraph" || target.unit === "section") range = removalRange(content, range.start, range.end);
  else if (content[range.start - 1] === " " && /[\s.,;:!?]/.test(content[range.end] ?? "\n"))
    range = { start: range.start - 1, end: range.end };
  const edits = spanEdit(content, range, "");
  if (!edits) return reply(`I could not quote ${resolved.label} uniquely, so I did not delete it.`);
  return editCall(edits, `Deleted ${resolved.label}.`);
}
function planMove(
  canvas: CanvasContext,
  blocks: Block[],
  target: Target,
  destination: Destination,
  selection: Range | null,
): LocalDecision {
  if (target.unit !== "paragraph" && target.unit !== "section")
    return reply('I can move paragraphs and sections; name one ("paragraph 2", "the section Background").');
  const resolved = resolveTarget(canvas, blocks, target, selection);
  if (typeof resolved === "string") return reply(resolved);
  const at = insertionPoint(canvas, blocks, destination, selection);
  if (typeof at === "string" && at !== "end") return reply(at);
  const content = canvas.content;
  const moved = resolved.range;
  const movedText = content.slice(moved.start, moved.end);
  const nextStart = removalRange(content, moved.start, moved.end).end;
  const lastEnd = blocks[blocks.length - 1]!.end;
  let span: Range;
  let replace: string;
  if (at === "end") {
    if (moved.end >= lastEnd) return reply(`${capitalise(resolved.label)} is already at the end.`);
    span = { start: moved.start, end: lastEnd };
    replace = content.slice(nextStart, lastEnd) + SEPARATOR + movedText;
  } else if (at >= moved.start && at <= nextStart) {
    return reply(`${capitalise(resolved.label)} is already there.`);
  } else if (at > moved.end) {
    span = { start: moved.start, end: at };
    replace = content.slice(nextStart, at) + movedText + SEPARATOR;
  } else {
    span = { start: at, end: moved.end };
    replace = movedText + SEPARATOR + content.slice(at, moved.start).trimEnd();
  }
  const edits = spanEdit(content, span, replace);
  if (!edits) return reply(`I could not quote ${resolved.label} uniquely, so I did not move it.`);
  const where =
    at === "end"
      ? "to the end"
      : destination.where === "start"
        ? "to the top"
        : `${destination.where} ${describe(destination)}`;
  return editCall(edits, `Moved ${resolved.label} ${where}.`);
}
const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function planSwap(canvas: CanvasContext, blocks: Block[], a: Target, b: Target): LocalDecision {
  const first = resolveTarget(canvas, blocks, a, null);
  const second = resolveTarget(canvas, blocks, b, null);
  if (typeof first === "string") return reply(first);
  if (typeof second === "string") return reply(second);
  const [x, y] = first.range.start < second.range.start ? [first, second] : [second, first];
  if (x.range.start === y.range.start) return reply("Those are the same paragraph.");
  const content = canvas.content;
  const replace =
    content.slice(y.range.start, y.range.end) +
    content.slice(x.range.end, y.range.start) +
    content.slice(x.range.start, x.range.end);
  const edits = spanEdit(content, { start: x.range.start, end: y.range.end }, replace);
  if (!edits) return reply("I could not quote those paragraphs uniquely.");
  return editCall(edits, `Swapped ${first.label} and ${second.label}.`);
}
function planTitle(canvas: CanvasContext, blocks: Block[], title: string): LocalDecision {
  const content = canvas.content;
  const heading =
    blocks.find((block) => block.kind === "heading" && block.level === 1) ??
    (blocks[0]?.kind === "heading" ? blocks[0] : undefined);
  if (heading) {
    const edits = spanEdit(
      content,
      { start: heading.start, end: heading.end },
      `${"#".repeat(heading.level)} ${title}`,
    );
    if (edits) return editCall(edits, `Changed the title to "${title}".`);
  }
  const first = blocks[0];
  if (!first) return reply("The canvas is empty; there is nothing to put a title on.");
  const edits = spanEdit(content, { start: first.start, end: first.end }, `# ${title}${SEPARATOR}${first.text}`);
  return edits
    ? editCall(edits, `Added the title "${title}".`)
    : reply("I could not quote the start of the canvas uniquely.");
}

/** A target that names a section: "the section X", or quoted text that is a heading. */
function sectionName(target: Target): string | null {
  if (target.unit === "section") return target.name;
  if (target.unit === "text") return target.text;
  return null;
}

function planAddSection(
  canvas: CanvasContext,
  blocks: Block[],
  heading: string,
  destination: Destination | null,
  selection: Range | null,
): LocalDecision {
  const content = canvas.content;
  if (blocks.length === 0) return reply("The canvas is empty; write something first or ask me to draft an outline.");
  let at = destination ? insertionPoint(canvas, blocks, destination, selection) : "end";
  if (typeof at === "string" && at !== "end") return reply(at);
  const named = destination && destination.where === "after" ? sectionName(destination.target) : null;
  if (named !== null) {
    const section = findSection(blocks, named);
    if (section) {
      const next = blocks.find((block) => block.start >= section.end);
      at = next ? next.start : "end";
    }
  }
  const levels = blocks.filter((block) => block.kind === "heading" && block.level > 1).map((block) => block.level);
  const level = levels.length ? Math.min(...levels) : 2;
  const section = `${"#".repeat(level)} ${heading}${SEPARATOR}*Placeholder: write the ${heading} section here.*`;
  const anchor = at === "end" ? blocks[blocks.length - 1]! : blocks.find((block) => block.start === at)!;
  const replace = at === "end" ? `${anchor.text}${SEPARATOR}${section}` : `${section}${SEPARATOR}${anchor.text}`;
  const edits = spanEdit(content, { start: anchor.start, end: anchor.end }, replace);
  return edits
    ? editCall(edits, `Added a section "${heading}" with a placeholder paragraph.`)
    : reply("I could not quote the place to insert the section uniquely.");
}

function changeCase(text: string, to: "upper" | "lower", markdown: boolean): string {
  const convert = (part: string): string => (to === "upper" ? part.toUpperCase() : part.toLowerCase());
  if (!markdown) return convert(text);
  // Keep code, link targets and URLs as they are: changing their case would break them.
  const prose = (part: string): string =>
    part
      .split(/(`[^`\n]*`|\]\([^)\n]*\)|https?:\/\/\S+)/)
      .map((piece, index) => (index % 2 === 1 ? piece : convert(piece)))
      .join("");
  return fenceSegments(text)
    .map((segment) => (segment.fenced ? segment.text : prose(segment.text)))
    .join("");
}

function planCase(canvas: CanvasContext, to: "upper" | "lower", selection: Range | null): LocalDecision {
  const content = canvas.content;
  const markdown = canvas.kind === "document";
  if (canvas.kind === "code" && !selection)
    return reply("Changing the case of a whole program would break it; select the text to change.");
  if (selection) {
    const edits = spanEdit(content, selection, changeCase(content.slice(selection.start, selection.end), to, markdown));
    return edits
      ? editCall(edits, `Changed the selected text to ${to}case.`)
      : reply("I could not quote the selection uniquely.");
  }
  const summary = `Changed the whole canvas to ${to}case (code and links unchanged).`;
  return act(
    { name: "rewrite_canvas", arguments: { content: changeCase(content, to, markdown), summary } },
    `${summary} (offline engine: a mechanical change, no model involved.)`,
  );
}
/** The decision for an edit on the open canvas, or null when the words did not name anything there. */
export async function planEdit(
  parsed: EditIntent,
  canvas: CanvasContext,
  selectionText: string | null,
): Promise<LocalDecision | null> {
  const selection = selectionRange(canvas.content, selectionText);
  const blocks = markdownBlocks(canvas.content);
  const intent = resolveNames(parsed, canvas, blocks);
  if (!intent) return null;
  const structural =
    intent.type === "delete" ||
    intent.type === "move" ||
    intent.type === "swap" ||
    intent.type === "addSection" ||
    intent.type === "title";
  const usesBlocks =
    structural && !(intent.type === "delete" && (intent.target.unit === "text" || intent.target.unit === "selection"));
  if (canvas.kind === "code" && usesBlocks) {
    return reply(
      "Paragraphs, sections and titles are for documents; on code I can replace text, rename symbols, delete quoted code and remove debug output.",
    );
  }
  switch (intent.type) {
    case "replace":
    case "rename":
      return planReplace(canvas, intent, selection);
    case "delete":
      return planDelete(canvas, blocks, intent.target, selection);
    case "move":
      return planMove(canvas, blocks, intent.target, intent.destination, selection);
    case "swap":
      return planSwap(canvas, blocks, intent.a, intent.b);
    case "spelling":
      return spellingPlan(canvas, selection, { repeatedWords: false });
    case "addSection":
      return planAddSection(canvas, blocks, intent.heading, intent.destination, selection);
    case "title":
      return planTitle(canvas, blocks, intent.title);
    case "case":
      return planCase(canvas, intent.to, selection);
    case "removeLogs":
      return planRemoveLogs(canvas, intent.scope, selection);
  }
}
