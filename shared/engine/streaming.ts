// Streaming create and rewrite: content arrives in chunks; each complete block is written as soon as
// it is complete (through the same minimal-diff path, so blocks already shown do not flicker). A
// streamed rewrite shows the new blocks in place of the beginning of the old document and keeps the
// old rest until the end, so the canvas never looks truncated. `finish` writes the final content as a
// one-shot call would; `abort` reverts exactly what the stream wrote (human edits made meanwhile stay).
import * as Y from "yjs";
import type { Node as PMNode } from "@tiptap/pm/model";
import { canvasesMap, canvasFragment, newId, type CanvasMeta } from "../room.ts";
import type { CanvasKind, ToolCall } from "../tools.ts";
import { parseBlocks, readCanvasView, type CanvasBlock } from "../markdown/index.ts";
import { codeBlockNode } from "../markdown/code.ts";
import { canvasSchema } from "../schema.ts";
import { wholeResult } from "./applyToolCall.ts";
import type { AgentOrigin } from "./origin.ts";
import type { EngineResult } from "./types.ts";
import { forgetAgentStep } from "./undo.ts";
import { writeBlocks } from "./writeDoc.ts";
import { writeCanvasText } from "./writeText.ts";

export interface StreamingOptions {
  /** The canvas to rewrite; null to create a new one (then `title` names it). */
  canvasId: string | null;
  title?: string;
  kind: CanvasKind;
  language: string | null;
  origin: AgentOrigin;
}

export interface StreamingWriter {
  readonly canvasId: string;
  /** Append a chunk of content. */
  push(chunk: string): void;
  /** Set the whole content received so far (what a partial JSON parser gives). */
  update(contentSoFar: string): void;
  /** Write the final content (default: everything received) exactly as the one-shot call would. */
  finish(finalContent?: string, call?: ToolCall): EngineResult;
  /** Revert everything the stream wrote. */
  abort(): void;
}

export function startStreamingWrite(doc: Y.Doc, options: StreamingOptions): StreamingWriter {
  const { origin, kind } = options;
  const stepKey = origin.beginStep();
  const creating = options.canvasId === null;
  const canvasId = options.canvasId ?? newId();
  const existing = canvasesMap(doc).get(canvasId);
  if (!creating && !existing) throw new Error(`startStreamingWrite: no canvas "${canvasId}" to rewrite`);
  const fragment = canvasFragment(doc, canvasId);
  // Records exactly this stream's changes, so abort can revert them and nothing else.
  const revert = new Y.UndoManager([fragment, canvasesMap(doc)], {
    trackedOrigins: new Set([origin]),
    captureTimeout: 2 ** 31,
  });
  const language = kind === "code" ? options.language : null;
  if (creating) {
    const meta: CanvasMeta = {
      id: canvasId,
      title: options.title ?? "Untitled",
      kind,
      language,
      createdAt: Date.now(),
    };
    doc.transact(() => {
      canvasesMap(doc).set(canvasId, meta);
      writeBlocks(doc, fragment, [canvasSchema().nodes.paragraph!.create()]);
    }, origin);
  }
  const before = readCanvasView(fragment, kind);
  const oldBlocks: CanvasBlock[] = creating ? [] : before.blocks;
  const oldLines = kind === "code" ? before.text.split("\n") : [];

  let content = "";
  let completeUpTo = 0;
  let scanner = new BlockBoundaryScanner();
  let streamed: PMNode[] = [];
  let state: "open" | "finished" | "aborted" = "open";

  const render = (): void => {
    if (kind === "code") {
      const done = content.slice(0, completeUpTo);
      const lines = done.split("\n").slice(0, -1);
      const source = [...lines, ...oldLines.slice(lines.length)].join("\n");
      const node = codeBlockNode(creating ? done.replace(/\n$/, "") : source, language ?? existing?.language ?? null);
      doc.transact(() => writeBlocks(doc, fragment, [node]), origin);
      return;
    }
    const nodes = [...streamed, ...oldBlocks.slice(streamed.length).map((block) => block.node)];
    doc.transact(
      () => writeBlocks(doc, fragment, nodes.length ? nodes : [canvasSchema().nodes.paragraph!.create()]),
      origin,
    );
  };

  const advance = (): void => {
    const boundary = kind === "code" ? content.lastIndexOf("\n") + 1 : scanner.scan(content);
    if (boundary <= completeUpTo) return;
    // Blank lines at a slice's edges are separators, not the empty paragraphs they would parse to.
    if (kind === "document")
      streamed = streamed.concat(parseBlocks(content.slice(completeUpTo, boundary).replace(/^\n+|\n+$/g, "")));
    completeUpTo = boundary;
    render();
  };

  const assertOpen = (what: string): void => {
    if (state !== "open") throw new Error(`StreamingWriter.${what}: the stream is already ${state}`);
  };

  return {
    canvasId,
    push(chunk) {
      assertOpen("push");
      content += chunk;
      advance();
    },
    update(contentSoFar) {
      assertOpen("update");
      if (!contentSoFar.startsWith(content)) {
        // The partial value was revised (rare with partial JSON): start the streamed part over.
        streamed = [];
        completeUpTo = 0;
        scanner = new BlockBoundaryScanner();
      }
      content = contentSoFar;
      advance();
    },
    finish(finalContent, call) {
      assertOpen("finish");
      state = "finished";
      const text = finalContent ?? content;
      try {
        if (call && call.name === "create_canvas" && creating) {
          const meta = canvasesMap(doc).get(canvasId);
          const next: CanvasMeta = {
            id: canvasId,
            title: call.arguments.title,
            kind,
            language: kind === "code" ? call.arguments.language : null,
            createdAt: meta?.createdAt ?? Date.now(),
          };
          doc.transact(() => canvasesMap(doc).set(canvasId, next), origin);
        }
        const view = readCanvasView(fragment, kind);
        doc.transact(() => writeCanvasText(doc, view, text, null, language ?? existing?.language ?? null), origin);
      } finally {
        revert.destroy();
      }
      if (creating) {
        const title = canvasesMap(doc).get(canvasId)?.title ?? options.title ?? "Untitled";
        return wholeResult(canvasId, "", text, `Created "${title}"`);
      }
      const summary =
        call && call.name === "rewrite_canvas" && call.arguments.summary
          ? call.arguments.summary
          : "Rewrote the canvas";
      return wholeResult(canvasId, before.text, text, summary);
    },
    abort() {
      if (state !== "open") return;
      state = "aborted";
      try {
        while (revert.canUndo()) revert.undo();
      } finally {
        revert.destroy();
        forgetAgentStep(doc, stepKey);
      }
    },
  };
}

/** Length of the prefix made of complete blocks: up to the last blank line outside a code fence. */
export function completeMarkdownPrefix(content: string): number {
  return new BlockBoundaryScanner().scan(content);
}

/** Incremental: each call scans only the lines added since the last call (content only grows). */
class BlockBoundaryScanner {
  private fence: string | null = null;
  private boundary = 0;
  private lineStart = 0;

  scan(content: string): number {
    for (
      let newline = content.indexOf("\n", this.lineStart);
      newline !== -1;
      newline = content.indexOf("\n", this.lineStart)
    ) {
      const line = content.slice(this.lineStart, newline);
      const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (this.fence === null && marker) this.fence = marker;
      else if (
        this.fence !== null &&
        marker &&
        marker[0] === this.fence[0] &&
        marker.length >= this.fence.length &&
        line.trim() === marker
      ) {
        this.fence = null;
        this.boundary = newline + 1;
      } else if (this.fence === null && line.trim() === "" && this.lineStart > 0) {
        this.boundary = newline + 1;
      }
      this.lineStart = newline + 1;
    }
    return this.boundary;
  }
}
