import { describe, expect, it } from "vitest";
import { decideLocal } from "../../server/agent/local/index.ts";
import {
  INTENT_RULES,
  intentsOf,
  readRequest,
  type Intent,
  type RuleName,
  type Situation,
} from "../../server/agent/local/instructions.ts";
import { parseDestination, parseTarget, quotedStrings } from "../../server/agent/local/phrases.ts";
import { classifyTrigger } from "../../server/agent/local/trigger.ts";
import { applyEdits, documentCanvas, editArgs, onCanvas } from "./helpers.ts";

function firstIntent(text: string, situation: Situation = "canvas", hasSelection = false) {
  const request = readRequest(text, situation, hasSelection, classifyTrigger(text));
  return intentsOf(request).next().value!;
}

describe("instruction rules: one ordered table", () => {
  it("names every rule once", () => {
    const names = INTENT_RULES.map((rule) => rule.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each<[string, RuleName, Intent]>([
    ["Fix the spelling, please.", "fix spelling", { type: "edit", edit: { type: "spelling" } }],
    [
      "Remove the debug prints in load_data",
      "remove debug output",
      { type: "edit", edit: { type: "removeLogs", scope: "load_data" } },
    ],
    ["Convert it to all caps", "change case", { type: "edit", edit: { type: "case", to: "upper" } }],
    ["Call it Harbour Lights", "set title", { type: "edit", edit: { type: "title", title: "Harbour Lights" } }],
    [
      "swap paragraphs 1 and 3",
      "swap paragraphs",
      {
        type: "edit",
        edit: { type: "swap", a: { unit: "paragraph", index: 1 }, b: { unit: "paragraph", index: 3 } },
      },
    ],
    [
      "Could you rename the class to Shelf?",
      "rename",
      { type: "edit", edit: { type: "rename", from: "", to: "Shelf", declaration: "class" } },
    ],
    [
      'replace all "cat" with "dog"',
      "replace",
      { type: "edit", edit: { type: "replace", from: "cat", to: "dog", quoted: true, everywhere: true } },
    ],
    [
      "Remplace chat par chien",
      "replace (French, Spanish, German)",
      { type: "edit", edit: { type: "replace", from: "chat", to: "chien", quoted: false, everywhere: false } },
    ],
    [
      "move the last paragraph to the top",
      "move",
      {
        type: "edit",
        edit: { type: "move", target: { unit: "paragraph", index: -1 }, destination: { where: "start" } },
      },
    ],
    [
      "add a section called Costs at the end",
      "add section",
      { type: "edit", edit: { type: "addSection", heading: "Costs", destination: { where: "end" } } },
    ],
    [
      "We migrated from Jenkins to GitHub Actions",
      "switched tool",
      { type: "edit", edit: { type: "replace", from: "Jenkins", to: "GitHub", quoted: false, everywhere: true } },
    ],
    [
      "The fee is 40 euros, not 35.",
      "stated correction",
      { type: "edit", edit: { type: "replace", from: "35", to: "40", quoted: false, everywhere: true } },
    ],
    [
      "delete paragraph 2",
      "delete",
      { type: "edit", edit: { type: "delete", target: { unit: "paragraph", index: 2 } } },
    ],
    ["Can you review my essay", "review", { type: "review" }],
    ["write a new essay about kayaks", "new canvas", { type: "create" }],
    ["thanks a lot!", "thanks", { type: "say", reply: "thanks" }],
    ["hello there", "greeting", { type: "say", reply: "greeting" }],
    ["What does this paragraph mean?", "canvas question", { type: "say", reply: "canvasQuestion" }],
  ])("on a canvas, reads %j with the rule %j", (text, rule, intent) => {
    expect(firstIntent(text)).toEqual({ rule, intent });
  });

  it.each<[string, RuleName | "fallback", Intent]>([
    ["Write an essay about lighthouses", "create canvas", { type: "create" }],
    ["Write a tweet about our launch", "short writing", { type: "say", reply: "shortWriting" }],
    ["What is the capital of France?", "question", { type: "say", reply: "question" }],
    ["summarise the French revolution for me", "explain", { type: "say", reply: "question" }],
    ["I like turtles", "fallback", { type: "say", reply: "generic" }],
  ])("in the chat, reads %j with the rule %j", (text, rule, intent) => {
    expect(firstIntent(text, "chat")).toEqual({ rule, intent });
  });

  it("keeps canvas-only rules out of the chat and chat-only rules off a canvas", () => {
    expect(firstIntent("delete paragraph 2", "chat").rule).not.toBe("delete");
    expect(firstIntent("Write a tweet about our launch", "canvas").rule).not.toBe("short writing");
  });

  it("does not read 'can you …?' on a canvas as a question about it", () => {
    expect(firstIntent("Can you make it funnier?").rule).toBe("fallback");
  });

  it("lets a later rule answer when an earlier rule's intent names nothing in the canvas", async () => {
    // "delete" reads a named target that is not in the canvas; the review rule answers instead.
    const content = "# Notes\n\nThe cat sat on the mat. Its owner recieved a prize.\n";
    const decision = await decideLocal(onCanvas("remove the feedback bits and review it", documentCanvas(content)));
    expect(decision.toolCall?.name).toBe("comment_canvas");
  });

  it("ends every request with the situation's fallback", () => {
    const request = readRequest("make it sing", "canvas", false, classifyTrigger("make it sing"));
    const all = [...intentsOf(request)];
    expect(all[all.length - 1]).toEqual({ rule: "fallback", intent: { type: "say", reply: "needsModel" } });
  });
});

describe("instruction phrases", () => {
  it("finds quoted strings of every quote style, skipping apostrophes", () => {
    expect(quotedStrings(`replace “old” with 'new' but don't touch «this» or \`code\``)).toEqual([
      "old",
      "new",
      "this",
      "code",
    ]);
  });

  it.each([
    ["paragraph 3", { unit: "paragraph", index: 3 }],
    ["the second paragraph", { unit: "paragraph", index: 2 }],
    ["the section called “Costs”", { unit: "section", name: "Costs" }],
    ["the Costs section", { unit: "section", name: "Costs" }],
    ['"the old wording"', { unit: "text", text: "the old wording" }],
    ["the intro", { unit: "section", name: "introduction" }],
    ["Escalation", { unit: "named", name: "Escalation" }],
  ])("reads %j as a target", (phrase, target) => {
    expect(parseTarget(phrase, false)).toEqual(target);
  });

  it("reads 'this' as the selection only when there is one", () => {
    expect(parseTarget("this", true)).toEqual({ unit: "selection" });
    expect(parseTarget("this", false)).toEqual({ unit: "named", name: "this" });
  });

  it("reads destinations", () => {
    expect(parseDestination("to the end of the document.", false)).toEqual({ where: "end" });
    expect(parseDestination("before the section Costs", false)).toEqual({
      where: "before",
      target: { unit: "section", name: "Costs" },
    });
  });

  it("applies a rule read through polite padding exactly as the bare instruction", async () => {
    const content = "The cat sat.\n";
    const polite = await decideLocal(
      onCanvas('Could you please replace "cat" with "dog", please?', documentCanvas(content)),
    );
    expect(applyEdits(content, editArgs(polite))).toBe("The dog sat.\n");
  });
});
