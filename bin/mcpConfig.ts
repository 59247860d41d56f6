// `canvas mcp-config <share link>`: the JSON an MCP client (a coding agent, a desktop assistant) needs
// to join that room: the /mcp endpoint of the link's server and its token as a bearer header.
export interface McpClientConfig {
  mcpServers: Record<string, { type: "http"; url: string; headers: { Authorization: string } }>;
}

export type McpConfigResult = { ok: true; config: McpClientConfig } | { ok: false; error: string };

export function mcpConfigFor(shareLink: string): McpConfigResult {
  let url: URL;
  try {
    url = new URL(shareLink);
  } catch {
    return { ok: false, error: `"${shareLink}" is not a link: pass a room's share link (http…/r/<room>?token=…).` };
  }
  const room = /^\/r\/([^/]+)\/?$/.exec(url.pathname);
  const token = url.searchParams.get("token") ?? new URLSearchParams(url.hash.slice(1)).get("token");
  if (!room || !token || !/^https?:$/.test(url.protocol))
    return {
      ok: false,
      error: "A share link looks like http(s)://<host>/r/<room>?token=<token>: copy one from Share.",
    };
  const name = `canvas-${decodeURIComponent(room[1]!)
    .replace(/[^A-Za-z0-9_-]/g, "")
    .slice(0, 40)}`;
  return {
    ok: true,
    config: {
      mcpServers: { [name]: { type: "http", url: `${url.origin}/mcp`, headers: { Authorization: `Bearer ${token}` } } },
    },
  };
}
