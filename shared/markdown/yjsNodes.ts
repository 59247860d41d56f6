// Read one Yjs element as a ProseMirror node, the way @tiptap/y-tiptap's binding does (same mark
// attribute names, same handling of overlapping-mark hashes), but without the binding's side effect of
// deleting nodes it cannot read: a reader must not write.
import * as Y from "yjs";
import type { Mark, Node as PMNode, Schema } from "@tiptap/pm/model";

const HASHED_MARK = /(.*)(--[a-zA-Z0-9+/=]{8})$/;

export function yElementToNode(element: Y.XmlElement, schema: Schema): PMNode | null {
  const children: PMNode[] = [];
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlElement) {
      const node = yElementToNode(child, schema);
      if (node) children.push(node);
    } else if (child instanceof Y.XmlText) {
      const nodes = yTextToNodes(child, schema);
      if (nodes) children.push(...nodes);
    }
  }
  try {
    return schema.node(element.nodeName, element.getAttributes() as Record<string, unknown>, children);
  } catch {
    return null;
  }
}

function yTextToNodes(text: Y.XmlText, schema: Schema): PMNode[] | null {
  const nodes: PMNode[] = [];
  try {
    for (const delta of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
      if (typeof delta.insert !== "string" || delta.insert === "") continue;
      const marks: Mark[] = [];
      for (const [name, attrs] of Object.entries(delta.attributes ?? {})) {
        marks.push(schema.mark(HASHED_MARK.exec(name)?.[1] ?? name, attrs as Record<string, unknown>));
      }
      nodes.push(schema.text(delta.insert, marks));
    }
  } catch {
    return null;
  }
  return nodes;
}

/** Size of a Yjs node as ProseMirror counts it (leaf nodes are 1, others 2 + content). */
export function yNodeSize(node: Y.XmlElement | Y.XmlText | Y.XmlHook, schema: Schema): number {
  if (node instanceof Y.XmlText) return node.length;
  if (!(node instanceof Y.XmlElement)) return 0;
  const type = schema.nodes[node.nodeName];
  if (type?.isLeaf) return 1;
  let size = 2;
  for (const child of node.toArray()) size += yNodeSize(child, schema);
  return size;
}
