// One run per room, in this process and across processes: the room lock (server/scale/roomLock.ts)
// taken before a run starts, and a stop request for a run that holds the lock in another process.
import type { RoomLease } from "../scale/roomLock.ts";
import type { RoomRegistry } from "../rooms/registry.ts";

export class RunLock {
  /** Rooms whose lock is being taken (async with a shared lock store), so a second start waits for no lock. */
  private readonly starting = new Set<string>();

  constructor(private readonly registry: RoomRegistry) {}

  /** The room's run lock, or null when a start is under way here or someone holds it. */
  async acquire(roomId: string): Promise<RoomLease | null> {
    if (this.starting.has(roomId)) return null;
    this.starting.add(roomId);
    try {
      return await this.registry.locks.acquire(roomId);
    } finally {
      this.starting.delete(roomId);
    }
  }

  /** Scale-out: ask the process holding the room's lock to stop its run, and wait until it lets go. */
  async cancelElsewhere(roomId: string, timeoutMs = 10_000): Promise<boolean> {
    const locks = this.registry.locks;
    if (!(await locks.isHeld(roomId))) return false;
    const relayed = await this.registry.hold(roomId, async (room) => room.runCancel.request());
    if (!relayed) return false;
    const deadline = Date.now() + timeoutMs;
    while ((await locks.isHeld(roomId)) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    return true;
  }
}
