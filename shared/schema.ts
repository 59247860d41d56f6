// The canvas schema: the Tiptap extensions that define which nodes and marks a canvas can hold.
// Limited to what GitHub-flavoured markdown can say, and shared by client, server, CLI and evals so
// every side builds the same ProseMirror schema.
import { getSchema, type AnyExtension } from "@tiptap/core";
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
    Markdown,
  ];
}

let cachedSchema: Schema | null = null;

/** The canvas ProseMirror schema, built once. */
export function canvasSchema(): Schema {
  cachedSchema ??= getSchema(canvasExtensions());
  return cachedSchema;
}
