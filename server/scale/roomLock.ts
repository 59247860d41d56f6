// The room lock around agent runs: only one run per room at a time, across every process that
// serves the room. The default is in-process (one server); redisRoomLock.ts spans processes.

export interface RoomLease {
  /** Aborted when the lock is lost before release (e.g. the lock store was unreachable too long). */
  readonly lost: AbortSignal;
  release(): Promise<void>;
}

export interface RoomLocks {
  /** The lock for the room, or null when someone else holds it. */
  acquire(roomId: string): Promise<RoomLease | null>;
  /** Whether anyone (this process or another) holds the room's lock now. */
  isHeld(roomId: string): Promise<boolean>;
  close(): Promise<void>;
}

/** One process: a set of held room ids. */
export class LocalRoomLocks implements RoomLocks {
  private readonly held = new Set<string>();

  async acquire(roomId: string): Promise<RoomLease | null> {
    if (this.held.has(roomId)) return null;
    this.held.add(roomId);
    let released = false;
    return {
      lost: new AbortController().signal,
      release: async () => {
        if (released) return;
        released = true;
        this.held.delete(roomId);
      },
    };
  }

  async isHeld(roomId: string): Promise<boolean> {
    return this.held.has(roomId);
  }

  async close(): Promise<void> {
    this.held.clear();
  }
}
