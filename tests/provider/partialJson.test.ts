import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PartialStringReader, partialStringField } from "../../shared/engine/partialJson.ts";

describe("partialStringField", () => {
  it("returns null before the field starts and the decoded text as it streams", () => {
    const json = JSON.stringify({ title: "Notes", content: 'Line "one"\nLine two' });
    expect(partialStringField(json.slice(0, 10), "content")).toBeNull();
    expect(partialStringField(json.slice(0, json.indexOf("content") + 10), "content")).toBe("");
    expect(partialStringField(json.slice(0, json.indexOf("Line two")), "content")).toBe('Line "one"\n');
    expect(partialStringField(json, "content")).toBe('Line "one"\nLine two');
    expect(partialStringField(json, "title")).toBe("Notes");
  });

  it("drops an escape split across chunks until it is whole", () => {
    expect(partialStringField('{"content": "a\\', "content")).toBe("a");
    expect(partialStringField('{"content": "a\\u00', "content")).toBe("a");
    expect(partialStringField('{"content": "a\\u00e9', "content")).toBe("aé");
    expect(partialStringField('{"content": "a\\n', "content")).toBe("a\n");
  });

  it("holds back half of a surrogate pair sent as \\u escapes", () => {
    expect(partialStringField('{"content": "x\\ud83d', "content")).toBe("x");
    expect(partialStringField('{"content": "x\\ud83d\\ude00', "content")).toBe("x😀");
  });

  it("finds a field that comes after other fields, skipping nested values with the same key", () => {
    const json = JSON.stringify({
      edits: [{ content: "nested", n: 1 }],
      meta: { content: "deep" },
      ok: true,
      n: -1.5e3,
      none: null,
      content: "top",
    });
    expect(partialStringField(json, "content")).toBe("top");
    expect(partialStringField(json.slice(0, json.lastIndexOf("top")), "content")).toBe("");
    expect(partialStringField(json.slice(0, json.indexOf("deep")), "content")).toBeNull();
  });

  it("returns null for non-string values, missing fields and non-objects", () => {
    expect(partialStringField('{"language": null, "content": "x"}', "language")).toBeNull();
    expect(partialStringField('{"a": 1}', "content")).toBeNull();
    expect(partialStringField("[1, 2]", "content")).toBeNull();
    expect(partialStringField("", "content")).toBeNull();
  });

  it("every prefix of a serialised object gives null or a prefix of the field's final value", () => {
    const field = "content";
    const objects = fc.record({
      before: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
      value: fc.string({ unit: "binary", maxLength: 80 }),
      after: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
      spaced: fc.boolean(),
    });
    fc.assert(
      fc.property(objects, ({ before, value, after, spaced }) => {
        const { [field]: _b, ...restBefore } = before;
        const { [field]: _a, ...restAfter } = after;
        const object = { ...restBefore, [field]: value, ...restAfter };
        const json = spaced ? JSON.stringify(object, null, 2) : JSON.stringify(object);
        let previous = "";
        const reader = new PartialStringReader(field);
        for (let end = 0; end <= json.length; end += 1) {
          const prefix = json.slice(0, end);
          const partial = partialStringField(prefix, field);
          if (reader.read(prefix) !== partial) return false;
          if (partial === null) {
            if (previous !== "") return false;
            continue;
          }
          if (!value.startsWith(partial) || partial.length < previous.length) return false;
          previous = partial;
        }
        return partialStringField(json, field) === value;
      }),
      { numRuns: 200 },
    );
  });

  it("a reader fed growing chunks matches the stateless answer and starts over on a new stream", () => {
    const first = JSON.stringify({ title: "A", content: 'Café \u00e9 — 😀 and "quotes"\n'.repeat(20) });
    const reader = new PartialStringReader("content");
    for (let i = 0; i < first.length; i += 7) {
      const text = first.slice(0, i + 7);
      expect(reader.read(text)).toBe(partialStringField(text, "content"));
    }
    const second = JSON.stringify({ content: "Another stream" });
    expect(reader.read(second.slice(0, 20))).toBe(partialStringField(second.slice(0, 20), "content"));
    expect(reader.read(second)).toBe("Another stream");
  });
});
