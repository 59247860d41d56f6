// Adversaries of the edit suite:
//   delete-region: deletes the blocks the instruction is about (the oracle region: target passages,
//     mustNotContain text, the selection) with a targeted edit; right only for deletion tasks;
//   lorem-rewrite: rewrites the canvas with lorem ipsum of the same shape (headings, list items, word
//     counts kept);
//   always-rewrite: whatever the offline engine would change, delivered as a full rewrite;
//   keyword-mode: a rewrite that changes nothing when the instruction says translate/rewrite/port/
//     shorten/…, else a targeted edit that adds one space inside the region.
import { decideLocal } from "../../server/agent/local/index.ts";
import type { TurnInput } from "../../server/agent/types.ts";
import type { ToolCall } from "../../shared/tools.ts";
import type { EditCase } from "../dataset.ts";
import { expectedRegion } from "../graders/edit.ts";

const LOREM =
  "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua".split(
    " ",
  );

function lorem(count: number, offset: number): string {
  return Array.from({ length: Math.max(1, count) }, (_, index) => LOREM[(offset + index) % LOREM.length]!).join(" ");
}

/** The canvas with every line's words replaced by lorem ipsum, keeping markdown prefixes and indentation. */
export function loremOf(content: string): string {
  let offset = 0;
  return content
    .split("\n")
    .map((line) => {
      const match = /^(\s*(?:#{1,6} |[-*+] (?:\[[ x]\] )?|\d+\. |> )?)(.*)$/.exec(line)!;
      const words = match[2]!.match(/\S+/g)?.length ?? 0;
      if (!words) return line;
      offset += words;
      return `${match[1]}${lorem(words, offset)}`;
    })
    .join("\n");
}

function regionTexts(item: EditCase, content: string): string[] {
  return (expectedRegion(item, content) ?? [])
    .map((span) => content.slice(span.start, span.end).trim())
    .filter(Boolean);
}

export function deleteRegion(item: EditCase, content: string): ToolCall | null {
  const blocks = regionTexts(item, content);
  const last = content
    .trim()
    .split(item.canvas.kind === "code" ? "\n" : "\n\n")
    .pop();
  const targets = blocks.length ? blocks : last ? [last] : [];
  if (!targets.length) return null;
  return {
    name: "edit_canvas",
    arguments: { edits: targets.map((find) => ({ find, replace: "", all: false })), summary: "Removed it." },
  };
}

export function loremRewrite(content: string): ToolCall {
  return { name: "rewrite_canvas", arguments: { content: loremOf(content), summary: "Rewrote it." } };
}

const REWRITE_WORDS =
  /\b(?:translat\w*|rewrite|re-write|rewrit\w*|port|shorten|condense|summari[sz]e|convert|restructure|turn (?:it|this|the \w+) into|as an? (?:poem|letter|email|faq|outline|list))\b/i;

export function keywordMode(item: EditCase, content: string, instruction: string): ToolCall {
  if (REWRITE_WORDS.test(instruction))
    return { name: "rewrite_canvas", arguments: { content, summary: "Rewrote it." } };
  const block = regionTexts(item, content)[0] ?? content.trim().split("\n")[0] ?? content;
  const firstWord = /^\S+/.exec(block)?.[0] ?? block;
  let find = block.slice(0, Math.min(block.length, 60));
  while (content.indexOf(find) !== content.lastIndexOf(find) && find.length < block.length)
    find = block.slice(0, find.length + 20);
  const replace = find.replace(firstWord, `${firstWord} `);
  return { name: "edit_canvas", arguments: { edits: [{ find, replace, all: false }], summary: "Edited it." } };
}

/** The text an edit_canvas call would leave, by plain string replacement (enough for the offline engine's calls). */
function applyLiterally(content: string, call: ToolCall): string {
  if (call.name === "rewrite_canvas") return call.arguments.content;
  if (call.name !== "edit_canvas") return content;
  let text = content;
  for (const edit of call.arguments.edits)
    text = edit.all ? text.split(edit.find).join(edit.replace) : text.replace(edit.find, () => edit.replace);
  return text;
}

export async function alwaysRewrite(input: TurnInput): Promise<ToolCall | null> {
  const content = input.canvas?.content;
  if (content === undefined) return null;
  const decision = await decideLocal(input);
  const after = decision.toolCall ? applyLiterally(content, decision.toolCall) : content;
  return { name: "rewrite_canvas", arguments: { content: after, summary: "Rewrote the canvas." } };
}
