// A live room: one Y.Doc, its awareness, the sockets connected to it, and the pipe to storage.
// Every document change, from a socket or from the agent, goes through one ordered pipeline:
// apply in memory -> append to the store -> broadcast. Nothing is broadcast before it is stored.
import * as Y from "yjs";
import * as awarenessProtocol from "y-protocols/awareness";
import type { Logger } from "pino";
import { LOAD_ORIGIN, REMOTE_ORIGIN, isTransactionOrigin, type PeerOrigin } from "../../shared/origins.ts";
import type { Store } from "../store/store.ts";
import type { Fanout, RoomChannel } from "../scale/fanout.ts";
import { RunCancelRelay } from "./runCancelRelay.ts";

export interface Peer extends PeerOrigin {
  /** Send a binary protocol message to this peer. */
  send(message: Uint8Array): void;
  /** Close this peer with a websocket close code and reason. */
  close(code: number, reason: string): void;
}

export interface RoomOptions {
  /** Compact the update log into a snapshot after this many appended updates. */
  compactEvery: number;
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
  private appendedSinceCompaction = 0;
  private lastSeq: number;
  private broken: Error | null = null;
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
  ) {
    this.doc = doc;
    this.lastSeq = lastSeq;
    this.awareness = new awarenessProtocol.Awareness(doc);
    // The server's own awareness state stays empty; the agent publishes its presence separately.
    this.awareness.setLocalState(null);
    doc.on("update", this.handleDocUpdate);
    this.awareness.on("update", this.handleAwarenessUpdate);
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
    const doc = new Y.Doc({ gc: true });
    doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot, LOAD_ORIGIN);
      for (const update of stored.updates) Y.applyUpdate(doc, update, LOAD_ORIGIN);
    }, LOAD_ORIGIN);
    const room = new Room(id, store, log.child({ roomId: id }), options, doc, stored.lastSeq);
    room.appendedSinceCompaction = stored.updates.length;
    if (channel) room.attachChannel(channel);
    return room;
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
    const batch = this.pending.splice(0);
    if (this.broken || batch.length === 0) return;
    const merged = batch.length === 1 ? batch[0]!.update : Y.mergeUpdates(batch.map((entry) => entry.update));
    try {
      this.lastSeq = await this.store.appendUpdate(this.id, merged);
    } catch (error) {
      this.broken = error instanceof Error ? error : new Error(String(error));
      this.log.error({ err: this.broken }, "storing an update failed; closing the room's sockets");
      for (const peer of this.peers) peer.close(1011, "storage failure, reconnect to resync");
      return;
    }
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

  /** Resolves when everything changed so far is stored (and broadcast). */
  flush(): Promise<void> {
    return this.pipeline;
  }

  private async compactNow(): Promise<void> {
    if (this.broken) return;
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    await this.store.compact(this.id, snapshot, this.lastSeq);
    this.log.debug({ bytes: snapshot.byteLength, uptoSeq: this.lastSeq }, "compacted");
    this.appendedSinceCompaction = 0;
  }

  /** Store everything pending and fold the log into a snapshot. */
  async compact(): Promise<void> {
    this.enqueue(() => this.compactNow());
    await this.flush();
  }

  get updatesSinceCompaction(): number {
    return this.appendedSinceCompaction;
  }

  /**
   * Drop the room without storing it again (the room is being deleted): later changes are ignored,
   * writes already queued finish first, the sockets are closed with `reason`.
   */
  async discard(code: number, reason: string): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const peer of this.peers) peer.close(code, reason);
    await this.flush();
    await this.channel?.leave();
    this.doc.off("update", this.handleDocUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }

  async destroy(): Promise<void> {
    if (this.destroyed) return;
    await this.compact();
    this.destroyed = true;
    await this.channel?.leave();
    this.doc.off("update", this.handleDocUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }
}
