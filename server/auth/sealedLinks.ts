// The other role tokens of a room, kept so an owner in any browser can copy every share link, without
// the server storing a usable token: they are sealed (AES-256-GCM) under a key derived (HKDF-SHA256)
// from the owner token, which the server never stores. Only a request bearing the owner token can open
// them; the database alone (hashes + sealed blob) yields nothing. Rotating the owner link re-seals them
// under the new owner token. The room id is bound as associated data, so a blob moved to another room
// does not open.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { z } from "zod";
import { ROLES, type Role } from "../../shared/roles.ts";

const FORMAT = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const INFO = "canvas sealed share links v1";

export type SealedRole = Exclude<Role, "owner">;
export type RoleTokens = Partial<Record<SealedRole, string>>;

const tokensSchema = z.partialRecord(
  z.enum(ROLES.filter((role): role is SealedRole => role !== "owner") as [SealedRole, ...SealedRole[]]),
  z.string().min(1).max(200),
);

function keyFor(ownerToken: string, roomId: string): Buffer {
  return Buffer.from(hkdfSync("sha256", Buffer.from(ownerToken, "utf8"), Buffer.from(roomId, "utf8"), INFO, 32));
}

/** Seal `tokens` for `roomId` under `ownerToken`: [format | nonce | tag | ciphertext]. */
export function sealLinks(ownerToken: string, roomId: string, tokens: RoleTokens): Uint8Array {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keyFor(ownerToken, roomId), nonce);
  cipher.setAAD(Buffer.from(roomId, "utf8"));
  const body = Buffer.concat([cipher.update(JSON.stringify(tokens), "utf8"), cipher.final()]);
  return new Uint8Array(Buffer.concat([Buffer.from([FORMAT]), nonce, cipher.getAuthTag(), body]));
}

/** The sealed tokens, or null when `ownerToken` is not the one they were sealed with (or the blob is damaged). */
export function openLinks(ownerToken: string, roomId: string, sealed: Uint8Array): RoleTokens | null {
  const bytes = Buffer.from(sealed);
  if (bytes.length < 1 + NONCE_BYTES + TAG_BYTES || bytes[0] !== FORMAT) return null;
  const nonce = bytes.subarray(1, 1 + NONCE_BYTES);
  const tag = bytes.subarray(1 + NONCE_BYTES, 1 + NONCE_BYTES + TAG_BYTES);
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyFor(ownerToken, roomId), nonce);
    decipher.setAAD(Buffer.from(roomId, "utf8"));
    decipher.setAuthTag(tag);
    const text = Buffer.concat([decipher.update(bytes.subarray(1 + NONCE_BYTES + TAG_BYTES)), decipher.final()]);
    const parsed = tokensSchema.safeParse(JSON.parse(text.toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
