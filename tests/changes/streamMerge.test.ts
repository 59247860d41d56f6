// A person types while the model streams into the canvas (the seam, two Y.Docs that exchange their
// updates like a server and a y-websocket client): every word they typed is in the final canvas or in a
// comment that keeps it, and both sides converge. Randomised over interleavings with fast-check.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import * as Y from "yjs";
import { addKeptEditComments, AgentOrigin, openToolCall, watchLateTyping } from "../../shared/engine/index.ts";
import { AI_AUTHOR } from "../../shared/origins.ts";
import { merge3 } from "../../shared/engine/merge.ts";
import { canvasText } from "../../shared/markdown/index.ts";
import { canvasesMap, canvasFragment, commentsMap, listCanvases } from "../../shared/room.ts";
import { roomWith } from "../engine/fixtures.ts";
import { linked } from "./linkedDocs.ts";

/** Type `word` into block `index` (mod the block count) of the person's canvas, at its start or end. */
function typeWord(doc: Y.Doc, canvasId: string, index: number, atEnd: boolean, word: string): boolean {
  const blocks = canvasFragment(doc, canvasId)
    .toArray()
    .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === "paragraph");
  if (!blocks.length) return false;
  const block = blocks[index % blocks.length]!;
  let text = block.toArray().find((child): child is Y.XmlText => child instanceof Y.XmlText);
  if (!text) {
    text = new Y.XmlText();
    block.insert(0, [text]);
  }
  text.insert(atEnd ? text.length : 0, atEnd ? ` ${word}` : `${word} `);
  return true;
}

function kept(doc: Y.Doc, canvasId: string, word: string): boolean {
  if (canvasText(doc, canvasId).includes(word)) return true;
  return [...commentsMap(doc).values()].some((comment) => comment.body.includes(word));
}

const ORIGINAL = Array.from({ length: 8 }, (_, i) => `Old paragraph ${i} tells the story of the harbour.`).join("\n\n");
const TRANSLATION = Array.from({ length: 8 }, (_, i) => `Le paragraphe ${i} raconte le port.`).join("\n\n");
const SHORTER = ["# Short", "Only two paragraphs remain.", "The rest was cut."].join("\n\n");
const KEEPS_HALF = ORIGINAL.split("\n\n")
  .map((paragraph, i) => (i % 2 ? paragraph : `Rewritten paragraph ${i}.`))
  .join("\n\n");

type Action =
  | { kind: "chunk" }
  | { kind: "type"; block: number; atEnd: boolean }
  | { kind: "toServer" }
  | {
      kind: "toPerson";
    };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.constant<Action>({ kind: "chunk" }),
  fc.record({ kind: fc.constant("type" as const), block: fc.nat(20), atEnd: fc.boolean() }),
  fc.constant<Action>({ kind: "toServer" }),
  fc.constant<Action>({ kind: "toPerson" }),
);

/** Stream `content` into a rewrite of the room's canvas (or a new canvas) while `actions` interleave typing. */
function play(
  tool: "rewrite_canvas" | "create_canvas",
  content: string,
  actions: Action[],
  chunk: number,
  inFlight: boolean,
) {
  const { doc: server, canvasId: fixtureId } = roomWith(ORIGINAL);
  const link = linked(server);
  const origin = new AgentOrigin("run");
  // What the server does around a run: typing that arrives for a block the run removed is kept.
  const stopWatching = watchLateTyping(server, (late) => {
    for (const { canvasId, edit } of late)
      addKeptEditComments(server, canvasesMap(server).get(canvasId)!, [edit], origin, AI_AUTHOR, null);
  });
  const call =
    tool === "rewrite_canvas"
      ? openToolCall(server, tool, { canvasId: fixtureId, origin, seen: ORIGINAL }, { summary: "Translate" })
      : openToolCall(server, tool, { canvasId: null, origin }, { title: "New", kind: "document", language: null });
  const typed: string[] = [];
  let sent = 0;
  for (const step of actions) {
    if (step.kind === "chunk" && sent < content.length) {
      call.appendContent(content.slice(sent, sent + chunk));
      sent += chunk;
    } else if (step.kind === "type") {
      const canvasId = call.canvasId;
      if (!canvasId || !canvasesMap(link.person).has(canvasId)) continue;
      const word = `zq${typed.length}x`;
      if (typeWord(link.person, canvasId, step.block, step.atEnd, word)) typed.push(word);
    } else if (step.kind === "toServer") link.toServer();
    else if (step.kind === "toPerson") link.toPerson();
  }
  // What the person typed last is delivered before the server finishes, or is still on its way.
  if (!inFlight) link.toServer();
  if (sent < content.length) call.appendContent(content.slice(sent));
  const result = call.finish();
  link.settle();
  return {
    server,
    person: link.person,
    result,
    typed,
    canvasId: call.canvasId!,
    /** Let the late-typing watcher run, and sync what it wrote. */
    async settled() {
      await Promise.resolve();
      link.settle();
      stopWatching();
    },
  };
}

describe("typing while the model streams", () => {
  it("text typed into a paragraph the rewrite keeps is merged into the result", () => {
    const { doc, canvasId } = roomWith(ORIGINAL);
    const call = openToolCall(doc, "rewrite_canvas", { canvasId, origin: new AgentOrigin("r") }, { summary: "" });
    call.appendContent(KEEPS_HALF.slice(0, 30));
    typeWord(doc, canvasId, 5, true, "typed-by-ada");
    call.appendContent(KEEPS_HALF.slice(30));
    const result = call.finish();
    if (!result.ok) throw new Error(result.summary);
    // Undoing the rewrite later keeps what was typed during it.
    expect(result.texts.before).toBe(
      ORIGINAL.replace(
        "Old paragraph 5 tells the story of the harbour.",
        "Old paragraph 5 tells the story of the harbour. typed-by-ada",
      ),
    );
    expect(canvasText(doc, canvasId)).toBe(
      KEEPS_HALF.replace(
        "Old paragraph 5 tells the story of the harbour.",
        "Old paragraph 5 tells the story of the harbour. typed-by-ada",
      ),
    );
    expect(commentsMap(doc).size).toBe(0);
  });

  it("text typed into a paragraph the rewrite replaces is kept verbatim in a comment that says so", () => {
    const { doc, canvasId } = roomWith(ORIGINAL);
    const call = openToolCall(doc, "rewrite_canvas", { canvasId, origin: new AgentOrigin("r") }, { summary: "" });
    call.appendContent(TRANSLATION.slice(0, 40));
    typeWord(doc, canvasId, 6, true, "typed-by-ada");
    call.appendContent(TRANSLATION.slice(40));
    const result = call.finish();
    expect(result.ok && result.summary).toContain("kept 1 of people's edits in comments");
    expect(canvasText(doc, canvasId)).toBe(TRANSLATION);
    const [comment] = [...commentsMap(doc).values()];
    expect(comment!.body).toContain("Old paragraph 6 tells the story of the harbour. typed-by-ada");
    expect(comment!.body).toContain("could not be placed");
    expect(comment!.changeId).toBe(result.ok ? result.change.id : "");
  });

  it("a stopped streamed create keeps what arrived, with what was typed into it", () => {
    const doc = new Y.Doc();
    const call = openToolCall(
      doc,
      "create_canvas",
      { canvasId: null, origin: new AgentOrigin("c") },
      { title: "Notes", kind: "document", language: null },
    );
    call.appendContent("First paragraph.\n\nSecond paragraph.\n\nThird, still arri");
    typeWord(doc, call.canvasId!, 0, true, "typed-by-ada");
    const kept = call.stop();
    expect(kept?.ok).toBe(true);
    expect(listCanvases(doc).map((canvas) => canvas.title)).toEqual(["Notes"]);
    expect(canvasText(doc, call.canvasId!)).toBe(
      "First paragraph. typed-by-ada\n\nSecond paragraph.\n\nThird, still arri",
    );
  });

  it("a rewrite stopped after a person typed into it goes back to the old text and keeps their typing", () => {
    const { doc, canvasId } = roomWith(KEEPS_HALF);
    const call = openToolCall(doc, "rewrite_canvas", { canvasId, origin: new AgentOrigin("r") }, { summary: "" });
    call.appendContent(ORIGINAL.slice(0, 120));
    typeWord(doc, canvasId, 3, true, "typed-by-ada");
    call.abort();
    const text = canvasText(doc, canvasId);
    expect(text).toContain("typed-by-ada");
    expect(text.replace(" typed-by-ada", "")).toBe(KEEPS_HALF);
  });

  for (const [tool, content] of [
    ["rewrite_canvas", TRANSLATION],
    ["rewrite_canvas", KEEPS_HALF],
    ["rewrite_canvas", SHORTER],
    ["create_canvas", ORIGINAL],
  ] as const) {
    it(`every word typed during a streamed ${tool} (${content.slice(0, 12)}…) is kept, and both sides converge`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(action, { minLength: 5, maxLength: 60 }),
          fc.integer({ min: 3, max: 60 }),
          fc.boolean(),
          async (actions, chunk, inFlight) => {
            const { server, person, result, typed, canvasId, settled } = play(tool, content, actions, chunk, inFlight);
            await settled();
            expect(result.ok).toBe(true);
            expect(canvasText(person, canvasId)).toBe(canvasText(server, canvasId));
            expect(commentsMap(person).size).toBe(commentsMap(server).size);
            for (const word of typed) expect(kept(server, canvasId, word), `${word} kept`).toBe(true);
          },
        ),
        { numRuns: 100 },
      );
    });
  }
});

describe("merge3", () => {
  it("takes both sides' changes to different lines and words, and reports a clash with both versions", () => {
    expect(merge3("a b c\n\nd e f", "a B c\n\nd e f", "a b c\n\nd e F")).toEqual({
      text: "a B c\n\nd e F",
      conflicts: [],
    });
    expect(merge3("one two three", "one TWO three", "one two THREE").text).toBe("one TWO THREE");
    const clash = merge3("keep\n\nsame words here\n", "keep\n\nsame person words here\n", "keep\n\ntotally new\n");
    expect(clash.text).toBe("keep\n\ntotally new\n");
    expect(clash.conflicts).toHaveLength(1);
    expect(clash.conflicts[0]!.edits[0]!.after).toContain("same person words here");
  });
});
