// Websocket close codes the server uses. 4xxx are application codes; clients show their reason.
export const CLOSE = {
  internal: 1011,
  tooBig: 1009,
  badMessage: 4400,
  unauthorized: 4401,
  forbidden: 4403,
  notFound: 4404,
  rateLimited: 4429,
  shuttingDown: 1001,
} as const;
