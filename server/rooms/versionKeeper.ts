// Periodic snapshots of human work: every interval, each loaded canvas whose text changed since its
// last version gets a "snapshot" version, so the history panel has more than the AI's checkpoints.
import { createHash } from "node:crypto";
import type { Logger } from "pino";
import { listCanvases, newId } from "../../shared/room.ts";
import { canvasText } from "../../shared/markdown/index.ts";
import type { Store } from "../store/store.ts";
import type { Room } from "./room.ts";

/** Names of the people in the room's awareness who are on this canvas, e.g. "Ada, Bob" (null if none). */
function editorsOf(room: Room, canvasId: string): string | null {
  const names = new Set<string>();
  for (const state of room.awareness.getStates().values()) {
    const user: unknown = state.user;
    if (state.ai === true || state.canvasId !== canvasId || !user || typeof user !== "object") continue;
    const name = (user as { name?: unknown }).name;
    if (typeof name === "string" && name.trim()) names.add(name.trim().slice(0, 80));
  }
  return names.size ? [...names].sort().join(", ").slice(0, 200) : null;
}

export class VersionKeeper {
  private readonly lastHash = new Map<string, string>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: Store,
    private readonly rooms: () => Promise<Room[]>,
    private readonly log: Logger,
  ) {}

  start(intervalMs: number): void {
    this.timer = setInterval(
      () =>
        void this.snapshotAll().catch((error: unknown) => this.log.error({ err: error }, "version snapshot failed")),
      intervalMs,
    );
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Store a version of every canvas that changed since the last one; returns how many were stored. */
  async snapshotAll(): Promise<number> {
    let stored = 0;
    for (const room of await this.rooms()) stored += await this.snapshotRoom(room);
    return stored;
  }

  async snapshotRoom(room: Room): Promise<number> {
    let stored = 0;
    for (const canvas of listCanvases(room.doc)) {
      const text = canvasText(room.doc, canvas.id);
      const key = `${room.id}/${canvas.id}`;
      const hash = createHash("sha256").update(text).digest("hex");
      const previous = this.lastHash.get(key);
      this.lastHash.set(key, hash);
      // The first sighting only records a baseline: loading a room is not a change worth a version.
      if (previous === undefined || previous === hash) continue;
      await this.store.saveVersion({
        id: newId(),
        roomId: room.id,
        canvasId: canvas.id,
        reason: "snapshot",
        author: editorsOf(room, canvas.id) ?? "people",
        text,
        runId: null,
        createdAt: Date.now(),
      });
      stored++;
    }
    return stored;
  }
}
