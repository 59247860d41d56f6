import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { AgentOrigin, ApiOrigin, applyToolCall } from "../../shared/engine/index.ts";
import { reviewSuggestionsCall } from "../../shared/engine/toolCall.ts";
import { canvasText } from "../../shared/markdown/index.ts";
import { listSuggestions } from "../../shared/suggestions/record.ts";
import { locateSuggestion, suggestionState } from "../../shared/suggestions/review.ts";
import { canvasFragment } from "../../shared/room.ts";
import { edit, essay, roomWith, succeeded } from "../engine/fixtures.ts";

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

/** A person typing `insert` at `offset` in `needle`, found in the plain text of a paragraph (marks aside). */
function typeInto(doc: Y.Doc, canvasId: string, needle: string, offset: number, insert: string): void {
  for (const block of canvasFragment(doc, canvasId).toArray()) {
    if (!(block instanceof Y.XmlElement)) continue;
    for (const child of block.toArray()) {
      if (!(child instanceof Y.XmlText)) continue;
      const plain = (child.toDelta() as { insert: unknown }[])
        .map((part) => (typeof part.insert === "string" ? part.insert : ""))
        .join("");
      if (plain.includes(needle)) return child.insert(plain.indexOf(needle) + offset, insert);
    }
  }
  throw new Error(`typeInto: no text holds "${needle}"`);
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

  it("on a long canvas each accept writes exactly its passage and reports the canvas before and after, while typing in between outdates only the suggestion typed into", () => {
    const { doc, canvasId } = roomWith(essay(5_000, 3));
    const text = canvasText(doc, canvasId);
    // Sentences without markup, each once in the canvas, spread over it.
    const sentences = [...text.matchAll(/[A-Z][a-z']+ [a-z']+ s\d+ [^.*]*\./g)]
      .map((match) => match[0])
      .filter((sentence, i) => i % 7 === 0 && text.split(sentence).length === 2)
      .slice(0, 12);
    expect(sentences.length).toBe(12);
    const replaced = (sentence: string): string => sentence.replace(/\.$/, ", as suggested.");
    succeeded(
      applyToolCall(
        doc,
        {
          name: "edit_canvas",
          arguments: { edits: sentences.map((find) => ({ find, replace: replaced(find), all: false })), summary: "" },
        },
        { canvasId, origin: new AgentOrigin("r"), mode: "suggest" },
      ),
    );
    const suggestions = listSuggestions(doc, canvasId);
    expect(suggestions.length).toBe(12);
    // Which sentence each suggestion is on: where its passage is in the canvas text.
    const quoted = new Map(
      sentences.map((sentence) => {
        const at = text.indexOf(sentence);
        return [
          sentence,
          suggestions.find((s) => {
            const from = locateSuggestion(doc, s)!.range!.from;
            return from >= at && from < at + sentence.length;
          })!,
        ];
      }),
    );
    // A person types inside one passage and before another sentence while the others are accepted.
    const typedSentence = sentences[5]!;
    const typedInto = quoted.get(typedSentence)!;
    const inside = typedSentence.lastIndexOf(typedInto.quote) + 1;
    let expected = text;
    for (const [i, sentence] of sentences.entries()) {
      if (i === 3) {
        typeInto(doc, canvasId, typedSentence, inside, "really ");
        typeInto(doc, canvasId, sentences[8]!, 0, "Then. ");
        expected = expected
          .replace(typedSentence, typedSentence.slice(0, inside) + "really " + typedSentence.slice(inside))
          .replace(sentences[8]!, `Then. ${sentences[8]!}`);
        expect(canvasText(doc, canvasId)).toBe(expected);
      }
      const suggestion = quoted.get(sentence)!;
      const before = canvasText(doc, canvasId);
      const result = reviewSuggestionsCall(doc, [suggestion.id], "accept", reviewer);
      if (suggestion === typedInto) {
        expect(result.ok).toBe(false);
        expect(suggestionState(doc, suggestion).state).toBe("outdated");
        expect(canvasText(doc, canvasId)).toBe(before);
        continue;
      }
      expect(result.ok).toBe(true);
      expected = expected.replace(sentence, replaced(sentence));
      expect(canvasText(doc, canvasId)).toBe(expected);
      if (!result.ok) continue;
      expect(result.changes[0]!.texts).toEqual({ before, after: expected });
      // The others still read as quoted (pending), or as accepted.
      for (const other of listSuggestions(doc, canvasId))
        if (other.id !== typedInto.id || i < 3) expect(suggestionState(doc, other).state).not.toBe("outdated");
    }
    // Undoing the last accept puts its sentence back and leaves the rest.
    const last = quoted.get(sentences[11]!)!;
    expect(reviewSuggestionsCall(doc, [last.id], "undo", reviewer).ok).toBe(true);
    expect(canvasText(doc, canvasId)).toBe(expected.replace(replaced(sentences[11]!), sentences[11]!));
    expect(
      suggestionState(
        doc,
        listSuggestions(doc, canvasId).find((s) => s.id === last.id)!,
      ).state,
    ).toBe("pending");
  });
});
