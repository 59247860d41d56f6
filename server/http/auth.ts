// Turns a request's token into a role for a room, or the HTTP error that says why not.
import { can, type Action, type Role } from "../../shared/roles.ts";
import { hashToken } from "../auth/tokens.ts";
import type { RoomRecord, Store } from "../store/store.ts";
import { HttpError } from "./errors.ts";

export interface Access {
  room: RoomRecord;
  role: Role;
}

export type AccessResult =
  { ok: true; access: Access } | { ok: false; status: 401 | 403 | 404; code: string; message: string };

/** Shared by HTTP routes and the websocket upgrade so both apply the same rules. */
export async function checkAccess(
  store: Store,
  roomId: string,
  token: string | null,
  action: Action,
): Promise<AccessResult> {
  const room = await store.getRoom(roomId);
  if (!room) return { ok: false, status: 404, code: "room_not_found", message: `Room ${roomId} does not exist.` };
  if (!token) return { ok: false, status: 401, code: "token_required", message: "This room needs a share-link token." };
  const role = await store.roleForToken(roomId, hashToken(token));
  if (!role) {
    return {
      ok: false,
      status: 401,
      code: "invalid_token",
      message: "This link is not valid for this room (wrong, rotated or revoked).",
    };
  }
  if (!can(role, action)) {
    return { ok: false, status: 403, code: "forbidden", message: `A ${role} link cannot ${describe(action)}.` };
  }
  return { ok: true, access: { room, role } };
}

export async function requireAccess(
  store: Store,
  roomId: string,
  token: string | null,
  action: Action,
): Promise<Access> {
  const result = await checkAccess(store, roomId, token, action);
  if (!result.ok) throw new HttpError(result.status, result.code, result.message);
  return result.access;
}

function describe(action: Action): string {
  switch (action) {
    case "read":
      return "open this room";
    case "comment":
      return "comment";
    case "write":
      return "change the canvas";
    case "run_agent":
      return "ask the model to work";
    case "manage_links":
      return "manage share links";
    case "delete_room":
      return "delete this room";
    default:
      return action satisfies never;
  }
}
