import { describe, expect, it } from "vitest";
import { openAITools, parseToolCall, TOOL_NAMES } from "../../shared/tools.ts";

type JsonNode = Record<string, unknown>;

function objectNodes(node: unknown, out: JsonNode[] = []): JsonNode[] {
  if (Array.isArray(node)) node.forEach((child) => objectNodes(child, out));
  else if (node && typeof node === "object") {
    const record = node as JsonNode;
    if (record.type === "object") out.push(record);
    Object.values(record).forEach((child) => objectNodes(child, out));
  }
  return out;
}

describe("tool schemas", () => {
  it("export every tool as strict JSON Schema: no extra properties, every field required", () => {
    const tools = openAITools();
    expect(tools.map((tool) => tool.function.name)).toEqual(TOOL_NAMES);
    for (const tool of tools) {
      expect(tool.function.strict).toBe(true);
      const objects = objectNodes(tool.function.parameters);
      expect(objects.length).toBeGreaterThan(0);
      for (const object of objects) {
        expect(object.additionalProperties).toBe(false);
        expect([...(object.required as string[])].sort()).toEqual(Object.keys(object.properties as JsonNode).sort());
      }
    }
  });

  it("mark optional fields as nullable rather than leaving them out", () => {
    const create = openAITools(["create_canvas"])[0]!.function.parameters as { properties: Record<string, JsonNode> };
    const language = JSON.stringify(create.properties.language);
    expect(language).toContain("null");
  });

  it("accept arguments as the JSON string the API sends", () => {
    const result = parseToolCall("rewrite_canvas", JSON.stringify({ content: "# Hi", summary: "s" }));
    expect(result).toEqual({
      ok: true,
      call: { name: "rewrite_canvas", arguments: { content: "# Hi", summary: "s" } },
    });
  });

  it("refuse an unknown tool, broken JSON and wrong types with a message naming the problem", () => {
    expect(parseToolCall("delete_canvas", {})).toMatchObject({
      ok: false,
      error: expect.stringContaining("Unknown tool"),
    });
    expect(parseToolCall("edit_canvas", "{not json")).toMatchObject({
      ok: false,
      error: expect.stringContaining("not valid JSON"),
    });
    const wrong = parseToolCall("edit_canvas", { edits: [{ find: "", replace: 1, all: false }], summary: "x" });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error).toMatch(/edits\.0\.(find|replace)/);
    expect(parseToolCall("edit_canvas", { edits: [], summary: "x", extra: true }).ok).toBe(false);
  });
});

describe("tool names", () => {
  it("refuse names inherited from Object.prototype instead of treating them as tools", () => {
    for (const name of ["toString", "constructor", "__proto__", "hasOwnProperty"]) {
      expect(parseToolCall(name, { content: "", summary: "" })).toMatchObject({
        ok: false,
        error: expect.stringContaining("Unknown tool"),
      });
    }
  });
});
