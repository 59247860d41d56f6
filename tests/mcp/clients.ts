// What the MCP tests share: SDK clients (a real MCP client over Streamable HTTP) and y-websocket people
// in the harness's room, closed after each test, and reading a tool's text answer.
import { expect } from "vitest";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { AgentHarness } from "../agent/harness.ts";
import { connectClient, type TestClient } from "../helpers/server.ts";

export const ESSAY = "# Report\n\nThe budget grew by ten percent.\n\n## Conclusion\n\nThe outlook is uncertain.";

export class McpClients {
  private readonly clients: Client[] = [];
  private readonly transports = new WeakMap<Client, StreamableHTTPClientTransport>();
  private readonly people: TestClient[] = [];

  constructor(private readonly harness: () => AgentHarness) {}

  /** An MCP client named `name` (its client info) with this share token. */
  async connect(token: string, name = "Test Agent"): Promise<Client> {
    const client = new Client({ name, version: "1.0.0" });
    const transport = new StreamableHTTPClientTransport(new URL(`${this.harness().server.url}/mcp`), {
      requestInit: { headers: { Authorization: `Bearer ${token}` } },
    });
    await client.connect(transport);
    this.clients.push(client);
    this.transports.set(client, transport);
    return client;
  }

  transport(client: Client): StreamableHTTPClientTransport {
    return this.transports.get(client)!;
  }

  /** A person in the room over y-websocket, synced. */
  async join(token = this.harness().room.tokens.editor): Promise<TestClient> {
    const harness = this.harness();
    const person = connectClient(harness.server.wsUrl, harness.room.roomId, token);
    await person.synced;
    this.people.push(person);
    return person;
  }

  async close(): Promise<void> {
    for (const client of this.clients.splice(0)) await client.close().catch(() => undefined);
    for (const person of this.people.splice(0)) person.destroy();
  }
}

export function text(result: unknown): string {
  const content = (result as CallToolResult).content;
  return content.map((part) => (part.type === "text" ? part.text : "")).join("");
}

/** A tool call's outcome whether the SDK returns a tool error or throws (an unknown tool, bad arguments). */
export async function outcome(call: Promise<unknown>): Promise<{ isError: boolean; message: string; json: unknown }> {
  return call.then(
    (result) => {
      const message = text(result);
      const isError = (result as CallToolResult).isError === true;
      return { isError, message, json: isError ? null : (JSON.parse(message) as unknown) };
    },
    (error: unknown) => ({ isError: true, message: String(error), json: null }),
  );
}

export async function createEssay(client: Client, content = ESSAY): Promise<string> {
  const result = await client.callTool({
    name: "create_canvas",
    arguments: { title: "Report", kind: "document", language: null, content },
  });
  expect(result.isError).toBeFalsy();
  return (JSON.parse(text(result)) as { canvasId: string }).canvasId;
}
