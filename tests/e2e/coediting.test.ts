// Issue 3's browser test: two people on one share link type into the same canvas; each sees the
// other's text and caret. Screenshots go to test-results/.
import { expect, it } from "vitest";
import { describeBrowser, screenshot } from "./helpers/browser.ts";
import { ADA, BOB, caretToEnd, editorText, openAs, waitForEditorText } from "./helpers/room.ts";
import { useBrowserSuite } from "./helpers/suite.ts";

describeBrowser("two people co-editing a canvas in Chromium", () => {
  const suite = useBrowserSuite({ model: "offline" });

  it("two pages on one share link see each other's text and caret", async () => {
    const room = await suite.app.createRoom("Co-editing");
    const ada = await openAs(suite.browser, room.links.editor, ADA);

    // Ada starts a document by hand; the canvas slides in.
    await ada.getByRole("button", { name: "Or start a blank canvas yourself" }).click();
    await ada.getByLabel("Title").fill("Shared draft");
    await ada.getByRole("button", { name: "Create canvas" }).click();
    await ada.locator(".canvas-pane .ProseMirror").waitFor();

    const bob = await openAs(suite.browser, room.links.editor, BOB);
    await bob.locator(".canvas-pane .ProseMirror").waitFor();
    expect(await bob.locator(".canvas-tab.active").innerText()).toContain("Shared draft");

    await caretToEnd(ada);
    await ada.keyboard.type("Ada writes the opening line.");
    await waitForEditorText(bob, /Ada writes the opening line\./);

    await caretToEnd(bob);
    await bob.keyboard.press("Enter");
    await bob.keyboard.type("Bob adds a second paragraph.");
    await waitForEditorText(ada, /Ada writes the opening line\.\s+Bob adds a second paragraph\./);
    expect(await editorText(bob)).toMatch(/Ada writes the opening line\.\s+Bob adds a second paragraph\./);

    // Each sees the other's caret, labelled with their name, and both names in the presence list.
    await ada.locator(".collaboration-carets__label", { hasText: "Bob" }).waitFor({ timeout: 10_000 });
    await ada.locator(".canvas-pane .ProseMirror").focus();
    await bob.locator(".collaboration-carets__label", { hasText: "Ada" }).waitFor({ timeout: 10_000 });
    await expect.poll(() => ada.locator(".presence .avatar").count()).toBeGreaterThanOrEqual(2);

    await screenshot(ada, "coediting-ada");
    await screenshot(bob, "coediting-bob");

    // Ctrl+Z undoes Ada's own typing only, never Bob's.
    await caretToEnd(ada);
    await ada.keyboard.type(" Oops");
    await waitForEditorText(bob, /paragraph\. Oops/);
    await ada.keyboard.press("Control+z");
    await waitForEditorText(bob, /Bob adds a second paragraph\.$/);
    expect(await editorText(ada)).toMatch(/^Ada writes the opening line\.\nBob adds a second paragraph\.$/);
  });
});
