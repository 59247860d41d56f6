// Who may do what, for the server (HTTP routes and the socket ask `can`) and the client (which
// controls it shows). Policy lives here, apart from transport.
import { z } from "zod";

export const ROLES = ["owner", "editor", "commenter", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  "read", // open the room, read canvases, chat, comments, versions
  "comment", // add, reply to and resolve comments
  "write", // change canvases (socket updates, new canvas, restore, apply suggestion, undo AI change)
  "run_agent", // send chat messages that start model runs, cancel runs
  "manage_links", // see, rotate and revoke share links
  "delete_room", // delete the room and everything in it
] as const;
export type Action = (typeof ACTIONS)[number];

const GRANTS: Record<Role, readonly Action[]> = {
  owner: ["read", "comment", "write", "run_agent", "manage_links", "delete_room"],
  editor: ["read", "comment", "write", "run_agent"],
  commenter: ["read", "comment"],
  viewer: ["read"],
};

export function can(role: Role | null, action: Action): boolean {
  return role !== null && GRANTS[role].includes(action);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** One share link (or token) per role, as the API hands them out when a room is created. */
export const roleLinksSchema = z.object({
  owner: z.string(),
  editor: z.string(),
  commenter: z.string(),
  viewer: z.string(),
} satisfies Record<Role, z.ZodString>);
export type RoleLinks = z.infer<typeof roleLinksSchema>;
