// The mode in the chat composer, in Chromium: the owner makes "Suggest" the room's default, a colleague
// who opens the room then sends in suggest mode without choosing, and can still pick "Edit directly"
// for one message.
import { expect, it } from "vitest";
import { describeBrowser } from "../e2e/helpers/browser.ts";
import { ADA, BOB, ESSAY, openAs, roomWithCanvas, sendChat, waitForEditorText } from "../e2e/helpers/room.ts";
import { useBrowserSuite } from "../e2e/helpers/suite.ts";

describeBrowser("the room's default mode in the browser", () => {
  const suite = useBrowserSuite({ model: "fake" });

  it("the owner makes Suggest the default; a colleague's messages then suggest, unless they pick Edit directly", async () => {
    const { room, canvasId } = await roomWithCanvas(suite.app, "Default mode");
    const exported = async () =>
      (
        await suite.app.api(`/api/rooms/${room.roomId}/canvases/${canvasId}/export?format=markdown`, {
          token: room.tokens.viewer,
        })
      ).text;
    const owner = await openAs(suite.browser, room.links.owner, ADA);
    await waitForEditorText(owner, /lonely and hard/);
    const suggest = owner.getByRole("radio", { name: /^Suggest/ });
    await suggest.click();
    await owner.getByRole("button", { name: "Make default" }).click();
    await expect.poll(() => owner.getByRole("radio", { name: /^Suggest \(room default\)/ }).count()).toBe(1);
    await expect.poll(() => owner.getByRole("button", { name: "Make default" }).count()).toBe(0);

    const bob = await openAs(suite.browser, room.links.editor, BOB);
    await waitForEditorText(bob, /lonely and hard/);
    // An editor sees the default chosen for them, and cannot change the room's default.
    await expect.poll(() => bob.getByRole("radio", { name: /^Suggest/ }).getAttribute("aria-checked")).toBe("true");
    suite.fake.script([
      {
        text: "Suggested.",
        toolCall: {
          name: "edit_canvas",
          arguments: { edits: [{ find: "lonely and hard", replace: "solitary", all: false }], summary: "Shorter" },
        },
      },
    ]);
    await sendChat(bob, "Shorter words");
    await expect.poll(() => bob.locator(".canvas-pane .suggestion-del").allInnerTexts()).toEqual(["lonely and hard"]);
    expect(await exported()).toBe(ESSAY.trimEnd());

    await bob.getByRole("radio", { name: /^Edit directly/ }).click();
    expect(await bob.getByRole("button", { name: "Make default" }).count()).toBe(0);
    suite.fake.script([
      {
        text: "Done.",
        toolCall: {
          name: "edit_canvas",
          arguments: {
            edits: [{ find: "guided every ship", replace: "guided ships", all: false }],
            summary: "Tighter",
          },
        },
      },
    ]);
    await sendChat(bob, "Tighter");
    await waitForEditorText(owner, /once guided ships along/);
    expect(await exported()).toBe(ESSAY.replace("guided every ship", "guided ships").trimEnd());
    // The earlier suggestion is still pending for everyone.
    await expect.poll(() => owner.locator(".canvas-pane .suggestion-del").allInnerTexts()).toEqual(["lonely and hard"]);
    await owner.context().close();
    await bob.context().close();
  });
});
