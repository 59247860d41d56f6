import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../../bin/canvas.js", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "canvas-cli-"));

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd: dir });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("canvas apply (CLI)", () => {
  const doc = file("essay.md", "# Essay\n\nThe keeper lit the lamp.\n");

  it("applies an edit and exits 0 with the new markdown (arguments as a JSON string)", () => {
    const call = file(
      "ok.json",
      JSON.stringify({
        name: "edit_canvas",
        arguments: JSON.stringify({
          edits: [{ find: "lit the lamp", replace: "lit the great lamp", all: false }],
          summary: "s",
        }),
      }),
    );
    const { code, stdout } = run("apply", doc, call);
    expect(code).toBe(0);
    const output = JSON.parse(stdout) as { ok: boolean; markdown: string; applied: unknown[]; errors: unknown[] };
    expect(output.ok).toBe(true);
    expect(output.markdown).toBe("# Essay\n\nThe keeper lit the great lamp.");
    expect(output.applied).toHaveLength(1);
  });

  it("exits 1 with the engine's errors when the call is refused", () => {
    const call = file(
      "refused.json",
      JSON.stringify({
        name: "edit_canvas",
        arguments: { edits: [{ find: "no such words", replace: "x", all: false }], summary: "s" },
      }),
    );
    const { code, stdout } = run("apply", doc, call);
    expect(code).toBe(1);
    const output = JSON.parse(stdout) as { ok: boolean; errors: { code: string }[]; markdown: string };
    expect(output.ok).toBe(false);
    expect(output.errors[0]!.code).toBe("not_found");
    expect(output.markdown).toBe("# Essay\n\nThe keeper lit the lamp.");
  });

  it("edits a code file as a code canvas, byte for byte", () => {
    const source = file("main.ts", "function main() {\n  return 1;\n}\n");
    const call = file(
      "code.json",
      JSON.stringify({
        name: "edit_canvas",
        arguments: { edits: [{ find: "return 1;", replace: "return 2;", all: false }], summary: "s" },
      }),
    );
    const { code, stdout } = run("apply", source, call);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { markdown: string }).markdown).toBe("function main() {\n  return 2;\n}\n");
  });

  it("exits 2 on bad usage", () => {
    expect(run().code).toBe(2);
    expect(run("apply", doc).code).toBe(2);
    expect(run("apply", doc, join(dir, "missing.json")).code).toBe(2);
    expect(run("apply", doc, file("bad.json", "{not json")).code).toBe(2);
    expect(run("apply", doc, file("ok2.json", "{}"), "--kind", "spreadsheet").code).toBe(2);
  });
});

describe("canvas mcp-config (CLI)", () => {
  it("prints the MCP client configuration of a share link: the server's /mcp and the token as a bearer header", () => {
    const { code, stdout } = run("mcp-config", "http://127.0.0.1:5173/r/room_AB12?token=tok-123");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      mcpServers: {
        "canvas-room_AB12": {
          type: "http",
          url: "http://127.0.0.1:5173/mcp",
          headers: { Authorization: "Bearer tok-123" },
        },
      },
    });
  });

  it("refuses something that is not a share link, with exit code 2 and what a link looks like", () => {
    const { code, stderr } = run("mcp-config", "http://127.0.0.1:5173/library");
    expect(code).toBe(2);
    expect(stderr).toContain("/r/<room>?token=<token>");
  });
});
