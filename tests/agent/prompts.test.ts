import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FEW_SHOTS, buildMessages, presentCanvas } from "../../server/agent/prompts.ts";

interface Case {
  split: string;
  prompt?: string;
  instruction?: string;
}

function cases(suite: string): Case[] {
  return readFileSync(new URL(`../../evals/data/${suite}.jsonl`, import.meta.url), "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Case);
}

describe("prompt module", () => {
  const all = [...cases("trigger"), ...cases("edit"), ...cases("comment")];
  const textOf = (entry: Case) => entry.prompt ?? entry.instruction ?? "";

  it("takes every few-shot example from the eval train split and none from the test split", () => {
    for (const shot of FEW_SHOTS) {
      const matches = all.filter((entry) => textOf(entry) === shot.user);
      expect(matches.length, shot.user).toBeGreaterThan(0);
      expect(
        matches.every((entry) => entry.split === "train"),
        shot.user,
      ).toBe(true);
    }
  });

  it("shows the whole canvas while it fits the budget", () => {
    const canvas = {
      id: "c1",
      title: "Essay",
      kind: "document" as const,
      language: null,
      content: "# Essay\n\nShort text.",
    };
    const shown = presentCanvas(canvas, null, 1_000);
    expect(shown).toContain("Full content");
    expect(shown).toContain("Short text.");
  });

  it("shows the outline and the part around the selection when the canvas is too long, and says so", () => {
    const sections = Array.from(
      { length: 200 },
      (_, index) => `## Section ${index}\n\n${"Filler sentence. ".repeat(40)}`,
    );
    sections[150] = "## Section 150\n\nThe SELECTED passage lives here.";
    const canvas = {
      id: "c1",
      title: "Long",
      kind: "document" as const,
      language: null,
      content: sections.join("\n\n"),
    };
    const shown = presentCanvas(canvas, "The SELECTED passage lives here.", 2_000);
    expect(shown).toContain("too long to show whole");
    expect(shown).toContain("## Section 0");
    expect(shown).toContain("## Section 199");
    expect(shown).toContain("The SELECTED passage lives here.");
    expect(shown.length).toBeLessThan(canvas.content.length / 2);
  });

  it("puts the selection and the quick action in the user's message and trims old history to the budget", () => {
    const history = Array.from({ length: 100 }, (_, index) => ({
      role: index % 2 ? ("assistant" as const) : ("user" as const),
      content: `message ${index} ${"x".repeat(400)}`,
    }));
    const messages = buildMessages(
      {
        userText: "Make it shorter",
        history,
        canvas: { id: "c1", title: "T", kind: "document", language: null, content: "One. Two." },
        selection: "Two.",
        action: { id: "adjust_length", level: -1 },
      },
      { contextTokens: 4_000 },
    );
    expect(messages[0]!.role).toBe("system");
    const last = messages[messages.length - 1]!;
    expect(last.role).toBe("user");
    expect(last.content).toContain('"""\nTwo.\n"""');
    expect(last.content).toContain("Quick action: Adjust the length: make the whole canvas shorter");
    const kept = messages.slice(1, -1);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(history.length);
    expect((kept[kept.length - 1] as { content: string }).content).toContain("message 99");
  });
});
