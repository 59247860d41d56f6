// Product feedback → draft eval cases (PRODUCT.md: "what users undo or thumbs-down becomes new cases").
// Reads the `feedback` table of the server's SQLite database (DATA_DIR, default ./data, canvas.db) and
// writes evals/data/drafts/<suite>.jsonl. Every draft carries `review: true` and a `note` saying what
// happened: labels from feedback are guesses (a thumbs-down says the answer was wrong, not what the
// right one is) until a person reads the case, fixes the expectation and moves it into a dataset.
// CLI: npm run eval:export-feedback [-- --db path/to/canvas.db] [--out evals/data/drafts]
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { z } from "zod";
import { parseDataset, type CommentCase, type EditCase, type Suite, type TriggerCase } from "./dataset.ts";
import { FEEDBACK_COLUMNS, type FeedbackRow as StoredFeedbackRow } from "../server/store/rows.ts";
import { DB_FILE } from "../server/store/sqlite.ts";

/** A row of the SQLite feedback table (SQLite returns its BIGINTs as numbers). */
export type FeedbackRow = StoredFeedbackRow & { created_at: number };

const toolCallContext = z.object({ name: z.string(), arguments: z.unknown(), applied: z.boolean().optional() });
const thumbsContext = z.object({
  userText: z.string(),
  canvas: z.string().nullable().optional(),
  canvasKind: z.enum(["document", "code"]).nullable().optional(),
  canvasTitle: z.string().nullable().optional(),
  selection: z.string().nullable().optional(),
  toolCalls: z.array(toolCallContext).default([]),
});
const undoContext = z.object({
  change: z.object({ before: z.string(), after: z.string(), summary: z.string() }).nullable(),
});
const commentArgs = z.object({
  comments: z.array(z.object({ quote: z.string(), severity: z.enum(["info", "suggestion", "issue"]) })),
});

export interface Drafts {
  trigger: TriggerCase[];
  edit: EditCase[];
  comment: CommentCase[];
  skipped: { id: string; reason: string }[];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

// Older feedback rows do not record the canvas kind; source code rarely reads like prose with blank-line paragraphs.
function guessKind(text: string): "document" | "code" {
  const codeLines = text
    .split("\n")
    .filter((line) =>
      /[;{}()=]\s*$|^\s*(def|function|class|import|export|const|let|return|if|for)\b/.test(line),
    ).length;
  return codeLines >= Math.max(3, text.split("\n").length * 0.3) ? "code" : "document";
}

export function feedbackToDrafts(rows: readonly FeedbackRow[]): Drafts {
  const drafts: Drafts = { trigger: [], edit: [], comment: [], skipped: [] };
  const thumbsByRun = new Map<string, z.infer<typeof thumbsContext>>();
  for (const row of rows) {
    const parsed = thumbsContext.safeParse(parseJson(row.context_json));
    if (row.kind === "thumbs" && row.run_id && parsed.success) thumbsByRun.set(row.run_id, parsed.data);
  }
  for (const row of rows) {
    const id = `feedback-${row.id}`;
    const when = new Date(row.created_at).toISOString();
    if (row.kind === "thumbs") {
      const parsed = thumbsContext.safeParse(parseJson(row.context_json));
      if (!parsed.success) {
        drafts.skipped.push({
          id: row.id,
          reason: "thumbs feedback without the run's context (the run had ended before the vote)",
        });
        continue;
      }
      const context = parsed.data;
      const up = row.value === "up";
      const names = context.toolCalls.filter((call) => call.applied !== false).map((call) => call.name);
      const canvas = context.canvas
        ? {
            kind: context.canvasKind ?? guessKind(context.canvas),
            title: context.canvasTitle ?? "Canvas from feedback",
            content: context.canvas,
          }
        : undefined;
      const note = `thumbs ${row.value} on ${when} (room ${row.room_id}, run ${row.run_id ?? "?"}); the turn called: ${names.join(", ") || "no tool"}`;
      if (names.includes("comment_canvas") && canvas) {
        const call = context.toolCalls.find((item) => item.name === "comment_canvas");
        const args = commentArgs.safeParse(
          typeof call?.arguments === "string" ? parseJson(call.arguments) : call?.arguments,
        );
        const issues =
          up && args.success
            ? args.data.comments.map((comment) => ({
                quote: comment.quote,
                kind: "style" as const,
                severity: comment.severity,
              }))
            : [];
        drafts.comment.push({
          id,
          split: "test",
          slice: "feedback",
          review: true,
          note: `${note}; ${up ? "liked comments kept as issues (set their kinds)" : "disliked: treated as a clean canvas"}`,
          canvas,
          instruction: context.userText,
          issues,
        });
      } else if ((names.includes("edit_canvas") || names.includes("rewrite_canvas")) && canvas) {
        const used = names.includes("edit_canvas") ? "targeted" : "rewrite";
        const mode = up ? used : used === "targeted" ? "rewrite" : "targeted";
        drafts.edit.push({
          id,
          split: "test",
          slice: "feedback",
          review: true,
          note: `${note}; expected mode is a guess (${up ? "the mode used" : "the other mode"}): add content checks`,
          canvas,
          instruction: context.userText,
          ...(context.selection ? { selection: context.selection } : {}),
          expect: { mode },
        });
      } else {
        const opened = names.includes("create_canvas");
        const expected = up === opened ? "canvas" : "chat";
        drafts.trigger.push({
          id,
          split: "test",
          slice: "feedback",
          review: true,
          note,
          prompt: context.userText,
          ...(canvas ? { canvas } : {}),
          expect: expected,
        });
      }
    } else if (row.kind === "undo") {
      const parsed = undoContext.safeParse(parseJson(row.context_json));
      if (!parsed.success || !parsed.data.change) {
        drafts.skipped.push({ id: row.id, reason: "undo without the change it undid" });
        continue;
      }
      const { change } = parsed.data;
      const request = row.run_id ? thumbsByRun.get(row.run_id) : undefined;
      drafts.edit.push({
        id,
        split: "test",
        slice: "feedback-undo",
        review: true,
        note: `undone on ${when} (run ${row.run_id ?? "?"}): "${change.summary}". The undone result must not come back: add checks.${request ? "" : " The request was not recorded: write the instruction."}`,
        canvas: { kind: guessKind(change.before), title: "Canvas from feedback", content: change.before },
        instruction: request?.userText ?? `(unknown request of run ${row.run_id ?? "?"}: fill in)`,
        expect: { mode: "targeted" },
      });
    } else {
      drafts.skipped.push({ id: row.id, reason: `${row.kind} feedback has no canvas text to build a case from` });
    }
  }
  return drafts;
}

export function readFeedback(dbFile: string): FeedbackRow[] {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(`SELECT ${FEEDBACK_COLUMNS} FROM feedback ORDER BY created_at`).all() as FeedbackRow[];
  } finally {
    db.close();
  }
}

/** Writes the drafts that pass dataset validation; returns counts and what was dropped, and why. */
export async function writeDrafts(
  drafts: Drafts,
  outDir: string,
): Promise<{ written: Record<Suite, number>; dropped: string[] }> {
  await mkdir(outDir, { recursive: true });
  const written: Record<Suite, number> = { trigger: 0, edit: 0, comment: 0 };
  const dropped: string[] = drafts.skipped.map((item) => `${item.id}: ${item.reason}`);
  for (const suite of ["trigger", "edit", "comment"] as const) {
    const lines = drafts[suite].map((item) => JSON.stringify(item));
    const valid = lines.filter((line, index) => {
      const parsed = parseDataset(suite, line);
      if (!parsed.ok) dropped.push(`${drafts[suite][index]!.id}: ${parsed.errors[0]?.message ?? "invalid"}`);
      return parsed.ok;
    });
    if (!valid.length) continue;
    await writeFile(join(outDir, `${suite}.jsonl`), `${valid.join("\n")}\n`);
    written[suite] = valid.length;
  }
  return { written, dropped };
}

async function main(argv: string[]): Promise<number> {
  const flag = (name: string): string | undefined => {
    const index = argv.indexOf(name);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const dbFile = flag("--db") ?? join(process.env.DATA_DIR ?? "./data", DB_FILE);
  const outDir = flag("--out") ?? "evals/data/drafts";
  let rows: FeedbackRow[];
  try {
    rows = readFeedback(dbFile);
  } catch (error) {
    console.error(
      `Cannot read feedback from ${dbFile}: ${error instanceof Error ? error.message : String(error)}. Set DATA_DIR or pass --db.`,
    );
    return 2;
  }
  const { written, dropped } = await writeDrafts(feedbackToDrafts(rows), outDir);
  console.log(
    `${rows.length} feedback rows → drafts in ${outDir}: ${Object.entries(written)
      .map(([suite, n]) => `${suite} ${n}`)
      .join(", ")}`,
  );
  if (dropped.length)
    console.log(`Not exported (${dropped.length}):\n${dropped.map((line) => `- ${line}`).join("\n")}`);
  console.log(
    "Drafts are marked review: true. Read each one, fix its expectation, then move it into evals/data/*.jsonl.",
  );
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = await main(process.argv.slice(2));
}
