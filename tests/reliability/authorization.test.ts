// Every route and the socket, checked against every kind of caller: owner, editor, commenter,
// viewer, no token, another room's token, a revoked link. Denied calls change nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { installAgent } from "../../server/agent/index.ts";
import { createEngine } from "../../server/agent/engines.ts";
import type { RunManager } from "../../server/agent/runs.ts";
import { can, type Action, type Role } from "../../shared/roles.ts";
import { CLOSE } from "../../shared/closeCodes.ts";
import { canvasFragment, commentsMap, newId, type CommentRecord } from "../../shared/room.ts";
import { fragmentText, startTestServer, type TestServer } from "../helpers/server.ts";
import { connectWire, type WireClient } from "./wireClient.ts";

type Principal = Role | "none" | "other_room" | "revoked";
const PRINCIPALS: Principal[] = ["owner", "editor", "commenter", "viewer", "none", "other_room", "revoked"];

interface Fixture {
  roomId: string;
  canvasId: string;
  commentId: string;
  versionId: string;
  runId: string;
  /** A second canvas, moved to the trash. */
  trashedCanvasId: string;
  anchor: { start: string; end: string };
  tokens: Record<Principal, string | null>;
}

interface RouteCase {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  path: (f: Fixture) => string;
  action: Action;
  body?: (f: Fixture) => unknown;
  /** Statuses an allowed caller may get (a business refusal such as "nothing to undo" is not an auth failure). */
  allowed: number[];
  /** Routes that change link state get a fresh room per caller. */
  freshRoom?: boolean;
}

// Every route registered in server/http/routes/rooms.ts, server/agent/routes.ts, server/export/route.ts,
// server/library/routes.ts and server/library/links.ts.
const ROUTES: RouteCase[] = [
  {
    method: "PATCH",
    path: (f) => `/api/rooms/${f.roomId}`,
    action: "write",
    body: () => ({ title: "Renamed room" }),
    allowed: [200],
  },
  { method: "DELETE", path: (f) => `/api/rooms/${f.roomId}`, action: "delete_room", allowed: [200], freshRoom: true },
  {
    method: "PATCH",
    path: (f) => `/api/rooms/${f.roomId}/canvases/${f.canvasId}`,
    action: "write",
    body: () => ({ title: "Renamed canvas" }),
    allowed: [200],
  },
  {
    method: "DELETE",
    path: (f) => `/api/rooms/${f.roomId}/canvases/${f.canvasId}`,
    action: "write",
    allowed: [200],
    freshRoom: true,
  },
  { method: "GET", path: (f) => `/api/rooms/${f.roomId}/trash`, action: "read", allowed: [200] },
  {
    method: "POST",
    path: (f) => `/api/rooms/${f.roomId}/canvases/${f.trashedCanvasId}/restore`,
    action: "write",
    allowed: [200],
    freshRoom: true,
  },
  {
    method: "GET",
    path: (f) => `/api/rooms/${f.roomId}/canvases/${f.canvasId}/export?format=html`,
    action: "read",
    allowed: [200],
  },
  {
    method: "GET",
    path: (f) => `/api/rooms/${f.roomId}/canvases/${f.canvasId}/export?format=docx`,
    action: "read",
    allowed: [200],
  },
  { method: "GET", path: (f) => `/api/rooms/${f.roomId}`, action: "read", allowed: [200] },
  { method: "GET", path: (f) => `/api/rooms/${f.roomId}/links`, action: "manage_links", allowed: [200] },
  {
    method: "POST",
    path: (f) => `/api/rooms/${f.roomId}/links/viewer/rotate`,
    action: "manage_links",
    allowed: [200],
    freshRoom: true,
  },
  {
    method: "POST",
    path: (f) => `/api/rooms/${f.roomId}/links/commenter/revoke`,
    action: "manage_links",
    allowed: [200],
    freshRoom: true,
  },
  {
    method: "POST",
    path: (f) => `/api/rooms/${f.roomId}/canvases`,
    action: "write",
    body: () => ({ title: "Another", kind: "document", content: "New canvas text." }),
    allowed: [201],
  },
  {
    method: "GET",
    path: (f) => `/api/rooms/${f.roomId}/canvases/${f.canvasId}/export?format=markdown`,
    action: "read",
    allowed: [200],
  },
  { method: "GET", path: (f) => `/api/rooms/${f.roomId}/chat`, action: "read", allowed: [200] },
  {
    method: "GET",
    path: (f) => `/api/rooms/${f.roomId}/comments?canvasId=${f.canvasId}`,
    action: "read",
    allowed: [200],
  },
  {
    method: "POST",
    path: (f) => `/api/rooms/${f.roomId}/comments`,
    action: "comment",
    body: (f) => ({ canvasId: f.canvasId, anchor: f.anchor, quote: "Hello", body: "Nice opening." }),
    allowed: [201],
  },
  {
    method: "POST",
    path: (f) => `/api/rooms/${f.roomId}/comments/${f.commentId}/replies`,
    action: "comment",
    body: () => ({ body: "Agreed." }),
    allowed: [200],
  },
  {
    method: "POST",
    path: (f) => `/api/rooms/${f.roomId}/comments/${f.commentId}/resolve`,
    action: "comment",
    body: () => ({ resolved: true }),
    allowed: [200],
  },
  {
    method: "POST",
    path: (f) => `/api/rooms/${f.roomId}/messages`,
    action: "run_agent",
    body: () => ({ text: "What is a haiku?" }),
    allowed: [202],
  },
  { method: "GET", path: (f) => `/api/rooms/${f.roomId}/runs/${f.runId}`, action: "read", allowed: [200] },
  { method: "POST", path: (f) => `/api/rooms/${f.roomId}/runs/current/cancel`, action: "run_agent", allowed: [200] },
  {
    method: "POST",
    path: (f) => `/api/rooms/${f.roomId}/undo`,
    action: "write",
    body: (f) => ({ canvasId: f.canvasId }),
    allowed: [200, 409],
  },
  {
    method: "GET",
    path: (f) => `/api/rooms/${f.roomId}/changes/last?canvasId=${f.canvasId}`,
    action: "read",
    allowed: [200],
  },
  {
    method: "GET",
    path: (f) => `/api/rooms/${f.roomId}/changes?canvasId=${f.canvasId}`,
    action: "read",
    allowed: [200],
  },
  { method: "GET", path: (f) => `/api/rooms/${f.roomId}/changes/no-such-change`, action: "read", allowed: [404] },
  {
    method: "POST",
    path: (f) => `/api/rooms/${f.roomId}/changes/no-such-change/undo`,
    action: "write",
    body: () => ({}),
    allowed: [404],
  },
  {
    method: "GET",
    path: (f) => `/api/rooms/${f.roomId}/versions?canvasId=${f.canvasId}`,
    action: "read",
    allowed: [200],
  },
  { method: "GET", path: (f) => `/api/rooms/${f.roomId}/versions/${f.versionId}`, action: "read", allowed: [200] },
  {
    method: "POST",
    path: (f) => `/api/rooms/${f.roomId}/versions/${f.versionId}/restore`,
    action: "write",
    allowed: [200],
  },
  // The suggestion can only be applied once; later allowed callers get 409 "anchor lost / cannot apply", never 401/403.
  {
    method: "POST",
    path: (f) => `/api/rooms/${f.roomId}/comments/${f.commentId}/apply`,
    action: "write",
    allowed: [200, 409],
  },
  {
    method: "POST",
    path: (f) => `/api/rooms/${f.roomId}/feedback`,
    action: "comment",
    body: (f) => ({ runId: f.runId, value: "up" }),
    allowed: [201],
  },
];

let server: TestServer;
let runs: RunManager | null = null;
let shared: Fixture;
const wires: WireClient[] = [];

beforeAll(async () => {
  server = await startTestServer({
    extend: (app) => {
      runs = installAgent(app, { engine: createEngine({ engine: "local" }), runsPerMinute: 10_000 });
    },
  });
  shared = await makeFixture();
});
afterAll(async () => {
  for (const wire of wires.splice(0)) wire.close();
  await server.close();
});

async function api(
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const response = await server.api(path, {
    method,
    token: token ?? undefined,
    body: method === "GET" ? undefined : (body ?? {}),
  });
  return { status: response.status, json: response.json };
}

/** A room with a canvas, a comment with a suggestion, a stored version, a finished run, and a token per caller kind. */
async function makeFixture(): Promise<Fixture> {
  const room = await server.createRoom("Authz");
  const other = await server.createRoom("Someone else's");
  // A revoked link: the viewer link is revoked, then a new one is issued; the old token must stay dead.
  const revokedToken = room.tokens.viewer;
  expect((await api("POST", `/api/rooms/${room.roomId}/links/viewer/revoke`, room.tokens.owner)).status).toBe(200);
  const reissued = await api("POST", `/api/rooms/${room.roomId}/links/viewer/rotate`, room.tokens.owner);
  const viewerToken = (reissued.json as { token: string }).token;

  const created = await api("POST", `/api/rooms/${room.roomId}/canvases`, room.tokens.owner, {
    title: "Draft",
    kind: "document",
    content: "Hello world.",
  });
  expect(created.status).toBe(201);
  const canvasId = (created.json as { canvasId: string }).canvasId;

  const second = await api("POST", `/api/rooms/${room.roomId}/canvases`, room.tokens.owner, {
    title: "Old draft",
    kind: "document",
    content: "Old text.",
  });
  const trashedCanvasId = (second.json as { canvasId: string }).canvasId;
  expect((await api("DELETE", `/api/rooms/${room.roomId}/canvases/${trashedCanvasId}`, room.tokens.owner)).status).toBe(
    200,
  );

  const live = await server.running.app.registry.get(room.roomId);
  const anchor = anchorAtStart(live.doc, canvasId);
  const commentId = newId();
  const comment: CommentRecord = {
    id: commentId,
    canvasId,
    anchor,
    quote: "Hello",
    body: "Warmer?",
    severity: "suggestion",
    suggestion: "Hi",
    author: "ai",
    authorName: "Canvas AI",
    resolved: false,
    replies: [],
    createdAt: Date.now(),
    runId: null,
  };
  live.doc.transact(() => commentsMap(live.doc).set(commentId, comment));
  const versionId = newId();
  await server.running.app.store.saveVersion({
    id: versionId,
    roomId: room.roomId,
    canvasId,
    reason: "snapshot",
    author: "owner",
    text: "Hello world.",
    runId: null,
    createdAt: Date.now(),
  });
  const run = await api("POST", `/api/rooms/${room.roomId}/messages`, room.tokens.owner, { text: "Hi there" });
  expect(run.status).toBe(202);
  await runs!.settle(room.roomId);
  await live.flush();
  return {
    roomId: room.roomId,
    canvasId,
    commentId,
    versionId,
    anchor,
    runId: (run.json as { runId: string }).runId,
    trashedCanvasId,
    tokens: {
      owner: room.tokens.owner,
      editor: room.tokens.editor,
      commenter: room.tokens.commenter,
      viewer: viewerToken,
      none: null,
      other_room: other.tokens.owner,
      revoked: revokedToken,
    },
  };
}

function anchorAtStart(doc: Y.Doc, canvasId: string): { start: string; end: string } {
  const paragraph = canvasFragment(doc, canvasId).get(0) as Y.XmlElement;
  const text = paragraph.get(0) as Y.XmlText;
  const encode = (index: number, assoc: number) =>
    Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index, assoc))).toString("base64");
  return { start: encode(0, 0), end: encode(5, -1) };
}

function expectedDenial(principal: Principal, action: Action): number | null {
  if (principal === "none" || principal === "other_room" || principal === "revoked") return 401;
  return can(principal, action) ? null : 403;
}

async function roomState(roomId: string): Promise<{ doc: Uint8Array; stored: number }> {
  const live = await server.running.app.registry.get(roomId);
  await live.flush();
  const stored = await server.running.app.store.loadDoc(roomId);
  return { doc: Y.encodeStateVector(live.doc), stored: stored.updates.length + (stored.snapshot ? 1 : 0) };
}

describe("authorisation: every route × every caller", () => {
  for (const route of ROUTES) {
    for (const principal of PRINCIPALS) {
      const denial = expectedDenial(principal, route.action);
      const label = `${route.method} ${route.path({ roomId: ":roomId", canvasId: ":canvasId", commentId: ":commentId", versionId: ":versionId", runId: ":runId", trashedCanvasId: ":trashedCanvasId" } as Fixture)}`;
      it(`${label} as ${principal} → ${denial ?? route.allowed.join("|")}`, async () => {
        const fixture = route.freshRoom ? await makeFixture() : shared;
        await runs!.settle(fixture.roomId);
        const before = await roomState(fixture.roomId);
        const response = await api(route.method, route.path(fixture), fixture.tokens[principal], route.body?.(fixture));
        await runs!.settle(fixture.roomId);
        if (denial === null) {
          expect(route.allowed, JSON.stringify(response.json)).toContain(response.status);
          return;
        }
        expect(response.status, JSON.stringify(response.json)).toBe(denial);
        const error = (response.json as { error: { code: string; message: string } }).error;
        expect(error.message.length).toBeGreaterThan(5);
        // A refused call changes nothing: not the live document, not what is stored.
        expect(await roomState(fixture.roomId)).toEqual(before);
      });
    }
  }

  it("a rotated link stops working at once and the new one grants the same role", async () => {
    const fixture = await makeFixture();
    const old = fixture.tokens.editor;
    const rotated = await api("POST", `/api/rooms/${fixture.roomId}/links/editor/rotate`, fixture.tokens.owner);
    const fresh = (rotated.json as { token: string; link: string }).token;
    expect((rotated.json as { link: string }).link).toContain(fresh);
    expect((await api("GET", `/api/rooms/${fixture.roomId}`, old)).status).toBe(401);
    const info = await api("GET", `/api/rooms/${fixture.roomId}`, fresh);
    expect(info.status).toBe(200);
    expect((info.json as { role: string }).role).toBe("editor");
  });

  it("a revoked link is refused on HTTP and on the socket", async () => {
    const fixture = await makeFixture();
    const token = fixture.tokens.editor!;
    expect((await api("POST", `/api/rooms/${fixture.roomId}/links/editor/revoke`, fixture.tokens.owner)).status).toBe(
      200,
    );
    expect((await api("GET", `/api/rooms/${fixture.roomId}`, token)).status).toBe(401);
    const wire = connectWire(`${server.wsUrl}/${fixture.roomId}?token=${token}`);
    wires.push(wire);
    expect((await wire.closed).code).toBe(CLOSE.unauthorized);
  });
});

describe("authorisation: live sockets of a changed link", () => {
  for (const op of ["revoke", "rotate"] as const) {
    it(`after the owner ${op}s the editor link, a socket opened with the old link is closed and cannot write`, async () => {
      const fixture = await makeFixture();
      const editor = connectWire(`${server.wsUrl}/${fixture.roomId}?token=${fixture.tokens.editor}`);
      const owner = connectWire(`${server.wsUrl}/${fixture.roomId}?token=${fixture.tokens.owner}`);
      wires.push(editor, owner);
      await Promise.all([editor.synced, owner.synced]);
      expect((await api("POST", `/api/rooms/${fixture.roomId}/links/editor/${op}`, fixture.tokens.owner)).status).toBe(
        200,
      );
      const closed = await Promise.race([
        editor.closed,
        new Promise<null>((resolve) => setTimeout(() => resolve(null), 3_000)),
      ]);
      expect(closed?.code).toBe(CLOSE.unauthorized);
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText("late write with a dead link")]);
      canvasFragment(editor.doc, fixture.canvasId).push([paragraph]);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const live = await server.running.app.registry.get(fixture.roomId);
      expect(fragmentText(canvasFragment(live.doc, fixture.canvasId))).not.toContain("late write");
      // Other links are untouched.
      expect(owner.socket.readyState).toBe(owner.socket.OPEN);
    });
  }
});

describe("authorisation: the socket", () => {
  for (const principal of PRINCIPALS) {
    const mayWrite = principal === "owner" || principal === "editor";
    const refused = principal === "none" || principal === "other_room" || principal === "revoked";
    it(`a ${principal} socket ${refused ? "is refused with 4401" : mayWrite ? "can change the canvas" : "receives the canvas but its writes never reach the document"}`, async () => {
      const fixture = shared;
      const token = fixture.tokens[principal];
      const wire = connectWire(`${server.wsUrl}/${fixture.roomId}${token ? `?token=${token}` : ""}`);
      wires.push(wire);
      if (refused) {
        expect((await wire.closed).code).toBe(CLOSE.unauthorized);
        return;
      }
      await wire.synced;
      expect(fragmentText(canvasFragment(wire.doc, fixture.canvasId))).toContain("world");
      const marker = `written by ${principal}`;
      // Every way a y-websocket client can carry a change: an update message, and its sync step 2 after reconnect.
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText(marker)]);
      canvasFragment(wire.doc, fixture.canvasId).push([paragraph]);
      const reconnect = connectWire(`${server.wsUrl}/${fixture.roomId}?token=${token}`, { doc: wire.doc });
      wires.push(reconnect);
      await reconnect.synced;

      const live = await server.running.app.registry.get(fixture.roomId);
      if (mayWrite) {
        const deadline = Date.now() + 5_000;
        while (!fragmentText(canvasFragment(live.doc, fixture.canvasId)).includes(marker) && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      } else {
        // Give the server the time it would take to apply and store it, then check it did not.
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      await live.flush();
      const stored = await server.running.app.store.loadDoc(fixture.roomId);
      const reloaded = new Y.Doc();
      if (stored.snapshot) Y.applyUpdate(reloaded, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(reloaded, update);
      expect(fragmentText(canvasFragment(live.doc, fixture.canvasId)).includes(marker)).toBe(mayWrite);
      expect(fragmentText(canvasFragment(reloaded, fixture.canvasId)).includes(marker)).toBe(mayWrite);
    });
  }
});
