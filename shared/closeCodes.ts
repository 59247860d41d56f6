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
  rateLimited: 4429,
  shuttingDown: 1001,
} as const;
