// Canvas ⇄ text: markdown for documents, raw source for code canvases.
import type * as Y from "yjs";
import type { Node as PMNode } from "@tiptap/pm/model";
import { canvasesMap, canvasFragment } from "../room.ts";
import type { CanvasKind } from "../tools.ts";
import { docToSource, sourceToDoc } from "./code.ts";
import { parseMarkdown, serializeMarkdown } from "./manager.ts";
import { readCanvasView } from "./canvasView.ts";

export {
  parseMarkdown,
  parseBlocks,
  serializeMarkdown,
  serializeBlock,
  type ParseOptions,
  type RawHtml,
} from "./manager.ts";
export { sourceToDoc, docToSource, codeBlockNode } from "./code.ts";
export { isSafeUrl } from "./sanitize.ts";
export { readCanvasView, blockIndex, type CanvasView, type CanvasBlock } from "./canvasView.ts";
export { viewSlice } from "./viewText.ts";

export function textToDoc(text: string, kind: CanvasKind, language: string | null): PMNode {
  return kind === "code" ? sourceToDoc(text, language) : parseMarkdown(text);
}

export function docToText(doc: PMNode, kind: CanvasKind): string {
  return kind === "code" ? docToSource(doc) : serializeMarkdown(doc);
}

/** The current canvas as markdown (document) or source (code). Throws if the canvas does not exist. */
export function canvasText(ydoc: Y.Doc, canvasId: string): string {
  const meta = canvasesMap(ydoc).get(canvasId);
  if (!meta)
    throw new Error(
      `canvasText: no canvas "${canvasId}" in this room (canvases: ${[...canvasesMap(ydoc).keys()].join(", ") || "none"})`,
    );
  return readCanvasView(canvasFragment(ydoc, canvasId), meta.kind).text;
}
