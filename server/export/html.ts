// Standalone HTML export: one file with inline CSS that reads well on screen and in print. Safe by
// construction: every text and attribute is escaped, URLs were filtered by the model (http, https,
// mailto, tel, relative), and a CSP meta tag forbids scripts in case someone edits the file later.
// Code blocks are highlighted at export time with lowlight (highlight.js grammars), as classes.
import { common, createLowlight } from "lowlight";
import type { Block, ExportDocument, Inline } from "./model.ts";

const lowlight = createLowlight(common);

interface HastText {
  type: "text";
  value: string;
}
interface HastElement {
  type: "element";
  properties?: { className?: unknown };
  children: HastNode[];
}
type HastNode = HastText | HastElement | { type: string };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function renderHtml(model: ExportDocument): string {
  const body = model.blocks.map(renderBlock).join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src https: http: data:">
<meta name="generator" content="Canvas">
<title>${escapeHtml(model.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main class="canvas-export ${model.kind}">
${body}
</main>
</body>
</html>
`;
}

function renderBlock(block: Block): string {
  switch (block.type) {
    case "heading":
      return `<h${block.level}>${renderInlines(block.inlines)}</h${block.level}>`;
    case "paragraph":
      return `<p>${renderInlines(block.inlines)}</p>`;
    case "list": {
      const task = block.items.some((item) => item.checked !== null);
      const tag = block.ordered ? "ol" : "ul";
      const start = block.ordered && block.start !== 1 ? ` start="${block.start}"` : "";
      const items = block.items
        .map((item) => {
          const box =
            item.checked === null
              ? ""
              : `<input type="checkbox" disabled${item.checked ? " checked" : ""} aria-label="${item.checked ? "done" : "to do"}"> `;
          return `<li${item.checked === null ? "" : ' class="task"'}>${box}${renderItemBlocks(item.blocks)}</li>`;
        })
        .join("");
      return `<${tag}${start}${task ? ' class="tasks"' : ""}>${items}</${tag}>`;
    }
    case "quote":
      return `<blockquote>${block.blocks.map(renderBlock).join("")}</blockquote>`;
    case "code":
      return renderCode(block.language, block.text);
    case "table": {
      const rows = block.rows
        .map(
          (row) =>
            `<tr>${row.map((cell) => `<${cell.header ? "th" : "td"}>${renderInlines(cell.inlines)}</${cell.header ? "th" : "td"}>`).join("")}</tr>`,
        )
        .join("");
      return `<div class="table"><table>${rows}</table></div>`;
    }
    case "rule":
      return "<hr>";
    case "image":
      return `<p><img src="${escapeHtml(block.src)}" alt="${escapeHtml(block.alt)}"></p>`;
    default:
      return block satisfies never;
  }
}

/** A list item's first paragraph stays inline (no <p> gap), as browsers render tight markdown lists. */
function renderItemBlocks(blocks: Block[]): string {
  return blocks
    .map((block, index) =>
      index === 0 && block.type === "paragraph" ? renderInlines(block.inlines) : renderBlock(block),
    )
    .join("");
}

function renderInlines(inlines: Inline[]): string {
  return inlines
    .map((inline) => {
      if (inline.kind === "break") return "<br>";
      let html = escapeHtml(inline.text);
      if (inline.code) html = `<code>${html}</code>`;
      if (inline.bold) html = `<strong>${html}</strong>`;
      if (inline.italic) html = `<em>${html}</em>`;
      if (inline.strike) html = `<del>${html}</del>`;
      if (inline.href) html = `<a href="${escapeHtml(inline.href)}">${html}</a>`;
      return html;
    })
    .join("");
}

function renderCode(language: string | null, text: string): string {
  const label = language ? ` data-language="${escapeHtml(language)}"` : "";
  let inner = escapeHtml(text);
  if (language && lowlight.registered(language) && text.length <= 200_000) {
    try {
      inner = renderHast(lowlight.highlight(language, text).children as HastNode[]);
    } catch {
      // A grammar that chokes on the input: plain text is still a faithful export.
    }
  }
  return `<pre${label}><code>${inner}</code></pre>`;
}

function renderHast(nodes: HastNode[]): string {
  return nodes
    .map((node) => {
      if (node.type === "text") return escapeHtml((node as HastText).value);
      if (node.type !== "element") return "";
      const element = node as HastElement;
      const classes = Array.isArray(element.properties?.className)
        ? element.properties.className.filter((name): name is string => typeof name === "string")
        : [];
      const inner = renderHast(element.children);
      return classes.length ? `<span class="${escapeHtml(classes.join(" "))}">${inner}</span>` : inner;
    })
    .join("");
}

const STYLE = `
:root { color-scheme: light; }
body { margin: 0; background: #f6f7f9; color: #1f2328; font: 17px/1.65 "Iowan Old Style", Georgia, "DejaVu Serif", serif; }
main { max-width: 46rem; margin: 2.5rem auto; padding: 3rem 3.5rem; background: #fff; border-radius: 10px;
  box-shadow: 0 1px 3px rgba(15, 23, 42, .08), 0 8px 28px rgba(15, 23, 42, .06); }
main.code { max-width: 60rem; }
h1, h2, h3, h4, h5, h6 { font-family: -apple-system, "Segoe UI", Inter, "DejaVu Sans", sans-serif; line-height: 1.25; margin: 1.8em 0 .6em; }
h1 { font-size: 2.1rem; margin-top: 0; } h2 { font-size: 1.55rem; } h3 { font-size: 1.25rem; } h4, h5, h6 { font-size: 1.05rem; }
p, ul, ol, blockquote, pre, .table { margin: 0 0 1em; }
ul, ol { padding-left: 1.6em; } li { margin: .25em 0; } li > ul, li > ol { margin: .25em 0; }
ul.tasks { list-style: none; padding-left: .4em; } li.task input { margin: 0 .45em 0 0; }
a { color: #0b57d0; text-underline-offset: 2px; }
blockquote { border-left: 4px solid #d0d7de; padding: .1em 1em; color: #57606a; }
code { font: .88em/1.5 ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace; background: #f1f3f5; padding: .1em .35em; border-radius: 4px; }
pre { background: #f6f8fa; border: 1px solid #e5e7eb; border-radius: 8px; padding: 1em 1.1em; overflow-x: auto; }
pre code { background: none; padding: 0; font-size: .85rem; white-space: pre; }
.table { overflow-x: auto; } table { border-collapse: collapse; width: 100%; font-size: .95em; }
th, td { border: 1px solid #d0d7de; padding: .45em .7em; text-align: left; vertical-align: top; } th { background: #f6f8fa; }
hr { border: 0; border-top: 1px solid #d0d7de; margin: 2em 0; }
img { max-width: 100%; }
.hljs-comment, .hljs-quote { color: #6e7781; font-style: italic; }
.hljs-keyword, .hljs-selector-tag, .hljs-built_in, .hljs-doctag { color: #cf222e; }
.hljs-string, .hljs-regexp, .hljs-addition, .hljs-attribute { color: #0a3069; }
.hljs-number, .hljs-literal, .hljs-variable, .hljs-template-variable { color: #0550ae; }
.hljs-title, .hljs-section, .hljs-name, .hljs-type { color: #8250df; }
.hljs-attr, .hljs-symbol, .hljs-bullet, .hljs-meta { color: #953800; } .hljs-deletion { color: #82071e; }
@media print { body { background: #fff; } main { box-shadow: none; margin: 0; padding: 0; max-width: none; } a { color: inherit; } }
@media (max-width: 600px) { main { margin: 0; padding: 1.5rem 1.2rem; border-radius: 0; } }
`;
