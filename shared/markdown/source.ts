// The markdown a top-level block was parsed from, kept on the block (its `markdown` attribute, stored in
// Yjs with the block) so a block nobody edited is written back exactly as its author wrote it: list
// markers, emphasis style, escapes, hard wraps, reference links, the blank lines before it.
//
// The source is only trusted while the block still says what it said when parsed: `key` is a hash of
// the block's content and attributes at parse time. Once a person or the model changes the block, the
// key no longer matches and the block is serialised from its nodes; undoing the change brings it back.
import type { Mark, NodeType, Node as PMNode } from "@tiptap/pm/model";

export const SOURCE_ATTRIBUTE = "markdown";

export interface BlockSource {
  /** The block's markdown, exactly as parsed (no trailing newline). */
  text?: string;
  /** Hash of the block as parsed, without this attribute. */
  key?: string;
  /** What separated the block from the one before it, when it was not one blank line ("\n\n"). */
  gap?: string;
}

export const DEFAULT_GAP = "\n\n";

function sourceOf(node: PMNode): BlockSource | null {
  const value: unknown = node.attrs[SOURCE_ATTRIBUTE];
  return value && typeof value === "object" ? (value as BlockSource) : null;
}

/** `node` carrying `text` as its source (null: none) and `gap` as what preceded it. */
export function withSource(node: PMNode, text: string | null, gap: string): PMNode {
  if (!(SOURCE_ATTRIBUTE in node.attrs)) return node;
  const value: BlockSource = {};
  if (text !== null) {
    if (!plainParagraph(node, text)) value.text = text;
    value.key = contentKey(node);
  }
  if (gap !== DEFAULT_GAP && /\n/.test(gap) && /^\s*$/.test(gap)) value.gap = gap;
  const attrs = { ...node.attrs, [SOURCE_ATTRIBUTE]: Object.keys(value).length ? value : null };
  return node.type.create(attrs, node.content, node.marks);
}

/** `node` without its kept text (its key and gap stay): for a block whose markdown is what the serialiser writes. */
export function withoutText(node: PMNode): PMNode {
  const source = sourceOf(node);
  if (source?.text === undefined) return node;
  const value: BlockSource = { ...source };
  delete value.text;
  return node.type.create({ ...node.attrs, [SOURCE_ATTRIBUTE]: value }, node.content, node.marks);
}

/**
 * A paragraph of plain prose whose markdown is its text, with none of the characters the serialiser
 * escapes: it serialises back to the same bytes, so it needs no kept source (most paragraphs: a small
 * Yjs document, and a one-word edit sends a one-word update).
 */
function plainParagraph(node: PMNode, text: string): boolean {
  return (
    node.type.name === "paragraph" &&
    node.childCount === 1 &&
    node.firstChild!.isText &&
    node.firstChild!.marks.length === 0 &&
    node.textContent === text &&
    !/[*_<>&[\]`~\\]/.test(text)
  );
}

/**
 * Whether the block is as it was parsed (`kept`), and then its source when that is not simply what the
 * serialiser writes (`text`; null: serialise it).
 */
export function keptSource(node: PMNode): { kept: boolean; text: string | null } {
  const source = sourceOf(node);
  if (source?.key === undefined || source.key !== contentKey(node)) return { kept: false, text: null };
  return { kept: true, text: source.text ?? null };
}

/** The separator kept before the block, if any. */
export function keptGap(node: PMNode): string | null {
  return sourceOf(node)?.gap ?? null;
}

/** `node` with the gap of `other` (to compare a block re-parsed from a slice with the one it stands for). */
export function withGapOf(node: PMNode, other: PMNode): PMNode {
  const mine = sourceOf(node);
  const theirs = sourceOf(other);
  if ((mine?.gap ?? null) === (theirs?.gap ?? null)) return node;
  const value: BlockSource = { ...mine };
  if (theirs?.gap !== undefined) value.gap = theirs.gap;
  else delete value.gap;
  const attrs = { ...node.attrs, [SOURCE_ATTRIBUTE]: Object.keys(value).length ? value : null };
  return node.type.create(attrs, node.content, node.marks);
}

/** A hash of the block without its source attribute: what the block says (types, attributes, marks, text). */
function contentKey(node: PMNode): string {
  const hash = new Hash();
  hashNode(hash, node, true);
  return hash.digest();
}

/** What a mark adds to a content key: its name, and its attributes when it has any (marks are shared, so this is kept). */
const markKeys = new WeakMap<Mark, string | null>();

function markKey(mark: Mark): string | null {
  let key = markKeys.get(mark);
  if (key === undefined) {
    key = Object.keys(mark.attrs).length ? JSON.stringify(mark.attrs) : null;
    markKeys.set(mark, key);
  }
  return key;
}

/**
 * A node type's attribute names, in the order its nodes' attributes are built in: the order of its spec
 * (prosemirror's attrs are dictionary objects, slow to enumerate node by node).
 */
const attrNames = new WeakMap<NodeType, readonly string[]>();

function attributesOf(type: NodeType): readonly string[] {
  let names = attrNames.get(type);
  if (!names) {
    names = Object.keys(type.spec.attrs ?? {});
    attrNames.set(type, names);
  }
  return names;
}

function hashNode(hash: Hash, node: PMNode, top: boolean): void {
  hash.add(node.type.name);
  const attrs = node.attrs;
  for (const name of attributesOf(node.type)) {
    if (top && name === SOURCE_ATTRIBUTE) continue;
    const value: unknown = attrs[name];
    hash.add(value === null || typeof value !== "object" ? String(value) : JSON.stringify(value));
  }
  for (const mark of node.marks) {
    hash.add(mark.type.name);
    const key = markKey(mark);
    if (key !== null) hash.add(key);
  }
  if (node.isText) hash.add(node.text!);
  hash.add("(");
  const content = node.content;
  for (let i = 0; i < content.childCount; i++) hashNode(hash, content.child(i), false);
  hash.add(")");
}

/** cyrb53, fed piece by piece: a fast 53-bit string hash (not cryptographic; it tells edited from untouched). */
class Hash {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;

  add(text: string): void {
    let { h1, h2 } = this;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ code, 2654435761);
      h2 = Math.imul(h2 ^ code, 1597334677);
    }
    // A separator, so ("ab", "c") and ("a", "bc") differ.
    h1 = Math.imul(h1 ^ 0x1f, 2654435761);
    h2 = Math.imul(h2 ^ 0x1f, 1597334677);
    this.h1 = h1;
    this.h2 = h2;
  }

  digest(): string {
    let { h1, h2 } = this;
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
  }
}

/** True when two blocks say the same thing, whatever source or gap they keep. */
export function sameBlock(a: PMNode, b: PMNode): boolean {
  if (a === b) return true;
  if (a.type !== b.type || !a.content.eq(b.content) || !sameMarkSet(a, b)) return false;
  for (const key of Object.keys(a.attrs)) {
    if (key === SOURCE_ATTRIBUTE) continue;
    if (JSON.stringify(a.attrs[key]) !== JSON.stringify(b.attrs[key])) return false;
  }
  return true;
}

function sameMarkSet(a: PMNode, b: PMNode): boolean {
  return a.marks.length === b.marks.length && a.marks.every((mark, i) => mark.eq(b.marks[i]!));
}
