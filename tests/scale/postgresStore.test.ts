import { afterEach, expect, it } from "vitest";
import * as Y from "yjs";
import { rebuild, typedUpdates } from "../helpers/yjsUpdates.ts";
import { PostgresStore, SCHEMA_VERSION } from "../../server/store/postgres.ts";
import { hashToken } from "../../server/auth/tokens.ts";
import { describeScale, freshSchema, services, type TestSchema } from "./services.ts";

const HASHES = { owner: hashToken("o"), editor: hashToken("e"), commenter: hashToken("c"), viewer: hashToken("v") };
const open: PostgresStore[] = [];
let schema: TestSchema | null = null;

afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
  await schema?.drop();
  schema = null;
});

async function connect(schemaName?: string): Promise<PostgresStore> {
  schema ??= await freshSchema();
  const store = await PostgresStore.connect({
    connectionString: services().databaseUrl,
    schema: schemaName ?? schema.name,
  });
  open.push(store);
  return store;
}

describeScale("Postgres store", () => {
  it("appends updates in order and reloads them through a new connection", async () => {
    const store = await connect();
    await store.createRoom({ id: "r1", title: "Room", createdAt: 1 }, HASHES);
    const { updates } = typedUpdates(["Hello", ", ", "world"]);
    const seqs = [];
    for (const update of updates) seqs.push(await store.appendUpdate("r1", update));
    expect(seqs).toEqual([1, 2, 3]);

    const other = await connect();
    const stored = await other.loadDoc("r1");
    expect(stored.updates).toHaveLength(3);
    expect(stored.lastSeq).toBe(3);
    expect(rebuild(stored)).toBe("Hello, world");
    expect(await other.getRoom("r1")).toEqual({ id: "r1", title: "Room", createdAt: 1 });
    expect(await other.getRoom("nope")).toBeNull();
  });

  it("compacts the log into a snapshot and keeps updates that arrived after it", async () => {
    const store = await connect();
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
  });

  it("finds a role only by the hash of a live token and forgets revoked links", async () => {
    const store = await connect();
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
  });

  it("keeps versions per canvas, newest first, and feedback with its context", async () => {
    const store = await connect();
    const base = { roomId: "r1", author: "ai", runId: "run1", reason: "before-ai" as const };
    await store.saveVersion({ ...base, id: "v1", canvasId: "c1", text: "one", createdAt: 10 });
    await store.saveVersion({ ...base, id: "v2", canvasId: "c1", text: "two", createdAt: 20 });
    await store.saveVersion({ ...base, id: "v3", canvasId: "c2", text: "other", createdAt: 30 });
    expect((await store.listVersions("r1", "c1")).map((version) => version.id)).toEqual(["v2", "v1"]);
    expect((await store.listVersions("r1", null)).map((version) => version.id)).toEqual(["v3", "v2", "v1"]);
    expect(await store.getVersion("r1", "v1")).toMatchObject({ text: "one", canvasId: "c1", createdAt: 10 });
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
  });

  it("runs its migrations once even when two processes start at the same time", async () => {
    schema = await freshSchema();
    const [first, second] = await Promise.all([connect(schema.name), connect(schema.name)]);
    expect(await first!.migrationVersions()).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, index) => index + 1));
    await (await connect(schema.name)).appendUpdate("r1", new Uint8Array([0, 0]));
    expect(await second!.migrationVersions()).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, index) => index + 1));
  });

  it("two processes appending to one room get distinct consecutive sequence numbers and lose nothing", async () => {
    const [a, b] = [await connect(), await connect()];
    const docA = typedUpdates(Array.from({ length: 40 }, (_, index) => `a${index} `));
    const docB = typedUpdates(Array.from({ length: 40 }, (_, index) => `b${index} `));
    const seqs = await Promise.all([
      (async () => Promise.all(docA.updates.map((update) => a.appendUpdate("r1", update))))(),
      (async () => Promise.all(docB.updates.map((update) => b.appendUpdate("r1", update))))(),
    ]);
    const all = seqs.flat().sort((x, y) => x - y);
    expect(all).toEqual(Array.from({ length: 80 }, (_, index) => index + 1));
    const text = rebuild(await a.loadDoc("r1"));
    for (let index = 0; index < 40; index++) {
      expect(text).toContain(`a${index} `);
      expect(text).toContain(`b${index} `);
    }
  });

  it("a process compacting with a stale document does not drop an update another process stored", async () => {
    const [a, b] = [await connect(), await connect()];
    const mine = typedUpdates(["mine "]);
    const seqMine = await a.appendUpdate("r1", mine.updates[0]!);
    // Process B stores an update that process A has not received yet (fan-out is in flight)...
    const theirs = typedUpdates(["theirs "]);
    const seqTheirs = await b.appendUpdate("r1", theirs.updates[0]!);
    expect(seqTheirs).toBeGreaterThan(seqMine);
    // ...and A compacts up to a later update of its own, with its own (stale) document state.
    mine.doc.getText("t").insert(0, "more ");
    const seqMore = await a.appendUpdate("r1", mine.updates[1]!);
    await a.compact("r1", Y.encodeStateAsUpdate(mine.doc), seqMore);

    const stored = await b.loadDoc("r1");
    expect(stored.updates).toEqual([]);
    expect(stored.lastSeq).toBe(seqMore);
    expect(rebuild(stored)).toContain("theirs");
    expect(rebuild(stored)).toContain("more mine");
    // A compaction that arrives late with an older seq does not move the snapshot back.
    await b.compact("r1", Y.encodeStateAsUpdate(theirs.doc), seqTheirs);
    expect((await a.loadDoc("r1")).lastSeq).toBe(seqMore);
    expect(await a.appendUpdate("r1", theirs.updates[0]!)).toBe(seqMore + 1);
  });
});
