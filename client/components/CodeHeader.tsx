// The header of a code canvas: the language picker (changes the canvas's language for everyone and
// the code block's highlighting) and the file's line count.
import type { Editor } from "@tiptap/react";
import type * as Y from "yjs";
import { canvasesMap, type CanvasMeta } from "../../shared/room.ts";

export const CODE_LANGUAGES = [
  "typescript",
  "tsx",
  "javascript",
  "jsx",
  "python",
  "java",
  "cpp",
  "c",
  "csharp",
  "go",
  "rust",
  "ruby",
  "php",
  "kotlin",
  "swift",
  "bash",
  "sql",
  "html",
  "svg",
  "mermaid",
  "css",
  "json",
  "yaml",
  "markdown",
  "plaintext",
] as const;

export function CodeHeader({
  editor,
  canvas,
  doc,
  canWrite,
}: {
  editor: Editor;
  canvas: CanvasMeta;
  doc: Y.Doc;
  canWrite: boolean;
}) {
  const language = canvas.language ?? "plaintext";
  const options: string[] = CODE_LANGUAGES.includes(language as (typeof CODE_LANGUAGES)[number])
    ? [...CODE_LANGUAGES]
    : [language, ...CODE_LANGUAGES];

  function change(next: string) {
    const map = canvasesMap(doc);
    const meta = map.get(canvas.id);
    if (meta) map.set(canvas.id, { ...meta, language: next });
    editor
      .chain()
      .command(({ tr, state }) => {
        state.doc.forEach((node, offset) => {
          if (node.type.name === "codeBlock") tr.setNodeMarkup(offset, undefined, { ...node.attrs, language: next });
        });
        return true;
      })
      .run();
  }

  return (
    <div className="code-header">
      <label htmlFor={`language-${canvas.id}`}>Language</label>
      <select
        id={`language-${canvas.id}`}
        value={language}
        disabled={!canWrite}
        onChange={(event) => change(event.target.value)}
      >
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </div>
  );
}
