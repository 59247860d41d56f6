// Import and export of canvases as files: which kind and language a file becomes, and downloads.
import type { CanvasKind } from "../../shared/tools.ts";

const LANGUAGE_BY_EXTENSION: Record<string, string> = {
  ts: "typescript",
  tsx: "typescript",
  js: "javascript",
  jsx: "javascript",
  mjs: "javascript",
  cjs: "javascript",
  py: "python",
  java: "java",
  cpp: "cpp",
  cc: "cpp",
  hpp: "cpp",
  h: "c",
  c: "c",
  cs: "csharp",
  go: "go",
  rs: "rust",
  rb: "ruby",
  php: "php",
  kt: "kotlin",
  swift: "swift",
  sh: "bash",
  bash: "bash",
  sql: "sql",
  html: "html",
  css: "css",
  json: "json",
  yaml: "yaml",
  yml: "yaml",
};
const DOCUMENT_EXTENSIONS = new Set(["md", "markdown", "txt", "mdx"]);

export interface ImportedFile {
  title: string;
  kind: CanvasKind;
  language: string | null;
  content: string;
}

/** What a file becomes when opened as a canvas; null (with a reason) for files we cannot open. */
export function classifyFile(name: string): { kind: CanvasKind; language: string | null } | { error: string } {
  const extension = name.includes(".") ? name.split(".").pop()!.toLowerCase() : "";
  if (DOCUMENT_EXTENSIONS.has(extension) || extension === "") return { kind: "document", language: null };
  const language = LANGUAGE_BY_EXTENSION[extension];
  if (language) return { kind: "code", language };
  return { error: `“${name}” is not a markdown or code file. Open a .md, .txt or source file (.ts, .py, …).` };
}

export async function readImport(file: File, maxBytes = 5 * 1024 * 1024): Promise<ImportedFile | { error: string }> {
  if (file.size > maxBytes) return { error: `“${file.name}” is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.` };
  const kind = classifyFile(file.name);
  if ("error" in kind) return kind;
  const content = await file.text();
  const title = file.name.replace(/\.[^.]+$/, "") || file.name;
  return { title, ...kind, content };
}

export function downloadText(filename: string, text: string, type = "text/plain"): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
