// Property tests: random documents × random valid edits.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import * as Y from "yjs";
import { AgentOrigin, applyToolCall } from "../../shared/engine/index.ts";
import { canvasText, parseMarkdown, readCanvasView, serializeMarkdown } from "../../shared/markdown/index.ts";
import { canvasFragment } from "../../shared/room.ts";
import { roomWith } from "./fixtures.ts";

const word = fc.constantFrom(
  "lamp",
  "keeper",
  "storm",
  "night",
  "ship",
  "tower",
  "light",
  "sea",
  "rock",
  "wave",
  "old",
  "bright",
);
const words = fc.array(word, { minLength: 1, maxLength: 8 }).map((list) => list.join(" "));
const inline = fc.oneof(
  { weight: 5, arbitrary: words },
  { weight: 1, arbitrary: words.map((w) => `**${w}**`) },
  { weight: 1, arbitrary: words.map((w) => `*${w}*`) },
  { weight: 1, arbitrary: words.map((w) => `\`${w}\``) },
  { weight: 1, arbitrary: words.map((w) => `[${w}](https://example.com/${w.length})`) },
);
const paragraph = fc.array(inline, { minLength: 1, maxLength: 4 }).map((parts) => `${parts.join(" ")}.`);
const block = fc.oneof(
  { weight: 6, arbitrary: paragraph },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.integer({ min: 1, max: 3 }), words).map(([level, text]) => `${"#".repeat(level)} ${text}`),
  },
  {
    weight: 1,
    arbitrary: fc
      .array(words, { minLength: 1, maxLength: 3 })
      .map((items) => items.map((item) => `- ${item}`).join("\n")),
  },
  { weight: 1, arbitrary: words.map((text) => `> ${text}`) },
  { weight: 1, arbitrary: words.map((text) => `\`\`\`\n${text}\n\`\`\``) },
);
const markdownDoc = fc.array(block, { minLength: 1, maxLength: 8 }).map((blocks) => blocks.join("\n\n"));

/** A doc in canonical form, plus a unique passage in it and a replacement. */
const docAndEdit = markdownDoc.chain((raw) => {
  const text = serializeMarkdown(parseMarkdown(raw));
  return fc.record({
    text: fc.constant(text),
    start: fc.nat({ max: Math.max(0, text.length - 1) }),
    length: fc.integer({ min: 1, max: 40 }),
    replace: fc.oneof(
      words,
      paragraph,
      block.map((b) => `${b}\n\n`),
      fc.constant(""),
    ),
  });
});

describe("markdown properties", () => {
  it("serialise(parse(serialise(doc))) is stable", () => {
    fc.assert(
      fc.property(markdownDoc, (raw) => {
        const once = serializeMarkdown(parseMarkdown(raw));
        const twice = serializeMarkdown(parseMarkdown(once));
        expect(twice).toBe(once);
        expect(parseMarkdown(twice).eq(parseMarkdown(once))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe("edit properties", () => {
  it("a random edit equals editing the markdown string then parsing, and untouched blocks keep their Yjs items", () => {
    let applied = 0;
    let identityChecked = 0;
    let unchangedMismatch = 0;
    fc.assert(
      fc.property(docAndEdit, ({ text, start, length, replace }) => {
        const find = text.slice(start, start + length);
        // Only unique, non-blank passages make a valid single edit.
        if (!find.trim() || text.indexOf(find) !== text.lastIndexOf(find)) return;
        const { doc, canvasId } = roomWith(text);
        expect(canvasText(doc, canvasId)).toBe(text);
        const before = canvasFragment(doc, canvasId)
          .toArray()
          .map((element) => [element, element.toString()] as const);
        // Which blocks the passage touches, by the view's offsets (blocks keep the blank lines between them).
        const blocks = readCanvasView(canvasFragment(doc, canvasId), "document").blocks;
        const firstTouched = Math.max(
          0,
          blocks.findIndex((block) => block.to >= start),
        );
        const touchedEnd = blocks.findIndex((block) => block.from > start + find.length);
        const lastTouched = touchedEnd === -1 ? blocks.length - 1 : touchedEnd - 1;
        const result = applyToolCall(
          doc,
          { name: "edit_canvas", arguments: { edits: [{ find, replace, all: false }], summary: "" } },
          { canvasId, origin: new AgentOrigin("p") },
        );
        expect(result.ok).toBe(true);
        applied++;
        const edited = text.slice(0, start) + replace + text.slice(start + find.length);
        expect(canvasText(doc, canvasId)).toBe(serializeMarkdown(parseMarkdown(edited)));
        // The engine's cached view of the canvas agrees with a fresh replica that has no cache.
        const replica = new Y.Doc();
        Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
        expect(canvasText(replica, canvasId)).toBe(canvasText(doc, canvasId));
        // A block outside the edit whose content is unchanged is the same Yjs element (an edit may
        // legitimately change what follows it, e.g. by opening a code fence).
        const after = canvasFragment(doc, canvasId).toArray();
        for (let i = 0; i < firstTouched - 1; i++) {
          if (after[i]?.toString() === before[i]![1]) expect(after[i]).toBe(before[i]![0]);
          else unchangedMismatch++;
        }
        const tailKept = before.length - lastTouched - 2;
        for (let k = 1; k <= tailKept; k++) {
          if (after[after.length - k]?.toString() === before[before.length - k]![1]) {
            expect(after[after.length - k]).toBe(before[before.length - k]![0]);
            identityChecked++;
          }
        }
      }),
      { numRuns: 150 },
    );
    expect(applied).toBeGreaterThan(50);
    expect(identityChecked).toBeGreaterThan(20);
    // Text before an edit never re-parses differently.
    expect(unchangedMismatch).toBe(0);
  });

  it("a concurrent human edit on a second Y.Doc merges with the AI edit and both docs converge", () => {
    fc.assert(
      fc.property(
        docAndEdit,
        fc.nat(),
        fc.constantFrom("Hello ", "typed ", "x"),
        ({ text, start, length, replace }, where, typed) => {
          const find = text.slice(start, start + length);
          if (!find.trim() || text.indexOf(find) !== text.lastIndexOf(find)) return;
          const { doc: server, canvasId } = roomWith(text);
          const human = new Y.Doc();
          Y.applyUpdate(human, Y.encodeStateAsUpdate(server));
          // The person types at the start of a text somewhere while the model edits.
          const texts: Y.XmlText[] = [];
          const collect = (node: Y.XmlElement | Y.XmlFragment): void => {
            for (const child of node.toArray()) {
              if (child instanceof Y.XmlText) texts.push(child);
              else if (child instanceof Y.XmlElement) collect(child);
            }
          };
          collect(canvasFragment(human, canvasId));
          if (!texts.length) return;
          const target = texts[where % texts.length]!;
          target.insert(0, typed);
          const result = applyToolCall(
            server,
            { name: "edit_canvas", arguments: { edits: [{ find, replace, all: false }], summary: "" } },
            { canvasId, origin: new AgentOrigin("p") },
          );
          expect(result.ok).toBe(true);
          const fromServer = Y.encodeStateAsUpdate(server, Y.encodeStateVector(human));
          const fromHuman = Y.encodeStateAsUpdate(human, Y.encodeStateVector(server));
          Y.applyUpdate(human, fromServer);
          Y.applyUpdate(server, fromHuman);
          const serverText = canvasText(server, canvasId);
          expect(canvasText(human, canvasId)).toBe(serverText);
          // The typed text survives unless the model's edit removed the block it was typed into.
          const editedBlock = text.slice(0, start + find.length).split("\n\n").length - 1;
          const typedBlock = canvasFragment(human, canvasId)
            .toArray()
            .findIndex(
              (element) =>
                element === topLevel(target as unknown as Y.AbstractType<unknown>, canvasFragment(human, canvasId)),
            );
          if (typedBlock >= 0 && Math.abs(typedBlock - editedBlock) > 2) expect(serverText).toContain(typed.trim());
        },
      ),
      { numRuns: 100 },
    );
  });
});

function topLevel(node: Y.AbstractType<unknown>, fragment: Y.XmlFragment): Y.AbstractType<unknown> | null {
  let current: Y.AbstractType<unknown> | null = node;
  while (current && current.parent !== fragment) current = current.parent as Y.AbstractType<unknown> | null;
  return current;
}
