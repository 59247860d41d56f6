// A live room: one Y.Doc, its awareness, the sockets connected to it, and the pipe to storage.
// Every document change, from a socket or from the agent, goes through one ordered pipeline:
// apply in memory -> append to the store -> broadcast. Nothing is broadcast before it is stored.
import * as Y from "yjs";
import * as awarenessProtocol from "y-protocols/awareness";
import type { Logger } from "pino";
import type { Store } from "../store/store.ts";

export interface Peer {
  /** Send a binary protocol message to this peer. */
  send(message: Uint8Array): void;
  /** Close this peer with a websocket close code and reason. */
  close(code: number, reason: string): void;
}

export interface RoomOptions {
  /** Compact the update log into a snapshot after this many appended updates. */
  compactEvery: number;
  onPersisted?: (bytes: number) => void;
}

/** Marks updates that came from storage, so they are not stored again. */
const LOAD_ORIGIN = Symbol("load");

export class Room {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly peers = new Set<Peer>();
  private pipeline: Promise<void> = Promise.resolve();
  private appendedSinceCompaction = 0;
  private lastSeq: number;
  private broken: Error | null = null;
  private destroyed = false;
  private readonly listeners = new Set<(update: Uint8Array, origin: unknown) => void>();

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
    const stored = await store.loadDoc(id);
    const doc = new Y.Doc({ gc: true });
    doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot, LOAD_ORIGIN);
      for (const update of stored.updates) Y.applyUpdate(doc, update, LOAD_ORIGIN);
    }, LOAD_ORIGIN);
    const room = new Room(id, store, log.child({ roomId: id }), options, doc, stored.lastSeq);
    room.appendedSinceCompaction = stored.updates.length;
    return room;
  }

  /** Subscribe to stored updates (after persistence), e.g. for the broadcast to sockets. */
  onStoredUpdate(listener: (update: Uint8Array, origin: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private readonly handleDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === LOAD_ORIGIN || this.destroyed) return;
    this.enqueue(async () => {
      if (this.broken) return;
      try {
        this.lastSeq = await this.store.appendUpdate(this.id, update);
      } catch (error) {
        this.broken = error instanceof Error ? error : new Error(String(error));
        this.log.error({ err: this.broken }, "storing an update failed; closing the room's sockets");
        for (const peer of this.peers) peer.close(1011, "storage failure, reconnect to resync");
        return;
      }
      this.options.onPersisted?.(update.byteLength);
      this.appendedSinceCompaction++;
      for (const listener of this.listeners) listener(update, origin);
      if (this.appendedSinceCompaction >= this.options.compactEvery) await this.compactNow();
    });
  };

  private readonly handleAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...change.added, ...change.updated, ...change.removed];
    const message = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
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

  async destroy(): Promise<void> {
    if (this.destroyed) return;
    await this.compact();
    this.destroyed = true;
    this.doc.off("update", this.handleDocUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }
}
