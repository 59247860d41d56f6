// What a streamed create or rewrite shows while its content arrives: each complete block is written as
// soon as it is complete, through the same minimal-diff block writer, so blocks already shown do not
// flicker. A rewrite shows the new blocks in place of the beginning of the old canvas and keeps the old
// rest until the end, so the canvas never looks truncated. The seam (toolCall.ts) owns a preview: its
// `finish` writes the final content exactly as a one-shot call does, its `abort` reverts exactly what the
// preview wrote (people's edits made meanwhile stay). People may type into the canvas while it streams:
// once they have, each step is merged with their edits (block by block, merge.ts) instead of written
// over them, and the end of the stream is a three-way merge of the canvas as the stream showed it, the
// canvas with their edits, and the final content (`settle`); an edit that cannot be placed is kept for a
// comment (`keptEdits`). No keystroke is dropped.
import * as Y from "yjs";
import type { Node as PMNode } from "@tiptap/pm/model";
import { canvasesMap, canvasFragment, type CanvasMeta } from "../room.ts";
import { codeBlockNode, parseBlocks, readCanvasView, type CanvasBlock } from "../markdown/index.ts";
import { blockText, separatorFor } from "../markdown/canvasView.ts";
import { FenceTracker } from "../markdown/fences.ts";
import { canvasSchema } from "../schema.ts";
import type { CanvasKind } from "../tools.ts";
import { createCanvas, type CanvasHeader } from "./canvasWrites.ts";
import type { ToolCallOrigin } from "../origins.ts";
import { forgetAgentChange } from "./undo.ts";
import { writeBlocks } from "./writeDoc.ts";
import { rawHtmlFor, writeCanvasText } from "./writeText.ts";
import { merge3, type MergeResult } from "./merge.ts";
import type { KeptEdit } from "./comments.ts";

/** A person's edit that a step of the stream could not place, remembered where it was. */
interface DisplacedEdit {
  position: Y.RelativePosition;
  before: string;
  after: string;
}

/** A new canvas to make (its id chosen by the caller), or an existing one to rewrite. */
type PreviewTarget = { create: CanvasHeader; canvasId: string } | { rewrite: CanvasMeta; seen?: string };

export class StreamPreview {
  readonly canvasId: string;
  /** True when the preview made the canvas (a streamed create_canvas). */
  readonly created: boolean;
  /** The canvas text when the stream started ("" for a new canvas): what the change is reported against. */
  readonly baseText: string;
  private readonly kind: CanvasKind;
  private readonly language: string | null;
  private readonly fragment: Y.XmlFragment;
  /** The blocks the stream replaces (the canvas the writer saw). */
  private readonly oldBlocks: readonly PMNode[];
  /** The canvas's blocks when the stream started: what a revert goes back to. */
  private readonly startBlocks: readonly PMNode[];
  private readonly oldLines: readonly string[];
  /** Records exactly this preview's changes, so a revert undoes them and nothing else. */
  private readonly recorder: Y.UndoManager;
  private content = "";
  private completeUpTo = 0;
  private scanner = new BlockBoundaryScanner();
  private streamed: PMNode[] = [];
  private state: "open" | "released" | "reverted" = "open";
  /** The blocks as the preview last meant them (without people's edits): the base of the next merge. */
  private intended: PMNode[];
  private readonly texts = new WeakMap<PMNode, string>();
  /** True once someone else has changed the canvas during the stream. */
  private touched = false;
  private readonly displaced: DisplacedEdit[] = [];
  private settled: { result: MergeResult; kept: KeptEdit[] } | null = null;
  private readonly watch = (_events: unknown, transaction: Y.Transaction): void => {
    if (transaction.origin !== this.origin) this.touched = true;
  };

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
    // What the writer saw may be older than the canvas: then people have typed since, and the stream
    // shows the new text over the canvas it saw, merged with their edits from the first step on.
    const seen = "rewrite" in target && target.seen !== undefined && target.seen !== before.text ? target.seen : null;
    const seenNodes =
      seen === null ? null : this.kind === "code" ? [codeBlockNode(seen, this.language)] : parseBlocks(seen);
    this.touched = seenNodes !== null;
    this.startBlocks = this.created ? [] : before.blocks.map((block) => block.node);
    this.oldBlocks = seenNodes ?? this.startBlocks;
    this.oldLines = this.kind === "code" && !this.created ? (seen ?? before.text).split("\n") : [];
    this.intended = seenNodes ?? before.blocks.map((block) => block.node);
    this.fragment.observeDeep(this.watch);
  }

  /** True when people changed the canvas while it streamed (the end of the stream is then a merge). */
  get mergesPeoplesEdits(): boolean {
    return this.touched;
  }

  /**
   * The text to write at the end of the stream, for final content `finalText`: the final content when
   * nobody typed meanwhile, else the three-way merge of the canvas as the stream showed it, the canvas
   * now and the final content.
   */
  settle(finalText: string): string {
    if (!this.touched) return finalText;
    const now = readCanvasView(this.fragment, this.kind).text;
    const result = merge3(this.textOf(this.intended), now, finalText);
    const kept = result.conflicts.flatMap((conflict) => conflict.edits);
    this.settled = { result, kept };
    return result.text;
  }

  /** People's edits that could not be placed (mid-stream and at `settle`), with offsets in the canvas now. */
  keptEdits(): KeptEdit[] {
    const view = readCanvasView(this.fragment, this.kind);
    const displaced = this.displaced.map((edit): KeptEdit => {
      const absolute = Y.createAbsolutePositionFromRelativePosition(edit.position, this.doc);
      const block = view.blocks[Math.min(absolute?.index ?? 0, view.blocks.length - 1)];
      return { at: block?.from ?? 0, before: edit.before, after: edit.after };
    });
    return [...displaced, ...(this.settled?.kept ?? [])];
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
    this.fragment.unobserveDeep(this.watch);
    this.recorder.destroy();
  }

  /**
   * Undo everything the preview wrote and forget its undo step. When people typed meanwhile, the canvas
   * goes back by one more step of the stream, to the canvas as it started, merged with their edits like
   * every step: what they added stays, an edit of a block the stream wrote is kept for a comment.
   * Returns people's edits that could not be placed (nothing once already reverted or released).
   */
  revert(): KeptEdit[] {
    if (this.state !== "open") return [];
    this.state = "reverted";
    this.fragment.unobserveDeep(this.watch);
    try {
      if (!this.touched || this.created) {
        while (this.recorder.canUndo()) this.recorder.undo();
        return [];
      }
      const view = readCanvasView(this.fragment, this.kind);
      if (view.complete)
        this.write(this.kind === "code" ? [codeBlockNode(this.baseText, this.language)] : [...this.startBlocks]);
      else {
        const text = this.settle(this.baseText);
        this.doc.transact(
          () => writeCanvasText(this.doc, view, text, null, this.language, rawHtmlFor(this.origin)),
          this.origin,
        );
      }
      return this.keptEdits();
    } finally {
      this.recorder.destroy();
      forgetAgentChange(this.doc, this.changeId);
    }
  }

  private render(): void {
    let nodes: PMNode[];
    if (this.kind === "code") {
      const done = this.content.slice(0, this.completeUpTo);
      const lines = done.split("\n").slice(0, -1);
      const source = this.created
        ? done.replace(/\n$/, "")
        : [...lines, ...this.oldLines.slice(lines.length)].join("\n");
      nodes = [codeBlockNode(source, this.language)];
    } else {
      nodes = [...this.streamed, ...this.oldBlocks.slice(this.streamed.length)];
      if (!nodes.length) nodes = [canvasSchema().nodes.paragraph!.create()];
    }
    this.write(nodes);
  }

  /** Write `nodes`, what the stream means now; once people have typed, merged with their edits. */
  private write(nodes: PMNode[]): void {
    const { doc, fragment, origin } = this;
    const current = this.touched ? readCanvasView(fragment, this.kind) : null;
    if (!current || !current.complete) {
      doc.transact(() => writeBlocks(doc, fragment, nodes), origin);
      this.intended = nodes;
      return;
    }
    const step =
      this.kind === "code" ? this.mergeSource(current.text, nodes[0]!) : this.mergeBlocks(current.blocks, nodes);
    doc.transact(() => writeBlocks(doc, fragment, step.nodes), origin);
    for (const edit of step.displaced)
      this.displaced.push({
        position: Y.createRelativePositionFromTypeIndex(fragment, Math.min(edit.index, fragment.length)),
        before: edit.before,
        after: edit.after,
      });
    this.intended = nodes;
  }

  private textOf(nodes: readonly PMNode[]): string {
    return nodes.map((node) => this.blockTextOf(node)).join(separatorFor(this.kind));
  }

  private blockTextOf(node: PMNode): string {
    let text = this.texts.get(node);
    if (text === undefined) {
      text = blockText(node, this.kind);
      this.texts.set(node, text);
    }
    return text;
  }

  /** One step of a code stream over people's typing: a text merge of the source. */
  private mergeSource(now: string, next: PMNode): Step {
    const merged = merge3(this.textOf(this.intended), now, this.blockTextOf(next));
    return {
      nodes: [codeBlockNode(merged.text, this.language)],
      displaced: merged.conflicts.flatMap((conflict) => conflict.edits.map((edit) => ({ ...edit, index: 0 }))),
    };
  }

  /**
   * One step of a document stream over people's edits, block by block: each block is a line token (its
   * text), so the merge costs O(blocks) like the write itself. A block both a person and this step
   * changed takes the step's version; the person's is displaced (kept for a comment). Blocks a person
   * added are kept, even amid blocks this step replaced (merge.ts).
   */
  private mergeBlocks(current: readonly CanvasBlock[], next: readonly PMNode[]): Step {
    const ids = new Map<string, number>();
    const nodeOf = new Map<number, PMNode>();
    const textOfId: string[] = [];
    const token = (text: string, node: PMNode): number => {
      let id = ids.get(text);
      if (id === undefined) {
        id = ids.size;
        ids.set(text, id);
        textOfId.push(text);
      }
      if (!nodeOf.has(id)) nodeOf.set(id, node);
      return id;
    };
    // People's blocks first, so a block they have is written as the very node they have (no change).
    const ours = current.map((block) => token(block.text, block.node));
    const base = this.intended.map((node) => token(this.blockTextOf(node), node));
    const theirs = next.map((node) => token(this.blockTextOf(node), node));
    const lines = (list: number[]) => list.map((id) => `${id}\n`).join("");
    const merged = merge3(lines(base), lines(ours), lines(theirs), { words: false });
    const idsOf = (text: string) => text.split("\n").filter(Boolean).map(Number);
    const texts = (text: string) =>
      idsOf(text)
        .map((id) => textOfId[id]!)
        .join(separatorFor(this.kind));
    return {
      nodes: idsOf(merged.text).map((id) => nodeOf.get(id)!),
      displaced: merged.conflicts.flatMap((conflict) =>
        conflict.edits.map((edit) => ({
          index: merged.text.slice(0, conflict.from).split("\n").length - 1,
          before: texts(edit.before),
          after: texts(edit.after),
        })),
      ),
    };
  }

  private assertOpen(what: string): void {
    if (this.state !== "open") throw new Error(`StreamPreview.${what}: the preview was already ${this.state}`);
  }
}

/** What one step of a stream writes over people's edits, and the edits it could not place. */
interface Step {
  nodes: PMNode[];
  displaced: { index: number; before: string; after: string }[];
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
