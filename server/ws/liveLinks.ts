// Which open sockets came in through which share link, so revoking or rotating a link also cuts off
// the people already connected with it (a leaked link must stop working at once, not at reconnect).
import type { WebSocket } from "ws";
import type { Role } from "../../shared/roles.ts";
import { CLOSE } from "../../shared/closeCodes.ts";

interface LiveSocket {
  role: Role;
  socket: WebSocket;
}

export class LiveLinks {
  private readonly byRoom = new Map<string, Set<LiveSocket>>();

  add(roomId: string, role: Role, socket: WebSocket): void {
    const entry: LiveSocket = { role, socket };
    let sockets = this.byRoom.get(roomId);
    if (!sockets) this.byRoom.set(roomId, (sockets = new Set()));
    sockets.add(entry);
    socket.once("close", () => {
      sockets.delete(entry);
      if (sockets.size === 0 && this.byRoom.get(roomId) === sockets) this.byRoom.delete(roomId);
    });
  }

  /** Close the room's sockets opened with the `role` link; returns how many were closed. */
  closeRole(roomId: string, role: Role, reason: string): number {
    let closed = 0;
    for (const entry of this.byRoom.get(roomId) ?? []) {
      if (entry.role !== role) continue;
      entry.socket.close(CLOSE.unauthorized, reason.slice(0, 120));
      closed++;
    }
    return closed;
  }
}
