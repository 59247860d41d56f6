// Safe AI changes with two people in Chromium (#13): Bob types while Ada's rewrite streams and keeps
// every word; each chat card's "Show" opens its own change, with its own undo and its status.
import { expect, it } from "vitest";
import { describeBrowser, screenshot } from "./helpers/browser.ts";
import { ADA, BOB, editorText, openAs, roomWithCanvas, sendChat, waitForEditorText } from "./helpers/room.ts";
import { useBrowserSuite } from "./helpers/suite.ts";

const FRENCH = [
  "# Phares",
  "",
  "Les phares guidaient autrefois chaque navire le long de la côte.",
  "",
  "La vie du gardien était solitaire et dure.",
  "",
  "Aujourd'hui, la plupart des feux sont automatisés.",
].join("\n");

describeBrowser("safe AI changes with two people", () => {
  const suite = useBrowserSuite({ model: "fake" });

  it("the second person types while the first one's rewrite streams, and keeps every word", async () => {
    const { room } = await roomWithCanvas(suite.app, "Translation");
    const ada = await openAs(suite.browser, room.links.editor, ADA);
    const bob = await openAs(suite.browser, room.links.editor, BOB);
    await waitForEditorText(bob, /lonely and hard/);
    suite.fake.script([
      {
        toolCall: { name: "rewrite_canvas", arguments: { content: FRENCH, summary: "Translated to French" } },
        chunkSize: 4,
        delayMs: 40,
      },
    ]);
    await ada.locator("#composer-input").fill("Translate it to French");
    await ada.locator("#composer-input").press("Control+Enter");
    // Bob starts a new closing paragraph once the translation is visibly streaming.
    await waitForEditorText(bob, /^Phares/);
    await bob.locator(".canvas-pane .ProseMirror > *").last().click();
    await bob.keyboard.press("End");
    await bob.keyboard.press("Enter");
    await bob.keyboard.type("Bob wrote this closing line.");
    await screenshot(bob, "safe-1-bob-types-during-rewrite");
    await ada.locator('.chat-message.assistant[data-status="done"]').waitFor({ timeout: 20_000 });
    for (const page of [ada, bob]) {
      await waitForEditorText(page, /Aujourd'hui, la plupart des feux sont automatisés\./);
      await waitForEditorText(page, /Bob wrote this closing line\./);
    }
    expect(await editorText(ada)).toBe(await editorText(bob));
    await screenshot(ada, "safe-2-rewrite-merged-ada");
    await ada.context().close();
    await bob.context().close();
  });

  it("each chat card's Show opens its own change, with its own undo and status", async () => {
    const { room } = await roomWithCanvas(suite.app, "Two edits");
    const ada = await openAs(suite.browser, room.links.editor, ADA);
    await waitForEditorText(ada, /lonely and hard/);
    const edit = (find: string, replace: string, summary: string) => ({
      text: `Done: ${summary}.`,
      toolCall: { name: "edit_canvas", arguments: { edits: [{ find, replace, all: false }], summary } },
    });
    suite.fake.script([edit("once guided every ship", "guided every boat", "First edit")]);
    await sendChat(ada, "Say boat");
    suite.fake.script([edit("most lights are", "all lights are", "Second edit")]);
    await sendChat(ada, "Say all");
    await waitForEditorText(ada, /all lights are automated/);

    const cards = ada.locator(".activity-card");
    await cards.nth(0).getByRole("button", { name: "Show" }).click();
    const panel = ada.locator(".side-panel .change-detail");
    await expect.poll(() => panel.locator(".change-summary").innerText()).toContain("First edit");
    await panel.locator(".diff-body ins", { hasText: "boat" }).waitFor();
    await screenshot(ada, "safe-3-show-first-change");

    await panel.getByRole("button", { name: "Undo this change" }).click();
    await waitForEditorText(ada, /once guided every ship/);
    const text = await editorText(ada);
    expect(text).toContain("all lights are automated");
    await ada.locator('.side-panel .change-detail[data-status="undone"]').waitFor();
    expect(await panel.getByRole("button", { name: "Undo this change" }).count()).toBe(0);
    // Its chat card says so (for everyone: the mark is in the room); the other card does not.
    await expect.poll(() => cards.nth(0).locator(".activity-undone").count()).toBe(1);
    expect(await cards.nth(1).locator(".activity-undone").count()).toBe(0);
    await screenshot(ada, "safe-4-first-change-undone");

    await cards.nth(1).getByRole("button", { name: "Show" }).click();
    await expect.poll(() => panel.locator(".change-summary").innerText()).toContain("Second edit");
    await ada.locator('.side-panel .change-detail[data-status="applied"]').waitFor();
    await panel.locator(".diff-body ins", { hasText: "all" }).waitFor();
    await screenshot(ada, "safe-5-show-second-change");
    await ada.context().close();
  });
});
