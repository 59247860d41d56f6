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
  // A document is titled by its first heading, as a reader would name it; code keeps its file name.
  const title =
    (kind.kind === "document" ? firstHeading(content) : null) ?? (file.name.replace(/\.[^.]+$/, "") || file.name);
  return { title, ...kind, content };
}

/** The text of a markdown document's first heading (ATX "# …" or setext "…\n===="), outside code fences. */
export function firstHeading(markdown: string): string | null {
  const lines = markdown.split(/\r?\n/);
  let fence: string | null = null;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker) {
      if (!fence) fence = marker[0]!;
      else if (marker[0] === fence) fence = null;
      continue;
    }
    if (fence) continue;
    const atx = /^ {0,3}#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$/.exec(line);
    if (atx) return clean(atx[1]!);
    const next = lines[index + 1];
    if (line.trim() && next !== undefined && /^ {0,3}(=+|-+)[ \t]*$/.test(next) && !/^\s*[-*+]\s/.test(line))
      return clean(line);
  }
  return null;
}

function clean(heading: string): string | null {
  const text = heading
    .replace(/[*_`~]/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .trim()
    .slice(0, 200);
  return text || null;
}

export function downloadText(filename: string, text: string, type = "text/plain"): void {
  downloadBlob(filename, new Blob([text], { type: `${type};charset=utf-8` }));
}

export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
