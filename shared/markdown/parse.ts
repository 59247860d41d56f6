// Markdown → canvas blocks with markdown-it (CommonMark + GFM tables and strikethrough, linear in its
// input). Every top-level block remembers the exact text it was parsed from and the blank lines before
// it (the `markdown` attribute, see shared/markdown/source.ts), so a block nobody edits is written back
// byte for byte. What the schema cannot hold (raw HTML blocks, link reference definitions, footnote
// definitions, front matter) becomes a `rawBlock`: its text verbatim, shown as source, never as markup.
import type { JSONContent } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import markdownItFactory, { type MarkdownIt, type StateInline, type Token } from "markdown-it";
import { canvasSchema } from "../schema.ts";
import { NodeBuilder } from "./nodes.ts";
import { useCheapTokens } from "./parserStates.ts";
import { isSafeUrl, mentionsUnsafeScheme, sanitizeJson } from "./sanitize.ts";
import { withSource } from "./source.ts";

let parser: MarkdownIt | null = null;

/** The one markdown-it instance (exported for the tests that count its work). */
export function markdownParser(): MarkdownIt {
  if (parser) return parser;
  // Raw HTML is recognised (so it can be kept verbatim) but never rendered; bare URLs link as on GitHub.
  const created = new markdownItFactory("default", { html: true, linkify: true });
  created.linkify.set({ fuzzyLink: false, fuzzyEmail: false });
  // Every link is parsed (so a refused one keeps only its text); sanitize.ts decides which URLs stay.
  created.validateLink = () => true;
  created.helpers = { ...created.helpers, parseLinkLabel: boundedLinkLabel };
  useCheapTokens(created);
  parser = created;
  return created;
}

/** Longest link text looked for, as CommonMark bounds reference labels: a longer one is literal text. */
export const MAX_LINK_LABEL = 999;

/** Where the last "]" of an inline state's text is, by state (comparing the texts themselves costs more). */
const lastBrackets = new WeakMap<StateInline, number>();

/** Where the last "]" of a text is (found once per text, not once per "["). */
function lastClosingBracket(state: StateInline): number {
  let at = lastBrackets.get(state);
  if (at === undefined) {
    at = state.src.lastIndexOf("]");
    lastBrackets.set(state, at);
  }
  return at;
}

/**
 * markdown-it's link label scan with bounded cost: it gives up past MAX_LINK_LABEL characters and at
 * once when no "]" follows, so "[a" repeated (each "[" scanning to the end) is linear, not quadratic.
 */
function boundedLinkLabel(state: StateInline, start: number, disableNested?: boolean): number {
  const max = Math.min(state.posMax, start + 1 + MAX_LINK_LABEL);
  if (lastClosingBracket(state) <= start) return -1;
  const oldPos = state.pos;
  state.pos = start + 1;
  let level = 1;
  let found = false;
  while (state.pos < max) {
    const marker = state.src.charCodeAt(state.pos);
    if (marker === 0x5d /* ] */) {
      level--;
      if (level === 0) {
        found = true;
        break;
      }
    }
    const previous = state.pos;
    state.md.inline.skipToken(state);
    if (marker === 0x5b /* [ */) {
      if (previous === state.pos - 1) level++;
      else if (disableNested) {
        state.pos = oldPos;
        return -1;
      }
    }
  }
  const labelEnd = found ? state.pos : -1;
  state.pos = oldPos;
  return labelEnd;
}

/** The source of a document: CRLF and lone CR read as LF, as markdown-it does. */
export function normalizeNewlines(md: string): string {
  return md.includes("\r") ? md.replace(/\r\n?/g, "\n") : md;
}

/**
 * How raw HTML is taken. "keep": a person's file, whose HTML blocks stay verbatim (shown as source, never
 * rendered). "text": markdown the model wrote, which is untrusted: its HTML becomes plain text (the
 * serialiser escapes it), so the markdown the canvas exports never carries HTML the model wrote.
 */
export type RawHtml = "keep" | "text";

export interface ParseOptions {
  rawHtml?: RawHtml;
  /** Blocks (their exact markdown) a person wrote, kept as written even when `rawHtml` is "text". */
  trusted?: Pick<ReadonlySet<string>, "has">;
  /** Link reference definitions from the rest of the document, for parsing a slice of it. */
  references?: string;
}

/** Top-level blocks of `md`; empty for empty input. Never throws on any input string. */
export function parseBlocks(input: string, options: ParseOptions = {}): PMNode[] {
  const allHtml = (options.rawHtml ?? "keep") === "keep";
  const keepHtml = (source: string): boolean => allHtml || options.trusted?.has(source) === true;
  const md = normalizeNewlines(input);
  const lines = md.split("\n");
  const starts: number[] = new Array<number>(lines.length);
  for (let i = 0, offset = 0; i < lines.length; i++) {
    starts[i] = offset;
    offset += lines[i]!.length + 1;
  }
  const lineEnd = (line: number): number => starts[line]! + lines[line]!.length;
  const out: PMNode[] = [];
  let previousEnd = 0;
  const emit = (from: number, to: number, make: (source: string) => PMNode | PMNode[]): void => {
    const source = md.slice(starts[from]!, lineEnd(to - 1));
    const gap = md.slice(previousEnd, starts[from]!);
    // Blank lines before the first block are kept with its source (there is no gap before it to keep them in).
    const kept = out.length === 0 && /^\s*\n$/.test(gap) ? gap + source : source;
    previousEnd = lineEnd(to - 1);
    // A single node keeps its source; several (a block the schema had to reshape) are written from nodes.
    const made = make(source);
    const nodes = Array.isArray(made) ? made : [made];
    nodes.forEach((node, index) =>
      out.push(index === 0 ? withSource(node, Array.isArray(made) ? null : kept, gap) : node),
    );
  };
  // Link reference definitions (and lines like them): verbatim, unless model-written with a refused URL.
  const raw = (source: string): PMNode | PMNode[] =>
    keepHtml(source) || (definitionsAreSafe(source) && inert(source)) ? rawBlock(source) : [plainParagraph(source)];

  let bodyStart = 0;
  const frontMatter = frontMatterEnd(lines);
  if (frontMatter > 0) {
    emit(0, frontMatter, raw);
    bodyStart = frontMatter;
  }
  const body = bodyStart ? md.slice(starts[bodyStart] ?? md.length) : md;
  if (bodyStart >= lines.length) return out;
  let tokens: Token[];
  try {
    const env = {};
    if (options.references) markdownParser().parse(options.references, env);
    tokens = markdownParser().parse(body, env);
  } catch {
    tokens = [];
  }
  // Lines no block covers are blank (separators) or link reference definitions (kept verbatim).
  let covered = bodyStart;
  const uncovered = (until: number): void => {
    let line = covered;
    while (line < until) {
      if (isBlank(lines[line]!)) {
        line++;
        continue;
      }
      let end = line;
      while (end < until && !isBlank(lines[end]!)) end++;
      emit(line, end, raw);
      line = end;
    }
    covered = Math.max(covered, until);
  };
  for (let index = 0; index < tokens.length;) {
    const open = tokens[index]!;
    const close = open.nesting === 1 ? closingIndex(tokens, index) : index;
    const map = open.map;
    if (open.level === 0 && map) {
      const from = map[0] + bodyStart;
      let to = Math.min(map[1] + bodyStart, lines.length);
      while (to > from + 1 && isBlank(lines[to - 1]!)) to--;
      uncovered(from);
      if (to > from) {
        const slice = tokens.slice(index, close + 1);
        emit(from, to, (source) =>
          keepHtml(source) && isRaw(open, source) ? rawBlock(source) : blockNodes(slice, source, keepHtml(source)),
        );
        covered = Math.max(covered, to);
      }
    }
    index = close + 1;
  }
  uncovered(lines.length);
  return out;
}

/** An HTML block, or a footnote definition ("[^1]: text"; link reference definitions never reach here). */
function isRaw(open: Token, source: string): boolean {
  return open.type === "html_block" || (open.type === "paragraph_open" && /^ {0,3}\[\^[^\]\s]+\]:/.test(source));
}

/** YAML (`---`) or TOML (`+++`) front matter at the very start: the index of the line after it, or 0. */
function frontMatterEnd(lines: readonly string[]): number {
  const fence = lines[0];
  if (fence !== "---" && fence !== "+++") return 0;
  // Bounded: front matter is short; a document that merely starts with a rule is not scanned to its end.
  const limit = Math.min(lines.length, 500);
  let keyed = false; // "---\nFoo\n---" is a rule and a setext heading, not front matter
  for (let i = 1; i < limit; i++) {
    const line = lines[i]!;
    if (line === fence || (fence === "---" && line === "...")) return keyed ? i + 1 : 0;
    if (/^[A-Za-z0-9_"'-][^:=]*\s*[:=]/.test(line)) keyed = true;
  }
  return 0;
}

function isBlank(line: string): boolean {
  return /^[ \t]*$/.test(line);
}

function closingIndex(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    depth += tokens[i]!.nesting;
    if (depth === 0) return i;
  }
  return tokens.length - 1;
}

function plainParagraph(text: string): PMNode {
  const schema = canvasSchema();
  return schema.nodes.paragraph!.create(null, text ? schema.text(text) : null);
}

/** Markdown with nothing tag-like and no refused URL scheme in it: safe to keep verbatim whoever wrote it. */
function inert(source: string): boolean {
  return !/<[A-Za-z/!?]/.test(source) && !mentionsUnsafeScheme(source);
}

/** True when every URL the definitions in `source` give is one sanitising allows. */
function definitionsAreSafe(source: string): boolean {
  return source
    .split("\n")
    .every((line) => isSafeUrl(/^ {0,3}\[[^\]]*\]:\s*<?([^\s>]*)/.exec(line)?.[1] ?? "", "link"));
}

export function rawBlock(text: string): PMNode {
  const schema = canvasSchema();
  return schema.nodes.rawBlock!.create(null, text ? schema.text(text) : null);
}

/**
 * One top-level block's tokens as canvas nodes: one node keeps its source; a block the schema would have
 * to split (an image inside a paragraph) is a raw block; one with a script-capable link or image (which
 * sanitising drops) comes back as an array of sanitised nodes, written from the nodes when exported.
 */
function blockNodes(tokens: readonly Token[], source: string, keepHtml: boolean): PMNode | PMNode[] {
  const converter = new Converter(tokens, keepHtml);
  const json = converter.blocks(0, tokens.length, true);
  // Model-written HTML is text in the canvas and escaped in its markdown: no source that carries it, nor
  // one that could say more than its nodes (a table row's extra cells and a definition inside a quote
  // parse to nothing) where that could be markup or a script URL. Its tables are written from nodes.
  if (!keepHtml && (converter.hasHtml || !inert(source) || json[0]?.type === "table")) {
    return (sanitizeJson(canvasSchema(), { type: "doc", content: json }).content ?? []).map(blockFromJson);
  }
  // The converter writes the schema's shape; only images (blocks in the canvas) and URLs need sanitising.
  if (!converter.hasImage && !converter.hasUnsafeUrl) {
    return json.length === 1 ? blockFromJson(json[0]!) : json.map(blockFromJson);
  }
  const nodes = (sanitizeJson(canvasSchema(), { type: "doc", content: json }).content ?? []).map(blockFromJson);
  // A kept source must not carry what sanitising removed (a script-capable link or image).
  if (converter.hasUnsafeUrl) return nodes;
  // Text with images in it (a row of badges, an icon in a sentence): the canvas holds images as blocks
  // only, so the paragraph is kept as written, as source.
  return nodes.length === 1 ? nodes[0]! : rawBlock(source);
}

let builder: NodeBuilder | null = null;

function blockFromJson(json: JSONContent): PMNode {
  const schema = canvasSchema();
  builder ??= new NodeBuilder(schema);
  try {
    const node = builder.node(json);
    if (node.isBlock) return node;
  } catch {
    // fall through: what the schema refuses becomes its plain text
  }
  const text = textOf(json);
  return schema.nodes.paragraph!.create(null, text ? schema.text(text) : null);
}

function textOf(json: JSONContent): string {
  if (typeof json.text === "string") return json.text;
  return (json.content ?? []).map(textOf).join("");
}

type Marks = NonNullable<JSONContent["marks"]>;

// One object per mark without attributes: the node builder makes each mark (and each set) once.
const CODE = Object.freeze({ type: "code" });
const ITALIC = Object.freeze({ type: "italic" });
const BOLD = Object.freeze({ type: "bold" });
const STRIKE = Object.freeze({ type: "strike" });

/** markdown-it's token stream as the canvas schema's JSON. */
class Converter {
  /** What sanitising acts on: an image (a block in the canvas), a link or image with a refused URL. */
  hasImage = false;
  hasUnsafeUrl = false;
  /** Raw HTML was met (an HTML block, inline HTML). */
  hasHtml = false;
  /** Link marks of this block by target. */
  private readonly links = new Map<string, Marks[number]>();

  constructor(
    private readonly tokens: readonly Token[],
    private readonly keepHtml: boolean,
  ) {}

  /** Blocks between token indices [from, to). */
  blocks(from: number, to: number, topLevel: boolean): JSONContent[] {
    const out: JSONContent[] = [];
    for (let i = from; i < to;) {
      const token = this.tokens[i]!;
      const close = token.nesting === 1 ? closingIndex(this.tokens, i) : i;
      const block = this.block(i, close, topLevel);
      if (block) out.push(block);
      i = close + 1;
    }
    return out;
  }

  private block(open: number, close: number, topLevel: boolean): JSONContent | null {
    const token = this.tokens[open]!;
    switch (token.type) {
      case "paragraph_open":
        return { type: "paragraph", content: this.inlineBetween(open, close) };
      case "heading_open":
        return {
          type: "heading",
          attrs: { level: Number(token.tag.slice(1)) || 1 },
          content: this.inlineBetween(open, close),
        };
      case "blockquote_open":
        return { type: "blockquote", content: this.nonEmpty(this.blocks(open + 1, close, false)) };
      case "bullet_list_open":
        return this.bulletList(open, close);
      case "ordered_list_open": {
        const start = Number(token.attrGet("start") ?? 1);
        return {
          type: "orderedList",
          attrs: { start: Number.isFinite(start) ? start : 1, type: null },
          content: this.items(open, close, "listItem"),
        };
      }
      case "fence": {
        const language = token.info.trim().split(/\s+/)[0] || null;
        return codeBlock(token.content, language);
      }
      case "code_block":
        return codeBlock(token.content, null);
      case "hr":
        return { type: "horizontalRule" };
      case "html_block": {
        this.hasHtml = true;
        const text = token.content.replace(/\n+$/, "");
        return topLevel && this.keepHtml
          ? { type: "rawBlock", content: text ? [{ type: "text", text }] : [] }
          : { type: "paragraph", content: text ? [{ type: "text", text }] : [] };
      }
      case "table_open":
        return this.table(open, close);
      default:
        return null;
    }
  }

  private nonEmpty(blocks: JSONContent[]): JSONContent[] {
    return blocks.length ? blocks : [{ type: "paragraph" }];
  }

  private inlineBetween(open: number, close: number): JSONContent[] {
    const out: JSONContent[] = [];
    for (let i = open + 1; i < close; i++) {
      const token = this.tokens[i]!;
      if (token.type !== "inline") continue;
      for (const child of token.children ?? []) {
        if (child.type === "html_inline") this.hasHtml = true;
        else if (child.type === "image") {
          this.hasImage = true;
          if (!safeUrl(child.attrGet("src"), "image")) this.hasUnsafeUrl = true;
        } else if (child.type === "link_open" && !safeUrl(child.attrGet("href"), "link")) {
          this.hasUnsafeUrl = true;
        }
      }
      for (const node of inline(token.children ?? [], this.links)) out.push(node);
    }
    return out;
  }

  /** Child index ranges [open, close] of the tokens directly inside [open, close]. */
  private children(open: number, close: number): [number, number][] {
    const ranges: [number, number][] = [];
    for (let i = open + 1; i < close;) {
      const end = this.tokens[i]!.nesting === 1 ? closingIndex(this.tokens, i) : i;
      ranges.push([i, end]);
      i = end + 1;
    }
    return ranges;
  }

  private items(open: number, close: number, type: "listItem"): JSONContent[] {
    return this.children(open, close).map(([from, to]) => ({
      type,
      content: this.nonEmpty(this.blocks(from + 1, to, false)),
    }));
  }

  private bulletList(open: number, close: number): JSONContent {
    const items = this.items(open, close, "listItem");
    const tasks = items.map(taskState);
    if (items.length && tasks.every((state) => state !== null)) {
      return {
        type: "taskList",
        content: items.map((item, index) => ({
          type: "taskItem",
          attrs: { checked: tasks[index] },
          content: stripTaskMarker(item.content ?? []),
        })),
      };
    }
    return { type: "bulletList", content: items };
  }

  private table(open: number, close: number): JSONContent {
    const rows: JSONContent[] = [];
    for (let i = open + 1; i < close; i++) {
      if (this.tokens[i]!.type !== "tr_open") continue;
      const end = closingIndex(this.tokens, i);
      const cells: JSONContent[] = [];
      for (let from = i + 1; from < end;) {
        const cell = this.tokens[from]!;
        const to = cell.nesting === 1 ? closingIndex(this.tokens, from) : from;
        const content = this.inlineBetween(from, to);
        cells.push({
          type: cell.type === "th_open" ? "tableHeader" : "tableCell",
          attrs: cellAttrs(cell),
          content: [content.length ? { type: "paragraph", content } : { type: "paragraph" }],
        });
        from = to + 1;
      }
      rows.push({ type: "tableRow", content: cells });
      i = end;
    }
    return { type: "table", content: rows };
  }
}

type CellAttrs = { colspan: number; rowspan: number; colwidth: null; align: string | null };

/** Cell attributes by the style markdown-it gives a cell: one object each (see nodes.ts), never changed. */
const CELL_ATTRS = new Map<string, Readonly<CellAttrs>>();

function cellAttrs(cell: Token): Readonly<CellAttrs> {
  const style = String(cell.attrGet("style") ?? "");
  let attrs = CELL_ATTRS.get(style);
  if (!attrs) {
    const align = /text-align:(left|right|center)/.exec(style)?.[1] ?? null;
    attrs = Object.freeze({ colspan: 1, rowspan: 1, colwidth: null, align });
    // markdown-it writes only the three alignments; anything else is not kept.
    if (CELL_ATTRS.size < 16) CELL_ATTRS.set(style, attrs);
  }
  return attrs;
}

function codeBlock(content: string, language: string | null): JSONContent {
  const text = content.replace(/\n$/, "");
  return { type: "codeBlock", attrs: { language }, content: text ? [{ type: "text", text }] : [] };
}

const TASK = /^\[([ xX])\](?=[ \t]|$)[ \t]?/;

function taskState(item: JSONContent): boolean | null {
  const first = item.content?.[0];
  const text = first?.type === "paragraph" ? first.content?.[0] : undefined;
  if (!text || typeof text.text !== "string" || text.marks?.length) return null;
  const match = TASK.exec(text.text);
  return match ? match[1] !== " " : null;
}

function stripTaskMarker(blocks: JSONContent[]): JSONContent[] {
  const [first, ...rest] = blocks;
  const [text, ...inlines] = first!.content ?? [];
  const stripped = (text!.text ?? "").replace(TASK, "");
  const content = stripped ? [{ ...text, text: stripped }, ...inlines] : inlines;
  return [{ ...first, content }, ...rest];
}

/** Inline tokens as text nodes with marks (links, emphasis, code), hard breaks and images. */
function inline(tokens: readonly Token[], links: Map<string, Marks[number]>): JSONContent[] {
  const writer = new InlineWriter();
  for (const token of tokens) {
    switch (token.type) {
      case "text":
      case "text_special":
      case "html_inline":
        writer.text(token.content);
        break;
      case "softbreak":
        writer.text("\n");
        break;
      case "hardbreak":
        writer.out.push({ type: "hardBreak" });
        break;
      case "code_inline":
        writer.push(CODE);
        writer.text(token.content);
        writer.pop("code");
        break;
      case "em_open":
        writer.push(ITALIC);
        break;
      case "strong_open":
        writer.push(BOLD);
        break;
      case "s_open":
        writer.push(STRIKE);
        break;
      case "em_close":
        writer.pop("italic");
        break;
      case "strong_close":
        writer.pop("bold");
        break;
      case "s_close":
        writer.pop("strike");
        break;
      case "link_open": {
        if (!safeUrl(token.attrGet("href"), "link")) break; // its text stays, plain
        const href = token.attrGet("href") ?? "";
        const title = token.attrGet("title") ?? null;
        // One mark object per link target in a block ("[a]" repeated): the node builder makes it once.
        const key = title === null ? String(href) : `${href}\u0000${title}`; // markdown-it turns NUL into U+FFFD
        let mark = links.get(key);
        if (!mark) {
          mark = {
            type: "link",
            attrs: { href, target: "_blank", rel: "noopener noreferrer nofollow", class: null, title },
          };
          links.set(key, mark);
        }
        writer.push(mark);
        break;
      }
      case "link_close":
        writer.pop("link");
        break;
      case "image":
        if (!safeUrl(token.attrGet("src"), "image")) break;
        writer.out.push({
          type: "image",
          attrs: {
            src: token.attrGet("src") ?? "",
            alt: plainText(token.children ?? []),
            title: token.attrGet("title") ?? null,
            width: null,
            height: null,
          },
        });
        break;
      default:
        if (token.content) writer.text(token.content);
    }
  }
  return writer.out;
}

/** Text nodes under a stack of open marks; text under the same marks runs together. */
class InlineWriter {
  readonly out: JSONContent[] = [];
  private readonly marks: Marks = [];
  /** The marks of the text made since the stack last changed: text nodes share it (see nodes.ts). */
  private snapshot: Marks | null = null;

  text(value: string): void {
    if (!value) return;
    const previous = this.out[this.out.length - 1];
    if (previous && previous.type === "text" && sameMarks(previous.marks, this.marks)) previous.text += value;
    else if (this.marks.length)
      this.out.push({ type: "text", text: value, marks: (this.snapshot ??= [...this.marks]) });
    else this.out.push({ type: "text", text: value });
  }

  push(mark: Marks[number]): void {
    this.marks.push(mark);
    this.snapshot = null;
  }

  pop(type: string): void {
    const marks = this.marks;
    for (let i = marks.length - 1; i >= 0; i--) {
      if (marks[i]!.type === type) {
        marks.splice(i, 1);
        this.snapshot = null;
        return;
      }
    }
  }
}

/**
 * A URL as markdown-it gives it is percent-encoded ("java\tscript:" becomes "java%09script:"): it is
 * checked both as given and decoded, as a browser or another renderer of the exported markdown reads it.
 */
function safeUrl(url: string | number | null, kind: "link" | "image"): boolean {
  const given = String(url ?? "");
  const cache = kind === "link" ? safeLinks : safeImages;
  let safe = cache.get(given);
  if (safe === undefined) {
    if (cache.size >= SAFE_URL_CACHE) cache.clear();
    safe = checkUrl(given, kind);
    cache.set(given, safe);
  }
  return safe;
}

/** URLs checked lately (a document links the same few targets again and again), by kind. */
const safeLinks = new Map<string, boolean>();
const safeImages = new Map<string, boolean>();
const SAFE_URL_CACHE = 1000;

function checkUrl(given: string, kind: "link" | "image"): boolean {
  let decoded = given;
  try {
    decoded = decodeURIComponent(given);
  } catch {
    // a malformed escape: checked as given
  }
  // Decoded, only its scheme matters ("%22" is a quote in a query, not markup).
  return isSafeUrl(given, kind) && isSafeUrl(decoded.replace(/[<>"`]/g, ""), kind);
}

function plainText(tokens: readonly Token[]): string {
  return tokens.map((token) => (token.children ? plainText(token.children) : token.content)).join("");
}

function sameMarks(a: Marks | undefined, b: Marks): boolean {
  const left = a ?? [];
  // Marks come from one stack: the same mark is the same object.
  return left.length === b.length && left.every((mark, i) => mark === b[i]);
}
