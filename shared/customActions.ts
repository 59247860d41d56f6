// People's own quick actions, shared with the room: a name and an instruction, for documents or code.
// They live in the room's Y.Doc (so everyone sees them appear, change and go, live), written by
// editors through their socket; every reader shape-checks them with zod, because any editor's client
// can write the map. The server resolves a run's `{id: "custom", actionId}` here.
import type * as Y from "yjs";
import { z } from "zod";
import { CANVAS_KINDS, type CanvasKind } from "./tools.ts";
import { ROOM_KEYS } from "./room.ts";

export const CUSTOM_ACTION_LIMITS = { perRoom: 50, name: 60, instruction: 2_000 } as const;

export const customActionSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(CUSTOM_ACTION_LIMITS.name),
  instruction: z.string().trim().min(1).max(CUSTOM_ACTION_LIMITS.instruction),
  kind: z.enum(CANVAS_KINDS),
  createdBy: z.string().max(80),
  updatedAt: z.number(),
});
export type CustomAction = z.infer<typeof customActionSchema>;

export type SaveResult = { ok: true; action: CustomAction } | { ok: false; message: string };

export function customActionsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOM_KEYS.quickActions);
}

/** The room's custom actions (for one kind of canvas, when given), by name; malformed entries are skipped. */
export function listCustomActions(doc: Y.Doc, kind?: CanvasKind): CustomAction[] {
  const actions: CustomAction[] = [];
  for (const value of customActionsMap(doc).values()) {
    const parsed = customActionSchema.safeParse(value);
    if (parsed.success && (!kind || parsed.data.kind === kind)) actions.push(parsed.data);
  }
  return actions.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

export function findCustomAction(doc: Y.Doc, id: string): CustomAction | null {
  const parsed = customActionSchema.safeParse(customActionsMap(doc).get(id));
  return parsed.success ? parsed.data : null;
}

/** Add or update an action (same id = edit), checked against the schema and the per-room limit. */
export function saveCustomAction(doc: Y.Doc, input: CustomAction, origin: unknown): SaveResult {
  const parsed = customActionSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      message: `The action's ${issue?.path.join(".") || "fields"} ${issue?.code === "too_big" ? "is too long" : "is missing or invalid"}.`,
    };
  }
  const map = customActionsMap(doc);
  if (!map.has(parsed.data.id) && map.size >= CUSTOM_ACTION_LIMITS.perRoom)
    return {
      ok: false,
      message: `This room has ${CUSTOM_ACTION_LIMITS.perRoom} custom actions already. Remove one to add another.`,
    };
  doc.transact(() => map.set(parsed.data.id, parsed.data), origin);
  return { ok: true, action: parsed.data };
}

export function removeCustomAction(doc: Y.Doc, id: string, origin: unknown): boolean {
  const map = customActionsMap(doc);
  if (!map.has(id)) return false;
  doc.transact(() => map.delete(id), origin);
  return true;
}
