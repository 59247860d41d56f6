import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { AgentOrigin, ApiOrigin, applyToolCall } from "../../shared/engine/index.ts";
import { reviewSuggestionsCall } from "../../shared/engine/toolCall.ts";
import { canvasText } from "../../shared/markdown/index.ts";
import { listSuggestions } from "../../shared/suggestions/record.ts";
import { suggestionState } from "../../shared/suggestions/review.ts";
import { canvasFragment } from "../../shared/room.ts";
import { edit, roomWith, succeeded } from "../engine/fixtures.ts";

const reviewer = { origin: new ApiOrigin("editor", "review_suggestion"), author: { id: "u1", name: "Ada" } };

function typeAt(doc: Y.Doc, canvasId: string, needle: string, insert: string): void {
  // A person typing: insert into the paragraph's Y.XmlText that holds `needle`.
  const fragment = canvasFragment(doc, canvasId);
  for (const block of fragment.toArray()) {
    if (!(block instanceof Y.XmlElement)) continue;
    for (const child of block.toArray()) {
      if (child instanceof Y.XmlText && child.toString().includes(needle)) {
        child.insert(child.toString().indexOf(needle), insert);
        return;
      }
    }
  }
  throw new Error(`typeAt: no text holds "${needle}"`);
}

describe("suggest mode in the seam", () => {
  it("an edit in suggest mode leaves the text and records one suggestion per passage", () => {
    const { doc, canvasId } = roomWith("Alpha is **bold** here.\n\nBeta stays.\n\nGamma goes.");
    const before = canvasText(doc, canvasId);
    const result = succeeded(
      applyToolCall(
        doc,
        {
          name: "edit_canvas",
          arguments: {
            edits: [
              { find: "**bold**", replace: "*brave*", all: false },
              { find: "Gamma goes.", replace: "Gamma went away.", all: false },
            ],
            summary: "Tweak",
          },
        },
        { canvasId, origin: new AgentOrigin("run-1"), mode: "suggest" },
      ),
    );
    expect(canvasText(doc, canvasId)).toBe(before);
    const suggestions = listSuggestions(doc, canvasId);
    expect(suggestions.map((s) => [s.quote, s.replacement])).toEqual([
      ["**bold**", "*brave*"],
      ["goes.", "went away."],
    ]);
    expect(suggestions.every((s) => s.changeId === result.change.id && s.runId === "run-1")).toBe(true);
    const accepted = reviewSuggestionsCall(doc, [suggestions[0]!.id], "accept", reviewer);
    expect(accepted.ok).toBe(true);
    expect(canvasText(doc, canvasId)).toBe("Alpha is *brave* here.\n\nBeta stays.\n\nGamma goes.");
    const undone = reviewSuggestionsCall(doc, [suggestions[0]!.id], "undo", reviewer);
    expect(undone.ok).toBe(true);
    expect(canvasText(doc, canvasId)).toBe(before);
    expect(suggestionState(doc, listSuggestions(doc, canvasId)[0]!).state).toBe("pending");
  });

  it("a rewrite in suggest mode becomes passages, and accepting all gives the rewrite", () => {
    const { doc, canvasId } = roomWith("One two three.\n\nFour five six.\n\nSeven eight.");
    const content = "One 2 three.\n\nFour five six.\n\nSeven eight nine.\n\nTen.";
    succeeded(
      applyToolCall(
        doc,
        { name: "rewrite_canvas", arguments: { content, summary: "Numbers" } },
        { canvasId, origin: new AgentOrigin("r"), mode: "suggest" },
      ),
    );
    expect(canvasText(doc, canvasId)).toBe("One two three.\n\nFour five six.\n\nSeven eight.");
    const ids = listSuggestions(doc, canvasId).map((s) => s.id);
    expect(ids.length).toBe(2);
    expect(reviewSuggestionsCall(doc, ids, "accept", reviewer).ok).toBe(true);
    expect(canvasText(doc, canvasId)).toBe(content);
  });

  it("a suggestion whose text a person changed is outdated and not applied", () => {
    const { doc, canvasId } = roomWith("Keep this.\n\nChange this sentence now.");
    succeeded(
      applyToolCall(doc, edit("sentence now", "line later"), {
        canvasId,
        origin: new AgentOrigin("r"),
        mode: "suggest",
      }),
    );
    const [suggestion] = listSuggestions(doc, canvasId);
    typeAt(doc, canvasId, "now", "right ");
    expect(suggestionState(doc, suggestion!).state).toBe("outdated");
    const result = reviewSuggestionsCall(doc, [suggestion!.id], "accept", reviewer);
    expect(result.ok).toBe(false);
    expect(canvasText(doc, canvasId)).toBe("Keep this.\n\nChange this sentence right now.");
  });

  it("typing just outside a passage keeps the suggestion acceptable", () => {
    const { doc, canvasId } = roomWith("Before the passage after.");
    succeeded(
      applyToolCall(doc, edit("the passage", "a passage"), { canvasId, origin: new AgentOrigin("r"), mode: "suggest" }),
    );
    typeAt(doc, canvasId, "Before", "Just ");
    typeAt(doc, canvasId, "after", "and ");
    const [suggestion] = listSuggestions(doc, canvasId);
    expect(suggestionState(doc, suggestion!).state).toBe("pending");
    expect(reviewSuggestionsCall(doc, [suggestion!.id], "accept", reviewer).ok).toBe(true);
    expect(canvasText(doc, canvasId)).toBe("Just Before a passage and after.");
  });

  it("code canvases take suggestions too", () => {
    const { doc, canvasId } = roomWith("const a = 1;\nconsole.log(a);\n", "code");
    succeeded(
      applyToolCall(doc, edit("const a = 1;", "const a = 2;"), {
        canvasId,
        origin: new AgentOrigin("r"),
        mode: "suggest",
      }),
    );
    const [suggestion] = listSuggestions(doc, canvasId);
    expect(suggestion).toMatchObject({ quote: "1;", replacement: "2;" });
    expect(reviewSuggestionsCall(doc, [suggestion!.id], "accept", reviewer).ok).toBe(true);
    expect(canvasText(doc, canvasId)).toBe("const a = 2;\nconsole.log(a);\n");
  });

  it("a suggested rewrite written against older text never proposes undoing what a person typed since", () => {
    const { doc, canvasId } = roomWith("First part here.\n\nSecond part here.");
    const seen = canvasText(doc, canvasId);
    typeAt(doc, canvasId, "part here.", "typed ");
    expect(canvasText(doc, canvasId)).toBe("First typed part here.\n\nSecond part here.");
    succeeded(
      applyToolCall(
        doc,
        { name: "rewrite_canvas", arguments: { content: "First part here.\n\nSecond part, rewritten.", summary: "R" } },
        { canvasId, origin: new AgentOrigin("r"), mode: "suggest", seen },
      ),
    );
    const suggestions = listSuggestions(doc, canvasId);
    expect(suggestions.map((s) => [s.quote, s.replacement])).toEqual([
      ["part", "part,"],
      ["here", "rewritten"],
    ]);
    expect(
      reviewSuggestionsCall(
        doc,
        suggestions.map((s) => s.id),
        "accept",
        reviewer,
      ).ok,
    ).toBe(true);
    expect(canvasText(doc, canvasId)).toBe("First typed part here.\n\nSecond part, rewritten.");
  });
});
