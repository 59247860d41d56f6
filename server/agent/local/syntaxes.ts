// How strings and comments look in each language the code canvas offers: the table lexer.ts reads.
// JS/TS have their own scanner (lexJs.ts: regex literals and JSX depend on the token before).

/** A string literal: an opening (prefixes included), and how it ends. */
export interface StringRule {
  /** Sticky pattern for the opening, tried where a token may start. */
  open: RegExp;
  /** The closing delimiter for this opening (raw strings end with their own delimiter). */
  close: (open: RegExpExecArray) => string;
  /** Backslash escapes the next character. */
  escapes: boolean | ((open: RegExpExecArray) => boolean);
  /** The closing delimiter written twice stands for itself (SQL's '', C#'s verbatim ""). */
  doubled?: boolean;
  multiline: boolean;
  /** Code embedded in the string (`${…}`, f-string `{…}`, Swift `\(…)`), and the doubled opener that escapes it. */
  interpolation?: { open: string; close: string; escaped?: string } | ((open: RegExpExecArray) => Interpolation | null);
  /** A bare reference to an identifier inside the string: Kotlin/PHP/shell `$name`, Rust format `{name}`. */
  reference?: RegExp;
}

export interface Interpolation {
  open: string;
  close: string;
  escaped?: string;
}

/** A literal matched whole (Rust and C char literals, where a lone quote may be a lifetime). */
export interface LiteralRule {
  literal: RegExp;
}

export interface Syntax {
  lineComments: readonly string[];
  /** Line comments that only start a token (shell `#` is also `$#`). */
  lineCommentsAtTokenStart?: readonly string[];
  blockComments: readonly { open: string; close: string; nests?: boolean; atLineStart?: boolean }[];
  strings: readonly (StringRule | LiteralRule)[];
  /** Characters identifiers are made of besides letters, digits and `_`. */
  identifierExtra: string;
  /** How blocks nest, for telling a function body from module level: by indentation, by braces, or not known. */
  blocks: "indent" | "braces" | "none";
}

const quoted = (quote: string, options: Partial<StringRule> = {}): StringRule => ({
  open: new RegExp(quote.replace(/[$()*+.?[\\\]^{|}]/g, "\\$&"), "y"),
  close: () => quote,
  escapes: true,
  multiline: false,
  ...options,
});

const C_CHAR: LiteralRule = {
  literal: /(?:u8|[uUL])?'(?:\\(?:x[0-9a-fA-F]+|u\{?[0-9a-fA-F]+\}?|[0-7]{1,3}|.)|[^'\\\n])'/y,
};
const C_COMMENTS = { lineComments: ["//"], blockComments: [{ open: "/*", close: "*/" }] } as const;
const NESTED_COMMENTS = { lineComments: ["//"], blockComments: [{ open: "/*", close: "*/", nests: true }] } as const;
const DOLLAR_REFERENCE = /\$([A-Za-z_][\w]*)/y;

const PYTHON: Syntax = {
  blocks: "indent",
  lineComments: ["#"],
  blockComments: [],
  identifierExtra: "",
  strings: (['"""', "'''", '"', "'"] as const).map((quote) => ({
    open: new RegExp(`[rRbBuUfF]{0,2}${quote}`, "y"),
    close: () => quote,
    escapes: (open) => !/[rR]/.test(open[0]),
    multiline: quote.length === 3,
    interpolation: (open) => (/[fF]/.test(open[0]) ? { open: "{", close: "}", escaped: "{{" } : null),
  })),
};

const C_LIKE: Syntax = {
  blocks: "braces",
  ...C_COMMENTS,
  identifierExtra: "",
  strings: [
    {
      open: /(?:u8|[uUL])?R"([^()\\\s]{0,16})\(/y,
      close: (open) => `)${open[1]}"`,
      escapes: false,
      multiline: true,
    },
    { ...quoted('"'), open: /(?:u8|[uUL])?"/y },
    C_CHAR,
  ],
};

const JAVA: Syntax = {
  blocks: "braces",
  ...C_COMMENTS,
  identifierExtra: "$",
  strings: [quoted('"""', { multiline: true }), quoted('"'), C_CHAR],
};

const CSHARP: Syntax = {
  blocks: "braces",
  ...C_COMMENTS,
  identifierExtra: "",
  strings: [
    quoted('"""', { escapes: false, multiline: true }),
    {
      open: /(?:\$@|@\$)"/y,
      close: () => '"',
      escapes: false,
      doubled: true,
      multiline: true,
      interpolation: { open: "{", close: "}", escaped: "{{" },
    },
    { open: /@"/y, close: () => '"', escapes: false, doubled: true, multiline: true },
    { ...quoted('"'), open: /\$"/y, interpolation: { open: "{", close: "}", escaped: "{{" } },
    quoted('"'),
    C_CHAR,
  ],
};

const GO: Syntax = {
  blocks: "braces",
  ...C_COMMENTS,
  identifierExtra: "",
  strings: [quoted("`", { escapes: false, multiline: true }), quoted('"'), C_CHAR],
};

const RUST: Syntax = {
  blocks: "braces",
  ...NESTED_COMMENTS,
  identifierExtra: "",
  strings: [
    { open: /b?r(#*)"/y, close: (open) => `"${open[1]}`, escapes: false, multiline: true },
    // `{name}` in a format string is the variable `name` (println!("{total}")): renaming must reach it.
    { ...quoted('"', { multiline: true }), open: /b?"/y, reference: /\{([A-Za-z_]\w*)(?=[:}])/y },
    { literal: /b?'(?:\\(?:x[0-9a-fA-F]{2}|u\{[0-9a-fA-F]{1,6}\}|.)|[^'\\\n])'/y },
  ],
};

const KOTLIN: Syntax = {
  blocks: "braces",
  ...NESTED_COMMENTS,
  identifierExtra: "",
  strings: [
    quoted('"""', {
      escapes: false,
      multiline: true,
      interpolation: { open: "${", close: "}" },
      reference: DOLLAR_REFERENCE,
    }),
    quoted('"', { interpolation: { open: "${", close: "}" }, reference: DOLLAR_REFERENCE }),
    C_CHAR,
  ],
};

const SWIFT: Syntax = {
  blocks: "braces",
  ...NESTED_COMMENTS,
  identifierExtra: "",
  strings: [
    { open: /(#+)"/y, close: (open) => `"${open[1]}`, escapes: false, multiline: true },
    quoted('"""', { multiline: true, interpolation: { open: "\\(", close: ")" } }),
    quoted('"', { interpolation: { open: "\\(", close: ")" } }),
  ],
};

const PHP: Syntax = {
  blocks: "braces",
  lineComments: ["//", "#"],
  blockComments: [{ open: "/*", close: "*/" }],
  identifierExtra: "",
  strings: [quoted("'", { multiline: true }), quoted('"', { multiline: true, reference: DOLLAR_REFERENCE })],
};

const RUBY: Syntax = {
  blocks: "none",
  lineComments: ["#"],
  blockComments: [{ open: "=begin", close: "=end", atLineStart: true }],
  identifierExtra: "",
  strings: [
    quoted('"', { multiline: true, interpolation: { open: "#{", close: "}" } }),
    quoted("'", { multiline: true }),
  ],
};

const SHELL: Syntax = {
  blocks: "none",
  lineComments: [],
  lineCommentsAtTokenStart: ["#"],
  blockComments: [],
  identifierExtra: "",
  strings: [
    quoted("'", { escapes: false, multiline: true }),
    quoted('"', { multiline: true, interpolation: { open: "$(", close: ")" }, reference: /\$\{?([A-Za-z_]\w*)/y }),
  ],
};

const SQL: Syntax = {
  blocks: "none",
  lineComments: ["--"],
  blockComments: [{ open: "/*", close: "*/" }],
  identifierExtra: "",
  // "double quotes" are quoted identifiers in SQL: code, not text.
  strings: [quoted("'", { escapes: false, doubled: true, multiline: true })],
};

const LUA: Syntax = {
  blocks: "none",
  lineComments: ["--"],
  blockComments: [{ open: "--[[", close: "]]" }],
  identifierExtra: "",
  strings: [
    { open: /\[(=*)\[/y, close: (open) => `]${open[1]}]`, escapes: false, multiline: true },
    quoted('"'),
    quoted("'"),
  ],
};

const CSS: Syntax = {
  blocks: "none",
  lineComments: [],
  blockComments: [{ open: "/*", close: "*/" }],
  identifierExtra: "-",
  strings: [quoted('"'), quoted("'")],
};

/** For a language not in the table: the commonest comment and string forms, one line each. */
export const GENERIC: Syntax = {
  blocks: "none",
  lineComments: ["//"],
  lineCommentsAtTokenStart: ["#"],
  blockComments: [{ open: "/*", close: "*/" }],
  identifierExtra: "",
  strings: [quoted('"'), quoted("'"), quoted("`")],
};

/** Languages by the names the canvas uses (and common aliases); "js" marks the JS/TS scanner. */
export const SYNTAXES: Readonly<Record<string, Syntax | "js" | "text">> = {
  javascript: "js",
  js: "js",
  jsx: "js",
  mjs: "js",
  cjs: "js",
  node: "js",
  typescript: "js",
  ts: "js",
  tsx: "js",
  python: PYTHON,
  py: PYTHON,
  python3: PYTHON,
  c: C_LIKE,
  h: C_LIKE,
  cpp: C_LIKE,
  "c++": C_LIKE,
  cc: C_LIKE,
  objectivec: C_LIKE,
  arduino: C_LIKE,
  java: JAVA,
  scala: JAVA,
  dart: JAVA,
  groovy: JAVA,
  csharp: CSHARP,
  "c#": CSHARP,
  cs: CSHARP,
  go: GO,
  golang: GO,
  rust: RUST,
  rs: RUST,
  kotlin: KOTLIN,
  kt: KOTLIN,
  swift: SWIFT,
  php: PHP,
  ruby: RUBY,
  rb: RUBY,
  bash: SHELL,
  sh: SHELL,
  shell: SHELL,
  zsh: SHELL,
  sql: SQL,
  lua: LUA,
  css: CSS,
  scss: { ...CSS, lineComments: ["//"] },
  less: { ...CSS, lineComments: ["//"] },
  // Markup and data: names live in attribute values and keys, so edits there stay textual.
  html: "text",
  xml: "text",
  svg: "text",
  json: "text",
  yaml: "text",
  yml: "text",
  toml: "text",
  ini: "text",
  markdown: "text",
  md: "text",
  plaintext: "text",
  text: "text",
  txt: "text",
  csv: "text",
  diff: "text",
};
