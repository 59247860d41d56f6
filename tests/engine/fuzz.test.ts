// 10,000 fuzzed tool calls: no exception escapes the boundary (parseToolCall + applyToolCall), and a
// call that is invalid or refused leaves the document byte-for-byte unchanged.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import * as Y from "yjs";
import { AgentOrigin, applyToolCall } from "../../shared/engine/index.ts";
import { parseToolCall, TOOL_NAMES } from "../../shared/tools.ts";
import { roomWith } from "./fixtures.ts";

const CANVAS =
  "# Title\n\nThe keeper lit the lamp. (a+b)*c [x] $1 ^2 \\d+ .* ?\n\n- one\n- two\n\n```ts\nconst re = /a.*b/g;\n```\n\nUnicode: naïve café — “quotes” 😀 עברית";

const nasty = fc.oneof(
  { weight: 3, arbitrary: fc.string() },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      "",
      " ",
      "\n\n",
      ".*",
      "(a+b)*c",
      "[x]",
      "$1",
      "\\d+",
      "keeper",
      "The",
      "lamp",
      "😀",
      "—",
      "“quotes”",
      "\u0000",
      "```",
      "- one",
      "# Title",
      "\uFFFF\uD800",
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom("x".repeat(5_000), "lamp ".repeat(3_000)) },
  { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 12 }).map((s) => `The keeper ${s}`) },
);
const findLike = fc.oneof(
  { weight: 3, arbitrary: nasty },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.nat({ max: CANVAS.length - 1 }), fc.integer({ min: 1, max: 30 }))
      .map(([start, length]) => CANVAS.slice(start, start + length)),
  },
);

const editArgs = fc.record(
  {
    edits: fc.oneof(
      fc.array(
        fc.record(
          {
            find: fc.oneof({ weight: 5, arbitrary: findLike }, { weight: 1, arbitrary: fc.anything() }),
            replace: fc.oneof(nasty, fc.anything()),
            all: fc.oneof(fc.boolean(), fc.anything()),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 4 },
      ),
      fc.anything(),
    ),
    summary: fc.oneof(nasty, fc.anything()),
  },
  { requiredKeys: [] },
);
const rewriteArgs = fc.record(
  { content: fc.oneof(nasty, fc.anything()), summary: fc.oneof(nasty, fc.anything()) },
  { requiredKeys: [] },
);
const commentArgs = fc.record(
  {
    comments: fc.oneof(
      fc.array(
        fc.record(
          {
            quote: fc.oneof(findLike, fc.anything()),
            comment: nasty,
            severity: fc.oneof(fc.constantFrom("info", "suggestion", "issue"), fc.string()),
            suggestion: fc.oneof(nasty, fc.constant(null)),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
      fc.anything(),
    ),
  },
  { requiredKeys: [] },
);
const createArgs = fc.record(
  {
    title: nasty,
    kind: fc.oneof(fc.constantFrom("document", "code"), fc.string()),
    language: fc.oneof(fc.string(), fc.constant(null)),
    content: nasty,
  },
  { requiredKeys: [] },
);

const rawCall = fc
  .oneof(
    { weight: 3, arbitrary: fc.record({ name: fc.constant("edit_canvas"), args: editArgs }) },
    { weight: 1, arbitrary: fc.record({ name: fc.constant("rewrite_canvas"), args: rewriteArgs }) },
    { weight: 2, arbitrary: fc.record({ name: fc.constant("comment_canvas"), args: commentArgs }) },
    { weight: 1, arbitrary: fc.record({ name: fc.constant("create_canvas"), args: createArgs }) },
    {
      weight: 1,
      arbitrary: fc.record({
        name: fc.oneof(fc.constantFrom(...TOOL_NAMES, "toString", "__proto__", "constructor"), fc.string()),
        args: fc.anything(),
      }),
    },
  )
  .chain((call) =>
    fc.oneof(
      fc.constant({ name: call.name, args: call.args as unknown }),
      fc.constant({ name: call.name, args: safeStringify(call.args) as unknown }),
    ),
  );

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "null";
  } catch {
    return "{";
  }
}

describe("fuzzed tool calls", () => {
  it("10,000 calls: nothing throws, invalid or refused calls change nothing", () => {
    let { doc, canvasId } = roomWith(CANVAS);
    let state = Y.encodeStateAsUpdate(doc);
    const outcomes = { invalid: 0, refused: 0, applied: 0 };
    fc.assert(
      fc.property(rawCall, ({ name, args }) => {
        const parsed = parseToolCall(name, args);
        if (!parsed.ok) {
          outcomes.invalid++;
          expect(parsed.error.length).toBeGreaterThan(0);
          return;
        }
        const result = applyToolCall(doc, parsed.call, { canvasId, origin: new AgentOrigin("fuzz") });
        const after = Y.encodeStateAsUpdate(doc);
        if (!result.ok) {
          outcomes.refused++;
          expect(result.errors.length).toBeGreaterThan(0);
          expect(after).toEqual(state);
        } else {
          outcomes.applied++;
          ({ doc, canvasId } = roomWith(CANVAS));
          state = Y.encodeStateAsUpdate(doc);
        }
      }),
      { numRuns: 10_000, seed: 4242 },
    );
    console.log(`fuzz outcomes: ${JSON.stringify(outcomes)}`);
    expect(outcomes.invalid).toBeGreaterThan(1000);
    expect(outcomes.refused + outcomes.applied).toBeGreaterThan(200);
  });
});
