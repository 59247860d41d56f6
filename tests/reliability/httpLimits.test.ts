// The HTTP edge: one address cannot hold the server's connections or create rooms without limit,
// bad percent-encoding is a 400, /metrics and source maps are not public, remote images are not
// loadable, the owner link cannot be revoked, and `npm start` listens on this machine only.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../server/config.ts";
import { installAgent } from "../../server/agent/index.ts";
import { createEngine } from "../../server/agent/engines.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";

let server: TestServer | null = null;
const sockets: Socket[] = [];
let staticDir: string | null = null;

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await server?.close();
  server = null;
  if (staticDir) rmSync(staticDir, { recursive: true, force: true });
  staticDir = null;
});

/** A connection that sends half a request and then nothing, as a slowloris client does. */
function halfOpen(port: number): Promise<{ socket: Socket; closed: Promise<void> }> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1", () => {
      socket.write("GET /healthz HTTP/1.1\r\nHost: x\r\n");
      resolve({ socket, closed: new Promise((done) => socket.once("close", () => done())) });
    });
    socket.on("error", () => undefined);
    sockets.push(socket);
  });
}

describe("the HTTP edge", () => {
  it("an address holding its share of connections gets no more; others are served once it lets go", async () => {
    server = await startTestServer({ connectionsPerAddress: 5 });
    const held = await Promise.all(Array.from({ length: 5 }, () => halfOpen(server!.running.port)));
    const extra = await halfOpen(server.running.port);
    await extra.closed; // dropped by the server without an answer
    for (const { socket } of held) socket.destroy();
    await Promise.all(held.map((entry) => entry.closed));
    let status = 0;
    for (let attempt = 0; attempt < 50 && status !== 200; attempt++) {
      status = await fetch(`${server.url}/healthz`).then(
        (response) => response.status,
        () => 0,
      );
    }
    expect(status).toBe(200);
  });

  it("rooms are created at most roomsPerMinute per address", async () => {
    server = await startTestServer({ roomsPerMinute: 3 });
    const statuses: number[] = [];
    for (let index = 0; index < 5; index++)
      statuses.push((await server.api("/api/rooms", { method: "POST", body: {} })).status);
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
  });

  it("bad percent-encoding in a path is a 400, not a 500", async () => {
    server = await startTestServer();
    const response = await server.api("/api/rooms/%E0%A4%A");
    expect(response.status).toBe(400);
    expect(response.text).toMatch(/percent-encoding/);
  });

  it("/metrics is off unless a token is set, and then needs it", async () => {
    server = await startTestServer({ metrics: "off" });
    expect((await server.api("/metrics")).status).toBe(404);
    await server.close();
    server = await startTestServer({ metrics: { token: "a-long-metrics-token" } });
    expect((await server.api("/metrics")).status).toBe(404);
    expect((await server.api("/metrics", { token: "wrong-token-of-some-length" })).status).toBe(404);
    const scraped = await server.api("/metrics", { token: "a-long-metrics-token" });
    expect(scraped.status).toBe(200);
    expect(scraped.text).toMatch(/canvas_/);
  });

  it("source maps are not served and the page may not load remote images", async () => {
    staticDir = mkdtempSync(join(tmpdir(), "canvas-static-"));
    writeFileSync(join(staticDir, "index.html"), "<!doctype html><title>x</title>");
    writeFileSync(join(staticDir, "app.js"), "console.log(1)");
    writeFileSync(join(staticDir, "app.js.map"), '{"sources":["secret.ts"]}');
    server = await startTestServer({ staticDir });
    expect((await fetch(`${server.url}/app.js`)).status).toBe(200);
    expect((await fetch(`${server.url}/app.js.map`)).status).toBe(404);
    const page = await fetch(`${server.url}/`);
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/img-src 'self' data: blob:;/);
    expect(csp).not.toMatch(/https:/);
  });

  it("the owner link cannot be revoked (it would lock everyone out of managing the room)", async () => {
    server = await startTestServer();
    const room = await server.createRoom("Owned");
    const revoke = await server.api(`/api/rooms/${room.roomId}/links/owner/revoke`, {
      method: "POST",
      token: room.tokens.owner,
    });
    expect(revoke.status).toBe(409);
    expect((await server.api(`/api/rooms/${room.roomId}/links`, { token: room.tokens.owner })).status).toBe(200);
  });

  it("npm start listens on this machine only unless HOST says otherwise", () => {
    expect(loadConfig({}).host).toBe("127.0.0.1");
    expect(loadConfig({ HOST: "0.0.0.0" }).host).toBe("0.0.0.0");
  });
});

describe("the model budget", () => {
  it("runs are capped per server, not only per link: new rooms bring no fresh budget", async () => {
    server = await startTestServer({
      extend: (app) => void installAgent(app, { engine: createEngine({ engine: "local" }), runsPerHour: 3 }),
    });
    const statuses: number[] = [];
    for (let index = 0; index < 5; index++) {
      const room = await server.createRoom(`Room ${index}`);
      const response = await server.api(`/api/rooms/${room.roomId}/messages`, {
        method: "POST",
        token: room.tokens.editor,
        body: { text: "hello" },
      });
      statuses.push(response.status);
      if (response.status === 429) expect(response.text).toMatch(/CANVAS_RUNS_PER_HOUR/);
    }
    expect(statuses).toEqual([202, 202, 202, 429, 429]);
  });
});

describe("bad encoding on the websocket path", () => {
  it("a websocket to /ws/%E0%A4%A is answered 400 without an error in the log", async () => {
    server = await startTestServer();
    const socket = connect(server.running.port, "127.0.0.1");
    sockets.push(socket);
    socket.on("error", () => undefined);
    let answer = "";
    socket.on("data", (chunk: Buffer) => (answer += chunk.toString()));
    await new Promise((resolve) => socket.once("connect", resolve));
    socket.write(
      "GET /ws/%E0%A4%A HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
    );
    await new Promise((resolve) => socket.once("close", resolve));
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
  });
});
