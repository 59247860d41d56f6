// A code canvas is one code block holding the source verbatim, so source ⇄ document is byte-identical
// (trailing newline included).
import { Fragment, type Node as PMNode } from "@tiptap/pm/model";
import { canvasSchema } from "../schema.ts";

export function codeBlockNode(source: string, language: string | null): PMNode {
  const schema = canvasSchema();
  return schema.nodes.codeBlock!.create({ language }, source ? schema.text(source) : null);
}

export function sourceToDoc(source: string, language: string | null): PMNode {
  return canvasSchema().topNodeType.create(null, Fragment.from(codeBlockNode(source, language)));
}

/** The source of a code canvas. Blocks a person added around the code block join with newlines. */
export function docToSource(doc: PMNode): string {
  const parts: string[] = [];
  doc.forEach((block) => parts.push(blockSource(block)));
  return parts.join("\n");
}

export function blockSource(block: PMNode): string {
  return block.textBetween(0, block.content.size, "\n", "\n");
}
