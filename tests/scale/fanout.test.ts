// Two "processes" in one test: two Rooms with their own Redis connections and Postgres pools,
// exactly what two server processes hold for the same room.
import { afterEach, expect, it } from "vitest";
import { pino } from "pino";
import * as Y from "yjs";
import * as awarenessProtocol from "y-protocols/awareness";
import { Redis } from "ioredis";
import { Room } from "../../server/rooms/room.ts";
import { REMOTE_ORIGIN } from "../../shared/origins.ts";
import { PostgresStore } from "../../server/store/postgres.ts";
import type { Store } from "../../server/store/store.ts";
import { RedisFanout } from "../../server/scale/redisFanout.ts";
import { RedisRoomLocks } from "../../server/scale/redisRoomLock.ts";
import { describeScale, freshRedisPrefix, freshSchema, services, waitFor, type TestSchema } from "./services.ts";

const log = pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
const cleanups: (() => Promise<unknown>)[] = [];
let schema: TestSchema | null = null;

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await schema?.drop();
  schema = null;
});

interface Process {
  store: PostgresStore;
  fanout: RedisFanout;
}

async function startProcess(prefix: string): Promise<Process> {
  schema ??= await freshSchema();
  const store = await PostgresStore.connect({ connectionString: services().databaseUrl, schema: schema.name });
  const fanout = await RedisFanout.connect({ url: services().redisUrl, log, prefix });
  cleanups.push(
    () => store.close(),
    () => fanout.close(),
  );
  return { store, fanout };
}

async function loadRoom(process: Process, roomId: string, store: Store = process.store): Promise<Room> {
  const room = await Room.load(roomId, store, log, { compactEvery: 1000, fanout: process.fanout });
  cleanups.push(() => room.destroy());
  return room;
}

/** What a websocket peer does with a client's update. */
const fromPeer = { peer: "socket" };

describeScale("fan-out between processes", () => {
  it("an update typed on one process reaches the other, is broadcast there, and is stored once", async () => {
    const prefix = freshRedisPrefix();
    const [a, b] = [await startProcess(prefix), await startProcess(prefix)];
    const [roomA, roomB] = [await loadRoom(a, "r1"), await loadRoom(b, "r1")];
    const broadcastOnB: unknown[] = [];
    roomB.onStoredUpdate((_update, origin) => broadcastOnB.push(origin));

    const client = new Y.Doc();
    client.getText("t").insert(0, "hello from A");
    Y.applyUpdate(roomA.doc, Y.encodeStateAsUpdate(client), fromPeer);

    await waitFor(() => roomB.doc.getText("t").toString() === "hello from A", "the update to reach process B");
    expect(broadcastOnB).toEqual([REMOTE_ORIGIN]);
    await Promise.all([roomA.flush(), roomB.flush()]);
    expect((await a.store.loadDoc("r1")).updates).toHaveLength(1);

    // and back: B's client types, A sees it
    const clientB = new Y.Doc();
    Y.applyUpdate(clientB, Y.encodeStateAsUpdate(roomB.doc));
    clientB.getText("t").insert(0, "B says: ");
    Y.applyUpdate(roomB.doc, Y.encodeStateAsUpdate(clientB), fromPeer);
    await waitFor(() => roomA.doc.getText("t").toString() === "B says: hello from A", "the update to reach process A");
    await Promise.all([roomA.flush(), roomB.flush()]);
    expect((await b.store.loadDoc("r1")).updates).toHaveLength(2);
  });

  it("a process loading a room misses nothing published while it reads the store", async () => {
    const prefix = freshRedisPrefix();
    const [a, b] = [await startProcess(prefix), await startProcess(prefix)];
    const roomA = await loadRoom(a, "r1");
    const typeOnA = (text: string) => {
      const client = new Y.Doc();
      Y.applyUpdate(client, Y.encodeStateAsUpdate(roomA.doc));
      client.getText("t").insert(client.getText("t").length, text);
      Y.applyUpdate(roomA.doc, Y.encodeStateAsUpdate(client), fromPeer);
    };
    typeOnA("before ");
    await roomA.flush();

    // B reads the store, then stalls before it builds its room; A keeps writing meanwhile.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let read = false;
    const slowStore = Object.create(b.store) as Store;
    slowStore.loadDoc = async (roomId) => {
      const stored = await b.store.loadDoc(roomId);
      read = true;
      await gate;
      return stored;
    };
    const loadingB = loadRoom(b, "r1", slowStore);
    await waitFor(() => read, "B to read the store");
    typeOnA("during ");
    await roomA.flush();
    await new Promise((resolve) => setTimeout(resolve, 100));
    release();
    const roomB = await loadingB;
    await waitFor(
      () => roomB.doc.getText("t").toString() === "before during ",
      "B to have the update published while it loaded",
    );
    typeOnA("after");
    await waitFor(() => roomB.doc.getText("t").toString() === "before during after", "B to keep receiving");
  });

  it("presence crosses processes, and a process that joins later is told who is there", async () => {
    const prefix = freshRedisPrefix();
    const [a, b] = [await startProcess(prefix), await startProcess(prefix)];
    const roomA = await loadRoom(a, "r1");
    const person = new awarenessProtocol.Awareness(new Y.Doc());
    person.setLocalState({ user: { name: "Ada" } });
    awarenessProtocol.applyAwarenessUpdate(
      roomA.awareness,
      awarenessProtocol.encodeAwarenessUpdate(person, [person.clientID]),
      fromPeer,
    );

    const roomB = await loadRoom(b, "r1");
    await waitFor(() => roomB.awareness.getStates().get(person.clientID) !== undefined, "B to learn about Ada");
    expect(roomB.awareness.getStates().get(person.clientID)).toEqual({ user: { name: "Ada" } });

    awarenessProtocol.removeAwarenessStates(roomA.awareness, [person.clientID], null);
    await waitFor(() => !roomB.awareness.getStates().has(person.clientID), "Ada's departure to reach B");
    person.destroy();
  });

  it("after its Redis connection drops, a process re-reads the store and gets what it missed", async () => {
    const prefix = freshRedisPrefix();
    const [a, b] = [await startProcess(prefix), await startProcess(prefix)];
    const roomB = await loadRoom(b, "r1");
    const broadcastOnB: unknown[] = [];
    roomB.onStoredUpdate((_update, origin) => broadcastOnB.push(origin));
    // Stored by another process whose message B never receives (it was published while B was cut off).
    const missed = new Y.Doc();
    missed.getText("t").insert(0, "written while B was disconnected");
    await a.store.appendUpdate("r1", Y.encodeStateAsUpdate(missed));
    expect(roomB.doc.getText("t").toString()).toBe("");

    const admin = new Redis(services().redisUrl);
    try {
      const clients = (await admin.client("LIST")) as string;
      const line = clients.split("\n").find((entry) => entry.includes(`name=${b.fanout.subscriberName} `));
      expect(line).toBeDefined();
      await admin.client("KILL", "ID", /id=(\d+)/.exec(line!)![1]!);
    } finally {
      await admin.quit();
    }
    await waitFor(
      () => roomB.doc.getText("t").toString() === "written while B was disconnected",
      "B to resync from the store after reconnecting",
    );
    expect(broadcastOnB).toEqual([REMOTE_ORIGIN]);
  });

  it("rooms with another prefix (another deployment on the same Redis) hear nothing", async () => {
    const [a, b] = [await startProcess(freshRedisPrefix()), await startProcess(freshRedisPrefix())];
    const [roomA, roomB] = [await loadRoom(a, "r1"), await loadRoom(b, "r1")];
    roomB.doc.getText("t"); // touch so the type exists
    roomA.doc.getText("t").insert(0, "private");
    await roomA.flush();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(roomB.doc.getText("t").toString()).toBe("");
  });
});

describeScale("room lock", () => {
  async function locks(prefix: string, ttlMs = 30_000): Promise<RedisRoomLocks> {
    const lock = await RedisRoomLocks.connect({ url: services().redisUrl, log, prefix, ttlMs });
    cleanups.push(() => lock.close());
    return lock;
  }

  it("only one process holds a room's lock; the other gets it after release", async () => {
    const prefix = freshRedisPrefix();
    const [a, b] = [await locks(prefix), await locks(prefix)];
    const lease = await a.acquire("r1");
    expect(lease).not.toBeNull();
    expect(await b.acquire("r1")).toBeNull();
    expect(await a.acquire("r1")).toBeNull();
    expect(await b.acquire("r2")).not.toBeNull();
    await lease!.release();
    const second = await b.acquire("r1");
    expect(second).not.toBeNull();
    // A stale release (already released) cannot free someone else's lock.
    await lease!.release();
    expect(await a.acquire("r1")).toBeNull();
  });

  it("a held lock is renewed past its TTL, and a holder whose lock is taken away is told to stop", async () => {
    const prefix = freshRedisPrefix();
    const [a, b] = [await locks(prefix, 300), await locks(prefix, 300)];
    const lease = (await a.acquire("r1"))!;
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(lease.lost.aborted).toBe(false);
    expect(await b.acquire("r1")).toBeNull();

    const redis = new Redis(services().redisUrl);
    await redis.del(a.lockKey("r1"));
    await redis.quit();
    await waitFor(() => lease.lost.aborted, "the holder to notice it lost the lock");
    expect(await b.acquire("r1")).not.toBeNull();
  });
});
