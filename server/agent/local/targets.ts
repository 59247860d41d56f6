// What the words of an instruction point at in the canvas: a paragraph, a section, quoted text, the
// selection, or a place to insert. Unresolvable names become replies, never guesses.
import type { CanvasContext } from "../types.ts";
import { findSection, paragraphs, type Block } from "./blocks.ts";
import type { Destination, EditIntent, Target } from "./instructions.ts";
import { occurrences, type Range } from "./quotes.ts";

export interface Resolved {
  range: Range;
  label: string;
}

export function resolveTarget(
  canvas: CanvasContext,
  blocks: Block[],
  target: Target,
  selection: Range | null,
): Resolved | string {
  const content = canvas.content;
  switch (target.unit) {
    case "paragraph": {
      const list = paragraphs(blocks);
      const block = target.index === -1 ? list[list.length - 1] : list[target.index - 1];
      if (!block)
        return `The canvas has ${list.length} paragraph${list.length === 1 ? "" : "s"}, so there is no paragraph ${target.index === -1 ? "to pick" : target.index}.`;
      const label = target.index === -1 ? "the last paragraph" : `paragraph ${target.index}`;
      return { range: { start: block.start, end: block.end }, label };
    }
    case "section": {
      const section = findSection(blocks, target.name);
      if (section)
        return {
          range: { start: section.start, end: section.end },
          label: `the section "${section.heading.headingText}"`,
        };
      if (/^introduction$/i.test(target.name))
        return resolveTarget(canvas, blocks, { unit: "paragraph", index: 1 }, selection);
      if (/^conclusion$/i.test(target.name))
        return resolveTarget(canvas, blocks, { unit: "paragraph", index: -1 }, selection);
      const headings = blocks.filter((block) => block.kind === "heading").map((block) => `"${block.headingText}"`);
      return `I found no section called "${target.name}". ${headings.length ? `The headings are ${headings.join(", ")}.` : "The canvas has no headings."}`;
    }
    case "text": {
      const length = target.text.length;
      const found = occurrences(content, target.text);
      if (found.length === 0)
        return `I could not find "${target.text}" in the canvas; quote the text exactly as it appears.`;
      const selected = selection ? found.filter((at) => at >= selection.start && at + length <= selection.end) : [];
      const at = selected.length === 1 ? selected[0]! : found.length === 1 ? found[0]! : null;
      if (at === null)
        return `"${target.text}" appears ${found.length} times in the canvas; quote a longer passage (or select the one you mean) so I change the right one.`;
      return { range: { start: at, end: at + length }, label: `"${target.text}"` };
    }
    case "selection":
      return selection
        ? { range: selection, label: "the selected text" }
        : "I could not find the selected text in the canvas.";
    case "named":
      return `I could not tell what "${target.name}" refers to: name a heading, a paragraph number, or quote the text.`;
  }
}

/** Top-level units the destination refers to: the block start to insert before, or the end. */
export function insertionPoint(
  canvas: CanvasContext,
  blocks: Block[],
  destination: Destination,
  selection: Range | null,
): number | "end" | string {
  if (destination.where === "end") return "end";
  if (destination.where === "start") {
    const first = blocks.find((block, index) => !(index === 0 && block.kind === "heading" && block.level === 1));
    return first ? first.start : "end";
  }
  const resolved = resolveTarget(canvas, blocks, destination.target, selection);
  if (typeof resolved === "string") return resolved;
  if (destination.where === "before") return resolved.range.start;
  const next = blocks.find((block) => block.start >= resolved.range.end);
  return next ? next.start : "end";
}

export function describe(destination: Destination): string {
  if (destination.where === "start" || destination.where === "end") return destination.where;
  const target = destination.target;
  if (target.unit === "paragraph") return target.index === -1 ? "the last paragraph" : `paragraph ${target.index}`;
  if (target.unit === "section") return `the section "${target.name}"`;
  if (target.unit === "text") return `"${target.text}"`;
  return "the selection";
}

/** A "named" target as a section or quoted text, or null when the words match neither. */
function concrete(target: Target, canvas: CanvasContext, blocks: Block[]): Target | null {
  if (target.unit !== "named") return target;
  if (canvas.kind === "document" && findSection(blocks, target.name)) return { unit: "section", name: target.name };
  if (occurrences(canvas.content, target.name).length === 1) return { unit: "text", text: target.name };
  return null;
}

/** The intent with every "named" target made concrete; null when one names nothing in the canvas. */
export function resolveNames(intent: EditIntent, canvas: CanvasContext, blocks: Block[]): EditIntent | null {
  const destination = (value: Destination | null): Destination | null | undefined => {
    if (!value || value.where === "start" || value.where === "end") return value;
    const target = concrete(value.target, canvas, blocks);
    return target ? { where: value.where, target } : undefined;
  };
  switch (intent.type) {
    case "delete": {
      const target = concrete(intent.target, canvas, blocks);
      return target ? { ...intent, target } : null;
    }
    case "move": {
      const target = concrete(intent.target, canvas, blocks);
      const where = destination(intent.destination);
      return target && where ? { ...intent, target, destination: where } : null;
    }
    case "swap": {
      const a = concrete(intent.a, canvas, blocks);
      const b = concrete(intent.b, canvas, blocks);
      return a && b ? { ...intent, a, b } : null;
    }
    case "addSection": {
      const where = destination(intent.destination);
      return where === undefined ? null : { ...intent, destination: where };
    }
    default:
      return intent;
  }
}
