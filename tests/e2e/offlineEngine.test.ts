// The product with no model configured: the offline engine opens a canvas for a writing request and
// leaves comments when asked to critique, through the same tools and engine a model uses.
import { expect, it } from "vitest";
import { describeBrowser, screenshot } from "./helpers/browser.ts";
import { ADA, editorText, openAs, sendChat, waitForAnswers } from "./helpers/room.ts";
import { useBrowserSuite } from "./helpers/suite.ts";

describeBrowser("offline engine in the browser", () => {
  const suite = useBrowserSuite({ model: "offline" });

  it("'Write an essay about lighthouses' opens a canvas with content; 'critique this' adds comments", async () => {
    const room = await suite.app.createRoom("Offline");
    const page = await openAs(suite.browser, room.links.editor, ADA);
    expect(await page.getByText("Offline engine").count()).toBeGreaterThan(0);

    await sendChat(page, "Write an essay about lighthouses");
    await page.locator(".canvas-pane").waitFor();
    await expect.poll(() => editorText(page), { timeout: 15_000 }).toMatch(/lighthouse/i);
    const text = await editorText(page);
    expect(text.split("\n").length).toBeGreaterThan(3);
    await waitForAnswers(page, 1);
    await screenshot(page, "offline-1-essay");

    await sendChat(page, "critique this");
    await waitForAnswers(page, 2);
    await expect.poll(() => page.locator(".comment-card").count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const comments = await suite.app.api(`/api/rooms/${room.roomId}/comments`, { token: room.tokens.viewer });
    const stored = (comments.json as { comments: { author: string; currentText: string | null }[] }).comments;
    expect(stored.length).toBe(await page.locator(".comment-card").count());
    expect(stored.every((comment) => comment.author === "ai" && comment.currentText)).toBe(true);
    await screenshot(page, "offline-2-critique");
    await page.context().close();
  });
});
