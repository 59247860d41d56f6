// Who I am in a room: a random name and colour kept in localStorage, editable from the header.
import { z } from "zod";
import { imitatesAi } from "../../shared/origins.ts";

export interface Identity {
  id: string;
  name: string;
  color: string;
}

const KEY = "canvas.identity";
const identitySchema = z.object({
  id: z.string().min(1),
  // The server drops presence that imitates the AI, so such a name is never kept.
  name: z
    .string()
    .min(1)
    .max(80)
    .refine((name) => !imitatesAi(name)),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
});

const ADJECTIVES = ["Brisk", "Calm", "Clever", "Curious", "Gentle", "Lucid", "Nimble", "Quiet", "Sunny", "Witty"];
const ANIMALS = ["Otter", "Heron", "Fox", "Lynx", "Panda", "Robin", "Marten", "Ibis", "Koala", "Finch"];
// Dark enough for white caret labels to meet WCAG AA contrast.
export const IDENTITY_COLORS = [
  "#2563eb",
  "#db2777",
  "#0f766e",
  "#c2410c",
  "#7c3aed",
  "#15803d",
  "#b45309",
  "#be123c",
  "#0369a1",
  "#4d7c0f",
];

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)]!;
}

function randomIdentity(): Identity {
  return {
    id: globalThis.crypto.randomUUID(),
    name: `${pick(ADJECTIVES)} ${pick(ANIMALS)}`,
    color: pick(IDENTITY_COLORS),
  };
}

export function loadIdentity(): Identity {
  try {
    const stored = identitySchema.safeParse(JSON.parse(localStorage.getItem(KEY) ?? "null"));
    if (stored.success) return stored.data;
  } catch {
    // Corrupt storage: fall through to a fresh identity.
  }
  const fresh = randomIdentity();
  saveIdentity(fresh);
  return fresh;
}

export function saveIdentity(identity: Identity): void {
  localStorage.setItem(KEY, JSON.stringify(identity));
}
