// Share-link tokens: 128 bits of randomness, shown once, stored only as a SHA-256 hash.
import { createHash, randomBytes } from "node:crypto";

export function newToken(): string {
  return randomBytes(16).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Room ids are public (they appear in links) but unguessable enough not to enumerate. */
export function newRoomId(): string {
  return randomBytes(9).toString("base64url");
}
