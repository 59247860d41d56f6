// GitHub-flavoured markdown ⇄ canvas documents. Parsing is markdown-it (./parse.ts); writing a block
// gives back the markdown it was parsed from while nobody has changed it (./source.ts), and otherwise
// serialises it with @tiptap/markdown and the shared extension list. A document is written block by
// block, joined by the blank lines that separated them, so the engine can cache each block's markdown.
import type { JSONContent } from "@tiptap/core";
import { MarkdownManager } from "@tiptap/markdown";
import { Fragment, type Node as PMNode } from "@tiptap/pm/model";
import { canvasExtensions, canvasSchema } from "../schema.ts";
import { parseBlocks, type ParseOptions } from "./parse.ts";
import { DEFAULT_GAP, keptGap, keptSource, withoutText } from "./source.ts";

export { parseBlocks, type ParseOptions, type RawHtml } from "./parse.ts";

let manager: MarkdownManager | null = null;

function markdownManager(): MarkdownManager {
  manager ??= new MarkdownManager({ extensions: canvasExtensions() });
  return manager;
}

/** Parse markdown into a document of the canvas schema. Never throws on any input string. */
export function parseMarkdown(md: string, options: ParseOptions = {}): PMNode {
  const schema = canvasSchema();
  const blocks = parseBlocks(md, options);
  return schema.topNodeType.create(null, blocks.length ? Fragment.fromArray(blocks) : schema.nodes.paragraph!.create());
}

/** Markdown of one top-level block, and whether it is the block's kept source. */
export function blockMarkdown(block: PMNode): { text: string; kept: boolean } {
  const { kept, text } = keptSource(block);
  if (text !== null) return { text, kept };
  if (block.type.name === "rawBlock") return { text: block.textContent, kept };
  // Without the blank lines some serialisers put around tables.
  const md = markdownManager().serialize({ type: "doc", content: [block.toJSON() as JSONContent] });
  return { text: md.replace(/^\n+/, "").replace(/\n+$/, ""), kept };
}

/**
 * The block without its kept text when the serialiser writes exactly that text anyway: the engine
 * compacts the few blocks an edit writes, so an edit's Yjs update carries the edit, not the paragraph.
 */
export function compactSource(block: PMNode): PMNode {
  const { kept, text } = keptSource(block);
  if (!kept || text === null) return block;
  const lean = withoutText(block);
  return blockMarkdown(lean).text === text ? lean : block;
}

/** Markdown of one top-level block: its kept source, else serialised. */
export function serializeBlock(block: PMNode): string {
  return blockMarkdown(block).text;
}

/**
 * What goes between two top-level blocks: the blank lines the author put there (kept on the second), or
 * one blank line. Blocks that touch ("# Title\ntext") stay touching only while both are unedited, since
 * an edited block next to another could otherwise run into it.
 */
export function blockGap(block: PMNode, previousKept: boolean, kept: boolean): string {
  const gap = keptGap(block);
  if (gap === null) return DEFAULT_GAP;
  if (/\n[ \t]*\n/.test(gap)) return gap;
  return previousKept && kept ? gap : DEFAULT_GAP;
}

export function serializeMarkdown(doc: PMNode): string {
  const parts: string[] = [];
  let previousKept: boolean | null = null;
  doc.forEach((block) => {
    const { text, kept } = blockMarkdown(block);
    if (previousKept !== null) parts.push(blockGap(block, previousKept, kept));
    parts.push(text);
    previousKept = kept;
  });
  return parts.join("");
}
