import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { feedbackToDrafts, readFeedback, writeDrafts } from "../../evals/exportFeedback.ts";
import { parseDataset } from "../../evals/dataset.ts";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "canvas-feedback-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const essay = "# Trees\n\nCities should plant more trees. They cool streets in summer.";

function seedDb(file: string): void {
  const db = new Database(file);
  db.exec(
    "CREATE TABLE feedback (id TEXT PRIMARY KEY, room_id TEXT NOT NULL, run_id TEXT, kind TEXT NOT NULL, value TEXT NOT NULL, context_json TEXT NOT NULL, created_at INTEGER NOT NULL)",
  );
  const insert = db.prepare("INSERT INTO feedback VALUES (?, ?, ?, ?, ?, ?, ?)");
  const thumbs = (userText: string, canvas: string | null, toolCalls: unknown[]) =>
    JSON.stringify({ userText, canvasId: canvas ? "c1" : null, canvas, selection: null, toolCalls, messageId: null });
  insert.run(
    "f1",
    "room",
    "r1",
    "thumbs",
    "down",
    thumbs("What is a haiku?", null, [
      { name: "create_canvas", arguments: {}, valid: true, applied: true, error: null },
    ]),
    1,
  );
  insert.run(
    "f2",
    "room",
    "r2",
    "thumbs",
    "up",
    thumbs("Review this", essay, [
      {
        name: "comment_canvas",
        arguments: {
          comments: [
            {
              quote: "They cool streets in summer.",
              comment: "Cite a source.",
              severity: "suggestion",
              suggestion: null,
            },
          ],
        },
        valid: true,
        applied: true,
        error: null,
      },
    ]),
    2,
  );
  insert.run(
    "f3",
    "room",
    "r3",
    "thumbs",
    "down",
    thumbs("Make the intro friendlier", essay, [
      { name: "rewrite_canvas", arguments: { content: "x", summary: "s" }, valid: true, applied: true, error: null },
    ]),
    3,
  );
  insert.run(
    "f4",
    "room",
    "r3",
    "undo",
    "undo",
    JSON.stringify({
      canvasId: "c1",
      change: { runId: "r3", canvasId: "c1", before: essay, after: "x", summary: "Rewrote it" },
    }),
    4,
  );
  insert.run("f5", "room", "r4", "accept", "apply_suggestion", JSON.stringify({ comment: {}, canvasId: "c1" }), 5);
  db.close();
}

describe("feedback export", () => {
  it("turns thumbs and undo events into draft cases marked for review", async () => {
    const file = join(dir, "canvas.db");
    seedDb(file);
    const drafts = feedbackToDrafts(readFeedback(file));
    expect(drafts.trigger).toEqual([
      expect.objectContaining({ prompt: "What is a haiku?", expect: "chat", review: true }),
    ]);
    expect(drafts.comment[0]).toMatchObject({
      instruction: "Review this",
      issues: [{ quote: "They cool streets in summer.", severity: "suggestion" }],
      review: true,
    });
    const [rewriteDown, undo] = drafts.edit;
    expect(rewriteDown).toMatchObject({
      instruction: "Make the intro friendlier",
      expect: { mode: "targeted" },
      review: true,
    });
    expect(undo).toMatchObject({
      slice: "feedback-undo",
      instruction: "Make the intro friendlier",
      canvas: { content: essay },
    });
    expect(drafts.skipped.map((item) => item.id)).toEqual(["f5"]);

    const out = join(dir, "drafts");
    const { written } = await writeDrafts(drafts, out);
    expect(written).toEqual({ trigger: 1, edit: 2, comment: 1 });
    const editDrafts = parseDataset("edit", await readFile(join(out, "edit.jsonl"), "utf8"));
    expect(editDrafts.ok).toBe(true);
  });
});
