import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import {
  canvasText,
  docToSource,
  docToText,
  parseMarkdown,
  serializeMarkdown,
  sourceToDoc,
  textToDoc,
} from "../../shared/markdown/index.ts";
import { canvasFragment } from "../../shared/room.ts";
import { canvasSchema } from "../../shared/schema.ts";
import { essay, roomWith, typescriptFile } from "./fixtures.ts";

const RICH = `# Title

Para with **bold**, *em*, \`code\`, ~~strike~~ and [a link](https://example.com "t").

- one
- two
  - nested

1. first
2. second

- [ ] open task
- [x] done task

> a quote

\`\`\`ts
const x = 1;
\`\`\`

| a | b |
| --- | --- |
| 1 | 2 |

![alt](https://example.com/a.png)

---

Line one  
line two`;

describe("markdown projection", () => {
  it("round-trips every construct the schema holds to the same document", () => {
    const doc = parseMarkdown(RICH);
    const again = parseMarkdown(serializeMarkdown(doc));
    expect(again.eq(doc)).toBe(true);
    expect(serializeMarkdown(again)).toBe(serializeMarkdown(doc));
    const types = new Set<string>();
    doc.descendants((node) => {
      types.add(node.type.name);
    });
    for (const type of [
      "heading",
      "bulletList",
      "orderedList",
      "taskList",
      "blockquote",
      "codeBlock",
      "table",
      "image",
      "horizontalRule",
      "hardBreak",
    ]) {
      expect(types.has(type), type).toBe(true);
    }
  });

  it("drops javascript:, data: and vbscript: links and images but keeps their text", () => {
    const doc = parseMarkdown(
      "[click](javascript:alert(1)) [x](JaVaScRiPt:alert(1)) [y](java\tscript:alert(1)) [z](vbscript:msgbox) [w](&#106;avascript:alert(1))\n\n" +
        "![img](data:image/png;base64,AAAA)\n\n![ok](https://example.com/ok.png)\n\n[fine](https://example.com)",
    );
    const hrefs: string[] = [];
    const srcs: string[] = [];
    doc.descendants((node) => {
      for (const mark of node.marks) if (mark.type.name === "link") hrefs.push(String(mark.attrs.href));
      if (node.type.name === "image") srcs.push(String(node.attrs.src));
    });
    expect(hrefs).toEqual(["https://example.com"]);
    expect(srcs).toEqual(["https://example.com/ok.png"]);
    expect(doc.textContent).toContain("click");
  });

  it("keeps raw HTML as text, never as markup: an HTML block verbatim as source, inline HTML as text", () => {
    const md = '<script>alert(1)</script>\n\nhi <img src=x onerror="alert(1)">';
    const doc = parseMarkdown(md);
    expect(doc.textContent).toContain("<script>alert(1)</script>");
    expect(doc.textContent).toContain("<img src=x");
    const types: string[] = [];
    doc.descendants((node) => {
      types.push(node.type.name);
    });
    expect(types).toEqual(["rawBlock", "text", "paragraph", "text"]);
    expect(doc.firstChild!.textContent).toBe("<script>alert(1)</script>");
    // And it comes back as written, not escaped.
    expect(serializeMarkdown(doc)).toBe(md);
    expect(parseMarkdown(serializeMarkdown(doc)).eq(doc)).toBe(true);
  });

  it("keeps text with an image in it as source (images are blocks in the canvas), a valid document", () => {
    const doc = parseMarkdown("before ![pic](https://example.com/p.png) after");
    expect(() => doc.check()).not.toThrow();
    const types: string[] = [];
    doc.forEach((block) => types.push(block.type.name));
    expect(types).toEqual(["rawBlock"]);
    expect(serializeMarkdown(doc)).toBe("before ![pic](https://example.com/p.png) after");
    // A script-capable image in such a paragraph is dropped instead, and the rest lifted around it.
    const unsafe = parseMarkdown("before ![pic](javascript:alert(1)) after ![ok](https://example.com/p.png)");
    const kinds: string[] = [];
    unsafe.forEach((block) => kinds.push(block.type.name));
    expect(kinds).toEqual(["paragraph", "image"]);
    expect(serializeMarkdown(unsafe)).not.toContain("javascript:");
  });

  it("round-trips source code byte for byte, trailing newline or not", () => {
    for (const source of [
      typescriptFile(),
      "no newline",
      "",
      "\n\n  indented\n\t\ttabs\r\nwindows\n",
      "```\nfences inside\n```\n",
    ]) {
      expect(docToSource(sourceToDoc(source, "ts"))).toBe(source);
      expect(docToText(textToDoc(source, "code", "ts"), "code")).toBe(source);
    }
  });

  it("reads a canvas from Yjs exactly as y-tiptap's own conversion does", () => {
    const { doc, canvasId } = roomWith(RICH + "\n\n" + essay(2000));
    const fragment = canvasFragment(doc, canvasId);
    const reference = yXmlFragmentToProseMirrorRootNode(fragment, canvasSchema());
    expect(canvasText(doc, canvasId)).toBe(serializeMarkdown(reference));
  });

  it("keeps canvas text right after human edits invalidate cached blocks", () => {
    const { doc, canvasId } = roomWith("First.\n\nSecond.\n\nThird.");
    expect(canvasText(doc, canvasId)).toBe("First.\n\nSecond.\n\nThird.");
    const fragment = canvasFragment(doc, canvasId);
    const second = fragment.get(1) as Y.XmlElement;
    (second.get(0) as Y.XmlText).insert(0, "Very ");
    (second.get(0) as Y.XmlText).format(0, 4, { bold: {} });
    expect(canvasText(doc, canvasId)).toBe("First.\n\n**Very** Second.\n\nThird.");
    fragment.delete(0, 1);
    expect(canvasText(doc, canvasId)).toBe("**Very** Second.\n\nThird.");
  });
});

describe("long texts", () => {
  it("the cached view after many edits equals a fresh read", async () => {
    const { AgentOrigin, applyToolCall } = await import("../../shared/engine/index.ts");
    const { doc, canvasId } = roomWith(essay(3000, 9));
    for (let i = 0; i < 30; i++) {
      const text = canvasText(doc, canvasId);
      const match = /s\d+/g;
      const all = [...text.matchAll(match)];
      const pick = all[(i * 7) % all.length]![0];
      const replace = i % 3 === 0 ? `${pick}\n\nInserted paragraph ${i}.\n\n` : i % 3 === 1 ? "" : `${pick} edited`;
      applyToolCall(
        doc,
        {
          name: "edit_canvas",
          arguments: { edits: [{ find: ` ${pick} `, replace: ` ${replace} `, all: false }], summary: "" },
        },
        { canvasId, origin: new AgentOrigin("t") },
      );
      const replica = new Y.Doc();
      Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
      expect(canvasText(doc, canvasId)).toBe(canvasText(replica, canvasId));
    }
  });
});
