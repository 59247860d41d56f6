// The one reading of a canvas that every export format renders: a small block tree (headings,
// paragraphs, lists, task lists, quotes, code, tables, rules, images) with marked-up inline runs.
// Built from the canvas's ProseMirror document, so the three renderers (HTML, DOCX, PDF) agree on what
// a canvas says and none of them parses markdown again. Nodes it does not know (a schema added later)
// are kept as their plain text, never dropped.
import type { Node as PMNode } from "@tiptap/pm/model";
import { isSafeUrl } from "../../shared/markdown/index.ts";

export interface TextRun {
  kind: "text";
  text: string;
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  code?: boolean;
  /** Only safe URLs (http, https, mailto, tel, relative) survive. */
  href?: string;
}
export type Inline = TextRun | { kind: "break" };

export interface ListItem {
  /** null for a plain item, true/false for a task item. */
  checked: boolean | null;
  blocks: Block[];
}

export interface TableCell {
  header: boolean;
  inlines: Inline[];
}

export type Block =
  | { type: "heading"; level: 1 | 2 | 3 | 4 | 5 | 6; inlines: Inline[] }
  | { type: "paragraph"; inlines: Inline[] }
  | { type: "list"; ordered: boolean; start: number; items: ListItem[] }
  | { type: "quote"; blocks: Block[] }
  | { type: "code"; language: string | null; text: string }
  | { type: "table"; rows: TableCell[][] }
  | { type: "rule" }
  | { type: "image"; src: string; alt: string };

export interface ExportDocument {
  title: string;
  kind: "document" | "code";
  blocks: Block[];
}

/** The export model of a canvas document (or of a code canvas: its title and one code block). */
export function exportModel(
  doc: PMNode,
  meta: { title: string; kind: "document" | "code"; language: string | null },
): ExportDocument {
  if (meta.kind === "code") {
    return {
      title: meta.title,
      kind: "code",
      blocks: [
        { type: "heading", level: 1, inlines: [{ kind: "text", text: meta.title }] },
        { type: "code", language: meta.language, text: doc.textContent },
      ],
    };
  }
  return { title: meta.title, kind: "document", blocks: blocksOf(doc) };
}

function blocksOf(parent: PMNode): Block[] {
  const blocks: Block[] = [];
  parent.forEach((node) => blocks.push(...blockOf(node)));
  return blocks;
}

function blockOf(node: PMNode): Block[] {
  switch (node.type.name) {
    case "heading": {
      const level = Math.min(6, Math.max(1, Number(node.attrs.level) || 1)) as 1 | 2 | 3 | 4 | 5 | 6;
      return [{ type: "heading", level, inlines: inlinesOf(node) }];
    }
    case "paragraph":
      return [{ type: "paragraph", inlines: inlinesOf(node) }];
    case "bulletList":
    case "orderedList":
    case "taskList": {
      const items: ListItem[] = [];
      node.forEach((item) =>
        items.push({
          checked: item.type.name === "taskItem" ? item.attrs.checked === true : null,
          blocks: blocksOf(item),
        }),
      );
      const start = Number(node.attrs.start);
      return [
        {
          type: "list",
          ordered: node.type.name === "orderedList",
          start: Number.isFinite(start) && start > 0 ? start : 1,
          items,
        },
      ];
    }
    case "blockquote":
      return [{ type: "quote", blocks: blocksOf(node) }];
    case "codeBlock":
      return [{ type: "code", language: stringAttr(node.attrs.language), text: node.textContent }];
    case "table": {
      const rows: TableCell[][] = [];
      node.forEach((row) => {
        const cells: TableCell[] = [];
        row.forEach((cell) => cells.push({ header: cell.type.name === "tableHeader", inlines: cellInlines(cell) }));
        rows.push(cells);
      });
      return [{ type: "table", rows }];
    }
    case "horizontalRule":
      return [{ type: "rule" }];
    case "image": {
      const src = stringAttr(node.attrs.src) ?? "";
      return isSafeUrl(src, "image") && src ? [{ type: "image", src, alt: stringAttr(node.attrs.alt) ?? "" }] : [];
    }
    default:
      // A block this exporter does not know yet: its text, as written, rather than nothing.
      if (node.isTextblock) return [{ type: "paragraph", inlines: inlinesOf(node) }];
      if (node.isBlock && node.childCount > 0 && node.firstChild?.isBlock) return blocksOf(node);
      return node.textContent ? [{ type: "code", language: null, text: node.textContent }] : [];
  }
}

/** A table cell's paragraphs as one run list, separated by line breaks. */
function cellInlines(cell: PMNode): Inline[] {
  const inlines: Inline[] = [];
  cell.forEach((child, _offset, index) => {
    if (index > 0) inlines.push({ kind: "break" });
    inlines.push(...(child.isTextblock ? inlinesOf(child) : [{ kind: "text" as const, text: child.textContent }]));
  });
  return inlines;
}

function inlinesOf(block: PMNode): Inline[] {
  const inlines: Inline[] = [];
  block.forEach((child) => {
    if (child.type.name === "hardBreak") {
      inlines.push({ kind: "break" });
      return;
    }
    if (!child.isText) {
      // An inline image (or a node added later) becomes its alt text.
      const alt = stringAttr(child.attrs.alt);
      if (alt) inlines.push({ kind: "text", text: alt });
      return;
    }
    const run: TextRun = { kind: "text", text: child.text ?? "" };
    for (const mark of child.marks) {
      switch (mark.type.name) {
        case "bold":
          run.bold = true;
          break;
        case "italic":
          run.italic = true;
          break;
        case "strike":
          run.strike = true;
          break;
        case "code":
          run.code = true;
          break;
        case "link": {
          const href = stringAttr(mark.attrs.href);
          if (href && isSafeUrl(href, "link")) run.href = href;
          break;
        }
      }
    }
    inlines.push(run);
  });
  return inlines;
}

function stringAttr(value: unknown): string | null {
  return typeof value === "string" && value ? value : null;
}

/** Plain text of inline runs (for alt text, table widths, PDF outlines). */
export function plainInlines(inlines: Inline[]): string {
  return inlines.map((inline) => (inline.kind === "break" ? "\n" : inline.text)).join("");
}

/** A file name made from a canvas title. */
export function exportFilename(title: string, extension: string): string {
  const base = title.replace(/[^\w.-]+/g, "-").replace(/^-+|-+$/g, "") || "canvas";
  return `${base.slice(0, 80)}.${extension}`;
}
