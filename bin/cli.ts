// `canvas apply <file.md|file.ts> <toolcall.json> [--kind code|document] [--language ts]`: run the edit
// engine on a file without a server or a model. Prints {ok, errors, applied, markdown} as JSON; exit
// 0 when applied, 1 when the engine refused the call, 2 on bad usage.
// `canvas mcp-config <share link>`: prints the MCP client configuration that joins that room (mcpConfig.ts).
import { readFileSync } from "node:fs";
import { extname } from "node:path";
import * as Y from "yjs";
import { canvasesMap, canvasFragment } from "../shared/room.ts";
import { CANVAS_KINDS, parseToolCall, type CanvasKind } from "../shared/tools.ts";
import { canvasText, textToDoc } from "../shared/markdown/index.ts";
import { AgentOrigin, applyToolCall, writeDoc, type EngineError } from "../shared/engine/index.ts";
import { DOCUMENT_EXTENSIONS, languageForExtension } from "../shared/languages.ts";
import { mcpConfigFor, type McpClientConfig } from "./mcpConfig.ts";

const USAGE =
  "usage: canvas apply <file.md|file.ts> <toolcall.json> [--kind code|document] [--language <lang>]\n" +
  "       canvas mcp-config <share link>";

interface CliOutput {
  ok: boolean;
  errors: EngineError[] | { code: string; message: string }[];
  applied: unknown[];
  markdown: string | null;
}

export function runCli(argv: readonly string[]): { code: number; output: CliOutput | McpClientConfig | string } {
  const [command, file, callFile, ...rest] = argv;
  if (command === "mcp-config") {
    if (!file || callFile) return { code: 2, output: USAGE };
    const result = mcpConfigFor(file);
    return result.ok ? { code: 0, output: result.config } : { code: 2, output: `canvas: ${result.error}` };
  }
  if (command !== "apply" || !file || !callFile) return { code: 2, output: USAGE };
  let kind: CanvasKind | null = null;
  let language: string | null = null;
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i];
    const value = rest[i + 1];
    if (flag === "--kind" && value && (CANVAS_KINDS as readonly string[]).includes(value)) kind = value as CanvasKind;
    else if (flag === "--language" && value) language = value;
    else return { code: 2, output: `canvas: unknown or incomplete option "${flag ?? ""}"\n${USAGE}` };
    i++;
  }
  const extension = extname(file).slice(1).toLowerCase();
  kind ??= DOCUMENT_EXTENSIONS.includes(extension) ? "document" : "code";
  if (kind === "code") language ??= languageForExtension(extension) ?? (extension || null);
  else language = null;

  let source: string;
  let rawCall: unknown;
  try {
    source = readFileSync(file, "utf8");
    rawCall = JSON.parse(readFileSync(callFile, "utf8"));
  } catch (error) {
    return { code: 2, output: `canvas: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (typeof rawCall !== "object" || rawCall === null || typeof (rawCall as { name?: unknown }).name !== "string") {
    return { code: 2, output: `canvas: ${callFile} must hold {"name": "<tool>", "arguments": {...}}` };
  }
  const { name, arguments: args } = rawCall as { name: string; arguments?: unknown };
  const parsed = parseToolCall(name, args);
  const doc = new Y.Doc();
  const canvasId = "cli";
  doc.transact(() => {
    canvasesMap(doc).set(canvasId, { id: canvasId, title: file, kind, language, createdAt: 0 });
    writeDoc(doc, canvasFragment(doc, canvasId), textToDoc(source, kind, language));
  });
  if (!parsed.ok) {
    return {
      code: 1,
      output: {
        ok: false,
        errors: [{ code: "invalid", message: parsed.error }],
        applied: [],
        markdown: canvasText(doc, canvasId),
      },
    };
  }
  const result = applyToolCall(doc, parsed.call, { canvasId, origin: new AgentOrigin("cli") });
  const shown = result.canvasId && canvasesMap(doc).has(result.canvasId) ? result.canvasId : canvasId;
  return {
    code: result.ok ? 0 : 1,
    output: {
      ok: result.ok,
      errors: result.ok ? [] : result.errors,
      applied: result.ok ? result.applied : [],
      markdown: canvasText(doc, shown),
    },
  };
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/"));
if (invokedDirectly) {
  const { code, output } = runCli(process.argv.slice(2));
  if (typeof output === "string") console.error(output);
  else console.log(JSON.stringify(output, null, 2));
  process.exitCode = code;
}
