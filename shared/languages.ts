// The languages a code canvas knows: the name stored on the canvas (and on its code block, which
// lowlight highlights), the display name, the file extensions that open as it and the one an exported
// file gets, and its line comment. Import, export, the language picker, the CLI and the offline
// engine all read this one table.

export interface Language {
  /** Stored as the canvas's language; a name lowlight's `common` grammars highlight (tested). */
  readonly id: string;
  /** Shown in the language picker. */
  readonly name: string;
  /** Without the dot, lower case; the first one is what an exported file is called. */
  readonly extensions: readonly string[];
  /** Other names people and models write for it (`c++`, `golang`), besides the id and the extensions. */
  readonly aliases: readonly string[];
  /** The line comment marker, or null where the language has only block comments or none. */
  readonly lineComment: string | null;
}

// The most used first: the picker lists them in this order.
export const LANGUAGES = [
  { id: "typescript", name: "TypeScript", extensions: ["ts", "tsx", "mts", "cts"], aliases: [], lineComment: "//" },
  {
    id: "javascript",
    name: "JavaScript",
    extensions: ["js", "jsx", "mjs", "cjs"],
    aliases: ["node"],
    lineComment: "//",
  },
  { id: "python", name: "Python", extensions: ["py"], aliases: ["python3"], lineComment: "#" },
  { id: "java", name: "Java", extensions: ["java"], aliases: [], lineComment: "//" },
  { id: "cpp", name: "C++", extensions: ["cpp", "cc", "cxx", "hpp", "hh"], aliases: ["c++"], lineComment: "//" },
  { id: "c", name: "C", extensions: ["c", "h"], aliases: [], lineComment: "//" },
  { id: "csharp", name: "C#", extensions: ["cs"], aliases: ["c#"], lineComment: "//" },
  { id: "go", name: "Go", extensions: ["go"], aliases: ["golang"], lineComment: "//" },
  { id: "rust", name: "Rust", extensions: ["rs"], aliases: [], lineComment: "//" },
  { id: "ruby", name: "Ruby", extensions: ["rb"], aliases: [], lineComment: "#" },
  { id: "php", name: "PHP", extensions: ["php"], aliases: [], lineComment: "//" },
  { id: "kotlin", name: "Kotlin", extensions: ["kt", "kts"], aliases: [], lineComment: "//" },
  { id: "swift", name: "Swift", extensions: ["swift"], aliases: [], lineComment: "//" },
  { id: "bash", name: "Bash", extensions: ["sh", "bash", "zsh"], aliases: ["shell"], lineComment: "#" },
  { id: "sql", name: "SQL", extensions: ["sql"], aliases: [], lineComment: "--" },
  // Not a grammar of its own in lowlight: an alias of xml, kept as the name people and models use.
  { id: "html", name: "HTML", extensions: ["html", "htm"], aliases: [], lineComment: null },
  { id: "css", name: "CSS", extensions: ["css"], aliases: [], lineComment: null },
  { id: "json", name: "JSON", extensions: ["json"], aliases: [], lineComment: null },
  { id: "yaml", name: "YAML", extensions: ["yaml", "yml"], aliases: [], lineComment: "#" },
  // Markdown and plain text files open as documents; as languages they exist for code canvases.
  { id: "markdown", name: "Markdown", extensions: ["md", "markdown"], aliases: [], lineComment: null },
  { id: "plaintext", name: "Plain text", extensions: ["txt"], aliases: ["text"], lineComment: null },
  { id: "scss", name: "SCSS", extensions: ["scss"], aliases: [], lineComment: "//" },
  { id: "less", name: "Less", extensions: ["less"], aliases: [], lineComment: "//" },
  { id: "xml", name: "XML", extensions: ["xml", "svg"], aliases: [], lineComment: null },
  { id: "lua", name: "Lua", extensions: ["lua"], aliases: [], lineComment: "--" },
  { id: "r", name: "R", extensions: ["r"], aliases: [], lineComment: "#" },
  { id: "perl", name: "Perl", extensions: ["pl", "pm"], aliases: [], lineComment: "#" },
  { id: "graphql", name: "GraphQL", extensions: ["graphql", "gql"], aliases: [], lineComment: "#" },
  { id: "objectivec", name: "Objective-C", extensions: ["m", "mm"], aliases: [], lineComment: "//" },
  { id: "makefile", name: "Makefile", extensions: ["mk"], aliases: ["make"], lineComment: "#" },
  { id: "ini", name: "INI / TOML", extensions: ["ini", "toml"], aliases: [], lineComment: null },
  { id: "diff", name: "Diff", extensions: ["diff", "patch"], aliases: [], lineComment: null },
  { id: "vbnet", name: "Visual Basic .NET", extensions: ["vb"], aliases: [], lineComment: "'" },
  { id: "arduino", name: "Arduino", extensions: ["ino"], aliases: [], lineComment: "//" },
  { id: "wasm", name: "WebAssembly text", extensions: ["wat"], aliases: [], lineComment: ";;" },
] as const satisfies readonly Language[];

type Entry = (typeof LANGUAGES)[number];
export type LanguageId = Entry["id"];

/** File extensions that open as a document canvas (markdown), not as code. */
export const DOCUMENT_EXTENSIONS: readonly string[] = ["md", "markdown", "mdx", "txt"];

const byName = new Map<string, Entry>();
const byExtension = new Map<string, Entry>();
for (const language of LANGUAGES) {
  for (const extension of language.extensions) byExtension.set(extension, language);
  for (const name of [language.id, ...language.aliases, ...language.extensions]) byName.set(name, language);
}

/** The language a name stands for: its id, an alias or an extension, in any case; null when unknown. */
export function findLanguage(name: string | null | undefined): Entry | null {
  return byName.get((name ?? "").trim().toLowerCase()) ?? null;
}

/** The language of a file extension (`tsx` or `.tsx`), or null when it is not one of ours. */
export function languageForExtension(extension: string): LanguageId | null {
  return byExtension.get(extension.replace(/^\./, "").toLowerCase())?.id ?? null;
}

/** The extension (without the dot) a canvas in this language is saved with; `txt` when unknown. */
export function fileExtension(language: string | null): string {
  return findLanguage(language)?.extensions[0] ?? "txt";
}

/** A file name's extension, lower case without the dot; "" when it has none. */
function extensionOf(fileName: string): string {
  return fileName.includes(".") ? fileName.split(".").pop()!.toLowerCase() : "";
}

/** What a file becomes when opened as a canvas, by its name; null when it is neither markdown nor code. */
export function canvasTypeForFile(
  fileName: string,
): { kind: "document"; language: null } | { kind: "code"; language: LanguageId } | null {
  const extension = extensionOf(fileName);
  if (extension === "" || DOCUMENT_EXTENSIONS.includes(extension)) return { kind: "document", language: null };
  const language = languageForExtension(extension);
  return language ? { kind: "code", language } : null;
}

/** Every extension that opens as a canvas, for a file input's `accept` attribute. */
export const ACCEPTED_FILE_TYPES = [...DOCUMENT_EXTENSIONS, ...byExtension.keys()]
  .filter((extension, index, all) => all.indexOf(extension) === index)
  .map((extension) => `.${extension}`)
  .join(",");
