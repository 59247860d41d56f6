// The fast rewrite path: when the model chooses rewrite_canvas and the engine supports Predicted
// Outputs, the first stream is dropped at the tool's name and a second call without tools writes the
// new text, predicted by the current canvas, streaming it into the canvas block by block.
import type * as Y from "yjs";
import { canvasesMap } from "../../shared/room.ts";
import { canvasText } from "../../shared/markdown/index.ts";
import { startStreamingWrite, type AgentOrigin, type EngineResult } from "../../shared/engine/index.ts";
import type { ToolCall } from "../../shared/tools.ts";
import type { ModelMessage, TurnEngine } from "./types.ts";

export const PREDICTED_REWRITE_INSTRUCTION =
  "Rewrite the open canvas as the user asked. Answer with the complete new content of the canvas only — " +
  "markdown for a document, raw source for code — with no preamble, no explanation and no code fences around it.";

export interface PredictedRewriteResult {
  call: Extract<ToolCall, { name: "rewrite_canvas" }>;
  result: EngineResult;
}

export async function runPredictedRewrite(options: {
  doc: Y.Doc;
  canvasId: string;
  predictedRewrite: NonNullable<TurnEngine["predictedRewrite"]>;
  messages: ModelMessage[];
  origin: AgentOrigin;
  signal: AbortSignal;
  onWriting?: (canvasId: string) => void;
}): Promise<PredictedRewriteResult> {
  const { doc, canvasId, origin } = options;
  const meta = canvasesMap(doc).get(canvasId)!;
  const writer = startStreamingWrite(doc, { canvasId, kind: meta.kind, language: meta.language, origin });
  let content = "";
  try {
    const stream = options.predictedRewrite({
      messages: [...options.messages, { role: "user", content: PREDICTED_REWRITE_INSTRUCTION }],
      currentText: canvasText(doc, canvasId),
      signal: options.signal,
    });
    for await (const delta of stream) {
      content += delta;
      writer.update(unfence(content));
      options.onWriting?.(canvasId);
    }
  } catch (error) {
    writer.abort();
    throw error;
  }
  const call: PredictedRewriteResult["call"] = {
    name: "rewrite_canvas",
    arguments: { content: unfence(content), summary: "Rewrote the canvas" },
  };
  return { call, result: writer.finish(call.arguments.content, call) };
}

/** Models sometimes wrap the whole answer in one code fence despite the instruction: unwrap it. */
export function unfence(text: string): string {
  const match = /^\s*(`{3,}|~{3,})[^\n]*\n([\s\S]*?)\n?\1\s*$/.exec(text);
  return match ? match[2]! : text;
}
