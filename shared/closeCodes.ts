// Websocket close codes: the server closes with them, the client explains them to the person.
// 4xxx are application codes (the HTTP status they mirror + 4000); 1xxx are the protocol's own.
export const CLOSE = {
  internal: 1011,
  /** Sent by the ws library itself when a message exceeds maxPayload. */
  tooBig: 1009,
  badMessage: 4400,
  unauthorized: 4401,
  forbidden: 4403,
  notFound: 4404,
  /** A change that would pass the room's size budget; it was not applied (reconnecting cannot help). */
  tooLarge: 4413,
  rateLimited: 4429,
  /**
   * Try again later: the room cannot store changes right now, or the server is shedding load. The
   * client keeps its edits and resends them when it reconnects (4500-4599 is y-websocket's "retry" range).
   */
  unavailable: 4503,
  /** The socket did not read what the server sent fast enough; reconnecting starts a fresh sync. */
  slowReader: 4508,
  shuttingDown: 1001,
} as const;
