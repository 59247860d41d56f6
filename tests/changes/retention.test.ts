// The change log's disk use is bounded, on a real SQLite file: compressed texts, only the newest
// KEPT_CHANGE_TEXTS changes of a canvas keep theirs; through the real server and fake model, an older
// edit's diff says it is gone and its undo answers 409 in people's words, the newest still undoes.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { canvasText } from "../../shared/markdown/index.ts";
import { listCanvases } from "../../shared/room.ts";
import {
  DIFF_DROPPED_MESSAGE,
  KEPT_CHANGE_TEXTS,
  UNDO_DROPPED_MESSAGE,
  type ChangeSummary,
} from "../../shared/changes.ts";
import { DB_FILE, SqliteStore } from "../../server/store/sqlite.ts";
import { startAgentHarness } from "../agent/harness.ts";
import {
  aChangeOnA100kWordCanvasIsStoredCompressed,
  changesBeyondTheLimitKeepOnlyTheNewestTexts,
  type MeasureTexts,
} from "./retention.ts";

/** What the SQLite file holds: rows, rows with texts, bytes of texts, and the table's pages on disk. */
function measureFile(dir: string) {
  const db = new Database(join(dir, DB_FILE), { readonly: true, fileMustExist: true });
  const texts = db.prepare(
    "SELECT count(*) AS total, count(before_text) AS kept, coalesce(sum(length(before_text) + length(after_text)), 0) AS bytes FROM changes WHERE room_id = ?",
  );
  const pages = db.prepare("SELECT sum(pgsize) AS bytes FROM dbstat WHERE name = 'changes'");
  return {
    texts: (async (roomId) =>
      texts.get(roomId) as { total: number; kept: number; bytes: number }) satisfies MeasureTexts,
    tableBytes: () => (pages.get() as { bytes: number }).bytes,
    close: () => db.close(),
  };
}

describe("change log retention (SQLite file)", () => {
  let dir: string;
  let store: SqliteStore;
  let file: ReturnType<typeof measureFile>;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "canvas-retention-"));
    store = new SqliteStore(dir);
    file = measureFile(dir);
  });
  afterEach(async () => {
    file.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`more than ${KEPT_CHANGE_TEXTS} changes on a canvas keep every record but only the newest texts; the oldest edit is too old to undo, the newest undoes`, async () => {
    let atLimit = 0;
    const measure: MeasureTexts = async (roomId) => {
      const stored = await file.texts(roomId);
      if (stored.total === KEPT_CHANGE_TEXTS + 1) atLimit = file.tableBytes();
      return stored;
    };
    await changesBeyondTheLimitKeepOnlyTheNewestTexts(store, measure);
    // The table on disk (pages, overflow included) stops growing too: dropped texts' pages are reused.
    expect(atLimit).toBeGreaterThan(0);
    expect(file.tableBytes()).toBeLessThan(atLimit * 1.15);
  });

  it("one change on a 100k-word canvas is stored in well under the size of its two texts", async () => {
    await aChangeOnA100kWordCanvasIsStoredCompressed(store, file.texts);
  });
});

describe("change log retention through the server", () => {
  it("an edit older than the newest kept ones shows no diff and answers 409 to undo; the newest still undoes", async () => {
    const harness = await startAgentHarness({ timeoutMs: 2_000, maxRetries: 1 });
    try {
      const api = (path: string, method = "GET") =>
        harness.server.api(`/api/rooms/${harness.room.roomId}${path}`, {
          method,
          token: harness.room.tokens.editor,
          ...(method === "POST" ? { body: {} } : {}),
        });
      const lines = Array.from({ length: KEPT_CHANGE_TEXTS + 2 }, (_, i) => `Line ${i} stays.`);
      harness.fake.script([
        {
          toolCall: {
            name: "create_canvas",
            arguments: { title: "Lines", kind: "document", language: null, content: lines.join("\n\n") },
          },
        },
      ]);
      expect((await harness.run({ text: "Write lines" })).status).toBe("done");
      const canvasId = listCanvases(await harness.doc())[0]!.id;
      for (let i = 0; i < KEPT_CHANGE_TEXTS + 1; i++) {
        harness.fake.script([
          {
            toolCall: {
              name: "edit_canvas",
              arguments: {
                edits: [{ find: `Line ${i} stays.`, replace: `Line ${i} moved.`, all: false }],
                summary: `Edit ${i}`,
              },
            },
          },
        ]);
        expect((await harness.run({ text: `Edit ${i}`, canvasId })).status).toBe("done");
      }
      const listed = (await api(`/changes?canvasId=${canvasId}`)).json as { changes: ChangeSummary[] };
      expect(listed.changes).toHaveLength(KEPT_CHANGE_TEXTS + 2);
      const oldestEdit = listed.changes.find((change) => change.summary === "Edit 0")!;

      const shown = await api(`/changes/${oldestEdit.id}`);
      expect(shown.status).toBe(200);
      expect(shown.json).toMatchObject({ textsKept: false, before: "", after: "", message: DIFF_DROPPED_MESSAGE });

      const refused = await api(`/changes/${oldestEdit.id}/undo`, "POST");
      expect(refused.status).toBe(409);
      expect(refused.text).toContain(UNDO_DROPPED_MESSAGE);
      expect(canvasText(await harness.doc(), canvasId)).toContain("Line 0 moved.");

      const newest = listed.changes[0]!;
      expect(newest.summary).toBe(`Edit ${KEPT_CHANGE_TEXTS}`);
      expect((await api(`/changes/${newest.id}`)).json).toMatchObject({ textsKept: true });
      expect((await api(`/changes/${newest.id}/undo`, "POST")).status).toBe(200);
      const text = canvasText(await harness.doc(), canvasId);
      expect(text).toContain(`Line ${KEPT_CHANGE_TEXTS} stays.`);
      expect(text).toContain(`Line ${KEPT_CHANGE_TEXTS - 1} moved.`);
    } finally {
      await harness.close();
    }
  });
});
