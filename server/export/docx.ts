// DOCX export with the `docx` library: real Word headings (so the navigation pane and pandoc see the
// outline), real numbered and bulleted lists (each ordered list restarts at its own start number),
// tables with a header row, hyperlinks, and code as shaded monospace paragraphs. Images are not fetched
// (an export never reaches the network): they become links to their address.
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from "docx";
import type { Block, ExportDocument, Inline } from "./model.ts";

const BODY_FONT = "Calibri";
const CODE_FONT = "Consolas";
const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;
const ORDERED = "canvas-ordered";
/** Half-points, from Heading 1 to Heading 6. */
const HEADING_SIZES = [40, 32, 28, 24, 22, 22] as const;
const MAX_LEVEL = 8;

interface Context {
  /** Numbering instances handed out so far: each ordered list gets its own, so it restarts. */
  instances: number;
  quoteDepth: number;
}

type Child = Paragraph | Table;

export async function renderDocx(model: ExportDocument): Promise<Buffer> {
  const context: Context = { instances: 0, quoteDepth: 0 };
  const children = model.blocks.flatMap((block) => renderBlock(block, context, 0));
  const document = new Document({
    title: model.title,
    creator: "Canvas",
    description: `Exported from Canvas: ${model.title}`,
    styles: {
      default: { document: { run: { font: BODY_FONT, size: 22 }, paragraph: { spacing: { after: 120, line: 276 } } } },
      paragraphStyles: [
        { id: "Normal", name: "Normal", quickFormat: true },
        // A defined Normal style and explicit heading styles with outline levels: without them pandoc
        // (and Word's navigation pane) does not take a heading paragraph for a heading.
        ...HEADING_SIZES.map((size, index) => ({
          id: `Heading${index + 1}`,
          name: `Heading ${index + 1}`,
          basedOn: "Normal",
          next: "Normal",
          quickFormat: true,
          run: { bold: true, size, color: index < 2 ? "1F2328" : "24292F" },
          paragraph: {
            outlineLevel: index,
            keepNext: true,
            keepLines: true,
            spacing: { before: index ? 240 : 0, after: 120 },
          },
        })),
        // "Source Code" / "Verbatim Char" are the names pandoc and LibreOffice read as code.
        {
          id: "SourceCode",
          name: "Source Code",
          basedOn: "Normal",
          run: { font: CODE_FONT, size: 19 },
          paragraph: { spacing: { after: 0, line: 240 } },
        },
      ],
      characterStyles: [
        {
          id: "VerbatimChar",
          name: "Verbatim Char",
          run: { font: CODE_FONT, size: 20, shading: { type: ShadingType.CLEAR, color: "auto", fill: "F1F3F5" } },
        },
      ],
    },
    numbering: {
      config: [
        {
          reference: ORDERED,
          levels: Array.from({ length: MAX_LEVEL + 1 }, (_, level) => ({
            level,
            format: [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN][level % 3]!,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [{ children: children.length ? children : [new Paragraph("")] }],
  });
  return Packer.toBuffer(document);
}

function renderBlock(block: Block, context: Context, listLevel: number): Child[] {
  const indent = context.quoteDepth ? { left: 360 * context.quoteDepth } : undefined;
  const quoteBorder = context.quoteDepth
    ? { left: { style: BorderStyle.SINGLE, size: 18, color: "D0D7DE", space: 10 } }
    : undefined;
  const italicsInQuote = context.quoteDepth > 0;
  switch (block.type) {
    case "heading":
      return [
        new Paragraph({
          heading: HEADINGS[block.level - 1],
          children: runs(block.inlines, {}),
          indent,
          border: quoteBorder,
        }),
      ];
    case "paragraph":
      return [
        new Paragraph({ children: runs(block.inlines, { italics: italicsInQuote }), indent, border: quoteBorder }),
      ];
    case "list":
      return renderList(block, context, listLevel);
    case "quote": {
      context.quoteDepth++;
      try {
        return block.blocks.flatMap((inner) => renderBlock(inner, context, listLevel));
      } finally {
        context.quoteDepth--;
      }
    }
    case "code":
      return renderCode(block.text);
    case "table":
      return [renderTable(block.rows), new Paragraph({ children: [], spacing: { after: 120 } })];
    case "rule":
      return [
        new Paragraph({
          children: [],
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "D0D7DE", space: 1 } },
        }),
      ];
    case "image":
      return [
        new Paragraph({
          children: [
            new ExternalHyperlink({
              link: block.src,
              children: [new TextRun({ text: `[image: ${block.alt || block.src}]`, style: "Hyperlink" })],
            }),
          ],
        }),
      ];
    default:
      return block satisfies never;
  }
}

function renderList(block: Extract<Block, { type: "list" }>, context: Context, level: number): Child[] {
  const clamped = Math.min(level, MAX_LEVEL);
  const instance = block.ordered ? ++context.instances : 0;
  const out: Child[] = [];
  block.items.forEach((item) => {
    item.blocks.forEach((inner, index) => {
      if (index === 0 && inner.type === "paragraph") {
        const box = item.checked === null ? [] : [new TextRun({ text: item.checked ? "☑ " : "☐ " })];
        out.push(
          new Paragraph({
            children: [...box, ...runs(inner.inlines, {})],
            ...(block.ordered
              ? { numbering: { reference: ORDERED, level: clamped, instance } }
              : { bullet: { level: clamped } }),
          }),
        );
      } else out.push(...renderBlock(inner, context, level + 1));
    });
  });
  return out;
}

function renderCode(text: string): Paragraph[] {
  const lines = text.replace(/\n$/, "").split("\n");
  return lines.map(
    (line, index) =>
      new Paragraph({
        style: "SourceCode",
        shading: { type: ShadingType.CLEAR, color: "auto", fill: "F6F8FA" },
        // The last line keeps a gap below the block.
        spacing: index === lines.length - 1 ? { after: 160 } : undefined,
        // Leading spaces matter in code; Word collapses nothing inside a run, so keep them as they are.
        children: [new TextRun({ text: line || " ", font: CODE_FONT })],
      }),
  );
}

function renderTable(rows: Extract<Block, { type: "table" }>["rows"]): Table {
  const columns = Math.max(1, ...rows.map((row) => row.length));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (row, rowIndex) =>
        new TableRow({
          tableHeader: rowIndex === 0 && row.every((cell) => cell.header),
          children: Array.from({ length: columns }, (_, index) => {
            const cell = row[index];
            return new TableCell({
              shading: cell?.header ? { type: ShadingType.CLEAR, color: "auto", fill: "F6F8FA" } : undefined,
              margins: { top: 60, bottom: 60, left: 100, right: 100 },
              children: [new Paragraph({ children: cell ? runs(cell.inlines, { bold: cell.header }) : [] })],
            });
          }),
        }),
    ),
  });
}

function runs(inlines: Inline[], base: { bold?: boolean; italics?: boolean }): ParagraphChild[] {
  return inlines.map((inline) => {
    if (inline.kind === "break") return new TextRun({ break: 1 });
    const run = new TextRun({
      text: inline.text,
      bold: inline.bold || base.bold || undefined,
      italics: inline.italic || base.italics || undefined,
      strike: inline.strike || undefined,
      style: inline.href ? "Hyperlink" : inline.code ? "VerbatimChar" : undefined,
    });
    return inline.href ? new ExternalHyperlink({ link: inline.href, children: [run] }) : run;
  });
}
