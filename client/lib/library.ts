// "Your documents": every room this browser has created or opened, kept in localStorage with the link
// it was opened with (the one way back in: the server lists no rooms to anyone). Read with zod, so a
// damaged or old entry is dropped instead of breaking the landing page; capped so it stays small.
import { z } from "zod";
import { ROLES, type Role } from "../../shared/roles.ts";

const KEY = "canvas.library";
const MAX_ENTRIES = 200;
const RANK: Record<Role, number> = { owner: 3, editor: 2, commenter: 1, viewer: 0 };

const entrySchema = z.object({
  roomId: z.string().min(1).max(64),
  token: z.string().min(1).max(200),
  role: z.enum(ROLES),
  title: z.string().max(200),
  canvases: z.number().int().nonnegative(),
  lastActivity: z.number(),
  lastOpened: z.number(),
});
export type LibraryEntry = z.infer<typeof entrySchema>;

export function readLibrary(): LibraryEntry[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(KEY) ?? "[]");
    if (!Array.isArray(raw)) return [];
    return raw.flatMap((item) => {
      const parsed = entrySchema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    });
  } catch {
    return [];
  }
}

function write(entries: LibraryEntry[]): void {
  const kept = [...entries].sort((a, b) => b.lastOpened - a.lastOpened).slice(0, MAX_ENTRIES);
  localStorage.setItem(KEY, JSON.stringify(kept));
  window.dispatchEvent(new Event("canvas-library"));
}

/** Add or refresh a room; a link with a higher role than the one remembered replaces it, a lower one does not. */
export function rememberRoom(entry: Omit<LibraryEntry, "lastOpened"> & { lastOpened?: number }): void {
  const entries = readLibrary();
  const existing = entries.find((item) => item.roomId === entry.roomId);
  const keepOld = existing && RANK[existing.role] > RANK[entry.role];
  const next: LibraryEntry = {
    ...entry,
    token: keepOld ? existing.token : entry.token,
    role: keepOld ? existing.role : entry.role,
    lastOpened: entry.lastOpened ?? Date.now(),
  };
  write([next, ...entries.filter((item) => item.roomId !== entry.roomId)]);
}

/** Update what the library shows of a room (title, canvases, activity) without touching its link. */
export function refreshRoom(
  roomId: string,
  fields: Partial<Pick<LibraryEntry, "title" | "canvases" | "lastActivity">>,
) {
  const entries = readLibrary();
  if (!entries.some((item) => item.roomId === roomId)) return;
  write(entries.map((item) => (item.roomId === roomId ? { ...item, ...fields } : item)));
}

export function forgetRoom(roomId: string): void {
  write(readLibrary().filter((item) => item.roomId !== roomId));
}

/** "just now", "5 min ago", "yesterday", "3 days ago", then the date. */
export function relativeTime(timestamp: number, now = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - timestamp) / 1000));
  if (seconds < 45) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  if (days === 1) return "yesterday";
  if (days < 14) return `${days} days ago`;
  return new Date(timestamp).toLocaleDateString(undefined, { day: "numeric", month: "short", year: "numeric" });
}
