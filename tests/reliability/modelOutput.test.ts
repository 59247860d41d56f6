// Model output is hostile input: fuzzed tool calls with markdown built to smuggle scripts, script
// URLs, huge tables and deep nesting. Nothing throws, the canvas never holds executable HTML, and
// the markdown projection never carries raw HTML or a script URL.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import * as Y from "yjs";
import { AgentOrigin, applyToolCall } from "../../shared/engine/index.ts";
import { canvasText, parseMarkdown } from "../../shared/markdown/index.ts";
import { canvasesMap, canvasFragment, commentsMap } from "../../shared/room.ts";
import { canvasSchema } from "../../shared/schema.ts";
import { TOOL_NAMES, parseToolCall, type ToolCall } from "../../shared/tools.ts";
import {
  HOSTILE_SNIPPETS,
  fragmentProblems,
  hostileMarkdown,
  isDangerousUrl,
  markdownProblems,
  markdownTable,
  nestedMarkdown,
  pmProblems,
} from "./hostileMarkdown.ts";

const PARSED_CALLS = 10_000;
const APPLIED_SEQUENCES = 60;
const ALLOWED_NODES: ReadonlySet<string> = new Set(Object.keys(canvasSchema().nodes));

const nullableText = fc.option(hostileMarkdown, { nil: null });
const call = <N extends string>(name: N, args: fc.Arbitrary<unknown>) => fc.tuple(fc.constant<string>(name), args);
/** Raw tool calls as a model might send them: mostly well-shaped, some wrong, some not tool calls at all. */
const rawCall: fc.Arbitrary<[string, unknown]> = fc.oneof(
  {
    weight: 3,
    arbitrary: call(
      "create_canvas",
      fc.record({
        title: fc.string({ minLength: 1, maxLength: 30 }),
        kind: fc.constantFrom("document", "document", "code", "poem"),
        language: fc.constantFrom(null, "ts", "<script>"),
        content: hostileMarkdown,
      }),
    ),
  },
  {
    weight: 3,
    arbitrary: call(
      "edit_canvas",
      fc.record({
        edits: fc.array(fc.record({ find: hostileMarkdown, replace: hostileMarkdown, all: fc.boolean() }), {
          minLength: 1,
          maxLength: 3,
        }),
        summary: fc.string({ maxLength: 40 }),
      }),
    ),
  },
  {
    weight: 3,
    arbitrary: call("rewrite_canvas", fc.record({ content: hostileMarkdown, summary: fc.string({ maxLength: 40 }) })),
  },
  {
    weight: 2,
    arbitrary: call(
      "comment_canvas",
      fc.record({
        comments: fc.array(
          fc.record({
            quote: hostileMarkdown,
            comment: hostileMarkdown,
            severity: fc.constantFrom("info", "issue", "suggestion", "fatal"),
            suggestion: nullableText,
          }),
          { minLength: 1, maxLength: 3 },
        ),
      }),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(
      fc.constantFrom(...TOOL_NAMES, "constructor", "__proto__", "toString", "run_shell"),
      fc.anything(),
    ),
  },
  { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 20 }), fc.json()) },
  {
    weight: 1,
    arbitrary: fc.tuple(
      fc.constantFrom(...TOOL_NAMES),
      fc.string().map((text) => `{"content": ${JSON.stringify(text)}`),
    ),
  },
);

function checkDocument(doc: Y.Doc, canvasId: string): void {
  const meta = canvasesMap(doc).get(canvasId);
  if (!meta) return;
  expect(fragmentProblems(canvasFragment(doc, canvasId), ALLOWED_NODES)).toEqual([]);
  // A code canvas's projection is source text shown in a code block; only documents are markdown.
  if (meta.kind === "document") expect(markdownProblems(canvasText(doc, canvasId))).toEqual([]);
}

/** Pick a passage that is in the canvas now, so edits and comments sometimes locate. */
function passage(text: string, start: number, length: number): string {
  if (!text) return "x";
  const from = start % text.length;
  return text.slice(from, from + 1 + (length % 40)) || "x";
}

describe("model output as hostile input", () => {
  it("the independent checks catch what they are meant to catch", () => {
    expect(isDangerousUrl("JaVa\tScRiPt:alert(1)")).toBe(true);
    expect(isDangerousUrl("&#106;avascript:alert(1)")).toBe(true);
    expect(isDangerousUrl("data:image/png;base64,AAAA")).toBe(true);
    expect(isDangerousUrl("https://example.com/javascript:")).toBe(false);
    expect(markdownProblems("<script>alert(1)</script>")).not.toEqual([]);
    expect(markdownProblems("[x](javascript:alert(1))")).not.toEqual([]);
    expect(markdownProblems("\\<script>alert(1)\\</script> and `<b>`")).toEqual([]);
    const doc = new Y.Doc();
    const element = new Y.XmlElement("script");
    element.setAttribute("src", "javascript:alert(1)");
    canvasFragment(doc, "c").push([element]);
    expect(fragmentProblems(canvasFragment(doc, "c"), ALLOWED_NODES)).toHaveLength(2);
  });

  it(`${PARSED_CALLS} fuzzed tool calls parse without throwing, and every markdown payload parses to a safe document`, () => {
    let valid = 0;
    fc.assert(
      fc.property(rawCall, fc.boolean(), ([name, args], asString) => {
        const raw = asString ? (JSON.stringify(args) ?? "") : args;
        const result = parseToolCall(name, raw);
        if (!result.ok) {
          expect(result.error.length).toBeGreaterThan(0);
          return;
        }
        valid++;
        for (const markdown of markdownPayloads(result.call)) {
          expect(pmProblems(parseMarkdown(markdown), ALLOWED_NODES)).toEqual([]);
        }
      }),
      { numRuns: PARSED_CALLS },
    );
    console.log(`model output fuzz: ${PARSED_CALLS} calls parsed, ${valid} valid and sanitised`);
    expect(valid).toBeGreaterThan(PARSED_CALLS / 2);
  });

  it(`${APPLIED_SEQUENCES} sequences of hostile create/edit/rewrite/comment calls applied to a Y.Doc never throw or leave executable content`, () => {
    let applied = 0;
    let refused = 0;
    fc.assert(
      fc.property(
        fc.constantFrom<"document" | "code">("document", "document", "code"),
        hostileMarkdown,
        fc.array(
          fc.record({
            tool: fc.constantFrom("edit_canvas", "rewrite_canvas", "comment_canvas"),
            payload: hostileMarkdown,
            start: fc.nat(),
            length: fc.nat(),
            all: fc.boolean(),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        (kind, initial, steps) => {
          const doc = new Y.Doc();
          const origin = new AgentOrigin("fuzz");
          const created = applyToolCall(
            doc,
            {
              name: "create_canvas",
              arguments: { title: "Fuzz", kind, language: kind === "code" ? "typescript" : null, content: initial },
            },
            { canvasId: null, origin },
          );
          expect(created.ok).toBe(true);
          const canvasId = created.canvasId!;
          checkDocument(doc, canvasId);
          for (const step of steps) {
            const text = canvasText(doc, canvasId);
            // `all: true` with a short find multiplies the canvas; past this size the sequence has made its point.
            if (text.length > 50_000) break;
            const call: ToolCall =
              step.tool === "edit_canvas"
                ? {
                    name: "edit_canvas",
                    arguments: {
                      edits: [{ find: passage(text, step.start, step.length), replace: step.payload, all: step.all }],
                      summary: "fuzz",
                    },
                  }
                : step.tool === "rewrite_canvas"
                  ? { name: "rewrite_canvas", arguments: { content: step.payload, summary: "fuzz" } }
                  : {
                      name: "comment_canvas",
                      arguments: {
                        comments: [
                          {
                            quote: passage(text, step.start, step.length),
                            comment: step.payload || "c",
                            severity: "issue",
                            suggestion: step.payload,
                          },
                        ],
                      },
                    };
            const result = applyToolCall(doc, call, { canvasId, origin });
            if (result.ok) applied++;
            else {
              refused++;
              expect(result.errors.length).toBeGreaterThan(0);
            }
            checkDocument(doc, canvasId);
          }
          // Comments are shown as text; their anchors must stay inside this canvas.
          for (const comment of commentsMap(doc).values()) expect(comment.canvasId).toBe(canvasId);
        },
      ),
      { numRuns: APPLIED_SEQUENCES },
    );
    console.log(
      `model output fuzz: ${APPLIED_SEQUENCES} sequences, ${applied} calls applied, ${refused} refused with errors`,
    );
    expect(applied).toBeGreaterThan(APPLIED_SEQUENCES);
  });

  it("an edit that lands inside an image URL cannot smuggle raw HTML into the markdown (found by this fuzzer)", () => {
    const doc = new Y.Doc();
    const origin = new AgentOrigin("regression");
    const created = applyToolCall(
      doc,
      {
        name: "create_canvas",
        arguments: {
          title: "F",
          kind: "document",
          language: null,
          content: "Text and ![ok](https://example.com/a.png)",
        },
      },
      { canvasId: null, origin },
    );
    const canvasId = created.canvasId!;
    const edit = applyToolCall(
      doc,
      {
        name: "edit_canvas",
        arguments: {
          edits: [{ find: "ttps://example.com/a.png)", replace: "<script>alert(1)</script>", all: false }],
          summary: "s",
        },
      },
      { canvasId, origin },
    );
    expect(edit.ok || edit.errors.length > 0).toBe(true);
    checkDocument(doc, canvasId);
  });

  it("an edit that would blow the canvas up (a short find, all: true, a long replacement) is refused and the canvas is unchanged", () => {
    // Unrefused, one such call from a model can take the server's heap past its limit (found by this fuzzer: 4 GB OOM).
    const doc = new Y.Doc();
    const origin = new AgentOrigin("blowup");
    const created = applyToolCall(
      doc,
      {
        name: "create_canvas",
        arguments: { title: "B", kind: "document", language: null, content: "the end. ".repeat(2_000) },
      },
      { canvasId: null, origin },
    );
    const canvasId = created.canvasId!;
    const before = canvasText(doc, canvasId);
    const result = applyToolCall(
      doc,
      {
        name: "edit_canvas",
        arguments: { edits: [{ find: "e", replace: "x".repeat(20_000), all: true }], summary: "s" },
      },
      { canvasId, origin },
    );
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.errors[0]?.message).toMatch(/\d/);
    expect(canvasText(doc, canvasId)).toBe(before);
  });

  it("huge tables and deep nesting are written and read back without a crash or executable content", () => {
    const inputs = [
      markdownTable(100, 10, "[l](javascript:1) <b>x</b>"),
      nestedMarkdown(120, "- "),
      nestedMarkdown(300, "> "),
      ">".repeat(5_000) + " deep",
      "- ".repeat(1_000) + "deep",
    ];
    for (const content of inputs) {
      const doc = new Y.Doc();
      const created = applyToolCall(
        doc,
        { name: "create_canvas", arguments: { title: "Big", kind: "document", language: null, content } },
        { canvasId: null, origin: new AgentOrigin("big") },
      );
      expect(created.ok, content.slice(0, 40)).toBe(true);
      checkDocument(doc, created.canvasId!);
    }
  });

  it("every hostile snippet on its own, written into a document canvas, comes out inert", () => {
    for (const snippet of HOSTILE_SNIPPETS) {
      const doc = new Y.Doc();
      const created = applyToolCall(
        doc,
        { name: "create_canvas", arguments: { title: "One", kind: "document", language: null, content: snippet } },
        { canvasId: null, origin: new AgentOrigin("one") },
      );
      expect(created.ok, snippet).toBe(true);
      expect(fragmentProblems(canvasFragment(doc, created.canvasId!), ALLOWED_NODES), snippet).toEqual([]);
      expect(markdownProblems(canvasText(doc, created.canvasId!)), snippet).toEqual([]);
    }
  });
});

function markdownPayloads(call: ToolCall): string[] {
  switch (call.name) {
    case "create_canvas":
      return call.arguments.kind === "document" ? [call.arguments.content] : [];
    case "edit_canvas":
      return call.arguments.edits.map((edit) => edit.replace);
    case "rewrite_canvas":
      return [call.arguments.content];
    case "comment_canvas":
      return call.arguments.comments.flatMap((comment) => (comment.suggestion === null ? [] : [comment.suggestion]));
    default:
      return [];
  }
}
