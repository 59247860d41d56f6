// Markdown from a model is untrusted: links and images with script-capable URLs must never reach the
// document, and the parser's JSON must fit the canvas schema (a block image inside a paragraph, for
// example, is lifted out instead of making the whole document invalid).
import type { JSONContent } from "@tiptap/core";
import type { Schema } from "@tiptap/pm/model";

const LINK_SCHEMES = new Set(["http", "https", "mailto", "tel"]);
const IMAGE_SCHEMES = new Set(["http", "https"]);

/** True when a URL is relative or uses an allowed scheme; javascript:, data:, vbscript:, the rest, and URLs carrying markup are refused. */
export function isSafeUrl(url: string, kind: "link" | "image"): boolean {
  // Angle brackets and quotes never appear unencoded in a real URL; in one they can only carry markup.
  if (/[<>"`]/.test(decodeEntities(url))) return false;
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"), so do we.
  const compact = decodeEntities(url)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0020\u007f-\u009f]/g, "")
    .toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact);
  if (!scheme) return true;
  return (kind === "link" ? LINK_SCHEMES : IMAGE_SCHEMES).has(scheme[1]!);
}

/**
 * True when text names a scheme sanitising refuses as a URL would ("javascript:", "java\tscript:",
 * "&#106;avascript:"): markdown that mentions one is never kept verbatim when the model wrote it.
 */
export function mentionsUnsafeScheme(text: string): boolean {
  const compact = decodeEntities(text)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0020\u007f-\u009f]/g, "")
    .toLowerCase();
  return /(?:^|[^a-z0-9+.-])(?:javascript|vbscript|livescript|data|file|blob):/.test(compact);
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16) % 0x110000))
    .replace(/&#([0-9]+);?/g, (_, dec: string) => String.fromCodePoint(Number.parseInt(dec, 10) % 0x110000))
    .replace(/&colon;?/gi, ":")
    .replace(/&tab;?/gi, "\t")
    .replace(/&newline;?/gi, "\n");
}

/** Drop unsafe link marks and unsafe images, and reshape the JSON so every node sits where the schema allows. */
export function sanitizeJson(schema: Schema, doc: JSONContent): JSONContent {
  return { type: "doc", content: (doc.content ?? []).flatMap((child) => fixNode(schema, child, true)) };
}

function fixNode(schema: Schema, node: JSONContent, topLevel: boolean): JSONContent[] {
  const type = node.type ? schema.nodes[node.type] : undefined;
  if (!type) return node.text ? [{ type: "paragraph", content: [{ type: "text", text: node.text }] }] : [];
  if (node.type === "text") {
    const clean = { ...node, marks: safeMarks(node) };
    if (!clean.marks?.length) delete clean.marks;
    if (!clean.text) return [];
    return topLevel ? [{ type: "paragraph", content: [clean] }] : [clean];
  }
  if (node.type === "image") {
    const src = typeof node.attrs?.src === "string" ? node.attrs.src : "";
    return src && isSafeUrl(src, "image") ? [node] : [];
  }
  if (type.isInline && topLevel) return [{ type: "paragraph", content: fixNode(schema, node, false) }];
  const children = (node.content ?? []).flatMap((child) => fixNode(schema, child, false));
  if (!type.isTextblock) {
    return [children.length || node.content ? { ...node, content: children } : node];
  }
  // A textblock holds inline content only: split it around any block child the parser put inside.
  const parts: JSONContent[] = [];
  let run: JSONContent[] = [];
  const flush = (force: boolean): void => {
    if (run.length || force) parts.push({ ...node, content: run });
    run = [];
  };
  for (const child of children) {
    const childType = child.type ? schema.nodes[child.type] : undefined;
    if (childType && !childType.isInline) {
      flush(false);
      parts.push(child);
    } else {
      run.push(child);
    }
  }
  flush(parts.length === 0);
  return parts;
}

function safeMarks(node: JSONContent): JSONContent["marks"] {
  return (node.marks ?? []).filter((mark) => {
    if (mark.type !== "link") return true;
    const href = typeof mark.attrs?.href === "string" ? mark.attrs.href : "";
    return isSafeUrl(href, "link");
  });
}
