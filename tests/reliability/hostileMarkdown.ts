// Hostile model output, shared by the fuzz test: markdown payloads meant to smuggle executable HTML
// or script URLs into a canvas, and independent checks that none got through (written apart from
// the sanitiser on purpose, so the sanitiser is not checked against itself).
import fc from "fast-check";
import type { Node as PMNode } from "@tiptap/pm/model";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import * as Y from "yjs";

export const HOSTILE_SNIPPETS = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
  '<iframe src="javascript:alert(1)"></iframe>',
  '<img src=x onerror="alert(1)">',
  '<a href="javascript:alert(1)">click</a>',
  "<style>body{display:none}</style>",
  "<svg onload=alert(1)>",
  "<math><mtext><script>alert(1)</script>",
  '<object data="data:text/html,<script>alert(1)</script>"></object>',
  "<!-- a comment --> <div onclick=alert(1)>div</div>",
  "[click](javascript:alert(1))",
  "[click](JaVaScRiPt:alert(1))",
  "[click](<java\tscript:alert(1)>)",
  "[click](&#106;avascript:alert(1))",
  "[click](&#x6A;avascript:alert(1))",
  "[click](javascript&colon;alert(1))",
  "[click]( javascript:alert(1) 'title')",
  "[x](vbscript:msgbox(1))",
  "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "![img](data:image/svg+xml;base64,PHN2Zy8+)",
  "![img](javascript:alert(1))",
  "![img](VBScript:x)",
  "<javascript:alert(1)>",
  "<data:text/html,hi>",
  "[ref][r]\n\n[r]: javascript:alert(1)",
  "![ref][r2]\n\n[r2]: data:image/png;base64,AAAA",
  "[ok](https://example.com) and ![ok](https://example.com/a.png)",
  "`<script>inline code</script>`",
  "```html\n<script>alert('in a code block')</script>\n```",
  "- [ ] task <b>bold</b>\n- [x] done <i onmouseover=alert(1)>i</i>",
  "| a | <script>x</script> |\n|---|---|\n| [l](javascript:1) | ![i](data:x) |",
  "\u0000NUL\u0000 in text",
  "RTL \u202Egnirts\u202C and zero\u200Bwidth",
  "emoji 👩‍👩‍👧‍👦, combining e\u0301, astral 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
  "\\<script>escaped\\</script>",
  "&lt;script&gt;entities&lt;/script&gt;",
];

const table = fc
  .record({
    rows: fc.integer({ min: 1, max: 12 }),
    cols: fc.integer({ min: 1, max: 8 }),
    cell: fc.constantFrom("x", "<b>", "[l](javascript:1)", "|", "long cell ".repeat(5)),
  })
  .map(({ rows, cols, cell }) => markdownTable(rows, cols, cell));

const nesting = fc
  .record({ depth: fc.integer({ min: 1, max: 40 }), marker: fc.constantFrom("- ", "> ", "1. ", "> - ", "- [ ] ") })
  .map(({ depth, marker }) => nestedMarkdown(depth, marker));

/** A GFM table of `rows` × `cols` cells holding `cell`. */
export function markdownTable(rows: number, cols: number, cell: string): string {
  const line = (value: string) => `| ${Array.from({ length: cols }, () => value.replace("|", "\\|")).join(" | ")} |`;
  return [line("h"), `|${" --- |".repeat(cols)}`, ...Array.from({ length: rows }, () => line(cell))].join("\n");
}

/** Lists or quotes nested `depth` levels deep. */
export function nestedMarkdown(depth: number, marker: string): string {
  const quote = marker === "> ";
  return Array.from(
    { length: depth },
    (_, level) => `${"  ".repeat(quote ? 0 : level)}${marker.repeat(quote ? level + 1 : 1)}item ${level}`,
  ).join("\n");
}

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_SNIPPETS) },
  { weight: 1, arbitrary: table },
  { weight: 1, arbitrary: nesting },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom("# Title", "Plain words here.", "**bold** _em_ ~~s~~", "---", "1. one\n2. two"),
  },
);

/** A markdown document assembled from hostile pieces, sometimes glued without blank lines. */
export const hostileMarkdown: fc.Arbitrary<string> = fc
  .tuple(fc.array(piece, { minLength: 1, maxLength: 4 }), fc.constantFrom("\n\n", "\n", " ", ""))
  .map(([pieces, glue]) => pieces.join(glue));

const DANGEROUS_SCHEME = /^(javascript|data|vbscript):/;
const NAMED_ENTITIES: Record<string, string> = { colon: ":", tab: "\t", newline: "\n", lpar: "(", rpar: ")" };

/** True when a browser would treat the URL as javascript:, data: or vbscript:. */
export function isDangerousUrl(url: string): boolean {
  const decoded = url
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16) % 0x110000))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number.parseInt(dec, 10) % 0x110000))
    .replace(/&([a-z]+);?/gi, (whole, name: string) => NAMED_ENTITIES[name.toLowerCase()] ?? whole);
  // eslint-disable-next-line no-control-regex
  const compact = decoded.replace(/[\u0000-\u0020\u007f-\u009f\s]/g, "").toLowerCase();
  return DANGEROUS_SCHEME.test(compact);
}

const URL_ATTRIBUTES = ["href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "background"];

/** Problems in a ProseMirror doc: unknown node types, dangerous link or image URLs. */
export function pmProblems(doc: PMNode, allowedNodes: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  doc.descendants((node) => {
    if (!allowedNodes.has(node.type.name)) problems.push(`node ${node.type.name}`);
    for (const name of URL_ATTRIBUTES) {
      const value: unknown = node.attrs[name];
      if (typeof value === "string" && isDangerousUrl(value)) problems.push(`${node.type.name}[${name}=${value}]`);
    }
    for (const mark of node.marks) {
      const href: unknown = mark.attrs.href;
      if (typeof href === "string" && isDangerousUrl(href)) problems.push(`mark ${mark.type.name}[href=${href}]`);
    }
    return true;
  });
  return problems;
}

/** Problems in a Y.XmlFragment as stored in the room: element names outside the schema, dangerous URLs in attributes or marks. */
export function fragmentProblems(fragment: Y.XmlFragment, allowedNodes: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const checkAttributes = (where: string, attributes: Record<string, unknown>): void => {
    for (const [name, value] of Object.entries(attributes)) {
      if (typeof value === "string" && URL_ATTRIBUTES.includes(name.toLowerCase()) && isDangerousUrl(value))
        problems.push(`${where}[${name}=${value}]`);
      if (/^on/i.test(name)) problems.push(`${where}[${name}]`);
      if (value && typeof value === "object") checkAttributes(`${where}.${name}`, value as Record<string, unknown>);
    }
  };
  const walk = (node: Y.XmlElement | Y.XmlText | Y.XmlHook | Y.XmlFragment): void => {
    if (node instanceof Y.XmlText) {
      for (const op of node.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
        if (op.attributes) checkAttributes("text", op.attributes);
      }
      return;
    }
    if (node instanceof Y.XmlElement) {
      if (!allowedNodes.has(node.nodeName)) problems.push(`element <${node.nodeName}>`);
      checkAttributes(node.nodeName, node.getAttributes() as Record<string, unknown>);
    }
    if (node instanceof Y.XmlElement || node instanceof Y.XmlFragment) for (const child of node.toArray()) walk(child);
  };
  walk(fragment);
  return problems;
}

interface MdNode {
  type: string;
  url?: string;
  value?: string;
  children?: MdNode[];
}

const markdownParser = unified().use(remarkParse).use(remarkGfm);

/** Problems in markdown as a real CommonMark+GFM parser reads it: raw HTML nodes, dangerous URLs. */
export function markdownProblems(markdown: string): string[] {
  const problems: string[] = [];
  const walk = (node: MdNode): void => {
    // GFM tables can only express a line break inside a cell as <br>: inert, and what the serialiser must write.
    if (node.type === "html" && !/^<br\s*\/?>$/i.test(String(node.value)))
      problems.push(`raw html ${JSON.stringify(node.value)}`);
    if (node.url !== undefined && isDangerousUrl(node.url)) problems.push(`${node.type} url ${node.url}`);
    for (const child of node.children ?? []) walk(child);
  };
  walk(markdownParser.parse(markdown) as MdNode);
  return problems;
}
