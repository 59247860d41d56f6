// The phone layout end to end at 390×844: the canvas opens below the room header (connection and
// presence stay in view), back to the chat, Send is never covered by "Open canvas", a message goes out
// and is answered, and the canvas comes back with one tap.
import { expect, it } from "vitest";
import type { Page } from "playwright-core";
import { describeBrowser, screenshot } from "./helpers/browser.ts";
import { ADA, BOB, openAs, roomWithCanvas, waitForAnswers, waitForEditorText } from "./helpers/room.ts";
import { useBrowserSuite } from "./helpers/suite.ts";

const PHONE = { width: 390, height: 844 };

async function inView(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).first().boundingBox();
  return !!box && box.y >= 0 && box.x >= 0 && box.y + box.height <= PHONE.height && box.x + box.width <= PHONE.width;
}

/** The element a tap at the centre of `selector` would hit is that element (nothing covers it). */
async function tappable(page: Page, selector: string): Promise<boolean> {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const box = element.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return hit !== null && (hit === element || element.contains(hit));
    });
}

describeBrowser("the phone layout", () => {
  const suite = useBrowserSuite({ model: "offline" });

  it("sends a message with a canvas open, switches chat and canvas, and keeps connection and presence in view", async () => {
    const { room } = await roomWithCanvas(suite.app, "On the go");
    const bob = await openAs(suite.browser, room.links.editor, BOB, { width: 1280, height: 800 });
    const phone = await openAs(suite.browser, room.links.editor, ADA, PHONE);
    await waitForEditorText(phone, /lonely and hard/);
    // In canvas view the header stays: connection state and who is here.
    expect(await inView(phone, ".connection-badge.online")).toBe(true);
    await expect.poll(() => phone.locator(".presence .avatar").count()).toBe(2);
    expect(await inView(phone, ".presence")).toBe(true);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(phone, "phone-1-canvas");

    await phone.getByRole("button", { name: "Back to chat" }).click();
    const open = phone.getByRole("button", { name: /Open canvas “Lighthouses”/ });
    await open.waitFor();
    await phone.locator("#composer-input").fill("What is a haiku?");
    expect(await tappable(phone, ".composer button[type=submit]")).toBe(true);
    expect(await inView(phone, ".composer button[type=submit]")).toBe(true);
    await screenshot(phone, "phone-2-chat");
    await phone.locator(".composer button[type=submit]").tap();
    await waitForAnswers(phone, 1);
    expect(await phone.locator(".chat-message.user").last().innerText()).toContain("What is a haiku?");
    expect(await inView(phone, ".connection-badge.online")).toBe(true);

    await open.tap();
    await waitForEditorText(phone, /lonely and hard/);
    expect(await phone.locator(".canvas-pane").isVisible()).toBe(true);
    await screenshot(phone, "phone-3-back-to-canvas");
    await bob.context().close();
    await phone.context().close();
  });
});
