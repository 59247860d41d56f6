// A streamed rewrite that fails (its stream cut, stalled until the run gives up, or its final arguments
// refused) goes back to the canvas it started from, and what people typed meanwhile stays: paragraphs
// they added are in the canvas, in the order they typed them, wherever the stream was when they typed;
// an edit of a paragraph only the stream had written is kept verbatim in a comment. The person is on a
// second Y.Doc whose updates travel with latency, so typing can also arrive after the revert.
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { AgentOrigin, openToolCall } from "../../shared/engine/index.ts";
import { merge3 } from "../../shared/engine/merge.ts";
import { canvasText } from "../../shared/markdown/index.ts";
import { canvasFragment, commentsMap } from "../../shared/room.ts";
import { roomWith } from "../engine/fixtures.ts";
import { linked } from "./linkedDocs.ts";

/** Add a paragraph at the end of the canvas, as the typists of tests/reliability/providerFaults do. */
function appendParagraph(doc: Y.Doc, canvasId: string, line: string): void {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(line)]);
  const fragment = canvasFragment(doc, canvasId);
  fragment.insert(fragment.length, [paragraph]);
}

const REWRITE = Array.from(
  { length: 30 },
  (_, i) => `Rewritten paragraph ${i} that must never be left half-written.`,
).join("\n\n");
const CHUNK = 40;
const FAULTS = ["cut", "stall", "refused"] as const;

/**
 * Stream `chunks` chunks of a rewrite of `original` while the person adds a paragraph every `every`
 * chunks, then fail the call the way `fault` says. `latency`: chunks between deliveries of the person's
 * updates (0: at once).
 */
function failedRewrite(
  original: string,
  fault: (typeof FAULTS)[number],
  chunks: number,
  every: number,
  latency: number,
) {
  const { doc: server, canvasId } = roomWith(original);
  const link = linked(server);
  const call = openToolCall(server, "rewrite_canvas", { canvasId, origin: new AgentOrigin("run") }, { summary: "" });
  const typed: string[] = [];
  const type = () => {
    const line = `person typed line ${typed.length}`;
    appendParagraph(link.person, canvasId, line);
    typed.push(line);
  };
  for (let chunk = 0; chunk < chunks; chunk++) {
    call.appendContent(REWRITE.slice(chunk * CHUNK, (chunk + 1) * CHUNK));
    if (chunk % every === 0) type();
    if (latency === 0 || chunk % latency === 0) link.toServer();
    if (latency === 0 || chunk % latency === 1) link.toPerson();
  }
  // A stalled stream shows nothing more while people keep typing, until the run gives up on it.
  if (fault === "stall") for (let i = 0; i < 4; i++) type();
  if (fault === "stall" || latency === 0) link.toServer();
  if (fault === "refused") expect(call.finish({ content: 42, summary: "" }).ok).toBe(false);
  else call.abort();
  // What was still on its way arrives after the revert.
  link.settle();
  return { server, person: link.person, canvasId, typed };
}

describe("a failed streamed rewrite keeps what people typed", () => {
  const original = (extra: number) =>
    [
      "Original first paragraph.",
      "Original second paragraph.",
      ...Array.from({ length: extra }, (_, i) => `Earlier line ${i}.`),
    ].join("\n\n");

  for (const fault of FAULTS)
    it(`after a ${fault} stream, the canvas is the old text followed by every paragraph typed during it, in order`, () => {
      for (const extra of [0, 4, 12])
        // A refused call streamed all of its content.
        for (const chunks of fault === "refused" ? [Math.ceil(REWRITE.length / CHUNK)] : [3, 9, 17, 29])
          for (const every of [1, 3])
            for (const latency of [0, 2, 5]) {
              const { server, person, canvasId, typed } = failedRewrite(original(extra), fault, chunks, every, latency);
              const where = `${fault}: ${extra} earlier lines, ${chunks} chunks, typing every ${every}, latency ${latency}`;
              expect(canvasText(server, canvasId), where).toBe([original(extra), ...typed].join("\n\n"));
              expect(canvasText(person, canvasId), where).toBe(canvasText(server, canvasId));
              expect(commentsMap(server).size, where).toBe(0);
            }
    });

  it("an edit of a paragraph only the failed stream had written is kept verbatim in a comment", () => {
    const { doc, canvasId } = roomWith("Original first paragraph.\n\nOriginal second paragraph.");
    const call = openToolCall(doc, "rewrite_canvas", { canvasId, origin: new AgentOrigin("run") }, { summary: "" });
    call.appendContent(REWRITE.slice(0, 400));
    const streamed = canvasFragment(doc, canvasId).get(2) as Y.XmlElement;
    (streamed.get(0) as Y.XmlText).insert(0, "typed-by-ada ");
    call.abort();
    expect(canvasText(doc, canvasId)).toBe("Original first paragraph.\n\nOriginal second paragraph.");
    const bodies = [...commentsMap(doc).values()].map((comment) => comment.body);
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toContain("typed-by-ada Rewritten paragraph 2 that must never be left half-written.");
  });

  it("lines typed into a code canvas amid the lines a failed stream wrote stay, after the old source", () => {
    const source = "const a = 1;\nconst b = 2;";
    const { doc, canvasId } = roomWith(source, "code", "typescript");
    const call = openToolCall(doc, "rewrite_canvas", { canvasId, origin: new AgentOrigin("run") }, { summary: "" });
    const lines = Array.from({ length: 6 }, (_, i) => `const rewritten${i} = ${i};`);
    const typed: string[] = [];
    for (const [i, line] of lines.entries()) {
      call.appendContent(`${line}\n`);
      if (i < 2) continue;
      // Typed on a line of its own at the end of the source shown so far.
      const text = (canvasFragment(doc, canvasId).get(0) as Y.XmlElement).get(0) as Y.XmlText;
      const added = `// person ${i}`;
      text.insert(text.length, `\n${added}`);
      typed.push(added);
    }
    call.abort();
    expect(canvasText(doc, canvasId)).toBe([source, ...typed].join("\n"));
  });
});

describe("merge3 keeps lines one side only added", () => {
  it("amid lines the other side replaced: right after the replacement, in order, kept apart as paragraphs", () => {
    const base = "Keep.\n\nR1.\n\nR2.\n\nR3.";
    const ours = "Keep.\n\nR1.\n\nAda's line.\n\nR2.\n\nBob's line.\n\nR3.";
    expect(merge3(base, ours, "Keep.\n\nOld.")).toEqual({
      text: "Keep.\n\nOld.\n\nAda's line.\n\nBob's line.",
      conflicts: [],
    });
  });

  it("while an edit of a replaced line is still a conflict that quotes only that edit", () => {
    const merged = merge3("Keep.\n\nR1.\n\nR2.", "Keep.\n\nR1 edited.\n\nR2.\n\nNew line.", "Keep.\n\nOld.\n");
    expect(merged.text).toContain("New line.");
    expect(merged.text.startsWith("Keep.\n\nOld.")).toBe(true);
    expect(merged.conflicts).toHaveLength(1);
    expect(merged.conflicts[0]!.edits.map((edit) => edit.after)).toEqual(["R1 edited.\n"]);
  });
});
