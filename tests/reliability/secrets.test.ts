// Secrets never reach users or logs: a provider that echoes the API key, or an OPENAI_BASE_URL
// with a password in it, shows people a plain message and leaves no key in the log.
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { installAgent } from "../../server/agent/index.ts";
import { createEngine } from "../../server/agent/engines.ts";
import type { RunManager } from "../../server/agent/runs.ts";
import { redactSecrets } from "../../server/redact.ts";
import { createLogger } from "../../server/log.ts";
import { readChat } from "../../shared/room.ts";
import { startFakeOpenAI, type FakeOpenAI } from "../fake-openai/server.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";

const KEY = "sk-proj-SECRETabcdefghijklmnopqrstuvwxyz0123456789";
let server: TestServer | null = null;
let fake: FakeOpenAI | null = null;

afterEach(async () => {
  await server?.close();
  await fake?.close();
  server = null;
  fake = null;
});

async function runOnce(baseURL: string): Promise<{ shown: string; log: string }> {
  let log = "";
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      log += chunk.toString();
      done();
    },
  });
  // The server's own logger (with its redaction hook), writing where the test can read it.
  const logger = createLogger("debug", sink);
  const engine = createEngine({ engine: "openai", apiKey: KEY, baseURL, model: "m", timeoutMs: 2_000, maxRetries: 0 });
  let runs: RunManager | null = null;
  server = await startTestServer({ logger, extend: (app) => void (runs = installAgent(app, { engine })) });
  const room = await server.createRoom("Secrets");
  const response = await server.api(`/api/rooms/${room.roomId}/messages`, {
    method: "POST",
    token: room.tokens.editor,
    body: { text: "Hello there, model" },
  });
  expect(response.status).toBe(202);
  await runs!.settle(room.roomId);
  const runId = (response.json as { runId: string }).runId;
  const run = (await server.api(`/api/rooms/${room.roomId}/runs/${runId}`, { token: room.tokens.viewer })).json as {
    error: string | null;
  };
  const chat = readChat((await server.running.app.registry.get(room.roomId)).doc);
  const shown = [run.error ?? "", ...chat.map((message) => `${message.text} ${message.error ?? ""}`)].join("\n");
  return { shown, log };
}

describe("secrets", () => {
  it("a provider that echoes the key in its 401 shows nobody the key and logs none of it", async () => {
    fake = await startFakeOpenAI();
    fake.script([{ status: 401, body: { error: { message: `Incorrect API key provided: ${KEY}.` } } }]);
    const { shown, log } = await runOnce(fake.url);
    expect(shown).toMatch(/401|API key/);
    expect(shown).not.toContain("SECRET");
    expect(log).not.toContain("SECRET");
  });

  it("a password in OPENAI_BASE_URL is not shown", async () => {
    const { shown, log } = await runOnce("http://canvas:hunter2hunter2@127.0.0.1:9/v1");
    expect(shown).not.toContain("hunter2");
    expect(log).not.toContain("hunter2");
  });

  it("redaction keeps ordinary words and ids", () => {
    expect(redactSecrets("Room abc123XYZ_-q failed at http://host:80/v1 (timeout 60 s)")).toBe(
      "Room abc123XYZ_-q failed at http://host:80/v1 (timeout 60 s)",
    );
    expect(redactSecrets("postgres://canvas:pw@db:5432/canvas")).toBe("postgres://[redacted]@db:5432/canvas");
  });
});
