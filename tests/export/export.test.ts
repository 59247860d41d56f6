// Exports read back by real readers: pdftotext (poppler-utils) for PDF, pandoc for DOCX and HTML.
// Headings, lists, tables, code and links must survive; accented and non-Latin text must come back as
// written; the HTML export is standalone and carries nothing executable.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type RoomLinks, type TestServer } from "../helpers/server.ts";

const READERS = ["/usr/bin/pdftotext", "/usr/bin/pdfinfo", "/usr/bin/pandoc"];
const missing = READERS.filter((path) => !existsSync(path));
if (missing.length && process.env.CI)
  throw new Error(`export tests need ${missing.join(", ")} (apt-get install poppler-utils pandoc)`);
if (missing.length)
  console.warn(
    `\n  !!! export read-back tests SKIPPED: ${missing.join(", ")} missing (apt-get install poppler-utils pandoc)\n`,
  );

const REPORT = [
  "# Quarterly report",
  "",
  "Revenue grew in **every region**, with *Zürich* and [the Kraków office](https://example.com/krakow) leading.",
  "",
  "## Highlights",
  "",
  "- Café openings: three new sites",
  "- Greek partners: Αθήνα and Θεσσαλονίκη",
  "  - nested: Москва, Санкт-Петербург",
  "",
  "1. Hire two engineers",
  "2. Ship the ~~old~~ new exporter",
  "",
  "- [x] Budget approved",
  "- [ ] Office move",
  "",
  "> Quality is never an accident.",
  "",
  "| Region | Growth |",
  "| --- | --- |",
  "| Europe | 12% |",
  "| Asia | 9% |",
  "",
  "```python",
  "def growth(a, b):",
  "    return (b - a) / a",
  "```",
  "",
  "---",
  "",
  "Contact `ops@example.com` or see https://example.com/report.",
  "",
].join("\n");

describe.skipIf(missing.length > 0)("canvas export read back by real readers", () => {
  let server: TestServer;
  let room: RoomLinks;
  let canvasId: string;
  let dir: string;

  beforeAll(async () => {
    server = await startTestServer();
    room = await server.createRoom("Exports");
    const created = await server.api(`/api/rooms/${room.roomId}/canvases`, {
      method: "POST",
      token: room.tokens.editor,
      body: { title: "Quarterly report", kind: "document", content: REPORT },
    });
    canvasId = (created.json as { canvasId: string }).canvasId;
    dir = mkdtempSync(join(tmpdir(), "canvas-export-"));
  });
  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function download(format: string, token = room.tokens.viewer): Promise<{ path: string; response: Response }> {
    const response = await fetch(
      `${server.url}/api/rooms/${room.roomId}/canvases/${canvasId}/export?format=${format}`,
      {
        headers: { Authorization: `Bearer ${token}` },
      },
    );
    const path = join(dir, `export.${format}`);
    writeFileSync(path, Buffer.from(await response.arrayBuffer()));
    return { path, response };
  }

  it("a PDF export reads back with its headings, list items, table cells, code, links and non-Latin text", async () => {
    const { path, response } = await download("pdf");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toContain('filename="Quarterly-report.pdf"');
    const text = execFileSync("pdftotext", ["-layout", path, "-"], { encoding: "utf8" });
    for (const expected of [
      "Quarterly report",
      "Highlights",
      "Zürich",
      "Kraków office",
      "Café openings: three new sites",
      "Αθήνα and Θεσσαλονίκη",
      "Москва, Санкт-Петербург",
      "Hire two engineers",
      "☑ Budget approved",
      "☐ Office move",
      "Quality is never an accident.",
      "Europe",
      "12%",
      "def growth(a, b):",
      "    return (b - a) / a",
      "ops@example.com",
    ])
      expect(text).toContain(expected);
    expect(text).toMatch(/1\.\s+Hire two engineers/);
    expect(text).toMatch(/Region\s+Growth/);
    // The links are real link annotations, not only blue text.
    const bytes = readFileSync(path).toString("latin1");
    expect(bytes).toContain("/URI (https://example.com/krakow)");
    const info = execFileSync("pdfinfo", [path], { encoding: "utf8" });
    expect(info).toMatch(/Title:\s+Quarterly report/);
    const raw = execFileSync("pdftotext", ["-raw", path, "-"], { encoding: "utf8" });
    expect(raw).not.toContain("**");
  });

  it("a DOCX export reads back in pandoc as the same structure: headings, lists, table, code and links", async () => {
    const { path, response } = await download("docx");
    expect(response.status).toBe(200);
    const markdown = execFileSync("pandoc", ["-f", "docx", "-t", "gfm", "--wrap=none", path], { encoding: "utf8" });
    expect(markdown).toMatch(/^# Quarterly report$/m);
    expect(markdown).toMatch(/^## Highlights$/m);
    expect(markdown).toContain("**every region**");
    expect(markdown).toContain("*Zürich*");
    expect(markdown).toContain("[the Kraków office](https://example.com/krakow)");
    expect(markdown).toMatch(/^-\s+Café openings: three new sites$/m);
    expect(markdown).toMatch(/^\s+-\s+nested: Москва, Санкт-Петербург$/m);
    expect(markdown).toMatch(/^1\.\s+Hire two engineers$/m);
    expect(markdown).toMatch(/^2\.\s+Ship the ~~old~~ new exporter$/m);
    expect(markdown).toMatch(/\|\s*\**Region\**\s*\|\s*\**Growth\**\s*\|\n\|-+\|-+\|/);
    expect(markdown).toMatch(/\|\s*Europe\s*\|\s*12%\s*\|/);
    // Code stays a code block with its indentation (the "Source Code" style), inline code stays code.
    expect(markdown).toContain("    def growth(a, b):\n        return (b - a) / a");
    expect(markdown).toContain("`ops@example.com`");
  });

  it("an HTML export is one standalone, safe file that pandoc reads as the same document", async () => {
    const { path, response } = await download("html");
    expect(response.status).toBe(200);
    const html = await (
      await fetch(
        `${server.url}/api/rooms/${room.roomId}/canvases/${canvasId}/export?format=html&token=${room.tokens.viewer}`,
      )
    ).text();
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("<style>");
    expect(html).not.toMatch(/<script|<link |src="http/);
    expect(html).toContain('<span class="hljs-keyword">def</span>');
    const markdown = execFileSync("pandoc", ["-f", "html", "-t", "gfm", "--wrap=none", path], { encoding: "utf8" });
    expect(markdown).toMatch(/^# Quarterly report$/m);
    expect(markdown).toMatch(/^## Highlights$/m);
    expect(markdown).toContain("[the Kraków office](https://example.com/krakow)");
    expect(markdown).toMatch(/^1\.\s+Hire two engineers$/m);
    expect(markdown).toMatch(/\|\s*Europe\s*\|\s*12%\s*\|/);
    expect(markdown).toContain("def growth(a, b):\n    return (b - a) / a");
  });

  it("hostile markup in a canvas cannot reach the HTML export as markup", async () => {
    const hostile = await server.api(`/api/rooms/${room.roomId}/canvases`, {
      method: "POST",
      token: room.tokens.editor,
      body: {
        title: 'Evil "title" <script>',
        kind: "document",
        content: [
          "# <img src=x onerror=alert(1)>",
          "",
          "[click](javascript:alert(1)) and <script>alert(2)</script> and <b onclick=x>bold</b>",
          "",
          "![pic](javascript:alert(3))",
          "",
        ].join("\n"),
      },
    });
    const id = (hostile.json as { canvasId: string }).canvasId;
    const html = await (
      await fetch(
        `${server.url}/api/rooms/${room.roomId}/canvases/${id}/export?format=html&token=${room.tokens.viewer}`,
      )
    ).text();
    // Whatever the text says stays text: no tag, event attribute or script URL gets through.
    expect(html).not.toMatch(/<script|<img|<b |<[a-z][^>]*\son\w+=|href="javascript|src="javascript/i);
    expect(html).toContain("&#60;script&#62;");
    expect(html).toContain("<title>Evil &#34;title&#34; &#60;script&#62;</title>");
  });

  it("a code canvas exports as a titled, highlighted code listing in every format", async () => {
    const created = await server.api(`/api/rooms/${room.roomId}/canvases`, {
      method: "POST",
      token: room.tokens.editor,
      body: {
        title: "fib.ts",
        kind: "code",
        language: "typescript",
        content: "export function fib(n: number): number {\n  return n < 2 ? n : fib(n - 1) + fib(n - 2);\n}\n",
      },
    });
    const id = (created.json as { canvasId: string }).canvasId;
    const response = await fetch(
      `${server.url}/api/rooms/${room.roomId}/canvases/${id}/export?format=pdf&token=${room.tokens.viewer}`,
    );
    const path = join(dir, "code.pdf");
    writeFileSync(path, Buffer.from(await response.arrayBuffer()));
    const text = execFileSync("pdftotext", ["-layout", path, "-"], { encoding: "utf8" });
    expect(text).toContain("fib.ts");
    expect(text).toContain("  return n < 2 ? n : fib(n - 1) + fib(n - 2);");
    const source = await server.api(`/api/rooms/${room.roomId}/canvases/${id}/export?format=source`, {
      token: room.tokens.viewer,
    });
    expect(source.text).toContain("export function fib");
  });

  it("an unknown format is refused with the list of formats, and a missing canvas is a 404", async () => {
    const bad = await server.api(`/api/rooms/${room.roomId}/canvases/${canvasId}/export?format=rtf`, {
      token: room.tokens.viewer,
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("markdown, source, pdf, docx, html");
    const gone = await server.api(`/api/rooms/${room.roomId}/canvases/nope/export?format=pdf`, {
      token: room.tokens.viewer,
    });
    expect(gone.status).toBe(404);
  });
});
