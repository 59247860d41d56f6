// Import and export of canvases as files: which kind and language a file becomes, and downloads.
import type { CanvasKind } from "../../shared/tools.ts";
import { canvasTypeForFile } from "../../shared/languages.ts";

export interface ImportedFile {
  title: string;
  kind: CanvasKind;
  language: string | null;
  content: string;
}

/** What a file becomes when opened as a canvas, or why it cannot be opened. */
function classifyFile(name: string): { kind: CanvasKind; language: string | null } | { error: string } {
  const type = canvasTypeForFile(name);
  if (type) return type;
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
