// The fast rewrite path: when the model chooses rewrite_canvas and the engine supports Predicted
// Outputs, the first stream is dropped at the tool's name and a second call without tools writes the
// new text, predicted by the current canvas, as a content stream into the same tool call handle.
import type { EngineResult, ToolCallStream } from "../../shared/engine/index.ts";
import type { RewriteCanvasArgs } from "../../shared/tools.ts";
import type { ModelMessage, TurnEngine } from "./types.ts";

const PREDICTED_REWRITE_INSTRUCTION =
  "Rewrite the open canvas as the user asked. Answer with the complete new content of the canvas only — " +
  "markdown for a document, raw source for code — with no preamble, no explanation and no code fences around it.";

interface PredictedRewriteResult {
  arguments: RewriteCanvasArgs;
  result: EngineResult;
}

export async function runPredictedRewrite(options: {
  /** The rewrite_canvas call the model chose (its `prediction` is the current canvas). */
  call: ToolCallStream;
  predictedRewrite: NonNullable<TurnEngine["predictedRewrite"]>;
  messages: ModelMessage[];
  signal: AbortSignal;
  onWriting?: (canvasId: string) => void;
}): Promise<PredictedRewriteResult> {
  const { call } = options;
  const currentText = call.prediction;
  if (currentText === null) throw new Error(`runPredictedRewrite: "${call.name}" does not replace a whole canvas`);
  let content = "";
  try {
    const stream = options.predictedRewrite({
      messages: [...options.messages, { role: "user", content: PREDICTED_REWRITE_INSTRUCTION }],
      currentText,
      signal: options.signal,
    });
    for await (const delta of stream) {
      content += delta;
      call.setContent(unfence(content));
      if (call.canvasId) options.onWriting?.(call.canvasId);
    }
  } catch (error) {
    call.abort();
    throw error;
  }
  const args: RewriteCanvasArgs = { content: unfence(content), summary: "Rewrote the canvas" };
  return { arguments: args, result: call.finish(args) };
}

/** Models sometimes wrap the whole answer in one code fence despite the instruction: unwrap it. */
export function unfence(text: string): string {
  const match = /^\s*(`{3,}|~{3,})[^\n]*\n([\s\S]*?)\n?\1\s*$/.exec(text);
  return match ? match[2]! : text;
}
