// Page-level steps shared by the e2e tests: open a room as a named person, wait for the editor, read it.
import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";
import { newPage } from "./browser.ts";
import type { E2EApp, RoomLinks } from "./app.ts";

export interface Person {
  name: string;
  color: string;
}

export const ADA: Person = { name: "Ada", color: "#2563eb" };
export const BOB: Person = { name: "Bob", color: "#db2777" };

/** Open a share link in a fresh browser context as `person` (identity seeded in localStorage). */
export async function openAs(
  browser: Browser,
  link: string,
  person: Person,
  viewport?: { width: number; height: number },
): Promise<Page> {
  const { page } = await newPage(browser, viewport);
  await page.addInitScript(
    (identity: { id: string; name: string; color: string }) => {
      // Init scripts run in every frame; the sandboxed preview frames have no storage to seed.
      if (window.top === window) localStorage.setItem("canvas.identity", JSON.stringify(identity));
    },
    { id: `test-${person.name.toLowerCase()}`, name: person.name, color: person.color },
  );
  await page.goto(link);
  await page.locator(".connection-badge.online").waitFor({ timeout: 15_000 });
  return page;
}

/** The canvas text, one line per top-level block, without other people's caret labels. */
export async function editorText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const root = document.querySelector(".canvas-pane .ProseMirror");
    if (!root) return "";
    const copy = root.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(".collaboration-carets__caret").forEach((caret) => caret.remove());
    return [...copy.children].map((block) => (block.textContent ?? "").replace(/\u00a0/g, " ")).join("\n");
  });
}

export async function waitForEditorText(page: Page, expected: string | RegExp, timeout = 15_000): Promise<void> {
  await expect.poll(() => editorText(page), { timeout, interval: 100 }).toMatch(expected);
}

/** Put the caret at the very end of the canvas. */
export async function caretToEnd(page: Page): Promise<void> {
  const editor = page.locator(".canvas-pane .ProseMirror").first();
  await editor.click();
  await page.keyboard.press("Control+End");
}

/** Select the first occurrence of `text` inside the canvas (a real DOM selection the editor picks up). */
export async function selectText(page: Page, text: string): Promise<void> {
  await page.evaluate((needle) => {
    const root = document.querySelector(".canvas-pane .ProseMirror");
    if (!root) throw new Error("no editor on the page");
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const index = node.textContent?.indexOf(needle) ?? -1;
      if (index < 0) continue;
      (root as HTMLElement).focus();
      const range = document.createRange();
      range.setStart(node, index);
      range.setEnd(node, index + needle.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`"${needle}" is not in the canvas`);
  }, text);
}

/** Send a chat message from the composer (Ctrl+Enter) and wait until the model's answer is finished. */
export async function sendChat(page: Page, text: string): Promise<void> {
  const before = await page
    .locator('.chat-message.assistant[data-status="done"], .chat-message.assistant[data-status="error"]')
    .count();
  await page.locator("#composer-input").fill(text);
  await page.locator("#composer-input").press("Control+Enter");
  await waitForAnswers(page, before + 1);
}

/** Wait until `count` assistant answers are finished (done or error). */
export async function waitForAnswers(page: Page, count: number, timeout = 20_000): Promise<void> {
  await expect
    .poll(
      () =>
        page
          .locator('.chat-message.assistant[data-status="done"], .chat-message.assistant[data-status="error"]')
          .count(),
      { timeout, interval: 100 },
    )
    .toBeGreaterThanOrEqual(count);
}

export const ESSAY = [
  "# Lighthouses",
  "",
  "Lighthouses once guided every ship along the coast.",
  "",
  "The keeper's life was lonely and hard.",
  "",
  "Today most lights are automated.",
  "",
].join("\n");

/** A new room holding one canvas (the lighthouse essay unless told otherwise), created by its owner. */
export async function roomWithCanvas(
  app: Pick<E2EApp, "createRoom" | "api">,
  roomTitle: string,
  canvas: { title: string; kind: "document" | "code"; language?: string | null; content: string } = {
    title: "Lighthouses",
    kind: "document",
    content: ESSAY,
  },
): Promise<{ room: RoomLinks; canvasId: string }> {
  const room = await app.createRoom(roomTitle);
  const created = await app.api(`/api/rooms/${room.roomId}/canvases`, {
    method: "POST",
    token: room.tokens.owner,
    body: canvas,
  });
  expect(created.status).toBe(201);
  return { room, canvasId: (created.json as { canvasId: string }).canvasId };
}
