// The chat and the room around the canvas: creating a room from the landing page, the share dialog's
// role links, stopping a streaming answer with Esc, a model error shown plainly with a working retry,
// and thumbs feedback.
import { expect, it } from "vitest";
import { describeBrowser, newPage, screenshot } from "./helpers/browser.ts";
import { ADA, BOB, openAs, waitForAnswers } from "./helpers/room.ts";
import { useBrowserSuite } from "./helpers/suite.ts";

describeBrowser("chat and sharing in the browser", () => {
  const suite = useBrowserSuite({ model: "fake" });

  it("the landing page creates a room; the owner's share dialog lists four role links that work", async () => {
    const { page } = await newPage(suite.browser);
    await page.goto(suite.app.url);
    await screenshot(page, "landing-1");
    await page.getByLabel("Room title").fill("Team notes");
    await page.getByRole("button", { name: "Create a room" }).click();
    await page.locator(".connection-badge.online").waitFor();
    expect(await page.locator(".room-title").innerText()).toBe("Team notes");

    await page.getByRole("button", { name: "Share" }).click();
    const dialog = page.getByRole("dialog", { name: "Share this room" });
    const links: Record<string, string> = {};
    for (const role of ["owner", "editor", "commenter", "viewer"])
      links[role] = await dialog.getByLabel(`${role} link`).inputValue();
    expect(Object.values(links).every((link) => /\/r\/[^/]+\?token=[\w-]{16,}$/.test(link))).toBe(true);
    expect(new Set(Object.values(links)).size).toBe(4);
    await page.waitForTimeout(300); // let the dialog finish fading in
    await screenshot(page, "share-1-dialog");
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.count()).toBe(0);

    const viewer = await openAs(suite.browser, links.viewer!, BOB);
    expect(await viewer.getByText("View only").count()).toBe(1);
    expect(await viewer.locator(".room-title").innerText()).toBe("Team notes");
    await viewer.context().close();
    await page.context().close();
  });

  it("a refused link says why instead of showing an empty room", async () => {
    const room = await suite.app.createRoom("Refused");
    const { page } = await newPage(suite.browser);
    await page.goto(room.links.editor.replace(/token=[^&]+/, "token=not-a-real-token"));
    await page.getByRole("heading", { name: "Cannot open this room" }).waitFor();
    await screenshot(page, "refused-1");
    await page.context().close();
  });

  it("Esc stops a streaming answer; the partial text stays with a note", async () => {
    const room = await suite.app.createRoom("Stop");
    const ada = await openAs(suite.browser, room.links.editor, ADA);
    suite.fake.script([
      { text: "Lighthouses are tall towers with bright lamps. ".repeat(40), chunkSize: 4, delayMs: 40 },
    ]);
    await ada.locator("#composer-input").fill("Tell me about lighthouses");
    await ada.locator("#composer-input").press("Control+Enter");
    await ada.locator('.chat-message.assistant[data-status="streaming"]', { hasText: "Lighthouses are" }).waitFor();
    await ada.getByRole("button", { name: "Stop" }).waitFor();
    await screenshot(ada, "stop-1-streaming");
    await ada.keyboard.press("Escape");
    const answer = ada.locator('.chat-message.assistant[data-status="cancelled"]');
    await answer.waitFor({ timeout: 10_000 });
    expect(await answer.innerText()).toContain("Stopped.");
    expect(await ada.getByRole("button", { name: "Send" }).count()).toBe(1);
    await ada.context().close();
  });

  it("a model error is shown plainly with a retry that works, and thumbs feedback is recorded", async () => {
    const room = await suite.app.createRoom("Errors");
    const ada = await openAs(suite.browser, room.links.editor, ADA);
    suite.fake.script([{ status: 401 }]);
    await ada.locator("#composer-input").fill("How many lines does a sonnet have?");
    await ada.locator("#composer-input").press("Control+Enter");
    const failed = ada.locator('.chat-message.assistant[data-status="error"]');
    await failed.waitFor({ timeout: 15_000 });
    const alert = await failed.getByRole("alert").innerText();
    expect(alert.length).toBeGreaterThan(10);
    expect(alert).not.toMatch(/stack|at \w+ \(/);
    await screenshot(ada, "error-1-shown");

    suite.fake.script([{ text: "A sonnet has fourteen lines." }]);
    await failed.getByRole("button", { name: "Retry" }).click();
    await waitForAnswers(ada, 2);
    const answer = ada.locator('.chat-message.assistant[data-status="done"]').last();
    expect(await answer.innerText()).toContain("fourteen lines");
    expect(JSON.stringify(suite.fake.requests[suite.fake.requests.length - 1]?.body)).toContain(
      "How many lines does a sonnet have?",
    );

    const feedback = ada.waitForResponse((response) => response.url().endsWith("/feedback"));
    await answer.getByRole("button", { name: "Good answer" }).click();
    expect((await feedback).status()).toBe(201);
    expect(await answer.getByRole("button", { name: "Good answer" }).getAttribute("aria-pressed")).toBe("true");
    await screenshot(ada, "error-2-retried");
    await ada.context().close();
  });
});
