// Suggestion mode in Chromium with two people: Ada asks in suggest mode, Bob sees the suggestions
// inline and reviews them from the keyboard, Ada sees what he accepted land; Ctrl+Z undoes Bob's own
// last decision.
import { expect, it } from "vitest";
import type { Page } from "playwright-core";
import { describeBrowser, screenshot } from "../e2e/helpers/browser.ts";
import { ADA, BOB, ESSAY, openAs, roomWithCanvas, sendChat, waitForEditorText } from "../e2e/helpers/room.ts";
import { useBrowserSuite } from "../e2e/helpers/suite.ts";

describeBrowser("suggestion mode in the browser", () => {
  const suite = useBrowserSuite({ model: "fake" });

  const exported = async (roomId: string, canvasId: string, token: string): Promise<string> =>
    (await suite.app.api(`/api/rooms/${roomId}/canvases/${canvasId}/export?format=markdown`, { token })).text;
  const struck = (page: Page) => page.locator(".canvas-pane .suggestion-del").allInnerTexts();
  const inserted = (page: Page) => page.locator(".canvas-pane .suggestion-ins").allInnerTexts();

  it("Ada asks in suggest mode, Bob accepts one and rejects one from the keyboard, both see it live", async () => {
    const { room, canvasId } = await roomWithCanvas(suite.app, "Review together");
    const ada = await openAs(suite.browser, room.links.editor, ADA);
    const bob = await openAs(suite.browser, room.links.editor, BOB);
    await waitForEditorText(ada, /lonely and hard/);
    await waitForEditorText(bob, /lonely and hard/);
    const before = await exported(room.roomId, canvasId, room.tokens.viewer);

    suite.fake.script([
      {
        text: "Here are two suggestions.",
        toolCall: {
          name: "edit_canvas",
          arguments: {
            edits: [
              { find: "lonely and hard", replace: "solitary and demanding", all: false },
              {
                find: "Today most lights are automated.",
                replace: "Today almost every light runs itself.",
                all: false,
              },
            ],
            summary: "Livelier wording",
          },
        },
      },
    ]);
    await ada.getByRole("radio", { name: /^Suggest/ }).click();
    await sendChat(ada, "Make it livelier");

    // Both see the proposals inline; the canvas itself is unchanged.
    for (const page of [ada, bob]) {
      await expect.poll(() => struck(page)).toEqual(["lonely and hard", "most lights are automated"]);
      expect(await inserted(page)).toEqual(["solitary and demanding", "almost every light runs itself"]);
      await expect.poll(() => page.locator(".suggestions-count").innerText()).toContain("2 suggestions");
    }
    expect(await exported(room.roomId, canvasId, room.tokens.viewer)).toBe(before);
    const title = await bob.locator(".canvas-pane .suggestion-del").first().getAttribute("title");
    expect(title).toMatch(/^Suggested by Canvas AI · run /);
    await screenshot(bob, "suggestions-inline");

    // Bob, keyboard only: to the first suggestion, accept; to the next, reject.
    await bob.locator(".canvas-pane .ProseMirror").click();
    await bob.keyboard.press("Control+Home");
    await bob.keyboard.press("Alt+n");
    await expect
      .poll(() => bob.locator(".suggestion-del.suggestion-active").allInnerTexts())
      .toEqual(["lonely and hard"]);
    await bob.keyboard.press("Alt+Enter");
    await waitForEditorText(ada, /The keeper's life was solitary and demanding\./);
    await expect.poll(() => struck(ada)).toEqual(["most lights are automated"]);
    expect(await exported(room.roomId, canvasId, room.tokens.viewer)).toBe(
      ESSAY.replace("lonely and hard", "solitary and demanding").trimEnd(),
    );
    await screenshot(ada, "suggestion-accepted-seen-by-ada");

    await expect
      .poll(() => bob.locator(".suggestion-del.suggestion-active").allInnerTexts())
      .toEqual(["most lights are automated"]);
    // The reject reaches the server (everyone sees it over the socket) but its answer is held back, so
    // Bob's Ctrl+Z comes before it: it must still undo the reject, not his accept before it.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await bob.route(/\/suggestions\/[^/]+\/reject$/, async (route) => {
      const response = await route.fetch();
      await held;
      await route.fulfill({ response });
    });
    await bob.keyboard.press("Alt+Backspace");
    await expect.poll(() => struck(ada)).toEqual([]);
    await expect.poll(() => struck(bob)).toEqual([]);
    await expect.poll(() => ada.locator(".suggestions-bar").count()).toBe(0);
    expect(await exported(room.roomId, canvasId, room.tokens.viewer)).toContain("Today most lights are automated.");

    // Ctrl+Z undoes Bob's last decision (the reject): the suggestion is back for everyone.
    await bob.keyboard.press("Control+z");
    release();
    await expect.poll(() => struck(ada)).toEqual(["most lights are automated"]);
    // And once more: the accept is undone, the text is back as it was.
    await bob.keyboard.press("Control+z");
    await expect.poll(() => struck(ada)).toEqual(["lonely and hard", "most lights are automated"]);
    await expect.poll(() => struck(bob)).toEqual(["lonely and hard", "most lights are automated"]);
    expect(await exported(room.roomId, canvasId, room.tokens.viewer)).toBe(before);
    await screenshot(bob, "suggestions-after-undo");
    await ada.context().close();
    await bob.context().close();
  });

  it("a viewer sees suggestions but has no accept or reject; Alt+P goes to the previous one", async () => {
    const { room, canvasId } = await roomWithCanvas(suite.app, "Viewer");
    const created = await suite.app.api(`/api/rooms/${room.roomId}/suggestions`, {
      method: "POST",
      token: room.tokens.commenter,
      body: { canvasId, find: "guided every ship", replace: "guided ships" },
    });
    expect(created.status).toBe(201);
    const viewer = await openAs(suite.browser, room.links.viewer, BOB);
    await expect.poll(() => struck(viewer)).toEqual(["every ship"]);
    expect(await viewer.getByRole("button", { name: "Accept" }).count()).toBe(0);
    await expect.poll(() => viewer.locator(".suggestions-bar .hint").innerText()).toContain("Editors decide");
    await viewer.getByRole("button", { name: "Previous suggestion" }).click();
    await expect.poll(() => viewer.locator(".suggestion-del.suggestion-active").count()).toBe(1);
    await screenshot(viewer, "suggestions-viewer");
    await viewer.context().close();
  });

  it("Ctrl+Z undoes an applied comment suggestion too, and the comment opens again", async () => {
    const { room, canvasId } = await roomWithCanvas(suite.app, "Apply and undo");
    const ada = await openAs(suite.browser, room.links.editor, ADA);
    await waitForEditorText(ada, /lonely and hard/);
    suite.fake.script([
      {
        toolCall: {
          name: "comment_canvas",
          arguments: {
            comments: [
              {
                quote: "lonely and hard",
                comment: "Stronger words?",
                severity: "suggestion",
                suggestion: "solitary and demanding",
              },
            ],
          },
        },
      },
    ]);
    await sendChat(ada, "Review this");
    await ada.locator(".comment-card").first().click();
    // The text arrives over the socket, possibly before the answer that records the decision for Ctrl+Z.
    const answered = ada.waitForResponse((response) => response.url().endsWith("/apply"));
    await ada.getByRole("button", { name: "Apply suggestion" }).click();
    expect((await answered).status()).toBe(200);
    await waitForEditorText(ada, /solitary and demanding/);
    await ada.locator(".canvas-pane .ProseMirror").click();
    await ada.keyboard.press("Control+z");
    await waitForEditorText(ada, /The keeper's life was lonely and hard\./);
    expect(await exported(room.roomId, canvasId, room.tokens.viewer)).toContain("lonely and hard");
    await expect.poll(() => ada.locator(".comment-card").count()).toBe(1);
    // The comment's suggestion is back in its card, not inline.
    expect(await struck(ada)).toEqual([]);
    await ada.context().close();
  });

  it("pending suggestions fit the screen on a 1440×900 desktop and a 390×844 phone", async () => {
    const { room, canvasId } = await roomWithCanvas(suite.app, "Layout");
    for (const [find, replace] of [
      ["guided every ship along the coast", "guided ships along the whole rocky coast"],
      ["lonely and hard", "solitary and demanding"],
      ["Today most lights are automated.", "Today almost every light runs itself."],
    ])
      expect(
        (
          await suite.app.api(`/api/rooms/${room.roomId}/suggestions`, {
            method: "POST",
            token: room.tokens.commenter,
            body: { canvasId, find, replace, authorName: "Grace" },
          })
        ).status,
      ).toBe(201);
    for (const [name, viewport] of [
      ["suggestions-desktop-1440", { width: 1440, height: 900 }],
      ["suggestions-phone-390", { width: 390, height: 844 }],
    ] as const) {
      const page = await openAs(suite.browser, room.links.editor, ADA, viewport);
      await expect.poll(() => struck(page)).toHaveLength(3);
      const bar = page.locator(".suggestions-bar");
      await expect.poll(() => bar.locator(".suggestions-count").innerText()).toContain("3 suggestions");
      // Every control of the bar is on screen, and nothing makes the page scroll sideways.
      for (const control of await bar.getByRole("button").all()) {
        const box = (await control.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      // The canvas slides in on a phone: look at it once it is in place.
      await page.waitForFunction(() =>
        [...document.querySelectorAll(".canvas-slot")].every((slot) =>
          slot.getAnimations().every((animation) => animation.playState === "finished"),
        ),
      );
      await screenshot(page, name);
      await page.context().close();
    }
  });
});
