// The HTTP API under bad input: zod-checked bodies, size limits, per-token run limits, no CORS,
// security headers everywhere, and never a stack trace in a response.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installAgent } from "../../server/agent/index.ts";
import { createEngine } from "../../server/agent/engines.ts";
import type { RunManager } from "../../server/agent/runs.ts";
import { SECURITY_HEADERS } from "../../server/http/router.ts";
import { startTestServer, type RoomLinks, type TestServer } from "../helpers/server.ts";

const RUNS_PER_MINUTE = 2;
let server: TestServer;
let room: RoomLinks;
let runs: RunManager | null = null;
const responses: { path: string; status: number; text: string }[] = [];

beforeAll(async () => {
  server = await startTestServer({
    maxMessageBytes: 64 * 1024,
    extend: (app) => {
      runs = installAgent(app, { engine: createEngine({ engine: "local" }), runsPerMinute: RUNS_PER_MINUTE });
      // A handler that fails the way a bug would: with a message full of internals.
      app.router.add("GET", "/api/test/boom", async () => {
        throw new Error("secret detail: SELECT * FROM tokens at /srv/canvas/server/store/sqlite.ts:42");
      });
    },
  });
  room = await server.createRoom("HTTP");
});
afterAll(async () => {
  await server.close();
});

async function request(
  path: string,
  init: RequestInit & { token?: string } = {},
): Promise<Response & { bodyText: string }> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set("Authorization", `Bearer ${init.token}`);
  const response = await fetch(server.url + path, { ...init, headers });
  const bodyText = await response.text();
  responses.push({ path, status: response.status, text: bodyText });
  return Object.assign(response, { bodyText });
}

function errorOf(text: string): { code: string; message: string } {
  const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
  expect(typeof parsed.error?.code).toBe("string");
  expect(typeof parsed.error?.message).toBe("string");
  return parsed.error as { code: string; message: string };
}

const json = (body: unknown): RequestInit => ({
  method: "POST",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify(body),
});

describe("HTTP API hardening", () => {
  it.each([
    ["a title that is not a string", "/api/rooms", { title: 5 }],
    ["an unknown field", "/api/rooms", { title: "ok", admin: true }],
  ])("a body with %s gets 400 with a JSON error naming the field", async (_name, path, body) => {
    const response = await request(path, json(body));
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    const error = errorOf(response.bodyText);
    expect(error.code).toBe("invalid_body");
    expect(error.message.length).toBeGreaterThan(10);
  });

  it("a canvas of an unknown kind is refused with 400 and the canvas list stays empty", async () => {
    const response = await request(`/api/rooms/${room.roomId}/canvases`, {
      ...json({ title: "x", kind: "poem" }),
      token: room.tokens.editor,
    });
    expect(response.status).toBe(400);
    expect(errorOf(response.bodyText).message).toMatch(/kind/);
    const info = await server.api(`/api/rooms/${room.roomId}`, { token: room.tokens.viewer });
    expect((info.json as { canvases: unknown[] }).canvases).toEqual([]);
  });

  it("a body that is not JSON gets 400 invalid_json", async () => {
    const response = await request("/api/rooms", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{title: nope",
    });
    expect(response.status).toBe(400);
    expect(errorOf(response.bodyText).code).toBe("invalid_json");
  });

  it("a body over the limit gets 413, whether its length is declared or streamed", async () => {
    const big = JSON.stringify({ title: "x".repeat(2 * 1024 * 1024) });
    const declared = await request("/api/rooms", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: big,
    });
    expect(declared.status).toBe(413);
    expect(errorOf(declared.bodyText).code).toBe("too_large");

    let sent = 0;
    const chunks = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 40) controller.enqueue(new TextEncoder().encode("x".repeat(64 * 1024)));
        else controller.close();
      },
    });
    const streamed = await request("/api/rooms", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: chunks,
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it("after a 413 on a streamed body the connection is closed, so the next request on a keep-alive client works", async () => {
    let sent = 0;
    const chunks = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 40) controller.enqueue(new TextEncoder().encode("y".repeat(64 * 1024)));
        else controller.close();
      },
    });
    const refused = await request("/api/rooms", { method: "POST", body: chunks, duplex: "half" } as RequestInit);
    expect(refused.status).toBe(413);
    expect(refused.headers.get("connection")).toBe("close");
    for (let index = 0; index < 3; index++) expect((await request("/healthz")).status).toBe(200);
  });

  it("a chat message larger than the configured message limit gets 413", async () => {
    const response = await request(`/api/rooms/${room.roomId}/messages`, {
      ...json({ text: "w ".repeat(40_000) }),
      token: room.tokens.editor,
    });
    expect(response.status).toBe(413);
  });

  it("agent runs are limited per token: the third run in a minute gets 429 with Retry-After, another link is not affected", async () => {
    const statuses: number[] = [];
    let limited: (Response & { bodyText: string }) | null = null;
    for (let index = 0; index < RUNS_PER_MINUTE + 1; index++) {
      const response = await request(`/api/rooms/${room.roomId}/messages`, {
        ...json({ text: `What is ${index} + 1?` }),
        token: room.tokens.editor,
      });
      statuses.push(response.status);
      if (response.status === 429) limited = response;
      await runs!.settle(room.roomId);
    }
    expect(statuses).toEqual([202, 202, 429]);
    expect(Number(limited!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(limited!.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(errorOf(limited!.bodyText).code).toBe("rate_limited");

    const owner = await request(`/api/rooms/${room.roomId}/messages`, {
      ...json({ text: "And 3 + 1?" }),
      token: room.tokens.owner,
    });
    expect(owner.status).toBe(202);
    await runs!.settle(room.roomId);
  });

  it("CORS is off by default: a cross-origin request and a preflight get no Access-Control-Allow-Origin", async () => {
    const simple = await request(`/api/rooms/${room.roomId}`, {
      token: room.tokens.viewer,
      headers: { Origin: "https://evil.example" },
    });
    expect(simple.status).toBe(200);
    expect(simple.headers.get("access-control-allow-origin")).toBeNull();
    const preflight = await request("/api/rooms", {
      method: "OPTIONS",
      headers: {
        Origin: "https://evil.example",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
      },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    expect(preflight.headers.get("access-control-allow-methods")).toBeNull();
    expect(preflight.status).toBeGreaterThanOrEqual(400);
  });

  it.each([
    ["a successful read", "/api/rooms/ROOM"],
    ["an unknown API route", "/api/nothing/here"],
    ["an unknown room", "/api/rooms/no-such-room"],
    ["health", "/healthz"],
  ])("security headers are present on %s", async (_name, path) => {
    const response = await request(path.replace("ROOM", room.roomId), { token: room.tokens.viewer });
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(response.headers.get(name)).toBe(value);
    expect(response.headers.get("x-powered-by")).toBeNull();
  });

  it("a failing handler gets a generic 500 without the error's details or a stack trace", async () => {
    const response = await request("/api/test/boom");
    expect(response.status).toBe(500);
    const error = errorOf(response.bodyText);
    expect(error.code).toBe("internal");
    expect(response.bodyText).not.toMatch(/secret|SELECT|sqlite|\.ts:\d+/);
  });

  it("a storage failure during a request gets a generic 500, and the server keeps answering", async () => {
    const store = server.running.app.store;
    const original = store.getRoom.bind(store);
    store.getRoom = async () => {
      throw new Error(
        "SQLITE_CORRUPT: database disk image is malformed at Database.prepare (/srv/node_modules/better-sqlite3/lib/database.js:1:1)",
      );
    };
    try {
      const response = await request(`/api/rooms/${room.roomId}`, { token: room.tokens.viewer });
      expect(response.status).toBe(500);
      expect(response.bodyText).not.toMatch(/SQLITE|malformed|node_modules|\.js:\d+/);
    } finally {
      store.getRoom = original;
    }
    expect((await request("/healthz")).status).toBe(200);
  });

  it("no response in this file carried a stack trace", () => {
    expect(responses.length).toBeGreaterThan(10);
    for (const response of responses) {
      expect(response.text, `${response.path} (${response.status})`).not.toMatch(/\n\s+at |Error: |\.ts:\d+:\d+/);
    }
  });
});
