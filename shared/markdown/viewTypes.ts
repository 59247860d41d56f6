// What a canvas view is (shared/markdown/canvasView.ts reads it): the canvas's text (markdown or
// source) and, for each top-level block, its element, node and place in that text.
import type * as Y from "yjs";
import type { Node as PMNode } from "@tiptap/pm/model";
import type { CanvasKind } from "../tools.ts";

export interface CanvasBlock {
  y: Y.XmlElement;
  node: PMNode;
  /** The block's markdown (document) or source (code). */
  text: string;
  /** Offsets of `text` in the canvas text. */
  from: number;
  to: number;
  /** True when `text` is the markdown the block was parsed from (it is unedited since). */
  kept: boolean;
}

export interface CanvasView {
  kind: CanvasKind;
  fragment: Y.XmlFragment;
  blocks: CanvasBlock[];
  text: string;
  /** What joins two new blocks in `text` (documents keep the blank lines their author put between blocks). */
  separator: string;
  /** True when every child of the fragment is one of `blocks` (nothing unreadable was skipped). */
  complete: boolean;
}
