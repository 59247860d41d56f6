// "Suggest edit" from the selection box, in Chromium: a commenter selects a phrase and proposes a
// replacement, an editor in another browser sees it inline under the commenter's name and accepts it,
// and the text changes for both; a viewer is offered no "Suggest edit". By keyboard (Tab from the
// selection, Esc back to the text), on a code canvas where the selected words also appear earlier, when
// the passage changes while the person writes, and on a phone.
import { expect, it } from "vitest";
import type { Page } from "playwright-core";
import { describeBrowser, screenshot } from "../e2e/helpers/browser.ts";
import { BOB, ESSAY, editorText, openAs, roomWithCanvas, waitForEditorText, type Person } from "../e2e/helpers/room.ts";
import { useBrowserSuite } from "../e2e/helpers/suite.ts";

const CLEO: Person = { name: "Cleo", color: "#059669" };
const VIC: Person = { name: "Vic", color: "#9333ea" };
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/** The editor's own selection (ProseMirror takes in DOM selections asynchronously). */
function editorSelection(page: Page): Promise<string> {
  return page.evaluate(() => {
    const dom = document.querySelector(".canvas-pane .ProseMirror") as
      | (Element & {
          editor?: {
            state: {
              selection: { from: number; to: number };
              doc: { textBetween(a: number, b: number, separator: string): string };
            };
          };
        })
      | null;
    const state = dom?.editor?.state;
    return state ? state.doc.textBetween(state.selection.from, state.selection.to, "\n") : "";
  });
}

/**
 * Select the last occurrence of `text` in the canvas, across text nodes (code is split into highlighted
 * spans), and wait until the editor has it.
 */
async function select(page: Page, text: string): Promise<void> {
  await page.evaluate((needle) => {
    const root = document.querySelector(".canvas-pane .ProseMirror") as HTMLElement | null;
    if (!root) throw new Error("no editor on the page");
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
    const whole = nodes.map((node) => node.data).join("");
    const at = whole.lastIndexOf(needle);
    if (at < 0) throw new Error(`"${needle}" is not in the canvas`);
    const point = (offset: number, end: boolean): [Text, number] => {
      let seen = 0;
      for (const node of nodes) {
        if (offset < seen + node.data.length || (end && offset === seen + node.data.length))
          return [node, offset - seen];
        seen += node.data.length;
      }
      throw new Error(`offset ${offset} is past the canvas text (${seen})`);
    };
    root.focus();
    const range = document.createRange();
    range.setStart(...point(at, false));
    range.setEnd(...point(at + needle.length, true));
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  }, text);
  await expect.poll(() => editorSelection(page)).toBe(text);
}

function suggestButton(page: Page) {
  return page.locator(".selection-bubble").getByRole("button", { name: "Suggest edit" });
}

function suggestInput(page: Page) {
  return page.getByLabel("Suggest a replacement for the selection");
}

function inline(page: Page) {
  return {
    deleted: () => page.locator(".canvas-pane .suggestion-del").allInnerTexts(),
    inserted: () => page.locator(".canvas-pane .suggestion-ins").allInnerTexts(),
  };
}

describeBrowser("suggest an edit from the selection box", () => {
  const suite = useBrowserSuite({ model: "fake" });

  async function exported(room: { roomId: string; tokens: { viewer: string } }, canvasId: string, format = "markdown") {
    const response = await suite.app.api(`/api/rooms/${room.roomId}/canvases/${canvasId}/export?format=${format}`, {
      token: room.tokens.viewer,
    });
    return response.text;
  }

  it("a commenter suggests a replacement; an editor sees it inline under their name and accepts it for both", async () => {
    const { room, canvasId } = await roomWithCanvas(suite.app, "Propose");
    const cleo = await openAs(suite.browser, room.links.commenter, CLEO, DESKTOP);
    const bob = await openAs(suite.browser, room.links.editor, BOB, DESKTOP);
    await waitForEditorText(cleo, /lonely and hard/);
    await waitForEditorText(bob, /lonely and hard/);

    await select(cleo, "lonely and hard");
    await suggestButton(cleo).waitFor();
    await screenshot(cleo, "propose-0-bubble");
    await suggestButton(cleo).click();
    const input = suggestInput(cleo);
    await input.waitFor();
    // Prefilled with the selection, all of it selected: typing replaces it.
    expect(await input.inputValue()).toBe("lonely and hard");
    expect(
      await input.evaluate(
        (element: HTMLTextAreaElement) =>
          element === document.activeElement && element.selectionStart === 0 && element.selectionEnd === 15,
      ),
    ).toBe(true);
    await cleo.keyboard.type("solitary, and hard");
    await screenshot(cleo, "propose-1-commenter-form");
    await cleo.keyboard.press("Enter");
    await expect.poll(() => cleo.locator(".selection-bubble").count()).toBe(0);

    // Only the words that change are struck through, for both people, live; the canvas text is unchanged.
    for (const page of [cleo, bob]) {
      await expect.poll(inline(page).deleted).toEqual(["lonely"]);
      await expect.poll(inline(page).inserted).toEqual(["solitary,"]);
    }
    expect(await exported(room, canvasId)).toBe(ESSAY.trimEnd());
    await expect.poll(() => bob.locator(".suggestions-bar .suggestion-current strong").innerText()).toBe("Cleo");
    expect(await bob.locator(".canvas-pane .suggestion-ins").getAttribute("title")).toBe("Suggested by Cleo");
    // The commenter proposes; only editors decide.
    expect(await cleo.locator(".suggestions-bar").getByRole("button", { name: "Accept" }).count()).toBe(0);
    await screenshot(bob, "propose-2-editor-sees-it");

    await bob.locator(".suggestions-bar").getByRole("button", { name: "Accept", exact: true }).click();
    for (const page of [bob, cleo]) {
      await waitForEditorText(page, /The keeper's life was solitary, and hard\./);
      await expect.poll(inline(page).deleted).toEqual([]);
    }
    expect(await exported(room, canvasId)).toBe(ESSAY.replace("lonely and hard", "solitary, and hard").trimEnd());
    await screenshot(cleo, "propose-3-accepted");

    // A viewer gets no selection box at all, so no "Suggest edit"; the commenter, selecting the same, does.
    const vic = await openAs(suite.browser, room.links.viewer, VIC, DESKTOP);
    await waitForEditorText(vic, /solitary, and hard/);
    await select(vic, "automated");
    await select(cleo, "automated");
    await suggestButton(cleo).waitFor();
    expect(await vic.locator(".selection-bubble").count()).toBe(0);
    expect(await suggestButton(vic).count()).toBe(0);
    for (const page of [cleo, bob, vic]) await page.context().close();
  });

  it("by keyboard: Tab from the selection reaches Suggest edit, Esc goes back to the text, Enter proposes", async () => {
    const { room, canvasId } = await roomWithCanvas(suite.app, "Keyboard proposal");
    const bob = await openAs(suite.browser, room.links.editor, BOB, DESKTOP);
    await waitForEditorText(bob, /lonely and hard/);
    await bob.locator(".canvas-pane .ProseMirror p", { hasText: "most lights" }).click();
    await bob.keyboard.press("Home");
    for (let index = 0; index < 5; index++) await bob.keyboard.press("Shift+ArrowRight");
    await expect.poll(() => editorSelection(bob)).toBe("Today");
    // Ask AI, Comment, then Suggest edit.
    for (let index = 0; index < 3; index++) await bob.keyboard.press("Tab");
    expect(await bob.evaluate(() => document.activeElement?.textContent)).toContain("Suggest edit");
    await bob.keyboard.press("Enter");
    await suggestInput(bob).waitFor();
    await bob.keyboard.press("Escape");
    await expect.poll(() => bob.evaluate(() => document.activeElement?.classList.contains("ProseMirror"))).toBe(true);
    expect(await bob.evaluate(() => window.getSelection()?.toString())).toBe("Today");
    expect(await bob.locator(".canvas-pane .suggestion-del").count()).toBe(0);

    for (let index = 0; index < 3; index++) await bob.keyboard.press("Tab");
    await bob.keyboard.press("Enter");
    await suggestInput(bob).waitFor();
    await bob.keyboard.type("Nowadays");
    await bob.keyboard.press("Enter");
    await expect.poll(inline(bob).deleted).toEqual(["Today"]);
    await expect.poll(inline(bob).inserted).toEqual(["Nowadays"]);
    // An editor's suggestion is a suggestion too: the text is unchanged until someone accepts it.
    expect(await exported(room, canvasId)).toBe(ESSAY.trimEnd());
    await bob.context().close();
  });

  it("on a code canvas the selected source is proposed where it was selected, not at an earlier copy", async () => {
    const source = [
      "function total(items) {",
      "  let count = 0;",
      "  for (const item of items) count += item;",
      "  return count;",
      "}",
    ].join("\n");
    const { room, canvasId } = await roomWithCanvas(suite.app, "Code proposal", {
      title: "total.js",
      kind: "code",
      language: "javascript",
      content: source,
    });
    const cleo = await openAs(suite.browser, room.links.commenter, CLEO, DESKTOP);
    await waitForEditorText(cleo, /return count;/);
    // "count" reads three times; the selection is the last one, in the return line.
    await select(cleo, "count");
    await suggestButton(cleo).click();
    await suggestInput(cleo).waitFor();
    expect(await suggestInput(cleo).inputValue()).toBe("count");
    await cleo.keyboard.type("count * 2");
    await cleo.keyboard.press("Enter");
    await expect.poll(inline(cleo).inserted).toEqual([" * 2"]);
    await screenshot(cleo, "propose-7-code");

    const bob = await openAs(suite.browser, room.links.editor, BOB, DESKTOP);
    await expect.poll(inline(bob).inserted).toEqual([" * 2"]);
    await bob.locator(".suggestions-bar").getByRole("button", { name: "Accept", exact: true }).click();
    const expected = source.replace("return count;", "return count * 2;");
    await expect.poll(() => exported(room, canvasId, "source")).toBe(expected);
    await expect.poll(() => editorText(cleo)).toBe(expected);
    for (const page of [cleo, bob]) await page.context().close();
  });

  it("formatting around the changed words stays, and a pure insertion is proposed", async () => {
    const content = "# Notes\n\nThe **keeper** lived *alone* for years.\n";
    const { room, canvasId } = await roomWithCanvas(suite.app, "Formatted proposal", {
      title: "Notes",
      kind: "document",
      content,
    });
    const cleo = await openAs(suite.browser, room.links.commenter, CLEO, DESKTOP);
    await waitForEditorText(cleo, /lived alone/);
    await select(cleo, "keeper lived alone");
    await suggestButton(cleo).click();
    await suggestInput(cleo).waitFor();
    expect(await suggestInput(cleo).inputValue()).toBe("keeper lived alone");
    await suggestInput(cleo).fill("keeper lived quite alone");
    await suggestInput(cleo).press("Enter");
    await expect.poll(inline(cleo).inserted).toEqual(["quite "]);

    const listed = await suite.app.api(`/api/rooms/${room.roomId}/suggestions?canvasId=${canvasId}`, {
      token: room.tokens.editor,
    });
    const [suggestion] = (listed.json as { suggestions: { id: string; author: { name: string } }[] }).suggestions;
    expect(suggestion?.author.name).toBe("Cleo");
    const accepted = await suite.app.api(`/api/rooms/${room.roomId}/suggestions/${suggestion!.id}/accept`, {
      method: "POST",
      token: room.tokens.editor,
      body: { authorName: "Bob" },
    });
    expect(accepted.status).toBe(200);
    await expect.poll(() => exported(room, canvasId)).toBe("# Notes\n\nThe **keeper** lived quite *alone* for years.");
    await waitForEditorText(cleo, /lived quite alone for years/);
    await cleo.context().close();
  });

  it("when the passage changes while the person writes, the form says so and keeps their text", async () => {
    const { room, canvasId } = await roomWithCanvas(suite.app, "Changed meanwhile");
    const cleo = await openAs(suite.browser, room.links.commenter, CLEO, DESKTOP);
    const bob = await openAs(suite.browser, room.links.editor, BOB, DESKTOP);
    await waitForEditorText(cleo, /lonely and hard/);
    await select(cleo, "lonely and hard");
    await suggestButton(cleo).click();
    await suggestInput(cleo).fill("quiet");

    // Bob rewrites the passage meanwhile.
    await waitForEditorText(bob, /lonely and hard/);
    await bob.locator(".canvas-pane .ProseMirror p", { hasText: "lonely and hard" }).click();
    await bob.keyboard.press("End");
    await bob.keyboard.press("ArrowLeft");
    for (let index = 0; index < 4; index++) await bob.keyboard.press("Backspace");
    await bob.keyboard.type("long");
    await waitForEditorText(cleo, /lonely and long\./);

    await suggestInput(cleo).press("Enter");
    const alert = cleo.locator(".selection-bubble [role=alert]");
    await expect
      .poll(() => alert.innerText())
      .toBe(
        "Someone changed this passage while you were writing. Your text is kept: select the passage again to suggest it there.",
      );
    expect(await suggestInput(cleo).inputValue()).toBe("quiet");
    await screenshot(cleo, "propose-4-changed-meanwhile");
    expect(await cleo.locator(".canvas-pane .suggestion-del").count()).toBe(0);
    expect(await exported(room, canvasId)).toContain("lonely and long.");
    for (const page of [cleo, bob]) await page.context().close();
  });

  it("on a phone a commenter suggests an edit with taps, the form in view", async () => {
    const { room } = await roomWithCanvas(suite.app, "Phone proposal");
    // In the viewport and not under the canvas header: a tap at its centre reaches it.
    const reachable = (page: Page, selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((element) => {
          const box = element.getBoundingClientRect();
          const inside = box.left >= 0 && box.top >= 0 && box.right <= innerWidth && box.bottom <= innerHeight;
          const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
          return inside && hit !== null && (hit === element || element.contains(hit));
        });
    // An editor's box holds Ask AI, Comment and Suggest edit, all within the phone's width.
    const bob = await openAs(suite.browser, room.links.editor, BOB, PHONE);
    await waitForEditorText(bob, /lonely and hard/);
    await select(bob, "automated");
    await suggestButton(bob).waitFor();
    expect(await reachable(bob, ".selection-bubble .bubble-button.ask")).toBe(true);
    expect(await reachable(bob, ".selection-bubble .bubble-button:last-child")).toBe(true);
    await screenshot(bob, "propose-5-phone-bubble");
    await bob.context().close();

    const cleo = await openAs(suite.browser, room.links.commenter, CLEO, PHONE);
    await waitForEditorText(cleo, /lonely and hard/);
    await select(cleo, "guided every ship");
    await suggestButton(cleo).tap();
    const input = suggestInput(cleo);
    await input.waitFor();
    await input.fill("guided ships");
    expect(await reachable(cleo, ".selection-bubble textarea")).toBe(true);
    expect(await reachable(cleo, ".selection-bubble button[type=submit]")).toBe(true);
    expect(await cleo.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(cleo, "propose-5-phone-form");
    await cleo.locator(".selection-bubble").getByRole("button", { name: "Suggest", exact: true }).tap();
    await expect.poll(inline(cleo).deleted).toEqual(["every ship"]);
    await expect.poll(inline(cleo).inserted).toEqual(["ships"]);
    await screenshot(cleo, "propose-6-phone-suggested");
    await cleo.context().close();
  });
});
