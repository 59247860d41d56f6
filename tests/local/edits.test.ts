import { describe, expect, it } from "vitest";
import { decideLocal } from "../../server/agent/local/index.ts";
import { applyEdits, codeCanvas, documentCanvas, editArgs, onCanvas, validCall } from "./helpers.ts";

const DOC = `# Lighthouses

## History

Lighthouses guided ships for centuries. The first lighthouse was built in Alexandria.

Keepers lived in the towers and tended the lamps every night.

## Today

Most lighthouses are now automated. Some became museums and hotels.

A lighthouse keeper's life was lonely.
`;

const canvas = documentCanvas(DOC);

async function edited(instruction: string, content = DOC, selection: string | null = null): Promise<string> {
  const decision = await decideLocal(onCanvas(instruction, documentCanvas(content), selection));
  return applyEdits(content, editArgs(decision));
}

describe("offline edits: targeted, exact, unique", () => {
  it("replaces quoted text with quoted text", async () => {
    expect(await edited('replace "lamps" with "lights"')).toBe(DOC.replace("lamps", "lights"));
  });

  it("replaces an unquoted word in any case and keeps each occurrence's capitalisation", async () => {
    const result = await edited("change lighthouses to beacons");
    expect(result).toContain("# Beacons");
    expect(result).toContain("Beacons guided ships");
    expect(result).toContain("Most beacons are now automated");
    // Whole words only: "lighthouse" and "lighthouse's" are different words.
    expect(result).toContain("The first lighthouse was built");
    expect(result).toContain("A lighthouse keeper's life");
  });

  it("replies that it could not find quoted text instead of guessing", async () => {
    const decision = await decideLocal(onCanvas('replace "submarine" with "boat"', canvas));
    expect(decision.toolCall).toBeNull();
    expect(decision.text).toContain('could not find "submarine"');
  });

  it("limits a replacement to the selected text", async () => {
    const content = "The cat sat.\n\nThe cat ran.\n";
    expect(await edited('replace "cat" with "dog"', content, "The cat ran.")).toBe("The cat sat.\n\nThe dog ran.\n");
  });

  it("deletes paragraph N and leaves one blank line between the neighbours", async () => {
    const result = await edited("delete paragraph 2");
    expect(result).toBe(DOC.replace("Keepers lived in the towers and tended the lamps every night.\n\n", ""));
  });

  it("deletes the last paragraph, counting only prose paragraphs", async () => {
    expect(await edited("remove the last paragraph")).toBe(
      DOC.replace("\n\nA lighthouse keeper's life was lonely.", ""),
    );
  });

  it("deletes a section by its heading, with everything under it", async () => {
    const result = await edited('delete the section "Today"');
    expect(result).not.toContain("## Today");
    expect(result).not.toContain("automated");
    expect(result).toContain("Keepers lived");
  });

  it("replies with the headings when the named section does not exist", async () => {
    const decision = await decideLocal(onCanvas("delete the section Sources", canvas));
    expect(decision.toolCall).toBeNull();
    expect(decision.text).toContain('"History"');
  });

  it("moves paragraph N to the end", async () => {
    const result = await edited("move paragraph 1 to the end");
    const paragraphs = result.trim().split("\n\n");
    expect(paragraphs[paragraphs.length - 1]).toBe(
      "Lighthouses guided ships for centuries. The first lighthouse was built in Alexandria.",
    );
    expect(result.match(/Lighthouses guided/g)).toHaveLength(1);
  });

  it("moves a paragraph before another one", async () => {
    const result = await edited("move paragraph 3 before paragraph 1");
    expect(result.indexOf("Most lighthouses are now automated")).toBeLessThan(result.indexOf("Lighthouses guided"));
    expect(result.indexOf("## History")).toBeLessThan(result.indexOf("Most lighthouses"));
    expect(result.match(/Most lighthouses/g)).toHaveLength(1);
  });

  it("swaps two paragraphs", async () => {
    const result = await edited("swap paragraphs 1 and 2");
    expect(result.indexOf("Keepers lived")).toBeLessThan(result.indexOf("Lighthouses guided"));
    expect(result.length).toBe(DOC.length);
  });

  it("moves a whole section before another", async () => {
    const result = await edited("move the section Today before the section History");
    expect(result.indexOf("## Today")).toBeLessThan(result.indexOf("## History"));
    expect(result.indexOf("A lighthouse keeper's life")).toBeLessThan(result.indexOf("## History"));
  });

  it("adds a section after a named section, at its heading level", async () => {
    const result = await edited('add a section "Legends" after "History"');
    expect(result.indexOf("## Legends")).toBeGreaterThan(result.indexOf("tended the lamps"));
    expect(result.indexOf("## Legends")).toBeLessThan(result.indexOf("## Today"));
  });

  it("changes the title heading", async () => {
    expect(await edited("make the title Beacons of the Sea")).toBe(
      DOC.replace("# Lighthouses", "# Beacons of the Sea"),
    );
  });

  it("adds a title when the document has none", async () => {
    expect(await edited("make the title Notes", "Some text here.\n")).toBe("# Notes\n\nSome text here.\n");
  });

  it("deletes quoted words without leaving a double space", async () => {
    expect(await edited('delete "every night"')).toBe(DOC.replace(" every night", ""));
  });

  it("deletes the selection when asked to delete this", async () => {
    expect(await edited("delete this", DOC, "Some became museums and hotels.")).toBe(
      DOC.replace(" Some became museums and hotels.", ""),
    );
  });

  it("fixes confident misspellings only, leaving names and code alone", async () => {
    const content = "Our team recieved the award.\n\nWe met Jhon at `recieve()` today.\n";
    const decision = await decideLocal(onCanvas("fix the spelling", documentCanvas(content)));
    expect(applyEdits(content, editArgs(decision))).toBe(
      "Our team received the award.\n\nWe met Jhon at `recieve()` today.\n",
    );
  });

  it("converts the canvas to uppercase as a rewrite, keeping links and code", async () => {
    const content = "Read [the docs](https://example.com/Docs) and run `npm test`.\n";
    const call = validCall(await decideLocal(onCanvas("convert to uppercase", documentCanvas(content))));
    if (call.name !== "rewrite_canvas") throw new Error(call.name);
    expect(call.arguments.content).toBe("READ [THE DOCS](https://example.com/Docs) AND RUN `npm test`.\n");
  });

  it.each([
    "make it more formal",
    "translate it to French",
    "shorten the second paragraph",
    "change paragraph 2 to be friendlier",
  ])("says that %s needs a model and makes no change", async (instruction) => {
    const decision = await decideLocal(onCanvas(instruction, canvas));
    expect(decision.toolCall).toBeNull();
    expect(decision.text).toMatch(/needs a language model/);
    expect(decision.text).toMatch(/OPENAI_API_KEY/);
  });

  it("renames a symbol in code on word boundaries only", async () => {
    const source = "let count = 0;\nconst counter = count + 1;\nexport { count, counter };\n";
    const decision = await decideLocal(onCanvas("rename count to total", codeCanvas(source, "typescript")));
    expect(applyEdits(source, editArgs(decision))).toBe(
      "let total = 0;\nconst counter = total + 1;\nexport { total, counter };\n",
    );
  });

  it("renames a symbol with one all-occurrences edit when no longer word contains it", async () => {
    const source = "def area(r):\n    return 3.14 * r * r\n\nprint(area(2))\n";
    const args = editArgs(
      await decideLocal(onCanvas("rename the function area to circle_area", codeCanvas(source, "python"))),
    );
    expect(args.edits).toEqual([{ find: "area", replace: "circle_area", all: true }]);
  });

  it("refuses paragraph operations on code, naming what it can do there", async () => {
    const decision = await decideLocal(onCanvas("delete paragraph 2", codeCanvas("a = 1\n\nb = 2\n", "python")));
    expect(decision.toolCall).toBeNull();
    expect(decision.text).toMatch(/rename/);
  });

  it("makes every find an exact substring that occurs once, even for repeated words", async () => {
    const content = "The cat sat. The cat ran. The category was cats.\n";
    const args = editArgs(await decideLocal(onCanvas('replace "cat" with "dog"', documentCanvas(content))));
    for (const edit of args.edits) {
      expect(content.split(edit.find).length - 1).toBe(edit.all ? content.split(edit.find).length - 1 : 1);
    }
    expect(applyEdits(content, args)).toBe("The dog sat. The dog ran. The category was cats.\n");
  });

  it("renames the class when the code declares exactly one", async () => {
    const source =
      "public class Library {\n  private final List<Book> books;\n  public Library() { books = new ArrayList<>(); }\n}\n";
    const decision = await decideLocal(onCanvas("Rename the class to BookShelf.", codeCanvas(source, "java")));
    expect(applyEdits(source, editArgs(decision))).toBe(source.replaceAll("Library", "BookShelf"));
  });

  it("asks which one when several classes could be meant", async () => {
    const decision = await decideLocal(
      onCanvas("rename the class to Shelf", codeCanvas("class A {}\nclass B {}\n", "typescript")),
    );
    expect(decision.toolCall).toBeNull();
    expect(decision.text).toContain("A, B");
  });

  it("drops a trailing 'everywhere' from the new name", async () => {
    const source = "conn = connect()\nconn.close()\n";
    const decision = await decideLocal(
      onCanvas("Rename the variable conn to connection everywhere.", codeCanvas(source, "python")),
    );
    expect(applyEdits(source, editArgs(decision))).toBe("connection = connect()\nconnection.close()\n");
  });

  it("moves a section named without quotes or the word section", async () => {
    const content = "# Guide\n\n## Escalation\n\nCall the lead.\n\n## Tone\n\nBe kind.\n";
    const result = await edited("Move the Tone section before Escalation.", content);
    expect(result).toBe("# Guide\n\n## Tone\n\nBe kind.\n\n## Escalation\n\nCall the lead.\n");
  });

  it("removes console.log lines from code, only inside the named function when one is given", async () => {
    const source = [
      "function createOrder(items) {",
      '  console.log("creating", items);',
      "  const order = { items };",
      "  console.log(order);",
      "  return order;",
      "}",
      "",
      "function listOrders() {",
      '  console.log("listing");',
      "  return [];",
      "}",
      "",
    ].join("\n");
    const scoped = await decideLocal(
      onCanvas("Remove the debug logging in createOrder.", codeCanvas(source, "javascript")),
    );
    const result = applyEdits(source, editArgs(scoped));
    expect(result).not.toContain('console.log("creating"');
    expect(result).not.toContain("console.log(order)");
    expect(result).toContain('console.log("listing")');
    const all = await decideLocal(onCanvas("Remove all the console.log statements.", codeCanvas(source, "javascript")));
    expect(applyEdits(source, editArgs(all))).not.toContain("console.log");
  });

  it("treats unrecognised words after delete as a request for a model, not a guess", async () => {
    const decision = await decideLocal(onCanvas("delete the boring bits", canvas));
    expect(decision.toolCall).toBeNull();
    expect(decision.text).toMatch(/needs a language model/);
  });

  it("applies a correction stated as a fact to every whole-number occurrence", async () => {
    const content = "Release 3.4 ships today. Upgrade from 3.45 is manual. See the 3.4 notes.\n";
    expect(await edited("This is release 3.5, not 3.4.", content)).toBe(
      "Release 3.5 ships today. Upgrade from 3.45 is manual. See the 3.5 notes.\n",
    );
  });

  it("replaces a tool the team switched away from", async () => {
    const content = "Open a ticket in Zendesk. Zendesk sends the reply.\n";
    expect(await edited("We switched from Zendesk to Freshdesk; update the guide.", content)).toBe(
      "Open a ticket in Freshdesk. Freshdesk sends the reply.\n",
    );
  });
});
