// Room addresses and tokens. Share links look like /r/<roomId>?token=<token>; the token stays in the
// URL (so reload works) and is remembered per room in sessionStorage in case the URL loses it.
// Links handed out at room creation are kept in localStorage so the owner's share dialog can show them
// (the server only stores hashes and cannot show them again).
import { roleLinksSchema, type RoleLinks } from "../../shared/roles.ts";

export interface RoomRoute {
  roomId: string;
  token: string | null;
}

export function parseRoomPath(pathname: string, search: string): RoomRoute | null {
  const match = /^\/r\/([^/]+)\/?$/.exec(pathname);
  if (!match) return null;
  const roomId = decodeURIComponent(match[1]!);
  const fromUrl = new URLSearchParams(search).get("token");
  if (fromUrl) {
    sessionStorage.setItem(`canvas.token.${roomId}`, fromUrl);
    return { roomId, token: fromUrl };
  }
  return { roomId, token: sessionStorage.getItem(`canvas.token.${roomId}`) };
}

export function rememberLinks(roomId: string, links: RoleLinks): void {
  localStorage.setItem(`canvas.links.${roomId}`, JSON.stringify(links));
}

export function rememberedLinks(roomId: string): RoleLinks | null {
  try {
    const parsed = roleLinksSchema.safeParse(JSON.parse(localStorage.getItem(`canvas.links.${roomId}`) ?? "null"));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A path on this origin for a link the server built (it may name another host, e.g. behind a proxy). */
export function localPath(link: string): string {
  const url = new URL(link, window.location.origin);
  return url.pathname + url.search;
}
