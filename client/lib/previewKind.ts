// Which live preview fits a code canvas, from its language and (when the language does not say) its
// first lines: HTML pages, SVG images, Mermaid diagrams and React components (JSX/TSX).
import type { PreviewKind } from "../preview/protocol.ts";

const MERMAID_START =
  /^\s*(?:%%.*\n\s*)*(?:graph|flowchart|sequenceDiagram|classDiagram|stateDiagram(?:-v2)?|erDiagram|gantt|pie|journey|gitGraph|mindmap|timeline|quadrantChart|requirementDiagram|C4Context|sankey-beta|xychart-beta|block-beta|kanban|packet-beta|architecture-beta)\b/;
const JSX_HINT = /from\s+["']react["']|<[A-Z][\w.]*[\s/>]|return\s*\(\s*<|=>\s*\(?\s*<[a-z]/;

export function previewKind(language: string | null, source: string): PreviewKind | null {
  const lang = (language ?? "").toLowerCase();
  const head = source.trimStart().slice(0, 400).toLowerCase();
  if (lang === "mermaid" || lang === "mmd") return "mermaid";
  if (lang === "svg" || ((lang === "xml" || lang === "html") && head.startsWith("<svg"))) return "svg";
  if (lang === "html" || lang === "htm") return "html";
  if (["javascript", "typescript", "jsx", "tsx", "js", "ts"].includes(lang))
    return JSX_HINT.test(source) ? "react" : null;
  if (lang === "" || lang === "plaintext" || lang === "markdown" || lang === "text") {
    if (MERMAID_START.test(source)) return "mermaid";
    if (head.startsWith("<svg") || (head.startsWith("<?xml") && head.includes("<svg"))) return "svg";
    if (head.startsWith("<!doctype html") || head.startsWith("<html")) return "html";
  }
  return null;
}

export const PREVIEW_LABELS: Record<PreviewKind, string> = {
  html: "HTML page",
  svg: "SVG image",
  mermaid: "Mermaid diagram",
  react: "React component",
};
