// Presence a room can trust. A socket's awareness update is filtered before it reaches the room:
// it may only set or remove the client ids it owns (a few, claimed first come), never the server's
// own (the AI's presence); states are bounded in size; the `ai` flag is the server's alone and a
// display name that imitates the AI is refused. What is filtered out is dropped, not an error: a
// reconnecting client's stale entry is normal, and the rest of its update still applies.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { imitatesAi } from "../../shared/origins.ts";

export interface PresenceLimits {
  /** Client ids one socket may hold presence for (a tab has one). */
  clientsPerSocket: number;
  /** Largest JSON state of one client, in bytes. */
  stateBytes: number;
  /** Presence updates one socket may send per second (bursts of twice that); the rest are dropped. */
  updatesPerSecond: number;
}

export const DEFAULT_PRESENCE_LIMITS: PresenceLimits = { clientsPerSocket: 4, stateBytes: 4096, updatesPerSecond: 20 };

export interface PresenceOwners {
  /** Who holds presence for a client id (a socket's token object), if anyone. */
  get(clientId: number): unknown;
  set(clientId: number, owner: unknown): void;
  delete(clientId: number): void;
}

interface Entry {
  clientId: number;
  clock: number;
  state: string;
}

export interface FilteredPresence {
  /** The update to apply (only allowed entries), or null when nothing is left. */
  update: Uint8Array | null;
  /** How many entries were dropped, for the log. */
  dropped: number;
}

/**
 * Keep the entries of `update` that `owner` may write, claiming free client ids for it (into
 * `owned`, at most `limits.clientsPerSocket`) and releasing those it sets to null. `serverClientId`
 * is the room's own id (the AI's presence). Throws on bytes that do not decode.
 */
export function filterPresence(
  update: Uint8Array,
  owner: unknown,
  owned: Set<number>,
  owners: PresenceOwners,
  serverClientId: number,
  limits: PresenceLimits,
): FilteredPresence {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  if (count > update.byteLength) throw new Error(`awareness update claims ${count} entries`);
  const kept: Entry[] = [];
  let dropped = 0;
  for (let index = 0; index < count; index++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    const entry = allowedEntry({ clientId, clock, state: json }, owner, owned, owners, serverClientId, limits);
    if (entry) kept.push(entry);
    else dropped++;
  }
  return { update: kept.length ? encodeEntries(kept) : null, dropped };
}

function allowedEntry(
  entry: Entry,
  owner: unknown,
  owned: Set<number>,
  owners: PresenceOwners,
  serverClientId: number,
  limits: PresenceLimits,
): Entry | null {
  if (entry.clientId === serverClientId) return null;
  const holder = owners.get(entry.clientId);
  if (holder !== undefined && holder !== owner) return null;
  if (entry.state.length > limits.stateBytes) return null;
  const state = JSON.parse(entry.state) as unknown;
  if (state === null) {
    if (holder !== owner) return null;
    owned.delete(entry.clientId);
    owners.delete(entry.clientId);
    return entry;
  }
  if (typeof state !== "object" || Array.isArray(state)) return null;
  const fields = { ...(state as Record<string, unknown>) };
  const user = fields.user;
  if (user && typeof user === "object" && "name" in user && typeof user.name === "string" && imitatesAi(user.name))
    return null;
  if (holder === undefined) {
    if (owned.size >= limits.clientsPerSocket) return null;
    owned.add(entry.clientId);
    owners.set(entry.clientId, owner);
  }
  if (!("ai" in fields)) return entry;
  delete fields.ai;
  return { ...entry, state: JSON.stringify(fields) };
}

function encodeEntries(entries: Entry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.state);
  }
  return encoding.toUint8Array(encoder);
}
