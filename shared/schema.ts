// The canvas schema: the Tiptap extensions that define which nodes and marks a canvas can hold.
// Limited to what GitHub-flavoured markdown can say, and shared by client, server, CLI and evals so
// every side builds the same ProseMirror schema.
import { Extension, Node, getSchema, type AnyExtension, type JSONContent } from "@tiptap/core";
import type { Schema } from "@tiptap/pm/model";
import StarterKit from "@tiptap/starter-kit";
import { TaskItem, TaskList } from "@tiptap/extension-list";
import { TableKit } from "@tiptap/extension-table";
import Image from "@tiptap/extension-image";
import { Markdown } from "@tiptap/markdown";

export interface CanvasExtensionOptions {
  /** The client swaps StarterKit's code block for a highlighted one with the same node name and attrs. */
  codeBlock?: boolean;
}

export function canvasExtensions(options: CanvasExtensionOptions = {}): AnyExtension[] {
  return [
    StarterKit.configure({
      // Collaboration brings its own undo (Y.UndoManager); underline has no markdown form.
      undoRedo: false,
      underline: false,
      codeBlock: options.codeBlock === false ? false : {},
      link: { openOnClick: false, autolink: true, protocols: ["http", "https", "mailto"] },
    }),
    TaskList,
    TaskItem.configure({ nested: true }),
    TableKit.configure({ table: { resizable: false } }),
    Image,
    RawBlock,
    MarkdownSource,
    Markdown,
  ];
}

/** Node types a markdown document's top level is made of (each can keep its source, shared/markdown/source.ts). */
const TOP_LEVEL_TYPES = [
  "paragraph",
  "heading",
  "blockquote",
  "bulletList",
  "orderedList",
  "taskList",
  "codeBlock",
  "horizontalRule",
  "table",
  "image",
  "rawBlock",
];

/** The markdown a block was parsed from (never rendered, never copied to a split-off half). */
const MarkdownSource = Extension.create({
  name: "markdownSource",
  addGlobalAttributes() {
    return [
      {
        types: TOP_LEVEL_TYPES,
        attributes: { markdown: { default: null, rendered: false, keepOnSplit: false } },
      },
    ];
  },
});

/**
 * Markdown the editor cannot show as rich text (a raw HTML block, link reference or footnote
 * definitions, front matter), kept verbatim: shown and edited as source, never rendered as markup.
 */
const RawBlock = Node.create({
  name: "rawBlock",
  group: "block",
  content: "text*",
  marks: "",
  code: true,
  defining: true,
  parseHTML() {
    return [{ tag: "pre[data-raw-markdown]", preserveWhitespace: "full", priority: 60 }];
  },
  renderHTML() {
    return ["pre", { "data-raw-markdown": "", class: "raw-markdown" }, ["code", 0]];
  },
  renderMarkdown(node: JSONContent) {
    return (node.content ?? []).map((child) => child.text ?? "").join("");
  },
});

let cachedSchema: Schema | null = null;

/** The canvas ProseMirror schema, built once. */
export function canvasSchema(): Schema {
  cachedSchema ??= getSchema(canvasExtensions());
  return cachedSchema;
}
