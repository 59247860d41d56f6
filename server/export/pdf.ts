// PDF export with pdfmake (layout, tables, lists, links, page numbers on top of pdfkit), set in DejaVu
// Sans / Sans Mono, embedded: they cover Latin with every accent, Greek, Cyrillic, Hebrew, Armenian,
// Georgian and many symbols, so a text in those scripts exports as written. (CJK needs a font of its
// own, ~10 MB: not bundled.) pdfmake may read URLs and local files for images and fonts: both are
// switched off, fonts are loaded into its in-memory file system, so an export reads nothing a canvas names.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import pdfmake, { type PdfContent, type PdfFontFamily, type PdfNode } from "pdfmake";
import type { Block, ExportDocument, Inline } from "./model.ts";

const HEADING_SIZES = [22, 17, 14, 12, 11, 10.5] as const;
const CODE_SIZE = 8.5;
/** Width of the text area on A4 with the margins below, in points. */
const TEXT_WIDTH = 595.28 - 2 * 56;

let fontsReady = false;

function loadFonts(): void {
  if (fontsReady) return;
  const dir = join(dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
  // Fonts go through pdfmake's in-memory file system: the local-file policy below then denies every path.
  const load = (name: string) => {
    pdfmake.virtualfs.writeFileSync(name, readFileSync(join(dir, name)));
    return name;
  };
  const fonts: Record<string, PdfFontFamily> = {
    DejaVuSans: {
      normal: load("DejaVuSans.ttf"),
      bold: load("DejaVuSans-Bold.ttf"),
      italics: load("DejaVuSans-Oblique.ttf"),
      bolditalics: load("DejaVuSans-BoldOblique.ttf"),
    },
    DejaVuMono: {
      normal: load("DejaVuSansMono.ttf"),
      bold: load("DejaVuSansMono-Bold.ttf"),
      italics: load("DejaVuSansMono-Oblique.ttf"),
      bolditalics: load("DejaVuSansMono-BoldOblique.ttf"),
    },
  };
  pdfmake.setFonts(fonts);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  fontsReady = true;
}

export async function renderPdf(model: ExportDocument): Promise<Buffer> {
  loadFonts();
  const definition: PdfNode = {
    info: { title: model.title, creator: "Canvas", producer: "Canvas (pdfmake)" },
    pageSize: "A4",
    pageMargins: [56, 56, 56, 60],
    defaultStyle: { font: "DejaVuSans", fontSize: 10.5, lineHeight: 1.3, color: "#1f2328" },
    content: model.blocks.map((block) => renderBlock(block)),
    footer: (page: number, pages: number): PdfNode => ({
      text: `${page} / ${pages}`,
      alignment: "center",
      fontSize: 8,
      color: "#6e7781",
      margin: [0, 24, 0, 0],
    }),
  };
  return pdfmake.createPdf(definition).getBuffer();
}

function renderBlock(block: Block, inList = false): PdfContent {
  switch (block.type) {
    case "heading":
      return {
        text: inlines(block.inlines),
        fontSize: HEADING_SIZES[block.level - 1],
        bold: true,
        lineHeight: 1.15,
        margin: [0, block.level === 1 ? 4 : 14, 0, 6],
        headlineLevel: block.level,
        // A heading is never the last line of a page.
        keepWithHeaderRows: 1,
      };
    case "paragraph":
      return { text: inlines(block.inlines), margin: [0, 0, 0, inList ? 2 : 8] };
    case "list": {
      const task = block.items.some((item) => item.checked !== null);
      const items = block.items.map((item) => {
        const content = item.blocks.map((inner, index) => {
          const rendered = renderBlock(inner, true);
          if (index !== 0 || item.checked === null || inner.type !== "paragraph") return rendered;
          return { text: [{ text: item.checked ? "☑ " : "☐ " }, ...inlines(inner.inlines)], margin: [0, 0, 0, 2] };
        });
        return content.length === 1 ? content[0]! : { stack: content };
      });
      if (task) return { ul: items, type: "none", margin: [0, 0, 0, 8] };
      return block.ordered
        ? { ol: items, start: block.start, margin: [0, 0, 0, 8] }
        : { ul: items, margin: [0, 0, 0, 8] };
    }
    case "quote":
      return {
        table: {
          widths: ["*"],
          body: [[{ stack: block.blocks.map((inner) => renderBlock(inner)), color: "#57606a" }]],
        },
        layout: {
          hLineWidth: () => 0,
          vLineWidth: (index: number) => (index === 0 ? 3 : 0),
          vLineColor: () => "#d0d7de",
          paddingLeft: () => 10,
        },
        margin: [0, 0, 0, 8],
      };
    case "code":
      return {
        table: {
          widths: ["*"],
          body: [
            [
              {
                text: block.text.replace(/\n$/, "") || " ",
                font: "DejaVuMono",
                fontSize: CODE_SIZE,
                lineHeight: 1.25,
                preserveLeadingSpaces: true,
              },
            ],
          ],
        },
        layout: {
          fillColor: () => "#f6f8fa",
          hLineColor: () => "#e5e7eb",
          vLineColor: () => "#e5e7eb",
          paddingLeft: () => 8,
          paddingRight: () => 8,
          paddingTop: () => 6,
          paddingBottom: () => 6,
        },
        margin: [0, 0, 0, 10],
      };
    case "table": {
      const columns = Math.max(1, ...block.rows.map((row) => row.length));
      const headerRows = block.rows[0]?.every((cell) => cell.header) ? 1 : 0;
      return {
        table: {
          headerRows,
          widths: Array.from({ length: columns }, () => "*"),
          body: block.rows.map((row) =>
            Array.from({ length: columns }, (_, index) => {
              const cell = row[index];
              return cell
                ? { text: inlines(cell.inlines), bold: cell.header, fillColor: cell.header ? "#f6f8fa" : undefined }
                : "";
            }),
          ),
        },
        layout: {
          hLineColor: () => "#d0d7de",
          vLineColor: () => "#d0d7de",
          paddingLeft: () => 5,
          paddingRight: () => 5,
          paddingTop: () => 3,
          paddingBottom: () => 3,
        },
        fontSize: 9.5,
        margin: [0, 2, 0, 10],
      };
    }
    case "rule":
      return {
        canvas: [{ type: "line", x1: 0, y1: 0, x2: TEXT_WIDTH, y2: 0, lineWidth: 0.6, lineColor: "#d0d7de" }],
        margin: [0, 6, 0, 12],
      };
    case "image":
      return { text: `[image: ${block.alt || block.src}]`, link: block.src, color: "#0b57d0", margin: [0, 0, 0, 8] };
    default:
      return block satisfies never;
  }
}

function inlines(list: Inline[]): PdfNode[] {
  return list.map((inline) => {
    if (inline.kind === "break") return { text: "\n" };
    const node: PdfNode = { text: inline.text };
    if (inline.bold) node.bold = true;
    if (inline.italic) node.italics = true;
    if (inline.strike) node.decoration = "lineThrough";
    if (inline.code) {
      node.font = "DejaVuMono";
      node.fontSize = 9;
      node.background = "#eff1f3";
    }
    if (inline.href) {
      node.link = inline.href;
      node.color = "#0b57d0";
      node.decoration = inline.strike ? ["underline", "lineThrough"] : "underline";
    }
    return node;
  });
}
