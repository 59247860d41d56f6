// A live room: one Y.Doc, its awareness, the sockets connected to it, and the pipe to storage.
// Every document change, from a socket or from the agent, goes through one ordered pipeline:
// apply in memory -> append to the store -> broadcast. Nothing is broadcast before it is stored.
import { AsyncLocalStorage } from "node:async_hooks";
import * as Y from "yjs";
import * as awarenessProtocol from "y-protocols/awareness";
import type { Logger } from "pino";
import { ApiOrigin, LOAD_ORIGIN, REMOTE_ORIGIN, isTransactionOrigin, type PeerOrigin } from "../../shared/origins.ts";
import type { Store, StoredDoc } from "../store/store.ts";
import { CLOSE } from "../../shared/closeCodes.ts";
import type { Fanout, RoomChannel } from "../scale/fanout.ts";
import { RunCancelRelay } from "./runCancelRelay.ts";
import { readUpdate, structCount } from "./updateCost.ts";
import { MAX_NESTING, updateNesting } from "./updateDepth.ts";
import { guardAiAuthorship } from "./aiAuthorship.ts";
import { HttpError, storageUnavailable } from "../http/errors.ts";

export interface Peer extends PeerOrigin {
  /** Send a binary protocol message to this peer. */
  send(message: Uint8Array): void;
  /** Close this peer with a websocket close code and reason. */
  close(code: number, reason: string): void;
}

/** What one room's document may grow to; an update that would pass it is refused before it is applied. */
export interface RoomBudget {
  /** Items (structs) the document may hold, counting the splits a delete set can cause. */
  maxItems: number;
  /** Bytes the stored state may take (snapshot plus the log since). */
  maxBytes: number;
}

export const DEFAULT_ROOM_BUDGET: RoomBudget = { maxItems: 250_000, maxBytes: 32 * 1024 * 1024 };

/** Told when a room's writes start failing and when they succeed again (readiness, metrics). */
export interface StorageHealth {
  failed(roomId: string, error: Error): void;
  recovered(roomId: string): void;
}

/** What the person is told when their room cannot store changes. */
export const STORAGE_FAILURE_MESSAGE = "Changes can't be saved right now. Your edits are kept and will be sent again.";

/** Which HTTP write (Room.commit) the running code belongs to, so each takes back only its own transactions. */
const currentWrite = new AsyncLocalStorage<object>();

export interface RoomOptions {
  /** Compact the update log into a snapshot after this many appended updates. */
  compactEvery: number;
  /** The document's size budget; DEFAULT_ROOM_BUDGET when left out. */
  budget?: RoomBudget;
  storageHealth?: StorageHealth;
  /** First wait before retrying a failed write (doubles up to 5 s). */
  retryMs?: number;
  /** Called after a write: how many document updates it stored, and its size. */
  onPersisted?: (updates: number, bytes: number) => void;
  /** Other processes serving the same rooms (scale-out); absent for a single process. */
  fanout?: Fanout;
}

export class Room {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly peers = new Set<Peer>();
  private pipeline: Promise<void> = Promise.resolve();
  /** Local changes applied in memory, waiting to be stored and broadcast. */
  private readonly pending: { update: Uint8Array; origin: unknown }[] = [];
  /** A batch whose write failed, kept in order and retried until the store takes it. */
  private unsaved: { update: Uint8Array; origin: unknown }[] = [];
  private appendedSinceCompaction = 0;
  private lastSeq: number;
  /** Set while writes fail; cleared by the first write that succeeds again. */
  private failure: Error | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryMs: number;
  /** Bytes of the stored state (snapshot + log), measured from what was written. */
  private storedBytes: number;
  private readonly budget: RoomBudget;
  /** Which socket holds presence for each client id (server/ws/presence.ts). */
  readonly presenceOwners = new Map<number, unknown>();
  private destroyed = false;
  private readonly listeners = new Set<(update: Uint8Array, origin: unknown) => void>();
  private channel: RoomChannel | null = null;
  /** Stop requests for this room's agent run, relayed between processes. */
  readonly runCancel = new RunCancelRelay(() => this.channel);

  private constructor(
    readonly id: string,
    private readonly store: Store,
    private readonly log: Logger,
    private readonly options: RoomOptions,
    doc: Y.Doc,
    lastSeq: number,
    storedBytes: number,
  ) {
    this.doc = doc;
    this.lastSeq = lastSeq;
    this.storedBytes = storedBytes;
    this.budget = options.budget ?? DEFAULT_ROOM_BUDGET;
    this.retryMs = options.retryMs ?? 250;
    this.awareness = new awarenessProtocol.Awareness(doc);
    // The server's own awareness state stays empty; the agent publishes its presence separately.
    this.awareness.setLocalState(null);
    doc.on("update", this.handleDocUpdate);
    this.awareness.on("update", this.handleAwarenessUpdate);
    guardAiAuthorship(doc);
  }

  static async load(id: string, store: Store, log: Logger, options: RoomOptions): Promise<Room> {
    // Subscribe before reading the store: what other processes publish meanwhile is buffered and
    // applied after the stored state, so nothing written while we load is missed.
    const channel = options.fanout ? await options.fanout.join(id) : null;
    let stored;
    try {
      stored = await store.loadDoc(id);
    } catch (error) {
      await channel?.leave();
      throw error;
    }
    const roomLog = log.child({ roomId: id });
    const doc = new Y.Doc({ gc: true });
    const storedBytes = loadWithinBudget(doc, stored, options.budget ?? DEFAULT_ROOM_BUDGET, roomLog);
    const room = new Room(id, store, roomLog, options, doc, stored.lastSeq, storedBytes);
    room.appendedSinceCompaction = stored.updates.length;
    if (channel) room.attachChannel(channel);
    return room;
  }

  /** True while the room cannot store changes (they are kept and retried). */
  get failing(): boolean {
    return this.failure !== null;
  }

  /**
   * Apply a peer's update if the room's budget allows it. Returns null when applied, else the
   * reason it was refused (nothing applied, nothing stored). Throws on bytes that do not decode.
   */
  applyPeerUpdate(update: Uint8Array, origin: Peer): string | null {
    const { cost, structs } = readUpdate(update);
    if (structCount(this.doc) + cost.items > this.budget.maxItems)
      return `This change is too large for the room (over ${this.budget.maxItems} items).`;
    if (this.storedBytes + update.byteLength > this.budget.maxBytes)
      return `This change is too large for the room (over ${Math.round(this.budget.maxBytes / 1024 / 1024)} MB).`;
    const nesting = updateNesting(this.doc, structs);
    if (nesting.depth > MAX_NESTING)
      return `This change nests content deeper than the room allows (${MAX_NESTING} levels).`;
    // Types that hang from content still to come are counted from there; letting only one batch of
    // them wait at a time keeps the deepest document under twice MAX_NESTING whatever the order.
    if (nesting.unplaced > 0 && this.doc.store.pendingStructs)
      return "This change depends on content the room does not have yet. Reconnect to send it again.";
    Y.applyUpdate(this.doc, update, origin);
    return null;
  }

  /** Subscribe to stored updates (after persistence), e.g. for the broadcast to sockets. */
  onStoredUpdate(listener: (update: Uint8Array, origin: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private attachChannel(channel: RoomChannel): void {
    this.channel = channel;
    channel.attach({
      update: (update) => Y.applyUpdate(this.doc, update, REMOTE_ORIGIN),
      awareness: (update) => awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE_ORIGIN),
      presenceRequested: () => {
        const clients = [...this.awareness.getStates().keys()];
        if (clients.length) channel.publishAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
      },
      resync: () => void this.resyncFromStore(),
      runCancelRequested: () => this.runCancel.received(),
    });
    channel.requestPresence();
  }

  /** Re-read the shared store and apply whatever this process missed (idempotent in Yjs). */
  private async resyncFromStore(): Promise<void> {
    try {
      const stored = await this.store.loadDoc(this.id);
      if (this.destroyed) return;
      this.doc.transact(() => {
        if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot, REMOTE_ORIGIN);
        for (const update of stored.updates) Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
      }, REMOTE_ORIGIN);
    } catch (error) {
      this.log.error({ err: error }, "resyncing the room from the store failed");
    }
  }

  private readonly handleDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (this.destroyed || (isTransactionOrigin(origin) && origin.source === "load")) return;
    if (isTransactionOrigin(origin) && origin.source === "remote") {
      // Stored by the process that published it: straight to the local sockets.
      for (const listener of this.listeners) listener(update, origin);
      return;
    }
    this.pending.push({ update, origin });
    if (this.pending.length === 1) this.enqueue(() => this.storeAndBroadcast());
  };

  /**
   * Store everything changed since the last write as one merged update (one disk sync however many
   * edits arrived meanwhile), then broadcast it. Waiting one turn of the event loop first lets the
   * socket messages already received join the batch.
   */
  private async storeAndBroadcast(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (this.destroyed && !this.unsaved.length && !this.pending.length) return;
    const batch = [...this.unsaved.splice(0), ...this.pending.splice(0)];
    if (batch.length === 0) return;
    const merged = batch.length === 1 ? batch[0]!.update : Y.mergeUpdates(batch.map((entry) => entry.update));
    try {
      this.lastSeq = await this.store.appendUpdate(this.id, merged);
    } catch (error) {
      this.writeFailed(batch, error);
      return;
    }
    if (this.failure) {
      this.failure = null;
      this.retryMs = this.options.retryMs ?? 250;
      this.log.warn({ updates: batch.length }, "storage works again; the kept changes are stored");
      this.options.storageHealth?.recovered(this.id);
    }
    this.storedBytes += merged.byteLength;
    this.options.onPersisted?.(batch.length, merged.byteLength);
    this.appendedSinceCompaction++;
    this.channel?.publishUpdate(merged);
    // Broadcast per run of one origin, so a sender is not sent back its own edits.
    for (let start = 0; start < batch.length;) {
      let end = start + 1;
      while (end < batch.length && batch[end]!.origin === batch[start]!.origin) end++;
      const run = batch.slice(start, end);
      const update = run.length === 1 ? run[0]!.update : Y.mergeUpdates(run.map((entry) => entry.update));
      for (const listener of this.listeners) listener(update, run[0]!.origin);
      start = end;
    }
    if (this.appendedSinceCompaction >= this.options.compactEvery) await this.compactNow();
  }

  /**
   * Keep the batch (in order, ahead of anything newer) and retry it with a growing wait; the
   * room's sockets are closed with a reason the client shows, and it resends its edits on reconnect.
   */
  private writeFailed(batch: { update: Uint8Array; origin: unknown }[], error: unknown): void {
    this.unsaved = batch;
    this.stopRetrying();
    const first = this.failure === null;
    this.failure = error instanceof Error ? error : new Error(String(error));
    if (first) {
      this.log.error({ err: this.failure }, "storing an update failed; the room refuses writes until storage works");
      this.options.storageHealth?.failed(this.id, this.failure);
      for (const peer of this.peers) peer.close(CLOSE.unavailable, STORAGE_FAILURE_MESSAGE);
    }
    if (this.destroyed) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.enqueue(() => this.storeAndBroadcast());
    }, this.retryMs);
    this.retryTimer.unref();
    this.retryMs = Math.min(this.retryMs * 2, 5_000);
  }

  private readonly handleAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...change.added, ...change.updated, ...change.removed];
    const message = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    // Each process times out its own copies of remote states; publishing those removals would
    // remove a live peer's presence in the process it is connected to.
    const remote = isTransactionOrigin(origin) && origin.source === "remote";
    if (this.channel && !this.destroyed && !remote && origin !== "timeout") this.channel.publishAwareness(message);
    for (const listener of this.awarenessListeners) listener(message, origin);
  };

  private readonly awarenessListeners = new Set<(update: Uint8Array, origin: unknown) => void>();

  onAwarenessUpdate(listener: (update: Uint8Array, origin: unknown) => void): () => void {
    this.awarenessListeners.add(listener);
    return () => this.awarenessListeners.delete(listener);
  }

  private enqueue(task: () => Promise<void>): void {
    this.pipeline = this.pipeline.then(task).catch((error: unknown) => {
      this.log.error({ err: error }, "room pipeline task failed");
    });
  }

  /**
   * Resolves when everything changed so far is stored (and broadcast); rejects with a 503 when the
   * store is failing, so nothing is acknowledged that is not stored (the change is kept and retried).
   */
  async flush(): Promise<void> {
    await this.pipeline;
    if (this.failure) {
      const error = new HttpError(503, "storage_unavailable", STORAGE_FAILURE_MESSAGE, { "Retry-After": "5" });
      error.cause = this.failure;
      throw error;
    }
  }

  /**
   * Run an HTTP write and store it before it is answered. When anything in it throws (the store
   * refusing a write above all) its ApiOrigin transactions are taken back, so a refused request
   * changes nothing: what was not stored yet was never broadcast, and the inverse is stored with the
   * rest once storage works. Call `flush` inside `work` before a store write that must follow the
   * stored document (a change record), so a record never describes a change that was taken back.
   */
  async commit<T>(work: () => Promise<T>): Promise<T> {
    const write = {};
    const undo = new Y.UndoManager(this.doc, {
      trackedOrigins: new Set([ApiOrigin]),
      captureTransaction: () => currentWrite.getStore() === write,
    });
    try {
      const result = await currentWrite.run(write, work);
      await this.flush();
      return result;
    } catch (error) {
      if (undo.undoStack.length > 0 && !this.destroyed) {
        while (undo.undoStack.length > 0) undo.undo();
        this.log.warn({ err: error }, "an HTTP write failed; its changes were taken back");
      }
      // Taken back, so the person is told nothing changed (not that their edit is kept, as a socket is).
      throw error instanceof HttpError && error.code === "storage_unavailable"
        ? storageUnavailable(error.cause)
        : error;
    } finally {
      undo.destroy();
    }
  }

  private async compactNow(): Promise<void> {
    if (this.failure) return;
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    await this.store.compact(this.id, snapshot, this.lastSeq);
    this.storedBytes = snapshot.byteLength;
    this.log.debug({ bytes: snapshot.byteLength, uptoSeq: this.lastSeq }, "compacted");
    this.appendedSinceCompaction = 0;
  }

  /** Store everything pending and fold the log into a snapshot. */
  async compact(): Promise<void> {
    this.enqueue(() => this.compactNow());
    await this.flush();
  }

  private stopRetrying(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  get updatesSinceCompaction(): number {
    return this.appendedSinceCompaction;
  }

  /**
   * Drop the room without storing it again (it is being deleted): later changes are ignored, writes
   * already queued finish first, then `remove` deletes it from the store and the sockets are closed
   * with `reason`. When `remove` fails the sockets are told to come back instead (the room is still
   * stored, and their clients resend what was ignored) and the error is thrown.
   */
  async discard(remove: () => Promise<void>, code: number, reason: string): Promise<void> {
    if (this.destroyed) return remove();
    this.destroyed = true;
    this.stopRetrying();
    try {
      await this.pipeline;
      await remove();
      for (const peer of this.peers) peer.close(code, reason);
    } catch (error) {
      for (const peer of this.peers) peer.close(CLOSE.unavailable, STORAGE_FAILURE_MESSAGE);
      throw error;
    } finally {
      await this.channel?.leave();
      this.doc.off("update", this.handleDocUpdate);
      this.awareness.destroy();
      this.doc.destroy();
    }
  }

  async destroy(): Promise<void> {
    if (this.destroyed) return;
    try {
      await this.compact();
    } catch {
      // One last try at what could not be stored; the registry keeps failing rooms loaded, so this is shutdown.
      this.stopRetrying();
      await this.storeAndBroadcast();
      if (this.failure)
        this.log.error({ updates: this.unsaved.length }, "shutting down with changes the store refused");
    }
    this.stopRetrying();
    this.destroyed = true;
    await this.channel?.leave();
    this.doc.off("update", this.handleDocUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }
}

/**
 * Apply the stored state, refusing what would pass the budget: a room poisoned before the budget
 * existed must not cost a gigabyte each time it is opened. Returns the stored bytes applied.
 */
function loadWithinBudget(doc: Y.Doc, stored: StoredDoc, budget: RoomBudget, log: Logger): number {
  let bytes = 0;
  doc.transact(() => {
    for (const [index, update] of [stored.snapshot, ...stored.updates].entries()) {
      if (!update) continue;
      let read: ReturnType<typeof readUpdate>;
      try {
        read = readUpdate(update);
      } catch (error) {
        log.error({ err: error, index }, "skipped a stored update that does not decode");
        continue;
      }
      const items = read.cost.items;
      if (
        structCount(doc) + items > budget.maxItems ||
        bytes + update.byteLength > budget.maxBytes ||
        updateNesting(doc, read.structs).depth > MAX_NESTING
      ) {
        if (index === 0) throw new RoomOverBudgetError();
        log.error({ index, items, bytes: update.byteLength }, "skipped a stored update over the room budget");
        continue;
      }
      Y.applyUpdate(doc, update, LOAD_ORIGIN);
      bytes += update.byteLength;
    }
  }, LOAD_ORIGIN);
  return bytes;
}

/** A stored snapshot larger than the budget: the room cannot be opened by this server. */
export class RoomOverBudgetError extends HttpError {
  constructor() {
    super(
      507,
      "room_too_large",
      "This room is larger (or nested deeper) than this server allows. Ask the server's operator.",
    );
  }
}
