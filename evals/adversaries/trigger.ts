// Adversary of the trigger suite: length-rule opens a canvas for any prompt of at least ten words that
// is not a question (the two-feature rule that scored 83% on the old trigger set).
import type { ToolCall } from "../../shared/tools.ts";

export function lengthRule(prompt: string): ToolCall | null {
  const words = prompt.trim().split(/\s+/).filter(Boolean).length;
  if (words < 10 || prompt.includes("?")) return null;
  return {
    name: "create_canvas",
    arguments: {
      title: prompt.slice(0, 60),
      kind: "document",
      language: null,
      content: `# ${prompt.slice(0, 80)}\n\n${prompt}`,
    },
  };
}
