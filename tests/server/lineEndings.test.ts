// A person's file with CRLF line ends comes back with them: the canvas is edited with LF (what the
// editor and the model see) and exported with CRLF again, after an edit too, for documents and code.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyToolCall, AgentOrigin } from "../../shared/engine/index.ts";
import { canvasText } from "../../shared/markdown/index.ts";
import { canvasesMap } from "../../shared/room.ts";
import { startTestServer, type RoomLinks, type TestServer } from "../helpers/server.ts";

let server: TestServer;
let room: RoomLinks;
beforeAll(async () => {
  server = await startTestServer();
  room = await server.createRoom("Line ends");
});
afterAll(async () => server.close());

async function importFile(title: string, kind: "document" | "code", language: string | null, content: string) {
  const created = await server.api(`/api/rooms/${room.roomId}/canvases`, {
    method: "POST",
    token: room.tokens.editor,
    body: { title, kind, language, content },
  });
  expect(created.status).toBe(201);
  return (created.json as { canvasId: string }).canvasId;
}

async function exported(canvasId: string, format: "markdown" | "source"): Promise<string> {
  const response = await server.api(`/api/rooms/${room.roomId}/canvases/${canvasId}/export?format=${format}`, {
    token: room.tokens.viewer,
  });
  expect(response.status).toBe(200);
  return response.text;
}

const DOCUMENT = "# Notes\r\n\r\nFirst paragraph,\r\nwrapped.\r\n\r\n* one\r\n* two";
const CODE = 'def greet(name):\r\n    return "hi " + name\r\n\r\nprint(greet("ada"))';

describe("CRLF files", () => {
  it("a CRLF markdown file exports byte for byte, and after an edit only the edited words change", async () => {
    const canvasId = await importFile("Notes", "document", null, DOCUMENT);
    const live = await server.running.app.registry.get(room.roomId);
    // What people and the model work on has no carriage returns.
    expect(canvasText(live.doc, canvasId)).toBe(DOCUMENT.replace(/\r\n/g, "\n"));
    expect(await exported(canvasId, "markdown")).toBe(DOCUMENT);

    const meta = canvasesMap(live.doc).get(canvasId)!;
    const result = applyToolCall(
      live.doc,
      { name: "edit_canvas", arguments: { edits: [{ find: "First", replace: "Opening", all: false }], summary: "x" } },
      { canvasId, origin: new AgentOrigin("line-ends") },
    );
    expect(result.ok).toBe(true);
    expect(canvasesMap(live.doc).get(canvasId)).toEqual(meta);
    expect(await exported(canvasId, "markdown")).toBe(DOCUMENT.replace("First", "Opening"));
  });

  it("a CRLF source file exports with CRLF; an LF file stays LF", async () => {
    const crlf = await importFile("greet.py", "code", "python", CODE);
    expect(await exported(crlf, "source")).toBe(CODE);
    const lf = await importFile("plain.py", "code", "python", CODE.replace(/\r\n/g, "\n"));
    expect(await exported(lf, "source")).toBe(CODE.replace(/\r\n/g, "\n"));
  });
});
