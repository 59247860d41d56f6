// Which open connections came in through which share link (sockets, MCP sessions), so revoking or
// rotating a link also cuts off whoever is already connected with it (a leaked link must stop working
// at once, not at reconnect).
import type { WebSocket } from "ws";
import type { Role } from "../../shared/roles.ts";
import { CLOSE } from "../../shared/closeCodes.ts";

interface LiveConnection {
  role: Role;
  close(reason: string): void;
}

export class LiveLinks {
  private readonly byRoom = new Map<string, Set<LiveConnection>>();

  add(roomId: string, role: Role, socket: WebSocket): void {
    const remove = this.track(roomId, role, (reason) => socket.close(CLOSE.unauthorized, reason.slice(0, 120)));
    socket.once("close", remove);
  }

  /** Track a connection opened with the `role` link; `close` ends it. Returns the function that stops tracking it. */
  track(roomId: string, role: Role, close: (reason: string) => void): () => void {
    const entry: LiveConnection = { role, close };
    let connections = this.byRoom.get(roomId);
    if (!connections) this.byRoom.set(roomId, (connections = new Set()));
    connections.add(entry);
    const tracked = connections;
    return () => {
      tracked.delete(entry);
      if (tracked.size === 0 && this.byRoom.get(roomId) === tracked) this.byRoom.delete(roomId);
    };
  }

  /** Close the room's connections opened with the `role` link; returns how many were closed. */
  closeRole(roomId: string, role: Role, reason: string): number {
    let closed = 0;
    for (const entry of [...(this.byRoom.get(roomId) ?? [])]) {
      if (entry.role !== role) continue;
      entry.close(reason);
      closed++;
    }
    return closed;
  }
}
