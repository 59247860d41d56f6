// What a streamed create or rewrite shows while its content arrives: each complete block is written as
// soon as it is complete, through the same minimal-diff block writer, so blocks already shown do not
// flicker. A rewrite shows the new blocks in place of the beginning of the old canvas and keeps the old
// rest until the end, so the canvas never looks truncated. The seam (toolCall.ts) owns a preview: its
// `finish` writes the final content exactly as a one-shot call does, its `abort` reverts exactly what the
// preview wrote (people's edits made meanwhile stay).
import * as Y from "yjs";
import type { Node as PMNode } from "@tiptap/pm/model";
import { canvasesMap, canvasFragment, type CanvasMeta } from "../room.ts";
import { codeBlockNode, parseBlocks, readCanvasView, type CanvasBlock } from "../markdown/index.ts";
import { FenceTracker } from "../markdown/fences.ts";
import { canvasSchema } from "../schema.ts";
import type { CanvasKind } from "../tools.ts";
import { createCanvas, type CanvasHeader } from "./canvasWrites.ts";
import type { ToolCallOrigin } from "../origins.ts";
import { forgetAgentChange } from "./undo.ts";
import { writeBlocks } from "./writeDoc.ts";
import { rawHtmlFor } from "./writeText.ts";

/** A new canvas to make (its id chosen by the caller), or an existing one to rewrite. */
type PreviewTarget = { create: CanvasHeader; canvasId: string } | { rewrite: CanvasMeta };

export class StreamPreview {
  readonly canvasId: string;
  /** True when the preview made the canvas (a streamed create_canvas). */
  readonly created: boolean;
  /** The canvas text when the stream started ("" for a new canvas): what the change is reported against. */
  readonly baseText: string;
  private readonly kind: CanvasKind;
  private readonly language: string | null;
  private readonly fragment: Y.XmlFragment;
  private readonly oldBlocks: readonly CanvasBlock[];
  private readonly oldLines: readonly string[];
  /** Records exactly this preview's changes, so a revert undoes them and nothing else. */
  private readonly recorder: Y.UndoManager;
  private content = "";
  private completeUpTo = 0;
  private scanner = new BlockBoundaryScanner();
  private streamed: PMNode[] = [];
  private state: "open" | "released" | "reverted" = "open";

  /** Start showing a stream: change `changeId`, which the caller has begun on `origin`. */
  constructor(
    private readonly doc: Y.Doc,
    target: PreviewTarget,
    private readonly origin: ToolCallOrigin,
    readonly changeId: string,
  ) {
    const meta = "rewrite" in target ? target.rewrite : null;
    this.canvasId = meta ? meta.id : (target as { canvasId: string }).canvasId;
    this.created = meta === null;
    this.fragment = canvasFragment(doc, this.canvasId);
    this.recorder = new Y.UndoManager([this.fragment, canvasesMap(doc)], {
      trackedOrigins: new Set([origin]),
      captureTimeout: 2 ** 31,
    });
    if ("create" in target) createCanvas(doc, { ...target.create, content: "" }, this.canvasId, origin);
    const current = canvasesMap(doc).get(this.canvasId)!;
    this.kind = current.kind;
    this.language = current.language;
    const before = readCanvasView(this.fragment, this.kind);
    this.baseText = this.created ? "" : before.text;
    this.oldBlocks = this.created ? [] : before.blocks;
    this.oldLines = this.kind === "code" && !this.created ? before.text.split("\n") : [];
  }

  /** Show the content received so far (it normally extends the last one; a revised value starts over). */
  show(contentSoFar: string): void {
    this.assertOpen("show");
    if (!contentSoFar.startsWith(this.content)) {
      this.streamed = [];
      this.completeUpTo = 0;
      this.scanner = new BlockBoundaryScanner();
    }
    this.content = contentSoFar;
    const boundary = this.kind === "code" ? this.content.lastIndexOf("\n") + 1 : this.scanner.scan(this.content);
    if (boundary <= this.completeUpTo) return;
    // Blank lines at a slice's edges are separators, not the empty paragraphs they would parse to.
    if (this.kind === "document") {
      const slice = this.content.slice(this.completeUpTo, boundary).replace(/^\n+|\n+$/g, "");
      this.streamed = this.streamed.concat(parseBlocks(slice, { rawHtml: rawHtmlFor(this.origin) }));
    }
    this.completeUpTo = boundary;
    this.render();
  }

  /** Everything received so far. */
  get received(): string {
    return this.content;
  }

  /** The stream ended and its final content was written: stop recording (the change stays). */
  release(): void {
    if (this.state !== "open") return;
    this.state = "released";
    this.recorder.destroy();
  }

  /** Undo everything the preview wrote and forget its undo step. */
  revert(): void {
    if (this.state !== "open") return;
    this.state = "reverted";
    try {
      while (this.recorder.canUndo()) this.recorder.undo();
    } finally {
      this.recorder.destroy();
      forgetAgentChange(this.doc, this.changeId);
    }
  }

  private render(): void {
    const { doc, fragment, origin } = this;
    if (this.kind === "code") {
      const done = this.content.slice(0, this.completeUpTo);
      const lines = done.split("\n").slice(0, -1);
      const source = this.created
        ? done.replace(/\n$/, "")
        : [...lines, ...this.oldLines.slice(lines.length)].join("\n");
      doc.transact(() => writeBlocks(doc, fragment, [codeBlockNode(source, this.language)]), origin);
      return;
    }
    const nodes = [...this.streamed, ...this.oldBlocks.slice(this.streamed.length).map((block) => block.node)];
    doc.transact(
      () => writeBlocks(doc, fragment, nodes.length ? nodes : [canvasSchema().nodes.paragraph!.create()]),
      origin,
    );
  }

  private assertOpen(what: string): void {
    if (this.state !== "open") throw new Error(`StreamPreview.${what}: the preview was already ${this.state}`);
  }
}

/**
 * Where the complete markdown blocks of a growing text end: after the last blank line outside fenced
 * code, or after a closing fence. Incremental: each call scans only the lines added since the last one.
 */
class BlockBoundaryScanner {
  private readonly fences = new FenceTracker();
  private boundary = 0;
  private lineStart = 0;

  scan(content: string): number {
    for (
      let newline = content.indexOf("\n", this.lineStart);
      newline !== -1;
      newline = content.indexOf("\n", this.lineStart)
    ) {
      const line = content.slice(this.lineStart, newline);
      const kind = this.fences.line(line);
      if (kind === "close" || (kind === "outside" && line.trim() === "" && this.lineStart > 0)) {
        this.boundary = newline + 1;
      }
      this.lineStart = newline + 1;
    }
    return this.boundary;
  }
}
