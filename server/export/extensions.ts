// File extensions of code canvases by language, for the names of exported source files.
export function fileExtension(language: string | null): string {
  const map: Record<string, string> = {
    typescript: "ts",
    ts: "ts",
    javascript: "js",
    js: "js",
    python: "py",
    py: "py",
    java: "java",
    cpp: "cpp",
    "c++": "cpp",
    c: "c",
    php: "php",
    go: "go",
    rust: "rs",
    ruby: "rb",
    csharp: "cs",
    kotlin: "kt",
    swift: "swift",
    html: "html",
    css: "css",
    json: "json",
    sql: "sql",
    bash: "sh",
    shell: "sh",
    yaml: "yaml",
    markdown: "md",
  };
  return map[(language ?? "").toLowerCase()] ?? "txt";
}
