// Fan-out between server processes that serve the same rooms: each process publishes the document
// and awareness updates it has stored, and applies the ones the others publish. The room talks to
// this interface; Redis pub/sub implements it (redisFanout.ts).

export interface RoomChannelHandlers {
  /** A document update another process has stored. */
  update(update: Uint8Array): void;
  /** An awareness update (y-protocols encoding) from another process's peers. */
  awareness(update: Uint8Array): void;
  /** Another process joined the room and asks for everyone's presence. */
  presenceRequested(): void;
  /** Messages may have been missed (the connection to the bus dropped): re-read the store. */
  resync(): void;
  /** Someone asked (through another process) to stop the agent run in this room. */
  runCancelRequested(): void;
}

export interface RoomChannel {
  /**
   * Start delivering messages. Messages that arrived between `join` and `attach` are delivered
   * first, in order, so a room loaded from storage in between misses nothing.
   */
  attach(handlers: RoomChannelHandlers): void;
  publishUpdate(update: Uint8Array): void;
  publishAwareness(update: Uint8Array): void;
  /** Ask the other processes for their peers' presence (sent once the room is loaded). */
  requestPresence(): void;
  /** Ask whichever process runs the agent in this room to stop it. */
  requestRunCancel(): void;
  leave(): Promise<void>;
}

export interface Fanout {
  /** Subscribe to a room's channel; resolves once subscribed, buffering messages until `attach`. */
  join(roomId: string): Promise<RoomChannel>;
  close(): Promise<void>;
}
