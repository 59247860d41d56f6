// CommonMark spec examples for the constructs the canvas schema supports: the canvas must keep what the
// markdown means. An example passes when parse → serialise → parse gives the same document (lossless
// projection) and the document's text matches the text of the spec's reference HTML.
import { describe, expect, it } from "vitest";
import { createRequire } from "node:module";
import { parseMarkdown, serializeMarkdown } from "../../shared/markdown/index.ts";

interface SpecExample {
  markdown: string;
  html: string;
  section: string;
  number: number;
}

const require = createRequire(import.meta.url);
const spec = (require("commonmark-spec") as { tests: SpecExample[] }).tests;

// Sections whose constructs the schema holds. Raw HTML, link reference edge cases, and entity-heavy
// sections are about HTML output the canvas never produces (raw HTML is kept as text on purpose).
const SUPPORTED = new Set([
  "Tabs",
  "Thematic breaks",
  "ATX headings",
  "Setext headings",
  "Indented code blocks",
  "Fenced code blocks",
  "Paragraphs",
  "Blank lines",
  "Block quotes",
  "List items",
  "Lists",
  "Backslash escapes",
  "Code spans",
  "Emphasis and strong emphasis",
  "Links",
  "Images",
  "Autolinks",
  "Hard line breaks",
  "Soft line breaks",
  "Textual content",
]);

function htmlText(html: string): string {
  return html
    .replace(/<img[^>]*alt="([^"]*)"[^>]*>/g, "$1")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, "");
}

describe("CommonMark spec examples", () => {
  it("keeps the meaning of the supported constructs (pass rate printed)", () => {
    const examples = spec.filter((example) => SUPPORTED.has(example.section));
    let stable = 0;
    let textual = 0;
    const failures: number[] = [];
    for (const example of examples) {
      const doc = parseMarkdown(example.markdown);
      const again = parseMarkdown(serializeMarkdown(doc));
      // The same document: the markdown each block keeps (shared/markdown/source.ts) is bookkeeping.
      const isStable = JSON.stringify(withoutSources(again.toJSON())) === JSON.stringify(withoutSources(doc.toJSON()));
      // Images are blocks in the canvas; the alt text is what the text view shows. A raw block is source
      // kept verbatim: an HTML block shows what its HTML says, a link reference definition shows nothing.
      let text = "";
      doc.descendants((node) => {
        if (node.type.name === "rawBlock") {
          if (node.textContent.startsWith("<")) text += htmlText(node.textContent);
          return false;
        }
        if (node.isText) text += node.text;
        if (node.type.name === "image") text += String(node.attrs.alt ?? "");
        return true;
      });
      const sameText = text.replace(/\s+/g, "") === htmlText(example.html);
      if (isStable) stable++;
      if (sameText) textual++;
      if (!isStable || !sameText) failures.push(example.number);
    }
    const both = examples.length - failures.length;
    console.log(
      `CommonMark: ${examples.length} examples in supported sections; round trip stable ${stable} (${pct(stable, examples.length)}), ` +
        `text kept ${textual} (${pct(textual, examples.length)}), both ${both} (${pct(both, examples.length)}). ` +
        `First failing examples: ${failures.slice(0, 20).join(", ")}`,
    );
    // Floors measured on this code (see the printed figures); a regression fails the test.
    expect(stable / examples.length).toBeGreaterThanOrEqual(FLOOR_STABLE);
    expect(textual / examples.length).toBeGreaterThanOrEqual(FLOOR_TEXT);
  });
});

const FLOOR_STABLE = 0.99; // measured 99.3% (markdown-it, kept sources); 90.2% with @tiptap/markdown
const FLOOR_TEXT = 0.95; // measured 95.8%; 90.4% with @tiptap/markdown

function withoutSources(json: unknown): unknown {
  if (Array.isArray(json)) return json.map(withoutSources);
  if (!json || typeof json !== "object") return json;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(json)) copy[key] = key === "markdown" ? null : withoutSources(value);
  return copy;
}

function pct(part: number, total: number): string {
  return `${((100 * part) / total).toFixed(1)}%`;
}
