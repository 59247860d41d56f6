// A fresh room Y.Doc holding one eval case's canvas, written the way the server writes canvases, and
// the canvas as the agent sees it (the text read back from the doc, so markdown is in the form the
// editor serialises).
import * as Y from "yjs";
import { canvasesMap, canvasFragment } from "../shared/room.ts";
import { canvasText, textToDoc } from "../shared/markdown/index.ts";
import { writeDoc } from "../shared/engine/writeDoc.ts";
import type { CaseCanvas } from "./dataset.ts";
import type { CanvasContext } from "../server/agent/types.ts";

export interface CaseDoc {
  doc: Y.Doc;
  canvasId: string | null;
  canvas: CanvasContext | null;
}

export function docForCase(canvas: CaseCanvas | undefined): CaseDoc {
  const doc = new Y.Doc();
  if (!canvas) return { doc, canvasId: null, canvas: null };
  const id = "eval-canvas";
  const language = canvas.kind === "code" ? (canvas.language ?? null) : null;
  doc.transact(() => {
    canvasesMap(doc).set(id, { id, title: canvas.title, kind: canvas.kind, language, createdAt: 0 });
    writeDoc(doc, canvasFragment(doc, id), textToDoc(canvas.content, canvas.kind, language));
  }, "eval-setup");
  return {
    doc,
    canvasId: id,
    canvas: { id, title: canvas.title, kind: canvas.kind, language, content: canvasText(doc, id) },
  };
}
