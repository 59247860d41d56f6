import { describe, expect, it } from "vitest";
import { decideLocal } from "../../server/agent/local/index.ts";
import { reviewCode, LONG_FUNCTION_LINES } from "../../server/agent/local/codeReview.ts";
import { MAX_COMMENTS, reviewDocument } from "../../server/agent/local/review.ts";
import type { CommentSpec } from "../../shared/tools.ts";
import { codeCanvas, documentCanvas, onCanvas, turn, validCall } from "./helpers.ts";

const PLANTED = `# Remote work

The policy was approved by the board last spring. Our team recieved the news with relief, and the the office emptied within a week.

Working from home gives people time back. We will utilize the savings in order to fund better equipment.
`;

const CLEAN = `# Remote work

Our team works from home three days a week. People save an hour of commuting each day.

We spend the savings on better equipment and a yearly retreat.
`;

function commentsOf(decision: Awaited<ReturnType<typeof decideLocal>>): CommentSpec[] {
  const call = validCall(decision);
  if (call.name !== "comment_canvas") throw new Error(`expected comment_canvas, got ${call.name}`);
  return call.arguments.comments;
}

function expectExactUniqueQuotes(content: string, comments: CommentSpec[]): void {
  for (const comment of comments) {
    expect(content.split(comment.quote).length - 1, comment.quote).toBe(1);
  }
}

describe("offline comments on documents", () => {
  it("comments on planted passive voice, misspelling and repeated word, quoting the canvas exactly", async () => {
    const comments = commentsOf(await decideLocal(onCanvas("critique this", documentCanvas(PLANTED))));
    expectExactUniqueQuotes(PLANTED, comments);
    const byQuote = new Map(comments.map((comment) => [comment.quote, comment]));
    expect(byQuote.get("recieved")).toMatchObject({ severity: "issue", suggestion: "received" });
    expect(byQuote.get("the the")).toMatchObject({ severity: "issue", suggestion: "the" });
    expect(byQuote.get("was approved")).toMatchObject({ severity: "suggestion", suggestion: null });
    expect(byQuote.get("was approved")?.comment).toMatch(/[Pp]assive/);
    expect(byQuote.get("utilize")).toMatchObject({ severity: "suggestion", suggestion: "use" });
  });

  it("leaves no comment on a clean text and says no issues were found", async () => {
    const decision = await decideLocal(onCanvas("review this", documentCanvas(CLEAN)));
    expect(decision.toolCall).toBeNull();
    expect(decision.text).toMatch(/No issues found/);
  });

  it("flags the placeholders of its own outline, so critiquing a fresh scaffold says what is unfinished", async () => {
    const created = validCall(await decideLocal(turn("Write an essay about lighthouses")));
    if (created.name !== "create_canvas") throw new Error(created.name);
    const content = created.arguments.content;
    const comments = commentsOf(await decideLocal(onCanvas("critique this", documentCanvas(content))));
    expect(comments.length).toBe(content.split("*Placeholder:").length - 1);
    expect(comments.every((comment) => comment.severity === "info" && comment.quote.startsWith("Placeholder:"))).toBe(
      true,
    );
    expectExactUniqueQuotes(content, comments);
  });

  it("flags a very hard sentence as information", async () => {
    const content =
      "Notwithstanding the aforementioned considerations, the organisational restructuring necessitated comprehensive reevaluation of interdepartmental communication methodologies and institutional accountability mechanisms.\n";
    const comments = await reviewDocument(content);
    expect(comments.some((comment) => comment.severity === "info" && /hard to read/.test(comment.comment))).toBe(true);
    expectExactUniqueQuotes(content, comments);
  });

  it("extends a quote until it is unique", async () => {
    const content = "We recieved the keys. They recieved the map.\n";
    const comments = await reviewDocument(content);
    expect(comments.map((comment) => comment.quote)).toEqual(["We recieved the", "They recieved the"]);
    expect(comments.map((comment) => comment.suggestion)).toEqual(["We received the", "They received the"]);
    expectExactUniqueQuotes(content, comments);
  });

  it("says the same style advice once, not on every occurrence", async () => {
    const content = "The plan was written by Ana. Then the memo was written by Bo.\n";
    const passives = (await reviewDocument(content)).filter((comment) => /assive/.test(comment.comment));
    expect(passives).toHaveLength(1);
  });

  it("does not flag British spellings, foreign phrases or unknown words it cannot fix", async () => {
    const content = "The colour scheme was standardised. We ate a pastel de nata near the harbour.\n";
    expect(await reviewDocument(content)).toEqual([]);
  });

  it("never quotes markdown syntax, inline code or URLs (link text is prose and is checked)", async () => {
    const content =
      "Read **the recieved** notes at [the documantation](https://exmaple.com/docs) and run `recieve()`.\n";
    const comments = await reviewDocument(content);
    expect(comments.map((comment) => comment.quote)).toEqual(["recieved", "documantation"]);
  });

  it(`keeps at most ${MAX_COMMENTS} comments, issues first, one per quote`, async () => {
    const typos = [
      "recieved",
      "seperate",
      "goverment",
      "wich",
      "becuase",
      "definately",
      "occured",
      "untill",
      "tommorow",
      "beleive",
    ];
    const content =
      typos.map((typo, index) => `Sentence ${index + 1} has ${typo} in it and was written by someone.`).join("\n\n") +
      "\n";
    const comments = await reviewDocument(content);
    expect(comments.length).toBeLessThanOrEqual(MAX_COMMENTS);
    expect(new Set(comments.map((comment) => comment.quote)).size).toBe(comments.length);
    expect(comments.every((comment) => comment.severity === "issue")).toBe(true);
  });

  it("reviews only the selection when there is one", async () => {
    const decision = await decideLocal(
      onCanvas(
        "any feedback?",
        documentCanvas(PLANTED),
        "Working from home gives people time back. We will utilize the savings in order to fund better equipment.",
      ),
    );
    const quotes = commentsOf(decision).map((comment) => comment.quote);
    expect(quotes).toEqual(["utilize", "in order to"]);
  });
});

const TS = `import { readFile } from "node:fs/promises";

// TODO: support YAML
export async function loadConfig(path: string): Promise<any> {
  const raw = await readFile(path, "utf8");
  const unused = 42;
  console.log("loaded", raw.length);
  try {
    return JSON.parse(raw);
  } catch (error) {}
  if (raw.length == 0) return null;
}
`;

describe("offline comments on code", () => {
  it("flags console.log, TODO, any, an unused variable, an empty catch and loose equality", async () => {
    const comments = commentsOf(await decideLocal(onCanvas("review my code", codeCanvas(TS, "typescript"))));
    expectExactUniqueQuotes(TS, comments);
    const quotes = comments.map((comment) => comment.quote);
    expect(quotes).toEqual([
      "TODO: support YAML",
      "Promise<any",
      "const unused",
      'console.log("loaded", raw.length);',
      "catch (error) {}",
      "if (raw.length == 0) return null;",
    ]);
    const loose = comments.find((comment) => comment.quote.includes("=="));
    expect(loose).toMatchObject({ severity: "issue", suggestion: "if (raw.length === 0) return null;" });
    expect(comments.find((comment) => comment.quote === "Promise<any")?.suggestion).toBe("Promise<unknown");
  });

  it("flags print debugging, FIXME, unused variables and bare except/pass in Python", () => {
    const source = `import sys

def main():
    # FIXME: handle empty input
    data = sys.stdin.read()
    count = len(data)
    print("debug", data)
    try:
        sys.stdout.write(data)
    except Exception:
        pass
`;
    const comments = reviewCode(source, "python");
    expect(comments.map((comment) => comment.quote)).toEqual([
      "FIXME: handle empty input",
      "count =",
      'print("debug", data)',
      "except Exception:",
    ]);
  });

  it(`flags functions longer than ${LONG_FUNCTION_LINES} lines`, () => {
    const body = Array.from({ length: LONG_FUNCTION_LINES + 5 }, (_, index) => `  total += ${index};`).join("\n");
    const source = `export function sum(): number {\n  let total = 0;\n${body}\n  return total;\n}\n`;
    const comments = reviewCode(source, "typescript");
    expect(comments).toHaveLength(1);
    expect(comments[0]).toMatchObject({ quote: "export function sum(): number {", severity: "info" });
    expect(comments[0]!.comment).toContain(`${LONG_FUNCTION_LINES + 9} lines`);
  });

  it("leaves no comment on clean code and says so", async () => {
    const decision = await decideLocal(
      onCanvas(
        "review_code",
        codeCanvas("export const add = (a: number, b: number): number => a + b;\n", "typescript"),
        null,
        { id: "review_code" },
      ),
    );
    expect(decision.toolCall).toBeNull();
    expect(decision.text).toMatch(/No issues found/);
  });

  it("does not flag strict equality or == null checks", () => {
    expect(
      reviewCode("export function f(a: unknown): boolean {\n  return a === 1 || a == null;\n}\n", "typescript"),
    ).toEqual([]);
  });
});
