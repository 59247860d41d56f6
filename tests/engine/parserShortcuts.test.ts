// The parser's shortcuts (shared/markdown/parserStates.ts, nodes.ts, the kept-source hash) must not
// change what a parse gives: the canvas's markdown-it instance gives the tokens stock markdown-it gives,
// and the node builder gives the nodes (and refusals) of schema.nodeFromJSON followed by node.check().
import { createRequire } from "node:module";
import type { JSONContent } from "@tiptap/core";
import markdownItFactory, { type MarkdownIt, type Token } from "markdown-it";
import { describe, expect, it } from "vitest";
import { parseBlocks } from "../../shared/markdown/index.ts";
import { NodeBuilder } from "../../shared/markdown/nodes.ts";
import { markdownParser } from "../../shared/markdown/parse.ts";
import { canvasSchema } from "../../shared/schema.ts";

const require = createRequire(import.meta.url);
const spec = (require("commonmark-spec") as { tests: { markdown: string }[] }).tests;

/** markdown-it configured as the canvas configures it, with its own states and helpers. */
function stockParser(): MarkdownIt {
  const md = new markdownItFactory("default", { html: true, linkify: true });
  md.linkify.set({ fuzzyLink: false, fuzzyEmail: false });
  md.validateLink = () => true;
  md.helpers = { ...md.helpers, parseLinkLabel: markdownParser().helpers.parseLinkLabel };
  return md;
}

/** A token stream as plain data, every field (key order aside), children included. */
function plain(tokens: readonly Token[]): unknown[] {
  return tokens.map((token) => ({
    type: token.type,
    tag: token.tag,
    attrs: token.attrs,
    map: token.map,
    nesting: token.nesting,
    level: token.level,
    children: token.children ? plain(token.children) : null,
    content: token.content,
    markup: token.markup,
    info: token.info,
    meta: token.meta,
    block: token.block,
    hidden: token.hidden,
    isToken: token instanceof markdownItFactory.Token,
  }));
}

const HOSTILE = [
  "*a **b ".repeat(300),
  "a* ".repeat(300),
  "*a_ ".repeat(300),
  "[a](".repeat(300),
  `${"[".repeat(300)}a${"]".repeat(300)}`,
  "e`".repeat(300),
  "[a]: /u\n".repeat(50) + "[a] ".repeat(50),
  "| a | b |\n| :-- | --: |\n" + "| plain cell | *em* cell |\n".repeat(50),
  "plain words, commas; (parentheses) and 'quotes' only\nsecond line with http://example.com and a@b.co",
  "a line that links http://example.com in plain words",
  "| cell | https://example.com/path |\n| --- | --- |\n| plain | mailto:a.b |",
  "über «guillemets» — dashes … ellipsis *émphase* ＊full-width＊ _snake_case_ 😀*a*😀",
  "a  \nhard break, \\* escape, &amp; entity, <span>html</span>, ~~strike~~, www.example.com",
];

describe("the canvas's markdown-it instance", () => {
  it("gives the tokens stock markdown-it gives, on the CommonMark examples and hostile inputs", () => {
    const stock = stockParser();
    const ours = markdownParser();
    for (const input of [...spec.map((example) => example.markdown), ...HOSTILE]) {
      expect(plain(ours.parse(input, {})), input).toEqual(plain(stock.parse(input, {})));
    }
  });

  it("classifies ASCII punctuation by table as markdown-it's Unicode test does", () => {
    const { isMdAsciiPunct, isPunctChar } = markdownParser().utils;
    for (let code = 0; code < 0x80; code++) {
      if (isPunctChar(String.fromCharCode(code))) expect(isMdAsciiPunct(code), `code ${code}`).toBe(true);
    }
  });
});

describe("the node builder", () => {
  const schema = canvasSchema();
  const built = (json: JSONContent): unknown => {
    try {
      return new NodeBuilder(schema).node(json).toJSON();
    } catch {
      return "refused";
    }
  };
  const reference = (json: JSONContent): unknown => {
    try {
      const node = schema.nodeFromJSON(json);
      node.check();
      return node.toJSON();
    } catch {
      return "refused";
    }
  };
  const link = { type: "link", attrs: { href: "https://a.example", title: null } };
  const cases: [string, JSONContent][] = [
    [
      "text with shared marks",
      { type: "paragraph", content: [{ type: "text", text: "a", marks: [link, { type: "bold" }] }] },
    ],
    [
      "equal neighbours joined",
      {
        type: "paragraph",
        content: [
          { type: "text", text: "a", marks: [link] },
          { type: "text", text: "b", marks: [{ ...link }] },
        ],
      },
    ],
    [
      "code excluding bold",
      { type: "paragraph", content: [{ type: "text", text: "a", marks: [{ type: "code" }, { type: "bold" }] }] },
    ],
    [
      "a list item opening with code",
      { type: "bulletList", content: [{ type: "listItem", content: [{ type: "codeBlock" }] }] },
    ],
    ["an empty text", { type: "paragraph", content: [{ type: "text", text: "" }] }],
    ["an unknown type", { type: "nonsense" }],
    [
      "cells sharing attributes",
      {
        type: "table",
        content: [1, 2].map(() => ({
          type: "tableRow",
          content: [{ type: "tableCell", attrs: { align: "right" }, content: [{ type: "paragraph" }] }],
        })),
      },
    ],
  ];

  it.each(cases)("%s: the same node or refusal as nodeFromJSON and check()", (_name, json) => {
    expect(built(json)).toEqual(reference(json));
  });
});

describe("large inline content", () => {
  it("a paragraph of 200,000 spans parses without overflowing the stack", () => {
    const blocks = parseBlocks("e`".repeat(200_000));
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.childCount).toBeGreaterThan(100_000);
  });
});

describe("the kept-source hash", () => {
  it("reads attributes in the order nodes hold them (their type's spec order)", () => {
    const schema = canvasSchema();
    for (const type of Object.values(schema.nodes)) {
      if (type.isText) continue;
      const attrs = type.createAndFill()?.attrs ?? {};
      expect(Object.keys(attrs), type.name).toEqual(Object.keys(type.spec.attrs ?? {}));
    }
  });
});
