// Share links: the owner reads every role's link (sealed under the owner token, auth/sealedLinks.ts),
// rotates one (the old link stops working and its open sockets close) or revokes one. Rotating the owner
// link re-seals the other tokens under the new owner token, so they stay readable to the new owner only.
import { ROLES, type Role } from "../../shared/roles.ts";
import { hashToken, newToken } from "../auth/tokens.ts";
import { openLinks, sealLinks, type RoleTokens, type SealedRole } from "../auth/sealedLinks.ts";
import type { AppContext } from "../appContext.ts";
import type { Store } from "../store/store.ts";
import { requireAccess } from "../http/auth.ts";
import { HttpError, notFound } from "../http/errors.ts";

function isSealedRole(role: Role): role is SealedRole {
  return role !== "owner";
}

/** A new room's non-owner tokens sealed under its owner token (stored with the room, Store.createRoom). */
export function sealedRoomLinks(roomId: string, tokens: Record<Role, string>): Uint8Array {
  const sealed: RoleTokens = {};
  for (const role of ROLES) if (isSealedRole(role)) sealed[role] = tokens[role];
  return sealLinks(tokens.owner, roomId, sealed);
}

async function readSealed(store: Store, roomId: string, ownerToken: string): Promise<RoleTokens> {
  const sealed = await store.getSealedLinks(roomId);
  // A room from before sealed links (or whose blob does not open): nothing is known, links can be renewed.
  return (sealed && openLinks(ownerToken, roomId, sealed)) ?? {};
}

export function linkFor(base: string, roomId: string, token: string): string {
  return `${base}/r/${encodeURIComponent(roomId)}?token=${token}`;
}

export function registerLinkRoutes(app: AppContext): void {
  const { router, store } = app;

  router.add("GET", "/api/rooms/:roomId/links", async (ctx) => {
    const { room } = await requireAccess(store, ctx.params.roomId!, ctx.token, "manage_links");
    const ownerToken = ctx.token!;
    const sealed = await readSealed(store, room.id, ownerToken);
    const base = app.publicUrl(ctx.req);
    const links: Partial<Record<Role, string>> = { owner: linkFor(base, room.id, ownerToken) };
    for (const role of ROLES) {
      const token = isSealedRole(role) ? sealed[role] : undefined;
      if (token && (await store.roleForToken(room.id, hashToken(token))) === role)
        links[role] = linkFor(base, room.id, token);
    }
    const missing = ROLES.filter((role) => !links[role]);
    return { status: 200, json: { roomId: room.id, links, missing } };
  });

  router.add("POST", "/api/rooms/:roomId/links/:role/:op", async (ctx) => {
    const { room } = await requireAccess(store, ctx.params.roomId!, ctx.token, "manage_links");
    const role = ROLES.find((candidate) => candidate === ctx.params.role);
    if (!role)
      throw new HttpError(400, "invalid_role", `Unknown role "${ctx.params.role}". Use one of ${ROLES.join(", ")}.`);
    const ownerToken = ctx.token!;
    if (ctx.params.op === "revoke") {
      // Without an owner link nobody could manage the room again; replacing it is "rotate".
      if (role === "owner")
        throw new HttpError(
          409,
          "last_owner_link",
          "The owner link cannot be revoked: it is the only way to manage this room. Rotate it to replace it.",
        );
      const sealed = await readSealed(store, room.id, ownerToken);
      delete sealed[role];
      // One transaction: a store that refuses it leaves the link and its sealed copy as they were.
      await store.setLink(room.id, role, null, sealLinks(ownerToken, room.id, sealed));
      app.liveLinks.closeRole(room.id, role, `The ${role} link was revoked by the owner.`);
      return { status: 200, json: { role, revoked: true } };
    }
    if (ctx.params.op !== "rotate") throw notFound(`Link operation "${ctx.params.op}"`);
    const sealed = await readSealed(store, room.id, ownerToken);
    const token = newToken();
    if (isSealedRole(role)) sealed[role] = token;
    // Sealed under the key the next owner request will bring, with the hash that makes it valid, in one transaction.
    await store.setLink(
      room.id,
      role,
      hashToken(token),
      sealLinks(role === "owner" ? token : ownerToken, room.id, sealed),
    );
    app.liveLinks.closeRole(room.id, role, `The ${role} link was replaced by a new one; ask the owner for it.`);
    return { status: 200, json: { role, token, link: linkFor(app.publicUrl(ctx.req), room.id, token) } };
  });
}
