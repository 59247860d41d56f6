// An agent test room: the real server with the real openai SDK talking to the fake OpenAI server.
import * as Y from "yjs";
import { installAgent } from "../../server/agent/index.ts";
import { createEngine } from "../../server/agent/engines.ts";
import type { RunManager } from "../../server/agent/runs.ts";
import type { TurnLimits } from "../../server/agent/budget.ts";
import { startFakeOpenAI } from "../fake-openai/server.ts";
import { startTestServer, type RoomLinks, type TestServer } from "../helpers/server.ts";
import type { ServerOptions } from "../../server/app.ts";

export interface AgentHarness {
  server: TestServer;
  fake: Awaited<ReturnType<typeof startFakeOpenAI>>;
  runs: () => RunManager;
  room: RoomLinks;
  /** The server's live doc of the room. */
  doc(): Promise<Y.Doc>;
  send(body: Record<string, unknown>, token?: string): Promise<{ status: number; json: unknown }>;
  /** Send and wait for the run to finish. */
  run(body: Record<string, unknown>): Promise<{ runId: string; status: string; error: string | null }>;
  close(): Promise<void>;
}

export async function startAgentHarness(
  options: {
    engine?: "openai" | "local";
    timeoutMs?: number;
    maxRetries?: number;
    predictedOutputs?: boolean;
    limits?: TurnLimits;
    server?: Partial<ServerOptions>;
  } = {},
): Promise<AgentHarness> {
  const fake = await startFakeOpenAI();
  let runs: RunManager | null = null;
  const engine = createEngine({
    engine: options.engine ?? "openai",
    apiKey: "test-key",
    baseURL: fake.url,
    model: "fake-model",
    timeoutMs: options.timeoutMs ?? 5_000,
    maxRetries: options.maxRetries ?? 2,
    predictedOutputs: options.predictedOutputs ?? false,
  });
  const server = await startTestServer({
    ...options.server,
    extend: (app) => {
      runs = installAgent(app, { engine, runsPerMinute: 1_000, limits: options.limits });
    },
  });
  const room = await server.createRoom("Agent room");
  const harness: AgentHarness = {
    server,
    fake,
    runs: () => runs!,
    room,
    doc: async () => (await server.running.app.registry.get(room.roomId)).doc,
    send: (body, token = room.tokens.editor) =>
      server.api(`/api/rooms/${room.roomId}/messages`, { method: "POST", token, body }),
    async run(body) {
      const response = await harness.send(body);
      if (response.status !== 202)
        throw new Error(`run not accepted: ${response.status} ${JSON.stringify(response.json)}`);
      const { runId } = response.json as { runId: string };
      await runs!.settle(room.roomId);
      const status = await server.api(`/api/rooms/${room.roomId}/runs/${runId}`, { token: room.tokens.viewer });
      const run = status.json as { status: string; error: string | null };
      return { runId, status: run.status, error: run.error };
    },
    async close() {
      await server.close();
      await fake.close();
    },
  };
  return harness;
}
