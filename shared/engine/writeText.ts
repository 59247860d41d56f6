// Write new canvas text (markdown or source) into the fragment. For targeted edits only the top-level
// blocks each edit touches are re-parsed (edits far apart are re-parsed apart, so the blocks between
// them keep their nodes, their Yjs items and their markdown byte for byte), each with one unchanged
// block of context on each side to check that parsing the slice alone gives what parsing the whole
// text would (an unclosed code fence, for example, changes what follows: then the whole text is parsed).
import type * as Y from "yjs";
import type { Node as PMNode } from "@tiptap/pm/model";
import {
  codeBlockNode,
  parseBlocks,
  sourceToDoc,
  type CanvasView,
  type ParseOptions,
  type RawHtml,
  viewSlice,
} from "../markdown/index.ts";
import type { ToolCallOrigin } from "../origins.ts";
import { keptGap, sameBlock, withGapOf } from "../markdown/source.ts";
import { compactSource } from "../markdown/manager.ts";
import { canvasSchema } from "../schema.ts";
import { applyChanges, type TextChange } from "./textChanges.ts";
import { writeBlocks } from "./writeDoc.ts";

export interface TextRange {
  from: number;
  to: number;
}

type WritePath = "blocks" | "full";

/** Markdown the model writes is untrusted: its raw HTML becomes text. A person's (an import) is kept as written. */
export function rawHtmlFor(origin: ToolCallOrigin): RawHtml {
  return origin.source === "agent" ? "text" : "keep";
}

/**
 * Make the canvas hold `newText`. `changed` lists the ranges of the old text that were replaced (null:
 * unknown, e.g. a rewrite). Call inside `ydoc.transact(fn, origin)`.
 */
export function writeCanvasText(
  ydoc: Y.Doc,
  view: CanvasView,
  newText: string | (() => string),
  changed: readonly TextChange[] | null,
  language: string | null,
  rawHtml: RawHtml,
): WritePath {
  const fullText = typeof newText === "string" ? () => newText : newText;
  let options: ParseOptions | undefined;
  const nodes =
    view.kind === "code"
      ? codeNodes(view, fullText(), language)
      : documentNodes(view, fullText, changed, (md) => parseBlocks(md, (options ??= parseOptions(view, rawHtml))));
  const current = view.complete ? view.blocks : undefined;
  writeBlocks(ydoc, view.fragment, nodes.nodes.length ? nodes.nodes : [canvasSchema().nodes.paragraph!.create()], {
    current,
    reuseFrom: nodes.reuseFrom,
  });
  return nodes.path;
}

interface PlannedNodes {
  nodes: PMNode[];
  path: WritePath;
  reuseFrom?: CanvasView["blocks"];
}

function codeNodes(view: CanvasView, source: string, language: string | null): PlannedNodes {
  const only = view.blocks.length === 1 ? view.blocks[0]!.node : null;
  if (only && only.type.name === "codeBlock") {
    return { nodes: [codeBlockNode(source, (only.attrs.language as string | null) ?? language)], path: "blocks" };
  }
  const nodes: PMNode[] = [];
  sourceToDoc(source, language).forEach((node) => nodes.push(node));
  return { nodes, path: "full" };
}

function documentNodes(
  view: CanvasView,
  fullText: () => string,
  changed: readonly TextChange[] | null,
  parseBlocks: (md: string) => PMNode[],
): PlannedNodes {
  const { blocks } = view;
  if (!changed || !changed.length || !blocks.length) return { nodes: parseBlocks(fullText()), path: "full" };
  const nodes: PMNode[] = [];
  const reuseFrom: CanvasView["blocks"] = [];
  let next = 0; // the first old block not yet placed in `nodes`
  for (const region of editRegions(view, changed)) {
    const { first, last } = region;
    const lo = Math.max(0, first - 1);
    const hi = Math.min(blocks.length - 1, last + 1);
    const parsed = parseBlocks(regionText(view, region.changes, blocks[lo]!.from, blocks[hi]!.to));
    const left = lo < first ? parsed[0] : undefined;
    const right = hi > last && parsed.length > (left ? 1 : 0) ? parsed[parsed.length - 1] : undefined;
    const leftOk = lo === first || (left !== undefined && sameContext(left, blocks[lo]!.node));
    const rightOk = hi === last || (right !== undefined && sameContext(right, blocks[hi]!.node));
    if (!leftOk || !rightOk) return { nodes: parseBlocks(fullText()), path: "full" };
    for (let i = next; i < first; i++) nodes.push(blocks[i]!.node);
    // New blocks drop kept text the serialiser would write anyway (a small update); one that reappears
    // unchanged (a paragraph after a deleted one) stays as it was, so the writer keeps its Yjs items.
    const replaced = blocks.slice(first, last + 1).map((block) => block.node);
    const inner = parsed.slice(left ? 1 : 0, right ? parsed.length - 1 : parsed.length);
    nodes.push(...inner.map((node) => (replaced.some((old) => old.eq(node)) ? node : compactSource(node))));
    reuseFrom.push(...blocks.slice(first, last + 1));
    next = last + 1;
    if (right) {
      // The block after the edit is unchanged; only the blank lines before it may be new.
      const old = blocks[hi]!.node;
      nodes.push(keptGap(right) === keptGap(old) ? old : withGapOf(old, right));
      next = hi + 1;
    }
  }
  for (let i = next; i < blocks.length; i++) nodes.push(blocks[i]!.node);
  return { nodes, path: "blocks", reuseFrom };
}

/** The text of old range [from, to) after the changes inside it, read from the blocks there only. */
function regionText(view: CanvasView, changes: readonly TextChange[], from: number, to: number): string {
  const shifted = changes.map((change) => ({ ...change, from: change.from - from, to: change.to - from }));
  return applyChanges(viewSlice(view, from, to), shifted, 0, to - from);
}

/**
 * What parsing new text needs from the canvas: the link reference definitions (a slice uses them too),
 * and, for model-written text, the blocks people wrote, so their HTML stays theirs wherever it is re-parsed.
 */
function parseOptions(view: CanvasView, rawHtml: RawHtml): ParseOptions {
  const { blocks } = view;
  const definitions = blocks.filter((block) => block.node.type.name === "rawBlock" && block.text.includes("]:"));
  const options: ParseOptions = { rawHtml };
  if (definitions.length) options.references = definitions.map((block) => block.text).join("\n\n");
  if (rawHtml === "text") {
    // Asked about the few blocks a slice parses into: a scan by length per question costs less on a
    // long canvas than a set of every kept block's text (which hashes all of it).
    const answers = new Map<string, boolean>();
    options.trusted = {
      has: (source) => {
        let answer = answers.get(source);
        if (answer === undefined) answers.set(source, (answer = blocks.some((block) => keptAs(block, source))));
        return answer;
      },
    };
  }
  return options;
}

/** True when the block is a person's as parsed and its text (without blank lines before it) is `source`. */
function keptAs(block: CanvasView["blocks"][number], source: string): boolean {
  if (!block.kept || block.text.length < source.length) return false;
  const { text } = block;
  // Only text that starts with white space can lose blank lines before it.
  const code = text.charCodeAt(0);
  const printable = code > 32 && code < 127;
  if (text.length === source.length) return text === source && (printable || !LEADING_BLANK_LINES.test(text));
  return !printable && text.replace(LEADING_BLANK_LINES, "") === source;
}

const LEADING_BLANK_LINES = /^\s*\n/;

/**
 * True when a context block re-parsed from the slice is the block it stands for. A person's raw HTML
 * block re-parsed as model-written text (a paragraph of the same text) still is: it is kept, untouched.
 */
function sameContext(parsed: PMNode, old: PMNode): boolean {
  if (sameBlock(parsed, old)) return true;
  return old.type.name === "rawBlock" && parsed.type.name === "paragraph" && parsed.textContent === old.textContent;
}

/**
 * The changes grouped by the blocks they touch: changes whose blocks (with one block of context on each
 * side) overlap are re-parsed together; others apart, so nothing between them is re-parsed.
 */
function editRegions(
  view: CanvasView,
  changed: readonly TextChange[],
): { first: number; last: number; changes: TextChange[] }[] {
  const regions: { first: number; last: number; changes: TextChange[] }[] = [];
  for (const change of [...changed].sort((a, b) => a.from - b.from)) {
    const { first, last } = affectedBlocks(view, [change]);
    const previous = regions[regions.length - 1];
    // A region whose left context is one of the previous region's edited blocks is parsed with it; two
    // regions may share a context block (the first places it).
    if (previous && first - 1 <= previous.last) {
      previous.last = Math.max(previous.last, last);
      previous.first = Math.min(previous.first, first);
      previous.changes.push(change);
    } else regions.push({ first, last, changes: [change] });
  }
  return regions;
}

/** Indices of the first and last block a set of changed ranges touches (ranges in separators touch both neighbours). */
export function affectedBlocks(view: CanvasView, changed: readonly TextRange[]): { first: number; last: number } {
  let from = Infinity;
  let to = -Infinity;
  for (const range of changed) {
    from = Math.min(from, range.from);
    to = Math.max(to, range.to);
  }
  const { blocks } = view;
  // First block whose end reaches `from`; last block whose start is at or before `to`.
  let low = 0;
  let high = blocks.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (blocks[middle]!.to < from) low = middle + 1;
    else high = middle;
  }
  const first = low;
  low = 0;
  high = blocks.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (blocks[middle]!.from > to) high = middle - 1;
    else low = middle;
  }
  const last = low;
  return { first: Math.min(first, last), last: Math.max(first, last) };
}
