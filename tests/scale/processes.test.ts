// Two real server processes sharing Redis and Postgres, the way they run behind a load balancer.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { Redis } from "ioredis";
import * as Y from "yjs";
import { chatArray, canvasesMap, canvasFragment } from "../../shared/room.ts";
import { spawnServer, type ServerProcess } from "../helpers/process.ts";
import { startFakeOpenAI, type FakeOpenAI } from "../fake-openai/server.ts";
import { connect, createRoom, lines, typeParagraph, type ScaleClient } from "./clients.ts";
import { describeScale, freshRedisPrefix, freshSchema, services, waitFor, type TestSchema } from "./services.ts";

const servers: ServerProcess[] = [];
const clients: ScaleClient[] = [];
const dirs: string[] = [];
let schema: TestSchema | null = null;
let fake: FakeOpenAI | null = null;

afterEach(async () => {
  await fake?.close();
  fake = null;
  for (const client of clients.splice(0)) client.destroy();
  await Promise.all(servers.splice(0).map((server) => server.kill("SIGKILL")));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  await schema?.drop();
  schema = null;
});

/** Two processes on their own ports, one database schema and one Redis prefix between them. */
async function startPair(
  extraEnv: Record<string, string> = {},
): Promise<{ a: ServerProcess; b: ServerProcess; prefix: string; start: () => Promise<ServerProcess> }> {
  schema = await freshSchema();
  const prefix = freshRedisPrefix();
  const start = async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "canvas-scale-"));
    dirs.push(dataDir);
    const server = await spawnServer({
      DATA_DIR: dataDir,
      DATABASE_URL: schema!.url,
      REDIS_URL: services().redisUrl,
      REDIS_PREFIX: prefix,
      ...extraEnv,
    });
    servers.push(server);
    return server;
  };
  const [a, b] = await Promise.all([start(), start()]);
  return { a: a!, b: b!, prefix, start };
}

function joinRoom(url: string, roomId: string, token: string, doc?: Y.Doc): ScaleClient {
  const client = connect(url, roomId, token, doc);
  clients.push(client);
  return client;
}

function sameLines(docs: Y.Doc[]): boolean {
  const first = JSON.stringify(lines(docs[0]!));
  return docs.every((doc) => JSON.stringify(lines(doc)) === first);
}

describeScale("two server processes on Redis + Postgres", () => {
  it("clients connected to different processes edit the same canvas and converge", async () => {
    const { a, b } = await startPair();
    const room = await createRoom(a.url);
    const onA = [0, 1, 2].map(() => joinRoom(a.url, room.roomId, room.tokens.editor));
    const onB = [0, 1, 2].map(() => joinRoom(b.url, room.roomId, room.tokens.editor));
    const everyone = [...onA, ...onB];
    await Promise.all(everyone.map((client) => client.synced));

    await Promise.all(
      everyone.map(async (client, index) => {
        for (let count = 0; count < 20; count++) {
          typeParagraph(client.doc, `w${index}-${count}`);
          await new Promise((resolve) => setTimeout(resolve, 2 + index));
        }
      }),
    );
    await waitFor(
      () => lines(everyone[0]!.doc).length === 120 && sameLines(everyone.map((client) => client.doc)),
      "all six clients to converge",
      20_000,
    );

    // What converged is also what is stored: a newcomer on either process loads all of it.
    const late = joinRoom(b.url, room.roomId, room.tokens.viewer);
    await late.synced;
    expect(new Set(lines(late.doc))).toEqual(new Set(lines(onA[0]!.doc)));
    expect(lines(late.doc)).toHaveLength(120);
  });

  it("an agent run started through one process is seen live by a client on the other", async () => {
    const { a, b } = await startPair();
    const room = await createRoom(a.url);
    const watcher = joinRoom(b.url, room.roomId, room.tokens.viewer);
    await watcher.synced;
    const statuses: string[] = [];
    let sawAgentPresence = false;
    chatArray(watcher.doc).observeDeep(() => {
      const last = chatArray(watcher.doc).get(chatArray(watcher.doc).length - 1);
      const status = last?.get("status");
      if (last?.get("role") === "assistant" && typeof status === "string" && statuses[statuses.length - 1] !== status)
        statuses.push(status);
    });
    watcher.provider.awareness.on("change", () => {
      for (const state of watcher.provider.awareness.getStates().values())
        if (state.ai === true) sawAgentPresence = true;
    });

    const response = await fetch(`${a.url}/api/rooms/${room.roomId}/messages`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${room.tokens.editor}` },
      body: JSON.stringify({ text: "Write an essay about lighthouses" }),
    });
    expect(response.status).toBe(202);

    await waitFor(
      () => statuses.includes("done") || statuses.includes("error"),
      "the run to finish, as seen from process B",
      30_000,
    );
    expect(statuses).toEqual(["streaming", "done"]);
    expect(sawAgentPresence).toBe(true);
    const canvases = [...canvasesMap(watcher.doc).values()];
    expect(canvases).toHaveLength(1);
    const essay = lines(watcher.doc, canvases[0]!.id).join("\n");
    expect(essay.toLowerCase()).toContain("lighthouse");
    expect(canvasFragment(watcher.doc, canvases[0]!.id).length).toBeGreaterThan(1);
  });

  it("while one process holds a room's agent lock, the other answers 409 run_active", async () => {
    const { a, b, prefix } = await startPair();
    const room = await createRoom(a.url);
    const send = (url: string) =>
      fetch(`${url}/api/rooms/${room.roomId}/messages`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${room.tokens.editor}` },
        body: JSON.stringify({ text: "hello there" }),
      });
    // Hold the lock the way process A holds it during a run (A's runs may finish in milliseconds).
    const redis = new Redis(services().redisUrl);
    try {
      await redis.set(`${prefix}lock:room:${room.roomId}`, "held-by-a", "PX", 30_000);
      const refused = await send(b.url);
      expect(refused.status).toBe(409);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("run_active");
      await redis.del(`${prefix}lock:room:${room.roomId}`);
      expect((await send(b.url)).status).toBe(202);
    } finally {
      await redis.quit();
    }
  });

  it("stop pressed through one process stops the run executing in the other", async () => {
    fake = await startFakeOpenAI();
    const { a, b } = await startPair({
      CANVAS_ENGINE: "openai",
      OPENAI_BASE_URL: fake.url,
      OPENAI_API_KEY: "test-key",
      CANVAS_MODEL: "fake-model",
    });
    const room = await createRoom(a.url);
    const watcher = joinRoom(b.url, room.roomId, room.tokens.viewer);
    await watcher.synced;
    const replyStatus = () =>
      chatArray(watcher.doc)
        .get(chatArray(watcher.doc).length - 1)
        ?.get("status");
    const replyText = () =>
      String(
        chatArray(watcher.doc)
          .get(chatArray(watcher.doc).length - 1)
          ?.get("text") ?? "",
      );
    // A slow answer: about 15 s of streaming unless someone stops it.
    fake.script([
      { text: "Lighthouses guide ships. ".repeat(30), chunkSize: 5, delayMs: 100 },
      { text: "Hello again." },
    ]);
    const post = (url: string, path: string, body: unknown) =>
      fetch(`${url}/api/rooms/${room.roomId}${path}`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${room.tokens.editor}` },
        body: JSON.stringify(body),
      });
    expect((await post(a.url, "/messages", { text: "Tell me about lighthouses" })).status).toBe(202);
    await waitFor(() => replyText().length > 10, "the streamed answer to reach process B's client", 15_000);
    expect((await post(b.url, "/messages", { text: "and another thing" })).status).toBe(409);

    const cancel = await post(b.url, "/runs/current/cancel", {});
    expect(await cancel.json()).toEqual({ cancelled: true });
    await waitFor(() => replyStatus() === "cancelled", "B's client to see the run stopped");
    expect(replyText().length).toBeLessThan("Lighthouses guide ships. ".repeat(30).length);
    // The room is free again, from either process.
    expect((await post(b.url, "/messages", { text: "hello" })).status).toBe(202);
  });

  it("when a process is killed, its clients reconnect to the other and nothing anyone typed is lost", async () => {
    const { a, b, start } = await startPair();
    const room = await createRoom(a.url);
    const onA = [0, 1, 2].map(() => joinRoom(a.url, room.roomId, room.tokens.editor));
    const onB = [0, 1, 2].map(() => joinRoom(b.url, room.roomId, room.tokens.editor));
    const everyone = [...onA, ...onB];
    await Promise.all(everyone.map((client) => client.synced));

    let typing = true;
    const typed = new Set<string>();
    const typists = everyone.map(async (client, index) => {
      let count = 0;
      while (typing) {
        const line = `w${index}-${count++}`;
        typeParagraph(client.doc, line);
        typed.add(line);
        await new Promise((resolve) => setTimeout(resolve, 5 + index));
      }
    });
    await waitFor(
      () => everyone.every((client) => lines(client.doc).length > 60),
      "clients to see each other's typing",
      20_000,
    );

    await a.kill("SIGKILL");
    servers.splice(servers.indexOf(a), 1); // already dead: afterEach must not wait for its exit again
    // A's clients keep typing offline for a moment, then their "load balancer" sends them to B.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const moved = onA.map((client) => {
      client.disconnect();
      return joinRoom(b.url, room.roomId, room.tokens.editor, client.doc);
    });
    await Promise.all(moved.map((client) => client.synced));
    await new Promise((resolve) => setTimeout(resolve, 200));
    typing = false;
    await Promise.all(typists);

    const survivors = [...moved, ...onB];
    await waitFor(
      () => sameLines(survivors.map((client) => client.doc)) && lines(survivors[0]!.doc).length === typed.size,
      "everyone to converge on B",
      20_000,
    );
    const reader = joinRoom(b.url, room.roomId, room.tokens.viewer);
    await reader.synced;
    expect(new Set(lines(reader.doc))).toEqual(typed);

    // And it is all in Postgres, not only in B's memory: kill B too, and a fresh process has everything.
    await b.kill("SIGKILL");
    servers.splice(servers.indexOf(b), 1);
    const c = await start();
    const fresh = joinRoom(c.url, room.roomId, room.tokens.viewer);
    await fresh.synced;
    const stored = new Set(lines(fresh.doc));
    expect([...typed].filter((line) => !stored.has(line))).toEqual([]);
    expect(stored.size).toBe(typed.size);
  });
});
