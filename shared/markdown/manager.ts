// GitHub-flavoured markdown ⇄ canvas documents, through @tiptap/markdown with the shared extension list.
// A document is serialised block by block and joined with blank lines: that is what the library does
// for a whole document, and it lets the engine cache each top-level block's markdown.
import type { JSONContent } from "@tiptap/core";
import { MarkdownManager } from "@tiptap/markdown";
import { Fragment, type Node as PMNode } from "@tiptap/pm/model";
import { canvasExtensions, canvasSchema } from "../schema.ts";
import { sanitizeJson } from "./sanitize.ts";

let manager: MarkdownManager | null = null;

function markdownManager(): MarkdownManager {
  manager ??= new MarkdownManager({ extensions: canvasExtensions() });
  return manager;
}

/** Parse markdown into a document of the canvas schema. Never throws on any input string. */
export function parseMarkdown(md: string): PMNode {
  const schema = canvasSchema();
  const blocks = parseBlocks(md);
  return schema.topNodeType.create(null, blocks.length ? Fragment.fromArray(blocks) : schema.nodes.paragraph!.create());
}

/** Top-level blocks of `md`; empty for empty input (the engine rebuilds only the blocks an edit touches). */
export function parseBlocks(md: string): PMNode[] {
  // The library's tokenizer extensions rescan the rest of the input at every paragraph, which makes
  // parsing quadratic; long texts are parsed in pieces split where no construct can span the split.
  const pieces = md.length > CHUNK ? splitAtSafeBoundaries(md) : [md];
  return pieces.length > 1 ? pieces.flatMap(parsePiece) : parsePiece(md);
}

const CHUNK = 2_000;
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]]+\]:/m;

/**
 * Split before a blank-line-separated line that starts a paragraph or heading (a letter or "#"), outside
 * code fences: after a blank line such a line ends any list, quote or table, so the pieces parse to the
 * same blocks as the whole. Link reference definitions can reach across pieces: then no split.
 */
export function splitAtSafeBoundaries(md: string): string[] {
  if (REFERENCE_DEFINITION.test(md)) return [md];
  const pieces: string[] = [];
  let pieceStart = 0;
  let fence: string | null = null;
  let previousBlank = false;
  let lineStart = 0;
  while (lineStart < md.length) {
    let lineEnd = md.indexOf("\n", lineStart);
    if (lineEnd === -1) lineEnd = md.length;
    const line = md.slice(lineStart, lineEnd);
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (
      fence === null &&
      previousBlank &&
      lineStart - pieceStart >= CHUNK &&
      /^[A-Za-z#]/.test(line) &&
      !/^[A-Za-z0-9]+[.)] /.test(line)
    ) {
      // The blank line is the separator; left at a piece's end it would parse as an empty paragraph.
      pieces.push(md.slice(pieceStart, lineStart).replace(/\n[ \t]*\n$/, ""));
      pieceStart = lineStart;
    }
    if (fence === null && marker) fence = marker;
    else if (
      fence !== null &&
      marker &&
      marker[0] === fence[0] &&
      marker.length >= fence.length &&
      line.trim() === marker
    )
      fence = null;
    previousBlank = line.trim() === "";
    lineStart = lineEnd + 1;
  }
  pieces.push(md.slice(pieceStart));
  return pieces;
}

function parsePiece(md: string): PMNode[] {
  const schema = canvasSchema();
  let json: JSONContent[];
  try {
    json = sanitizeJson(schema, markdownManager().parse(defuseEmphasis(md))).content ?? [];
  } catch {
    json = plainTextJson(md);
  }
  return json.map((child) => blockFromJson(child));
}

function blockFromJson(json: JSONContent): PMNode {
  const schema = canvasSchema();
  try {
    const node = schema.nodeFromJSON(json);
    node.check();
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

function plainTextJson(md: string): JSONContent[] {
  return md
    .split(/\n{2,}/)
    .filter((part) => part.length > 0)
    .map((part) => ({ type: "paragraph", content: [{ type: "text", text: part }] }));
}

/** Markdown of one top-level block, without the blank lines some serialisers put around tables. */
export function serializeBlock(block: PMNode): string {
  const md = markdownManager().serialize({ type: "doc", content: [block.toJSON() as JSONContent] });
  return md.replace(/^\n+/, "").replace(/\n+$/, "");
}

export function serializeMarkdown(doc: PMNode): string {
  const parts: string[] = [];
  doc.forEach((block) => parts.push(serializeBlock(block)));
  return parts.join("\n\n");
}

/** More emphasis delimiters than any prose has in one piece: past this, `*` and `_` are taken literally. */
export const EMPHASIS_DELIMITER_BUDGET = 300;

/**
 * The parser's emphasis matching is worse than quadratic in unmatched `*`/`_` ("*a **b " repeated: 21 KB took
 * 8 s), so one pasted or generated block could stall the server. A piece with more delimiters than prose
 * ever has gets them escaped: its text is kept exactly, only its emphasis is lost. Code (fences, inline
 * code spans) and list markers at the start of a line are left alone.
 */
export function defuseEmphasis(md: string): string {
  let count = 0;
  for (let index = 0; index < md.length; index++) {
    const char = md[index];
    if ((char === "*" || char === "_") && md[index - 1] !== "\\") count++;
  }
  if (count <= EMPHASIS_DELIMITER_BUDGET) return md;
  let fence: string | null = null;
  return md
    .split("\n")
    .map((line) => {
      const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (fence !== null) {
        if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = null;
        return line;
      }
      if (marker) {
        fence = marker;
        return line;
      }
      const lead = /^\s*(?:[*_-]\s*){3,}$|^\s*[*+-]\s|^\s*/.exec(line)![0];
      const rest = line.slice(lead.length);
      // Inline code spans keep their characters; everything else gets its delimiters escaped.
      return (
        lead +
        rest
          .split(/(`+[^`]*`+)/)
          .map((part, index) => (index % 2 ? part : part.replace(/(?<!\\)([*_])/g, "\\$1")))
          .join("")
      );
    })
    .join("\n");
}
