// The canvas view is built from the last one (changed blocks read again, the rest of its text reused as
// slices): whatever happened in between, it must read exactly as a replica with no cache reads it.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import * as Y from "yjs";
import { AgentOrigin, applyToolCall } from "../../shared/engine/index.ts";
import { canvasText, readCanvasView, viewSlice, type CanvasView } from "../../shared/markdown/index.ts";
import { canvasFragment } from "../../shared/room.ts";
import { roomWith } from "./fixtures.ts";

// Blocks that touch, wide gaps, a list, a quote, HTML and a code block: gaps that depend on whether the
// blocks on both sides are still as their author wrote them.
const START = [
  "# Lighthouses\nThe keeper wrote every night.",
  "A second paragraph with **bold** words.\n\n\n\nAfter a wide gap.",
  "- first point\n- second point",
  "> a quoted line",
  "<div>kept html</div>",
  "```\ncode line\n```",
  "A closing paragraph, *emphasised*.",
].join("\n\n");

type Op =
  | { kind: "type"; block: number; at: number; text: string }
  | { kind: "erase"; block: number; at: number; length: number }
  | { kind: "bold"; block: number; at: number; length: number }
  | { kind: "insert"; at: number; text: string }
  | { kind: "remove"; at: number }
  | { kind: "edit"; at: number; length: number; replace: string }
  | { kind: "undo" }
  | { kind: "read" };

const word = fc.constantFrom("lamp", "storm", " ", "\n", "*", "_", "#", "night", "<b>", "`");
const text = fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join(""));
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("type" as const), block: fc.nat(), at: fc.nat(), text }),
  fc.record({
    kind: fc.constant("erase" as const),
    block: fc.nat(),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 6 }),
  }),
  fc.record({
    kind: fc.constant("bold" as const),
    block: fc.nat(),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 6 }),
  }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text }),
  fc.record({ kind: fc.constant("remove" as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant("edit" as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 30 }),
    replace: fc.oneof(text, fc.constant(""), fc.constant("\n\nA new paragraph.\n\n")),
  }),
  fc.record({ kind: fc.constant("undo" as const) }),
  fc.record({ kind: fc.constant("read" as const) }),
);

/** The first Y.XmlText inside a top-level block, if any. */
function firstText(element: Y.XmlElement): Y.XmlText | null {
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) return child;
    if (child instanceof Y.XmlElement) {
      const inner = firstText(child);
      if (inner) return inner;
    }
  }
  return null;
}

function expectReadsLikeAReplica(doc: Y.Doc, canvasId: string, view: CanvasView, cuts: number[]): void {
  const replica = new Y.Doc();
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
  expect(view.text).toBe(canvasText(replica, canvasId));
  for (const block of view.blocks) expect(view.text.slice(block.from, block.to)).toBe(block.text);
  for (let i = 0; i + 1 < cuts.length; i += 2) {
    const from = cuts[i]! % (view.text.length + 1);
    const to = Math.min(view.text.length, from + (cuts[i + 1]! % 200));
    expect(viewSlice(view, from, to)).toBe(view.text.slice(from, to));
  }
}

describe("canvas view", () => {
  it("built from the last view, it reads as a replica reads the canvas after typing, edits, new and removed blocks and undo", () => {
    fc.assert(
      fc.property(
        fc.array(op, { minLength: 1, maxLength: 25 }),
        fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
        (ops, cuts) => {
          const { doc, canvasId } = roomWith(START);
          const fragment = canvasFragment(doc, canvasId);
          const person = { person: true };
          const undo = new Y.UndoManager(fragment, { trackedOrigins: new Set([person]), captureTimeout: 0 });
          readCanvasView(fragment, "document");
          for (const step of ops) {
            const elements = fragment.toArray().filter((child): child is Y.XmlElement => child instanceof Y.XmlElement);
            const element = "block" in step ? elements[step.block % Math.max(1, elements.length)] : undefined;
            const target = element ? firstText(element) : null;
            switch (step.kind) {
              case "type":
                if (target) doc.transact(() => target.insert(step.at % (target.length + 1), step.text), person);
                break;
              case "erase":
                if (target && target.length)
                  doc.transact(
                    () =>
                      target.delete(
                        step.at % target.length,
                        Math.min(step.length, target.length - (step.at % target.length)),
                      ),
                    person,
                  );
                break;
              case "bold":
                if (target && target.length)
                  doc.transact(() => target.format(step.at % target.length, step.length, { bold: {} }), person);
                break;
              case "insert":
                doc.transact(() => {
                  const paragraph = new Y.XmlElement("paragraph");
                  paragraph.insert(0, [new Y.XmlText(step.text)]);
                  fragment.insert(step.at % (fragment.length + 1), [paragraph]);
                }, person);
                break;
              case "remove":
                if (fragment.length > 1) doc.transact(() => fragment.delete(step.at % fragment.length, 1), person);
                break;
              case "edit": {
                const current = canvasText(doc, canvasId);
                const from = step.at % Math.max(1, current.length);
                const find = current.slice(from, from + step.length);
                if (!find.trim() || current.indexOf(find) !== current.lastIndexOf(find)) break;
                const result = applyToolCall(
                  doc,
                  {
                    name: "edit_canvas",
                    arguments: { edits: [{ find, replace: step.replace, all: false }], summary: "" },
                  },
                  { canvasId, origin: new AgentOrigin("view-test") },
                );
                expect(result.ok).toBe(true);
                break;
              }
              case "undo":
                undo.undo();
                break;
              case "read":
                expectReadsLikeAReplica(doc, canvasId, readCanvasView(fragment, "document"), cuts);
                break;
            }
          }
          expectReadsLikeAReplica(doc, canvasId, readCanvasView(fragment, "document"), cuts);
        },
      ),
      { numRuns: 150 },
    );
  });
});
