// Loads rooms on first use, keeps them while someone is connected or working, and unloads idle
// ones (compacting them on the way out).
import type { Logger } from "pino";
import type { Store } from "../store/store.ts";
import { Room, type RoomOptions } from "./room.ts";
import { LocalRoomLocks, type RoomLocks } from "../scale/roomLock.ts";
import { HttpError } from "../http/errors.ts";
import { getHeapStatistics } from "node:v8";

export interface RegistryOptions extends RoomOptions {
  /** Unload a room this long after its last peer left and nothing holds it. */
  idleMs: number;
  /** Who may run the agent in a room; spans processes when scaled out. In-process by default. */
  locks?: RoomLocks;
  /**
   * Share of the heap limit above which rooms that are not loaded yet are refused (503) instead of
   * loaded: the process sheds new work before it runs out of memory. 0.8 when left out.
   */
  heapShedRatio?: number;
}

/** How full the heap is, 0-1 (replaceable in tests). */
export type HeapGauge = () => number;

const heapFill: HeapGauge = () => {
  const heap = getHeapStatistics();
  return heap.used_heap_size / heap.heap_size_limit;
};

export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<Room>>();
  private readonly holds = new Map<string, number>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  /** The room lock held around agent runs. */
  readonly locks: RoomLocks;

  constructor(
    private readonly store: Store,
    private readonly log: Logger,
    private readonly options: RegistryOptions,
    private readonly heapGauge: HeapGauge = heapFill,
  ) {
    this.locks = options.locks ?? new LocalRoomLocks();
  }

  /** The live room (loading it from storage if needed). The caller must know the room exists. */
  get(roomId: string): Promise<Room> {
    let room = this.rooms.get(roomId);
    if (!room) {
      const fill = this.heapGauge();
      if (fill > (this.options.heapShedRatio ?? 0.8)) {
        this.log.warn({ roomId, heapFill: fill }, "memory is short: refusing to load another room");
        return Promise.reject(
          new HttpError(503, "server_busy", "The server is too busy to open this room now. Try again in a minute.", {
            "Retry-After": "30",
          }),
        );
      }
      room = Room.load(roomId, this.store, this.log, this.options);
      this.rooms.set(roomId, room);
      room.catch(() => this.rooms.delete(roomId));
    }
    this.cancelIdle(roomId);
    return room;
  }

  /** Keep a room loaded while `work` runs (an agent run, an API write), then consider unloading it. */
  async hold<T>(roomId: string, work: (room: Room) => Promise<T>): Promise<T> {
    const room = await this.get(roomId);
    this.holds.set(roomId, (this.holds.get(roomId) ?? 0) + 1);
    try {
      return await work(room);
    } finally {
      this.holds.set(roomId, (this.holds.get(roomId) ?? 1) - 1);
      this.release(roomId);
    }
  }

  /**
   * Hold the room for an HTTP write, run as `Room.commit`: stored before it is answered, and taken back
   * (nothing changed) when anything in it fails.
   */
  write<T>(roomId: string, work: (room: Room) => Promise<T>): Promise<T> {
    return this.hold(roomId, (room) => room.commit(() => work(room)));
  }

  /** Call when a peer leaves: schedules the unload if nobody is left. */
  release(roomId: string): void {
    void this.rooms.get(roomId)?.then((room) => {
      if (room.peers.size > 0 || (this.holds.get(roomId) ?? 0) > 0) return;
      this.cancelIdle(roomId);
      const timer = setTimeout(() => void this.unload(roomId), this.options.idleMs);
      timer.unref();
      this.idleTimers.set(roomId, timer);
    });
  }

  private cancelIdle(roomId: string): void {
    const timer = this.idleTimers.get(roomId);
    if (timer) clearTimeout(timer);
    this.idleTimers.delete(roomId);
  }

  private async unload(roomId: string): Promise<void> {
    const pending = this.rooms.get(roomId);
    if (!pending) return;
    const room = await pending;
    if (room.peers.size > 0 || (this.holds.get(roomId) ?? 0) > 0) return;
    // Its kept changes live only here until the store takes them: keep retrying, check again later.
    if (room.failing) return this.release(roomId);
    this.rooms.delete(roomId);
    this.holds.delete(roomId);
    await room.destroy();
    this.log.debug({ roomId }, "room unloaded");
  }

  /**
   * Delete a room: unload it without storing it and run `remove` (the store's delete); see
   * Room.discard. When `remove` fails, the room loads again from the store on its next use.
   */
  async discard(roomId: string, remove: () => Promise<void>, code: number, reason: string): Promise<void> {
    const pending = this.rooms.get(roomId);
    this.cancelIdle(roomId);
    this.rooms.delete(roomId);
    this.holds.delete(roomId);
    const room = await pending?.catch(() => null);
    if (room) await room.discard(remove, code, reason);
    else await remove();
  }

  /** Rooms whose writes are failing now (readiness). */
  async failingCount(): Promise<number> {
    const rooms = await Promise.allSettled(this.rooms.values());
    return rooms.filter((result) => result.status === "fulfilled" && result.value.failing).length;
  }

  get loadedCount(): number {
    return this.rooms.size;
  }

  async loaded(): Promise<Room[]> {
    return Promise.all(this.rooms.values());
  }

  /** Store and compact every loaded room (shutdown). */
  async closeAll(): Promise<void> {
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    const rooms = await Promise.allSettled(this.rooms.values());
    for (const result of rooms) if (result.status === "fulfilled") await result.value.destroy();
    this.rooms.clear();
  }
}
