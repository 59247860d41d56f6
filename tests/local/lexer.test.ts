import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { identifiers, lex, type CharKind } from "../../server/agent/local/lexer.ts";
import { SYNTAXES } from "../../server/agent/local/syntaxes.ts";

/** The text of every run of `kind`, in order. */
function runsOf(source: string, language: string, kind: CharKind): string[] {
  const lexed = lex(source, language);
  if (!lexed) throw new Error(`no lexer for ${language}`);
  return lexed.runs.filter((run) => run.kind === kind).map((run) => source.slice(run.start, run.end));
}

const names = (source: string, language: string): string[] => identifiers(lex(source, language)!).map((t) => t.name);

describe("lexer: Python", () => {
  const source = [
    "def average(values):",
    '    """Return the average of values."""',
    "    return sum(values) / len(values)  # average, not median",
    "",
    'print(f"average: {average(data)!r:>10} {{literal}}")',
    'print(rb\'average\', u"it\'s", r"C:\\path\\")',
    "",
  ].join("\n");

  it("reads docstrings, prefixed strings and comments as text, f-string fields as code", () => {
    expect(runsOf(source, "python", "comment")).toEqual(["# average, not median"]);
    expect(runsOf(source, "python", "string")).toEqual([
      '"""Return the average of values."""',
      'f"average: {',
      '} {{literal}}"',
      "rb'average'",
      'u"it\'s"',
      'r"C:\\path\\"',
    ]);
    expect(names(source, "python").filter((name) => name === "average")).toHaveLength(2);
  });
});

describe("lexer: JavaScript and TypeScript", () => {
  it("reads template literals with nested interpolation, keeping the interpolated code as code", () => {
    const source = "const s = `total: ${total + `${unit}`} done`;";
    expect(runsOf(source, "typescript", "string")).toEqual(["`total: ${", "`${", "}`} done`"]);
    expect(names(source, "typescript")).toEqual(["const", "s", "total", "unit"]);
  });

  it("tells regex literals from division by the token before", () => {
    const source = 'const re = /total"/g; const half = total / 2 / count;\nif (ok) x = a++ / 2;';
    expect(runsOf(source, "javascript", "regex")).toEqual(['/total"/g']);
    expect(runsOf(source, "javascript", "string")).toEqual([]);
  });

  it("reads JSX text and attribute strings as text, and expressions (attributes, children, nested) as code", () => {
    const source = [
      "export function Counter({ label }: Props) {",
      '  return (<button onClick={() => setCount(count + 1)} title="count">',
      "    {label}: count is {count} {/* count */}",
      "    {items.map((item) => <li key={item.id}>{item.name} each</li>)}",
      "  </button>);",
      "}",
    ].join("\n");
    const text = runsOf(source, "tsx", "string").join("|");
    expect(text).toContain('"count"');
    expect(text).toContain(": count is ");
    expect(text).toContain(" each");
    expect(runsOf(source, "tsx", "comment")).toEqual(["/* count */"]);
    const code = names(source, "tsx");
    expect(code.filter((name) => name === "count")).toHaveLength(2);
    expect(code).toContain("setCount");
    expect(code.filter((name) => name === "item")).toHaveLength(3);
  });

  it("does not read generics or comparisons as JSX", () => {
    const source = "const id = <T,>(x: T): T => x;\nconst list: Array<string> = [];\nif (a < b && c > d) run();\n";
    expect(runsOf(source, "typescript", "string")).toEqual([]);
    expect(names(source, "typescript")).toContain("run");
  });
});

describe("lexer: the C family and others", () => {
  it("reads C strings and char literals, including a quote in a char", () => {
    const source = 'char q = \'"\'; printf("average: %d\\n", average(3)); /* average */ // x\n';
    expect(runsOf(source, "c", "string")).toEqual(["'\"'", '"average: %d\\n"']);
    expect(runsOf(source, "c", "comment")).toEqual(["/* average */", "// x"]);
  });

  it("tells Rust lifetimes from char literals, nests block comments and reaches format-string names", () => {
    const source = "fn first<'a>(x: &'a str) -> char { /* a /* b */ c */ println!(\"{total} {}\", x); 'x' }";
    expect(runsOf(source, "rust", "comment")).toEqual(["/* a /* b */ c */"]);
    expect(runsOf(source, "rust", "string")).toEqual(['"{', '} {}"', "'x'"]);
    expect(names(source, "rust")).toContain("total");
  });

  it("reads Go raw strings, C# verbatim and interpolated strings, Kotlin and shell templates", () => {
    expect(runsOf('s := `raw\n"x"`; t := "a"', "go", "string")).toEqual(['`raw\n"x"`', '"a"']);
    expect(names('var s = $"avg {average} {{x}}"; var p = @"C:\\dir""q""";', "csharp")).toEqual([
      "var",
      "s",
      "average",
      "var",
      "p",
    ]);
    expect(names('val s = "Hi $name, ${user.age} years"', "kotlin")).toEqual(["val", "s", "name", "user", "age"]);
    expect(runsOf('echo "n=$count ${total}" # done\nx=$#\n', "bash", "comment")).toEqual(["# done"]);
  });

  it("leaves markup and data languages to textual edits", () => {
    expect(lex('<p class="card">card</p>', "html")).toBeNull();
    expect(lex('{"average": 1}', "json")).toBeNull();
  });
});

describe("lexer: any input", () => {
  const hostile = fc.string({
    unit: fc.constantFrom(
      "a",
      "b",
      " ",
      "\n",
      "'",
      '"',
      "`",
      "/",
      "*",
      "#",
      "{",
      "}",
      "(",
      ")",
      "<",
      ">",
      "$",
      "\\",
      "=",
      "f",
    ),
    maxLength: 300,
  });
  const languages = Object.keys(SYNTAXES).filter((name) => SYNTAXES[name] !== "text");

  it("covers the source with contiguous runs and a code view of the same length, deterministically", () => {
    fc.assert(
      fc.property(hostile, fc.constantFrom(...languages), (source, language) => {
        const lexed = lex(source, language)!;
        let at = 0;
        for (const run of lexed.runs) {
          expect(run.start).toBe(at);
          expect(run.end).toBeGreaterThan(run.start);
          at = run.end;
        }
        expect(at).toBe(source.length);
        expect(lexed.code).toHaveLength(source.length);
        expect(lex(source, language)).toEqual(lexed);
      }),
      { numRuns: 400 },
    );
  });
});
