// The change log's bounded disk use, the same for both stores (retention.test.ts runs it on a real
// SQLite file, postgresRetention.test.ts on Postgres): more than KEPT_CHANGE_TEXTS changes on one canvas
// keep every record but only the newest texts, the stored bytes stop growing, the oldest edit answers
// "too old" and the newest still undoes; one change on a 100k-word canvas is stored well under its size.
import { expect } from "vitest";
import type * as Y from "yjs";
import { AgentOrigin, applyToolCall } from "../../shared/engine/index.ts";
import { canvasText } from "../../shared/markdown/index.ts";
import { KEPT_CHANGE_TEXTS, UNDO_DROPPED_MESSAGE } from "../../shared/changes.ts";
import { ChangeLog } from "../../server/changes/store.ts";
import { undoChange } from "../../server/changes/undo.ts";
import type { Store } from "../../server/store/store.ts";
import { essay, roomWith } from "../engine/fixtures.ts";

export interface StoredTexts {
  /** Changes stored, and how many of them still have their texts. */
  total: number;
  kept: number;
  /** Bytes of the stored (compressed) texts. */
  bytes: number;
}

/** What the store holds for the changes of `roomId` (one query on the store's own database). */
export type MeasureTexts = (roomId: string) => Promise<StoredTexts>;

const ROOM = "retention-room";
const BY = { role: "editor" as const, name: "Tester" };

/** Sentences of the fixture essay, each unique (it numbers them), to edit one at a time. */
function sentencesOf(text: string): string[] {
  return [...text.matchAll(/[A-Z][a-z']+ [a-z']+ s\d+ [^.]*\./g)].map((match) => match[0]);
}

async function recordEdits(log: ChangeLog, doc: Y.Doc, canvasId: string, from: number, to: number) {
  const sentences = sentencesOf(canvasText(doc, canvasId));
  const ids: string[] = [];
  for (let i = from; i < to; i++) {
    const sentence = sentences[i * 3]!;
    const result = applyToolCall(
      doc,
      {
        name: "edit_canvas",
        arguments: { edits: [{ find: sentence, replace: `${sentence} Edit ${i}.`, all: false }], summary: `Edit ${i}` },
      },
      { canvasId, origin: new AgentOrigin(`${canvasId}-run${i}`) },
    );
    if (!result.ok) throw new Error(`edit ${i} refused: ${result.summary}`);
    ids.push((await log.record(ROOM, result)).id);
  }
  return ids;
}

export async function changesBeyondTheLimitKeepOnlyTheNewestTexts(store: Store, measure: MeasureTexts) {
  const log = new ChangeLog(store);
  // Another canvas of the room: its one change keeps its texts whatever happens on the first canvas.
  const other = roomWith(essay(500, 2));
  const [otherId] = await recordEdits(log, other.doc, other.canvasId, 0, 1);

  const { doc, canvasId } = roomWith(essay(10_000, 5));
  const first = await recordEdits(log, doc, canvasId, 0, KEPT_CHANGE_TEXTS);
  const atLimit = await measure(ROOM);
  expect(atLimit).toMatchObject({ total: KEPT_CHANGE_TEXTS + 1, kept: KEPT_CHANGE_TEXTS + 1 });

  const more = await recordEdits(log, doc, canvasId, KEPT_CHANGE_TEXTS, KEPT_CHANGE_TEXTS + 30);
  const ids = [...first, ...more];
  const after = await measure(ROOM);
  // Every record stays; only the newest KEPT_CHANGE_TEXTS of the canvas (and the other canvas's) keep texts.
  expect(after).toMatchObject({ total: ids.length + 1, kept: KEPT_CHANGE_TEXTS + 1 });
  // 30 more changes cost (about) nothing more: each new one drops an old one's texts.
  expect(after.bytes).toBeLessThan(atLimit.bytes * 1.05);
  expect((await log.list(ROOM, canvasId)).length).toBe(ids.length);

  const oldest = (await log.get(ROOM, ids[0]!))!;
  expect(oldest).toMatchObject({ summary: "Edit 0", status: "applied", textsKept: false, before: "", after: "" });
  expect((await log.get(ROOM, otherId!))!.textsKept).toBe(true);
  const newestKept = (await log.get(ROOM, ids[ids.length - KEPT_CHANGE_TEXTS]!))!;
  expect(newestKept.textsKept).toBe(true);
  expect(newestKept.after).toContain(`Edit ${ids.length - KEPT_CHANGE_TEXTS}.`);

  const textBefore = canvasText(doc, canvasId);
  expect(await undoChange(log, ROOM, doc, ids[0]!, BY)).toEqual({
    ok: false,
    status: 409,
    code: "too_old",
    message: UNDO_DROPPED_MESSAGE,
  });
  expect(canvasText(doc, canvasId)).toBe(textBefore);
  expect((await log.get(ROOM, ids[0]!))!.status).toBe("applied");

  const newest = await undoChange(log, ROOM, doc, ids[ids.length - 1]!, BY);
  expect(newest.ok).toBe(true);
  const text = canvasText(doc, canvasId);
  expect(text).not.toContain(`Edit ${ids.length - 1}.`);
  expect(text).toContain(`Edit ${ids.length - 2}.`);
  expect(text).toContain("Edit 0.");

  // Deleting the room deletes its change log with it.
  await store.deleteRoom(ROOM);
  expect(await measure(ROOM)).toMatchObject({ total: 0, kept: 0 });
}

export async function aChangeOnA100kWordCanvasIsStoredCompressed(store: Store, measure: MeasureTexts) {
  const log = new ChangeLog(store);
  const { doc, canvasId } = roomWith(essay(100_000, 11));
  const [id] = await recordEdits(log, doc, canvasId, 0, 1);
  const change = (await log.get(ROOM, id!))!;
  const raw = Buffer.byteLength(change.before) + Buffer.byteLength(change.after);
  expect(change.before.length).toBeGreaterThan(600_000);
  expect(change.after).toBe(canvasText(doc, canvasId));
  const stored = await measure(ROOM);
  expect(stored).toMatchObject({ total: 1, kept: 1 });
  expect(stored.bytes / raw).toBeLessThan(0.35);
}
