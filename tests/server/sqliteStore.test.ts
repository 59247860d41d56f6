import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { rebuild, typedUpdates } from "../helpers/yjsUpdates.ts";
import { SqliteStore } from "../../server/store/sqlite.ts";
import { hashToken } from "../../server/auth/tokens.ts";

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "canvas-store-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const HASHES = { owner: hashToken("o"), editor: hashToken("e"), commenter: hashToken("c"), viewer: hashToken("v") };

describe("SQLite store", () => {
  it("appends updates in order and reloads them after reopening the file", async () => {
    const dir = tempDir();
    const store = new SqliteStore(dir);
    await store.createRoom({ id: "r1", title: "Room", createdAt: 1 }, HASHES);
    const { updates } = typedUpdates(["Hello", ", ", "world"]);
    const seqs = [];
    for (const update of updates) seqs.push(await store.appendUpdate("r1", update));
    expect(seqs).toEqual([1, 2, 3]);
    await store.close();

    const reopened = new SqliteStore(dir);
    const stored = await reopened.loadDoc("r1");
    expect(stored.updates).toHaveLength(3);
    expect(stored.lastSeq).toBe(3);
    expect(rebuild(stored)).toBe("Hello, world");
    await reopened.close();
  });

  it("compacts the log into a snapshot and keeps updates that arrived after it", async () => {
    const store = new SqliteStore(tempDir());
    const { doc, updates } = typedUpdates(["a", "b", "c"]);
    for (const update of updates) await store.appendUpdate("r1", update);
    await store.compact("r1", Y.encodeStateAsUpdate(doc), 3);
    doc.getText("t").insert(3, "d");
    await store.appendUpdate("r1", updates[updates.length - 1]!);

    const stored = await store.loadDoc("r1");
    expect(stored.snapshot).not.toBeNull();
    expect(stored.updates).toHaveLength(1);
    expect(stored.lastSeq).toBe(4);
    expect(rebuild(stored)).toBe("abcd");
    // sequence numbers continue after compaction instead of restarting
    expect(await store.appendUpdate("r1", updates[0]!)).toBe(5);
    await store.close();
  });

  it("finds a role only by the hash of a live token and forgets revoked links", async () => {
    const store = new SqliteStore(tempDir());
    await store.createRoom({ id: "r1", title: "Room", createdAt: 1 }, HASHES);
    expect(await store.roleForToken("r1", hashToken("e"))).toBe("editor");
    expect(await store.roleForToken("r1", hashToken("v"))).toBe("viewer");
    expect(await store.roleForToken("r1", hashToken("nope"))).toBeNull();
    expect(await store.roleForToken("other-room", hashToken("e"))).toBeNull();
    expect(await store.linkForToken(hashToken("v"))).toEqual({ roomId: "r1", role: "viewer" });
    expect(await store.linkForToken(hashToken("nope"))).toBeNull();
    await store.setLink("r1", "editor", null);
    expect(await store.roleForToken("r1", hashToken("e"))).toBeNull();
    expect(await store.linkForToken(hashToken("e"))).toBeNull();
    await store.setLink("r1", "editor", hashToken("e2"));
    expect(await store.roleForToken("r1", hashToken("e2"))).toBe("editor");
    await store.close();
  });

  it("keeps versions per canvas, newest first, and feedback with its context", async () => {
    const store = new SqliteStore(tempDir());
    const base = { roomId: "r1", author: "ai", runId: "run1", reason: "before-ai" as const };
    await store.saveVersion({ ...base, id: "v1", canvasId: "c1", text: "one", createdAt: 10 });
    await store.saveVersion({ ...base, id: "v2", canvasId: "c1", text: "two", createdAt: 20 });
    await store.saveVersion({ ...base, id: "v3", canvasId: "c2", text: "other", createdAt: 30 });
    expect((await store.listVersions("r1", "c1")).map((version) => version.id)).toEqual(["v2", "v1"]);
    expect(await store.getVersion("r1", "v1")).toMatchObject({ text: "one", canvasId: "c1" });
    expect(await store.getVersion("other", "v1")).toBeNull();
    await store.saveFeedback({
      id: "f1",
      roomId: "r1",
      runId: "run1",
      kind: "thumbs",
      value: "down",
      context: { userText: "x" },
      createdAt: 1,
    });
    expect(await store.listFeedback()).toEqual([
      {
        id: "f1",
        roomId: "r1",
        runId: "run1",
        kind: "thumbs",
        value: "down",
        context: { userText: "x" },
        createdAt: 1,
      },
    ]);
    await store.close();
  });
});
