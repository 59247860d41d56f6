// Stop requests for a room's agent run across processes: the run may execute in another process
// than the one whose client pressed stop. The request travels on the room's fan-out channel; the
// process running the agent listens here. Without scale-out there is no channel and nothing to relay.
import type { RoomChannel } from "../scale/fanout.ts";

export class RunCancelRelay {
  private readonly listeners = new Set<() => void>();

  /** `channel` gives the room's fan-out channel once it is attached (null for a single process). */
  constructor(private readonly channel: () => RoomChannel | null) {}

  /** Listen for stop requests relayed from other processes; returns the unsubscribe. */
  onRequested(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Relay a stop request to the other processes; false when the room is not scaled out. */
  request(): boolean {
    const channel = this.channel();
    if (!channel) return false;
    channel.requestRunCancel();
    return true;
  }

  /** The channel delivered a stop request from another process. */
  received(): void {
    for (const listener of this.listeners) listener();
  }
}
