// The model at work in the product, against the real server and a fake OpenAI-compatible model:
// a canvas opens beside the chat, a targeted edit is highlighted and diffed, undo reverts just it,
// and a second person sees the same change live.
import { expect, it } from "vitest";
import { describeBrowser, screenshot } from "./helpers/browser.ts";
import { ADA, BOB, ESSAY, editorText, openAs, sendChat, waitForEditorText } from "./helpers/room.ts";
import { useBrowserSuite } from "./helpers/suite.ts";

describeBrowser("AI changes in the browser", () => {
  const suite = useBrowserSuite({ model: "fake" });

  it("the model creates a canvas: chat-only until then, the canvas opens beside the chat", async () => {
    const room = await suite.app.createRoom("Essays");
    const ada = await openAs(suite.browser, room.links.editor, ADA);
    expect(await ada.locator(".canvas-pane").count()).toBe(0);
    await screenshot(ada, "create-0-chat-only");

    suite.fake.script([
      {
        text: "Here is a first draft.",
        toolCall: {
          name: "create_canvas",
          arguments: { title: "Lighthouses", kind: "document", language: null, content: ESSAY },
        },
      },
    ]);
    await sendChat(ada, "Write a short essay about lighthouses");

    await ada.locator(".canvas-pane").waitFor();
    await waitForEditorText(ada, /The keeper's life was lonely and hard\./);
    expect(await ada.locator(".canvas-tab.active").innerText()).toContain("Lighthouses");
    expect(await ada.locator(".activity-card").first().innerText()).toContain("Created “Lighthouses”");
    expect(await ada.locator(".canvas-pane h1").innerText()).toBe("Lighthouses");
    await screenshot(ada, "create-1-canvas-open");
    await ada.context().close();
  });

  it("a targeted edit is highlighted for both people, Show changes diffs it, Undo AI change reverts only it", async () => {
    const room = await suite.app.createRoom("Edits");
    const created = await suite.app.api(`/api/rooms/${room.roomId}/canvases`, {
      method: "POST",
      token: room.tokens.editor,
      body: { title: "Lighthouses", kind: "document", language: null, content: ESSAY },
    });
    expect(created.status).toBe(201);
    const ada = await openAs(suite.browser, room.links.editor, ADA);
    const bob = await openAs(suite.browser, room.links.editor, BOB);
    await waitForEditorText(bob, /lonely and hard/);

    // The model is slow enough (delayMs) for the highlight to be seen while it lands.
    suite.fake.script([
      {
        text: "I made the second paragraph friendlier.",
        toolCall: {
          name: "edit_canvas",
          arguments: {
            edits: [
              {
                find: "The keeper's life was lonely and hard.",
                replace: "Keepers led quiet, devoted lives.",
                all: false,
              },
            ],
            summary: "Friendlier second paragraph",
          },
        },
        delayMs: 5,
      },
    ]);
    await ada.locator("#composer-input").fill("Make the second paragraph friendlier");
    await ada.locator("#composer-input").press("Control+Enter");

    // Both people see the change, highlighted where it happened and nowhere else.
    for (const page of [ada, bob]) {
      await page
        .locator(".ai-change", { hasText: "Keepers led quiet, devoted lives" })
        .first()
        .waitFor({ timeout: 15_000 });
      expect(await page.locator(".ai-change", { hasText: "Lighthouses once guided" }).count()).toBe(0);
    }
    await screenshot(ada, "edit-1-highlight-ada");
    await screenshot(bob, "edit-1-highlight-bob");
    const edited = await editorText(bob);
    expect(edited).toContain("Keepers led quiet, devoted lives.");
    expect(edited).not.toContain("lonely and hard");
    expect(edited).toContain("Lighthouses once guided every ship along the coast.");
    expect(await ada.locator(".activity-card").last().innerText()).toContain("Edited 1 passage in “Lighthouses”");

    // Bob types while Ada looks at the diff: undo must keep his words.
    await ada.locator('.chat-message.assistant[data-status="done"]').waitFor();
    await bob.locator(".canvas-pane .ProseMirror p", { hasText: "Today most lights" }).click();
    await bob.keyboard.press("End");
    await bob.keyboard.type(" Bob was here.");
    await waitForEditorText(ada, /Bob was here\./);

    await ada.getByRole("button", { name: "Show changes" }).click();
    const diff = ada.locator(".side-panel .diff-body");
    await diff.locator("ins", { hasText: "Keepers led quiet" }).waitFor();
    expect(await diff.locator("del").allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining("lonely")]),
    );
    await screenshot(ada, "edit-2-show-changes");

    await ada.getByRole("button", { name: "Undo this change" }).click();
    await waitForEditorText(bob, /The keeper's life was lonely and hard\./);
    const undone = await editorText(ada);
    expect(undone).not.toContain("Keepers led quiet");
    expect(undone).toContain("Bob was here.");
    await screenshot(ada, "edit-3-undone");
    await ada.context().close();
    await bob.context().close();
  });
});
