// Markdown fidelity: a person's file comes back as they wrote it, and an edit changes only the blocks it
// touches, byte for byte everywhere else (in the text the model sees, in the export, in the Yjs items).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { AgentOrigin, applyToolCall } from "../../shared/engine/index.ts";
import { canvasText, parseBlocks, parseMarkdown, serializeMarkdown } from "../../shared/markdown/index.ts";
import { markdownParser } from "../../shared/markdown/parse.ts";
import { canvasFragment } from "../../shared/room.ts";
import { ApiOrigin } from "../../shared/origins.ts";
import { edit, roomWith } from "./fixtures.ts";

const SAMPLES = fileURLToPath(new URL("./fixtures/markdown/", import.meta.url));

function samples(): [string, string][] {
  return readdirSync(SAMPLES)
    .filter((name) => name.endsWith(".md") && name !== "README.md")
    .map((name) => [name, readFileSync(join(SAMPLES, name), "utf8")]);
}

/** A room with one canvas made from a person's file (the import path: create_canvas with an API origin). */
function imported(markdown: string): { doc: Y.Doc; canvasId: string } {
  const doc = new Y.Doc();
  const result = applyToolCall(
    doc,
    { name: "create_canvas", arguments: { title: "Import", kind: "document", language: null, content: markdown } },
    { canvasId: null, origin: new ApiOrigin("editor", "create_canvas") },
  );
  if (!result.ok || !result.canvasId) throw new Error(result.summary);
  return { doc, canvasId: result.canvasId };
}

/** The canvas text as another process sees it: the room sent as one Yjs update into a fresh Y.Doc. */
function exported(doc: Y.Doc, canvasId: string): string {
  const replica = new Y.Doc();
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
  return canvasText(replica, canvasId);
}

function apply(doc: Y.Doc, canvasId: string, call: ReturnType<typeof edit>) {
  return applyToolCall(doc, call, { canvasId, origin: new AgentOrigin("fidelity") });
}

/** A document with the constructs an edit elsewhere used to damage, `filler` paragraphs apart. */
function manuscript(filler: number): string {
  const paragraphs = Array.from(
    { length: filler },
    (_, i) => `Filler paragraph ${i} about harbours,\nhard wrapped at an odd place.`,
  );
  return [
    "# Notes",
    "The first paragraph, which the model will edit.",
    "* a star bullet\n* an item whose continuation\n\tis indented with a tab\n* last",
    ...paragraphs,
    "See https://example.com/untouched for details, written _with_ underscores.",
    "The last paragraph, which the model will also edit.",
  ].join("\n\n");
}

describe("round trip", () => {
  it.each(samples())("gives back %s byte for byte after import, storage in Yjs and export", (_name, markdown) => {
    const { doc, canvasId } = imported(markdown);
    expect(exported(doc, canvasId)).toBe(markdown.replace(/\n+$/, ""));
  });

  it("keeps raw HTML, reference and footnote definitions and front matter verbatim, as source blocks", () => {
    const md = [
      "---\ntitle: x\n---",
      '<div align="center">\n  <b>not rendered</b>\n</div>',
      "Text with a [ref] and a note[^1].",
      "[ref]: https://example.com\n[^1]: The note.",
    ].join("\n\n");
    const doc = parseMarkdown(md);
    const types: string[] = [];
    doc.forEach((block) => types.push(block.type.name));
    expect(types).toEqual(["rawBlock", "rawBlock", "paragraph", "rawBlock", "rawBlock"]);
    expect(doc.child(1).textContent).toBe('<div align="center">\n  <b>not rendered</b>\n</div>');
    expect(serializeMarkdown(doc)).toBe(md);
  });

  it("keeps text with images in it (badges) as source instead of splitting it", () => {
    const md = "[![CI](https://example.com/ci.svg)](https://example.com) text ![icon](https://example.com/i.png)";
    const [block] = parseBlocks(md);
    expect(block!.type.name).toBe("rawBlock");
    expect(serializeMarkdown(parseMarkdown(md))).toBe(md);
  });

  it("turns raw HTML the model writes into text, escaped in the markdown, and keeps a person's next to it", () => {
    const person = '<div align="center">\n  <b>from the file</b>\n</div>\n\nA paragraph the model edits.';
    const { doc, canvasId } = imported(person);
    expect(apply(doc, canvasId, edit("the model edits.", "the model edits. <script>alert(1)</script>")).ok).toBe(true);
    const text = exported(doc, canvasId);
    expect(text.startsWith('<div align="center">\n  <b>from the file</b>\n</div>\n\n')).toBe(true);
    expect(text).not.toContain("<script>");
    expect(text).toContain("&lt;script&gt;");
    const written = roomWith("<section>model html</section>\n\nand <i>inline</i>");
    expect(exported(written.doc, written.canvasId)).not.toMatch(/<section>|<i>/);
  });

  it("does not keep the source of model-written markdown whose links sanitising removed", () => {
    const { doc, canvasId } = roomWith("Click [here](javascript:alert(1)) or ![x](data:image/png;base64,AAAA) *now*.");
    const text = exported(doc, canvasId);
    expect(text).not.toContain("javascript:");
    expect(text).not.toContain("data:");
    expect(text).toContain("here");
  });
});

describe("edits change only the blocks they touch", () => {
  it("keeps a tab-indented list continuation and a bare URL 70 lines away byte for byte", () => {
    const before = manuscript(35);
    const { doc, canvasId } = imported(before);
    expect(canvasText(doc, canvasId)).toBe(before);
    const result = apply(doc, canvasId, {
      name: "edit_canvas",
      arguments: {
        edits: [
          { find: "which the model will edit.", replace: "which the model edited.", all: false },
          { find: "which the model will also edit.", replace: "which the model also edited.", all: false },
        ],
        summary: "two edits far apart",
      },
    });
    expect(result.ok).toBe(true);
    const after = before
      .replace("which the model will edit.", "which the model edited.")
      .replace("which the model will also edit.", "which the model also edited.");
    expect(canvasText(doc, canvasId)).toBe(after);
    expect(exported(doc, canvasId)).toBe(after);
    const lines = after.split("\n");
    const url = lines.findIndex((line) => line.includes("https://example.com/untouched"));
    const tab = lines.findIndex((line) => line === "\tis indented with a tab");
    expect(tab).toBeGreaterThan(0);
    expect(url - tab).toBeGreaterThanOrEqual(70);
  });

  it("a book of the committed chapters, edited in three places, diffs only on the edited lines", () => {
    const book = samples()
      .map(([, markdown]) => markdown.replace(/\n+$/, ""))
      .join("\n\n");
    const { doc, canvasId } = imported(book);
    const edits = [
      { find: "Using `if let` means less typing", replace: "Using `if let` means much less typing", all: false },
      { find: "An _emphasised_ word", replace: "An _emphasised_ term", all: false },
      { find: "## Installation", replace: "## Installing Rust", all: false },
    ];
    const result = applyToolCall(
      doc,
      { name: "edit_canvas", arguments: { edits, summary: "three edits" } },
      { canvasId, origin: new AgentOrigin("book") },
    );
    expect(result.ok).toBe(true);
    const before = book.split("\n");
    const after = exported(doc, canvasId).split("\n");
    expect(after.length).toBe(before.length);
    const changed = before.map((line, i) => (line === after[i] ? null : i)).filter((i) => i !== null);
    expect(changed).toHaveLength(3);
    for (const i of changed) expect(edits.some((e) => before[i]!.includes(e.find))).toBe(true);
  });

  it("does not touch the Yjs items of the blocks between two edits", () => {
    const { doc, canvasId } = imported(manuscript(20));
    const fragment = canvasFragment(doc, canvasId);
    const elements = fragment.toArray();
    // Which top-level blocks the edit's Yjs events reach.
    const touched = new Set<unknown>();
    fragment.observeDeep((events) => {
      for (const event of events) {
        let target: unknown = event.target;
        while (target instanceof Y.AbstractType && target.parent !== fragment && target !== fragment)
          target = target.parent;
        touched.add(target);
      }
    });
    const result = apply(doc, canvasId, {
      name: "edit_canvas",
      arguments: {
        edits: [
          { find: "The first paragraph", replace: "The opening paragraph", all: false },
          { find: "The last paragraph", replace: "The closing paragraph", all: false },
        ],
        summary: "",
      },
    });
    expect(result.ok).toBe(true);
    // Only the two edited paragraphs changed, in place; every other block is the same Yjs element, untouched.
    expect(fragment.toArray()).toEqual(elements);
    expect([...touched]).toEqual(expect.arrayContaining([elements[1], elements[elements.length - 1]]));
    expect(touched.size).toBe(2);
  });

  it("writes a block a person edited from its nodes, and its source again once the edit is undone", () => {
    const md = "* star\n* bullets\n\nA _plain_ paragraph.\n\n* more\n* stars";
    const { doc, canvasId } = imported(md);
    const fragment = canvasFragment(doc, canvasId);
    const first = fragment.get(0) as Y.XmlElement;
    const item = (first.get(0) as Y.XmlElement).get(0) as Y.XmlElement;
    const text = item.get(0) as Y.XmlText;
    text.insert(4, "!");
    // The edited list is serialised (dash bullets); the blocks nobody touched keep their bytes.
    expect(canvasText(doc, canvasId)).toBe("- star!\n- bullets\n\nA _plain_ paragraph.\n\n* more\n* stars");
    text.delete(4, 1);
    expect(canvasText(doc, canvasId)).toBe(md);
  });

  it("keeps the blank lines around an edited block as the author had them", () => {
    const md = "# Title\nRight under the title.\n\n\n\nAfter three blank lines.\n\nEnd.";
    const { doc, canvasId } = imported(md);
    expect(apply(doc, canvasId, edit("After three", "Following three")).ok).toBe(true);
    expect(canvasText(doc, canvasId)).toBe(md.replace("After three", "Following three"));
  });
});

/**
 * The parser's work on an input: block and inline rule calls plus the tokens skipped while scanning link
 * labels (what a parser that rescans does over and over), counted on the instance the canvas uses.
 */
function parseWork(md: string): number {
  const parser = markdownParser();
  let work = 0;
  const count = <A extends unknown[], R>(rule: (...args: A) => R): ((...args: A) => R) => {
    return (...args: A): R => {
      work++;
      return rule(...args);
    };
  };
  const block = parser.block.ruler.getRules("");
  const inline = parser.inline.ruler.getRules("");
  const post = parser.inline.ruler2.getRules("");
  const saved = { block: block.slice(), inline: inline.slice(), post: post.slice() };
  block.forEach((rule, i) => (block[i] = count(rule)));
  inline.forEach((rule, i) => (inline[i] = count(rule)));
  post.forEach((rule, i) => (post[i] = count(rule)));
  const skipToken = parser.inline.skipToken;
  parser.inline.skipToken = count(skipToken.bind(parser.inline));
  try {
    parseBlocks(md);
    return work;
  } finally {
    block.splice(0, block.length, ...saved.block);
    inline.splice(0, inline.length, ...saved.inline);
    post.splice(0, post.length, ...saved.post);
    parser.inline.skipToken = skipToken;
  }
}

describe("bounded parse cost", () => {
  const table = (bytes: number): string => {
    const rows = ["| a | b |", "| --- | --- |"];
    for (let length = 0; length < bytes; length += 12) rows.push("| x | *y* |");
    return rows.join("\n");
  };
  // [name, input of a size, work allowed per byte]
  const cases: [string, (bytes: number) => string, number?][] = [
    ['"[a(" repeated', (bytes) => "[a](".repeat(bytes / 4)],
    ["a long table", table],
    ["nested emphasis", (bytes) => "*a **b ".repeat(bytes / 7)],
    ["unmatched emphasis", (bytes) => "*a _b ".repeat(bytes / 6)],
    ["link openers", (bytes) => "[a".repeat(bytes / 2)],
    // Every "[" scans up to MAX_LINK_LABEL characters for its "]": linear, with that constant.
    ["nested brackets", (bytes) => `${"[".repeat(bytes / 2)}a${"]".repeat(bytes / 2)}`, 100],
    ["backticks", (bytes) => "e`".repeat(bytes / 2)],
    ["nested quotes", (bytes) => `${">".repeat(bytes)} a`],
    ["many references", (bytes) => "[a]: /u\n".repeat(bytes / 16) + "[a] ".repeat(bytes / 8)],
  ];

  it.each(cases)("%s: work grows linearly with the input, a few steps per byte", (_name, make, perByte = 12) => {
    const small = parseWork(make(20_000));
    const large = parseWork(make(40_000));
    expect(large).toBeLessThanOrEqual(small * 2.3 + 100);
    expect(large).toBeLessThanOrEqual(40_000 * perByte);
  });

  it("the probe sees rescanning: a long link label is scanned token by token", () => {
    expect(parseWork(`[${"*a* ".repeat(500)}](u)`)).toBeGreaterThan(1000);
  });
});
