// The rough edges of #18, in the browser: Enter sends (Shift+Enter adds a line; a setting keeps
// Ctrl+Enter), Ask AI by keyboard (Ctrl+K, and Tab keeps the selection bubble), the first click on
// "Apply suggestion" applies it, comment cards follow their text in the Tab order, the hidden file
// input takes no focus, people's words instead of the model's, names in versions, imported documents
// titled by their first heading, and custom quick actions that run like the built-in ones.
import { expect, it } from "vitest";
import type { Page } from "playwright-core";
import { describeBrowser, screenshot } from "./helpers/browser.ts";
import {
  ADA,
  openAs,
  roomWithCanvas,
  selectText,
  sendChat,
  waitForAnswers,
  waitForEditorText,
} from "./helpers/room.ts";
import { useBrowserSuite } from "./helpers/suite.ts";

const DESKTOP = { width: 1440, height: 900 };

describeBrowser("rough edges", () => {
  const suite = useBrowserSuite({ model: "fake" });

  function lastUserPrompt(): string {
    const body = suite.fake.requests[suite.fake.requests.length - 1]?.body as { messages?: { content?: unknown }[] };
    return JSON.stringify(body?.messages ?? []);
  }

  async function focusedText(page: Page): Promise<string> {
    return page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      return `${element?.tagName ?? ""}|${element?.getAttribute("type") ?? ""}|${element?.textContent?.trim().slice(0, 40) ?? ""}`;
    });
  }

  it("Enter sends and Shift+Enter adds a line; the setting brings back Ctrl+Enter", async () => {
    const room = await suite.app.createRoom("Keys");
    const ada = await openAs(suite.browser, room.links.editor, ADA, DESKTOP);
    expect(await ada.locator(".composer .hint").innerText()).toBe("Enter sends · Shift+Enter new line");
    suite.fake.script([{ text: "Got both lines." }]);
    const composer = ada.locator("#composer-input");
    await composer.click();
    await ada.keyboard.type("first line");
    await ada.keyboard.press("Shift+Enter");
    await ada.keyboard.type("second line");
    expect(await composer.inputValue()).toBe("first line\nsecond line");
    await ada.keyboard.press("Enter");
    await waitForAnswers(ada, 1);
    expect(await ada.locator(".chat-message.user").last().innerText()).toContain("first line\nsecond line");
    expect(await composer.inputValue()).toBe("");

    await ada.locator(".identity-button").click();
    await ada.getByLabel(/Ctrl\/⌘\+Enter/).check();
    await ada.getByRole("button", { name: "Save" }).click();
    expect(await ada.locator(".composer .hint").innerText()).toBe("Ctrl/⌘+Enter sends");
    await composer.click();
    await ada.keyboard.type("one");
    await ada.keyboard.press("Enter");
    await ada.keyboard.type("two");
    expect(await composer.inputValue()).toBe("one\ntwo");
    suite.fake.script([{ text: "Sent with Ctrl+Enter." }]);
    await ada.keyboard.press("Control+Enter");
    await waitForAnswers(ada, 2);
    await ada.reload();
    await ada.locator(".connection-badge.online").waitFor();
    expect(await ada.locator(".composer .hint").innerText()).toBe("Ctrl/⌘+Enter sends");
    await ada.context().close();
  });

  it("Ask AI by keyboard: Tab from a selection reaches the bubble, Ctrl+K opens the question", async () => {
    const { room } = await roomWithCanvas(suite.app, "Keyboard");
    const ada = await openAs(suite.browser, room.links.editor, ADA, DESKTOP);
    await waitForEditorText(ada, /lonely and hard/);
    await ada.locator(".canvas-pane .ProseMirror p", { hasText: "keeper's life" }).click();
    await ada.keyboard.press("Home");
    for (let index = 0; index < 10; index++) await ada.keyboard.press("Shift+ArrowRight");
    await ada.locator(".selection-bubble").waitFor();
    // ProseMirror takes in arrow-key selections from the DOM asynchronously (selectionchange): wait until
    // the editor's own selection has caught up with the keys before moving focus.
    const editorSelection = () =>
      ada.evaluate(() => {
        const dom = document.querySelector(".canvas-pane .ProseMirror") as
          | (Element & {
              editor?: {
                state: { selection: { from: number; to: number }; doc: { textBetween(a: number, b: number): string } };
              };
            })
          | null;
        const state = dom?.editor?.state;
        return state ? state.doc.textBetween(state.selection.from, state.selection.to) : "";
      });
    await expect.poll(editorSelection).toBe("The keeper");
    const selected = "The keeper";
    await ada.keyboard.press("Tab");
    expect(await focusedText(ada)).toMatch(/^BUTTON\|button\|Ask AI/);
    expect(await ada.locator(".selection-bubble").count()).toBe(1);
    await ada.keyboard.press("Enter");
    await ada.getByLabel("Ask Canvas AI about the selection").waitFor();
    // Esc closes the question and puts the caret back in the text, with the selection kept.
    await ada.keyboard.press("Escape");
    await expect.poll(() => ada.evaluate(() => document.activeElement?.classList.contains("ProseMirror"))).toBe(true);
    expect(await ada.evaluate(() => window.getSelection()?.toString())).toBe(selected);

    await ada.keyboard.press("Control+k");
    const input = ada.getByLabel("Ask Canvas AI about the selection");
    await input.waitFor();
    expect(await input.evaluate((element) => element === document.activeElement)).toBe(true);
    await screenshot(ada, "keyboard-1-ctrl-k");
    suite.fake.script([{ text: "It means the keepers worked alone." }]);
    await ada.keyboard.type("What does this mean?");
    await ada.keyboard.press("Enter");
    await waitForAnswers(ada, 1);
    expect(lastUserPrompt()).toContain(selected);
    await ada.context().close();
  });

  /** Two AI comments with suggestions on neighbouring sentences, their cards at rest in the rail. */
  async function twoSuggestions(page: Page): Promise<void> {
    suite.fake.script([
      {
        text: "Two notes.",
        toolCall: {
          name: "comment_canvas",
          arguments: {
            comments: [
              {
                quote: "guided every ship",
                comment: "Which ships?",
                severity: "suggestion",
                suggestion: "guided ships",
              },
              {
                quote: "lonely and hard",
                comment: "Show it.",
                severity: "suggestion",
                suggestion: "solitary and demanding",
              },
            ],
          },
        },
      },
    ]);
    await sendChat(page, "Review this essay");
    await expect.poll(() => page.locator(".comment-card").count()).toBe(2);
    await railAtRest(page);
  }

  /** Open the first card (its reply box makes it taller and pushes the second one down); returns the
   * second card's Apply button. */
  async function openFirstCard(page: Page) {
    await page.locator(".comment-card", { hasText: "Which ships?" }).locator(".comment-body").click();
    await page.locator(".comment-card.active .reply-form").waitFor();
    return page.locator(".comment-card", { hasText: "Show it." }).getByRole("button", { name: "Apply suggestion" });
  }

  /** Until the rail is at rest: its next-frame layout pass has run and no card is still sliding. */
  async function railAtRest(page: Page): Promise<void> {
    await page.evaluate(async () => {
      const nextFrame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      for (;;) {
        await nextFrame();
        const running = document.querySelector(".rail-cards")?.getAnimations({ subtree: true }) ?? [];
        if (running.length === 0) return;
        await Promise.all(running.map((animation) => animation.finished.catch(() => undefined)));
      }
    });
  }

  /** The text of the button under the point, if any (what a click there would land on). */
  function buttonAt(page: Page, point: { x: number; y: number }): Promise<string> {
    return page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest("button")?.textContent ?? "", point);
  }

  it("the first click on Apply suggestion applies it, even with another card open above", async () => {
    const { room } = await roomWithCanvas(suite.app, "Apply");
    const ada = await openAs(suite.browser, room.links.editor, ADA, DESKTOP);
    await waitForEditorText(ada, /lonely and hard/);
    await twoSuggestions(ada);
    const apply = await openFirstCard(ada);
    await railAtRest(ada);
    const before = (await apply.boundingBox())!;
    const point = { x: before.x + 12, y: before.y + before.height / 2 };
    await ada.mouse.move(point.x, point.y);
    await ada.mouse.down();
    // Whatever the press sets off (focus leaving the open card, the pressed card's activation, a
    // re-layout) has run and finished sliding before the button is measured again.
    await railAtRest(ada);
    await screenshot(ada, "comments-apply-pressed");
    expect(Math.abs((await apply.boundingBox())!.y - before.y)).toBeLessThan(1);
    expect(await buttonAt(ada, point)).toBe("Apply suggestion");
    await ada.mouse.up();
    await waitForEditorText(ada, /solitary and demanding/);
    await expect.poll(() => ada.locator(".comment-card", { hasText: "Show it." }).count()).toBe(0);
    await ada.context().close();
  });

  it("a press on a card that is still sliding holds the rail still until the click is in", async () => {
    const { room } = await roomWithCanvas(suite.app, "Apply mid-slide");
    const ada = await openAs(suite.browser, room.links.editor, ADA, DESKTOP);
    await waitForEditorText(ada, /lonely and hard/);
    await twoSuggestions(ada);
    // Stop the page's animation clock, so the second card's slide down (the first one opened) is
    // caught at its start, however fast or loaded the machine is.
    const cdp = await ada.context().newCDPSession(ada);
    await cdp.send("Animation.enable");
    try {
      await cdp.send("Animation.setPlaybackRate", { playbackRate: 0 });
      const apply = await openFirstCard(ada);
      expect(
        await ada.evaluate(() => document.querySelector(".rail-cards")!.getAnimations({ subtree: true }).length),
      ).toBeGreaterThan(0);
      const before = (await apply.boundingBox())!;
      const point = { x: before.x + 12, y: before.y + before.height / 2 };
      await ada.mouse.move(point.x, point.y);
      await ada.mouse.down();
      await cdp.send("Animation.setPlaybackRate", { playbackRate: 1 });
      await railAtRest(ada);
      expect(Math.abs((await apply.boundingBox())!.y - before.y)).toBeLessThan(1);
      expect(await buttonAt(ada, point)).toBe("Apply suggestion");
      await ada.mouse.up();
      await waitForEditorText(ada, /solitary and demanding/);
    } finally {
      await cdp.send("Animation.setPlaybackRate", { playbackRate: 1 });
    }
    await ada.context().close();
  });

  it("comment cards follow their text in the Tab order; a person's comment has no severity badge", async () => {
    const { room } = await roomWithCanvas(suite.app, "Tab order");
    const ada = await openAs(suite.browser, room.links.editor, ADA, DESKTOP);
    await waitForEditorText(ada, /lonely and hard/);
    suite.fake.script([
      {
        text: "Notes.",
        toolCall: {
          name: "comment_canvas",
          arguments: {
            comments: [
              { quote: "Today most lights are automated.", comment: "Source?", severity: "issue", suggestion: null },
              { quote: "guided every ship", comment: "Which ships?", severity: "info", suggestion: null },
            ],
          },
        },
      },
    ]);
    await sendChat(ada, "Review this essay");
    await expect.poll(() => ada.locator(".comment-card").count()).toBe(2);
    // A person's comment on the middle sentence.
    await selectText(ada, "lonely and hard");
    await ada.locator(".selection-bubble").getByRole("button", { name: "Comment" }).click();
    await ada.getByLabel("Comment on the selection").fill("Lovely line.");
    await ada.getByLabel("Comment on the selection").press("Enter");
    await expect.poll(() => ada.locator(".comment-card").count()).toBe(3);
    const mine = ada.locator(".comment-card", { hasText: "Lovely line." });
    expect(await mine.locator(".severity-badge").count()).toBe(0);
    expect(await ada.locator(".comment-card", { hasText: "Source?" }).locator(".severity-badge").textContent()).toBe(
      "issue",
    );

    // From the end of the text, Tab visits the cards top to bottom, as their text reads.
    await ada.locator(".canvas-pane .ProseMirror p", { hasText: "Today most" }).click();
    await ada.keyboard.press("End");
    const order: string[] = [];
    for (let index = 0; index < 8 && order.length < 3; index++) {
      await ada.keyboard.press("Tab");
      const label = await ada.evaluate(() =>
        document.activeElement?.classList.contains("comment-card")
          ? (document.activeElement.querySelector(".comment-body")?.textContent ?? "")
          : "",
      );
      if (label) order.push(label);
      else if (order.length) await ada.keyboard.press("Tab");
    }
    expect(order).toEqual(["Which ships?", "Lovely line.", "Source?"]);
    await screenshot(ada, "comments-2-tab-order");
    await ada.context().close();
  });

  it("the hidden file input never takes focus, and an imported document is titled by its first heading", async () => {
    const { room } = await roomWithCanvas(suite.app, "Import");
    const ada = await openAs(suite.browser, room.links.editor, ADA, DESKTOP);
    await waitForEditorText(ada, /lonely and hard/);
    await ada.getByRole("button", { name: "Export ▾" }).focus();
    for (let index = 0; index < 12; index++) {
      await ada.keyboard.press("Tab");
      expect(await focusedText(ada)).not.toMatch(/^INPUT\|file/);
    }
    await ada.keyboard.press("Escape");
    await ada.locator('input[type="file"]').setInputFiles({
      name: "notes-2026-11.md",
      mimeType: "text/markdown",
      buffer: Buffer.from("Some front matter line\n\n# Trip to *Lisbon*\n\nDay one: trams.\n"),
    });
    await expect.poll(() => ada.locator(".canvas-tab.active").innerText()).toContain("Trip to Lisbon");
    await ada.context().close();
  });

  it("errors meant for the model read as words for people, and versions name the person", async () => {
    const room = await suite.app.createRoom("Words");
    const ada = await openAs(suite.browser, room.links.editor, ADA, DESKTOP);
    const noCanvas = {
      name: "edit_canvas",
      arguments: { edits: [{ find: "x", replace: "y", all: false }], summary: "s" },
    };
    suite.fake.script([{ toolCall: noCanvas }, { toolCall: noCanvas }, { toolCall: noCanvas }, { text: "Sorry." }]);
    await sendChat(ada, "Change x to y");
    const card = ada.locator(".activity-card.failed").last();
    await card.waitFor();
    const text = await card.innerText();
    expect(text).not.toMatch(/create_canvas|edit_canvas|Quote the exact/);
    expect(text).toContain("There was no open canvas to change");
    // Nor does the answer that quotes the engine's last error.
    await ada
      .locator('.chat-message.assistant[data-status="done"], .chat-message.assistant[data-status="error"]')
      .last()
      .waitFor();
    expect(await ada.locator(".chat-pane").innerText()).not.toMatch(/create_canvas|edit_canvas/);

    const created = await suite.app.api(`/api/rooms/${room.roomId}/canvases`, {
      method: "POST",
      token: room.tokens.editor,
      body: { title: "Notes", kind: "document", content: "First draft." },
    });
    const canvasId = (created.json as { canvasId: string }).canvasId;
    await suite.app.server.app.store.saveVersion({
      id: "v-words-1",
      roomId: room.roomId,
      canvasId,
      reason: "snapshot",
      author: "Bob",
      text: "An older draft.",
      runId: null,
      createdAt: Date.now() - 60_000,
    });
    await waitForEditorText(ada, /First draft/);
    await ada.getByRole("button", { name: "Versions" }).click();
    await ada.locator(".version-item", { hasText: "Bob" }).click();
    await ada.getByRole("button", { name: "Restore this version" }).click();
    await waitForEditorText(ada, /An older draft/);
    await expect.poll(() => ada.locator(".version-item").first().innerText()).toContain("Ada");
    expect(await ada.locator(".version-list").innerText()).not.toMatch(/\bowner\b|\beditor\b/);
    await screenshot(ada, "versions-1-names");
    await ada.context().close();
  });

  it("a custom quick action is saved for the room, runs like a built-in one, and can be edited and removed", async () => {
    const { room } = await roomWithCanvas(suite.app, "Custom actions");
    const ada = await openAs(suite.browser, room.links.editor, ADA, DESKTOP);
    await waitForEditorText(ada, /lonely and hard/);
    await ada.getByRole("button", { name: "✦ Quick actions" }).click();
    await ada.getByRole("menuitem", { name: /New quick action/ }).click();
    const dialog = ada.getByRole("dialog", { name: "New quick action" });
    await dialog.getByLabel("Name").fill("Board tone");
    await dialog
      .getByLabel("Instruction for Canvas AI")
      .fill("Rewrite the canvas in a formal tone for a board report.");
    await screenshot(ada, "actions-1-new");
    await dialog.getByRole("button", { name: "Add action" }).click();

    // Another person in the room sees it at once.
    const bob = await openAs(suite.browser, room.links.editor, { name: "Bob", color: "#db2777" }, DESKTOP);
    await bob.getByRole("button", { name: "✦ Quick actions" }).click();
    await bob.getByRole("menuitem", { name: /Board tone/ }).waitFor();
    await bob.context().close();

    suite.fake.script([
      {
        text: "Done.",
        toolCall: {
          name: "rewrite_canvas",
          arguments: {
            content: "# Lighthouses\n\nLighthouses guided vessels along the coast.\n",
            summary: "Formal tone",
          },
        },
      },
    ]);
    await ada.getByRole("button", { name: "✦ Quick actions" }).click();
    await screenshot(ada, "actions-2-menu");
    await ada.getByRole("menuitem", { name: /Board tone/ }).click();
    await waitForAnswers(ada, 1);
    expect(lastUserPrompt()).toContain("Rewrite the canvas in a formal tone for a board report.");
    await waitForEditorText(ada, /guided vessels/);
    expect(await ada.locator(".chat-message.user").last().innerText()).toContain("formal tone");

    await ada.getByRole("button", { name: "✦ Quick actions" }).click();
    await ada.getByRole("button", { name: "Edit “Board tone”" }).click();
    await ada.getByRole("dialog", { name: "Edit quick action" }).getByLabel("Name").fill("Board voice");
    await ada.getByRole("button", { name: "Save action" }).click();
    await ada.getByRole("button", { name: "✦ Quick actions" }).click();
    await ada.getByRole("menuitem", { name: /Board voice/ }).waitFor();
    ada.once("dialog", (confirm) => void confirm.accept());
    await ada.getByRole("button", { name: "Remove “Board voice”" }).click();
    await expect.poll(() => ada.getByRole("menuitem", { name: /Board voice/ }).count()).toBe(0);
    await ada.context().close();
  });
});
