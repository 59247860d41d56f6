// The library and room management in the browser: "Your documents" lists the rooms this browser opened
// or created, searches and renames them, removes one from the list and deletes another; canvases are
// renamed, moved to the trash and restored with their text; the export menu downloads a PDF, a DOCX and
// an HTML file that real readers open; an owner in a fresh browser can copy every role link.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { describeBrowser, newPage, screenshot } from "./helpers/browser.ts";
import { ADA, openAs, roomWithCanvas, waitForEditorText } from "./helpers/room.ts";
import { useBrowserSuite } from "./helpers/suite.ts";

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

describeBrowser("the library and room management", () => {
  const suite = useBrowserSuite({ model: "offline" });
  const downloads = mkdtempSync(join(tmpdir(), "canvas-downloads-"));
  afterAll(() => rmSync(downloads, { recursive: true, force: true }));

  async function visit(page: Page, link: string) {
    await page.goto(link);
    await page.locator(".connection-badge.online").waitFor({ timeout: 15_000 });
  }

  it("lists two rooms with their role and canvases, finds one by search, renames one and deletes the other", async () => {
    const first = await roomWithCanvas(suite.app, "Quarterly report");
    const second = await suite.app.createRoom("Team offsite");
    const page = await openAs(suite.browser, first.room.links.owner, ADA, DESKTOP);
    await visit(page, second.links.editor);
    await page.goto(suite.app.url);
    const library = page.getByRole("region", { name: "Your documents" });
    await library.getByText("Quarterly report").waitFor();
    const items = library.locator(".library-item");
    await expect.poll(() => items.count()).toBe(2);
    const report = items.filter({ hasText: "Quarterly report" });
    await expect.poll(() => report.textContent()).toContain("1 canvas");
    expect(await report.textContent()).toContain("Owner");
    expect(await items.filter({ hasText: "Team offsite" }).textContent()).toContain("Can edit");
    await screenshot(page, "library-1-desktop");

    await page.getByLabel("Search your documents").fill("offsite");
    await expect.poll(() => items.count()).toBe(1);
    await page.getByLabel("Search your documents").fill("");

    await report.getByRole("button", { name: "Rename" }).click();
    await page.getByLabel("New title").fill("Annual report");
    await page.getByLabel("New title").press("Enter");
    await library.getByText("Annual report").waitFor();
    const info = await suite.app.api(`/api/rooms/${first.room.roomId}`, { token: first.room.tokens.viewer });
    expect((info.json as { title: string }).title).toBe("Annual report");

    // Remove from the list keeps the room; delete removes it for everyone, after a confirmation.
    await items
      .filter({ hasText: "Team offsite" })
      .getByRole("button", { name: /Remove/ })
      .click();
    await expect.poll(() => items.count()).toBe(1);
    expect((await suite.app.api(`/api/rooms/${second.roomId}`, { token: second.tokens.viewer })).status).toBe(200);
    await items.filter({ hasText: "Annual report" }).getByRole("button", { name: "Delete" }).click();
    const confirm = page.getByRole("dialog", { name: "Delete this room?" });
    await confirm.waitFor();
    await screenshot(page, "library-2-delete-confirm");
    await confirm.getByRole("button", { name: "Delete room" }).click();
    await expect.poll(() => items.count()).toBe(0);
    expect((await suite.app.api(`/api/rooms/${first.room.roomId}`, { token: first.room.tokens.owner })).status).toBe(
      404,
    );
    await page.context().close();
  });

  it("the library works on a phone", async () => {
    const room = await suite.app.createRoom("Reading list");
    const page = await openAs(suite.browser, room.links.owner, ADA, PHONE);
    await page.goto(suite.app.url);
    await page.getByRole("region", { name: "Your documents" }).getByText("Reading list").waitFor();
    await page.getByRole("region", { name: "Your documents" }).scrollIntoViewIfNeeded();
    await screenshot(page, "library-3-phone");
    await page.getByRole("link", { name: /Reading list/ }).click();
    await page.locator(".connection-badge.online").waitFor();
    expect(await page.locator(".room-title").innerText()).toBe("Reading list");
    await page.context().close();
  });

  it("a canvas is renamed, moved to the trash and restored with its text", async () => {
    const { room } = await roomWithCanvas(suite.app, "Trash room");
    const page = await openAs(suite.browser, room.links.editor, ADA, DESKTOP);
    await waitForEditorText(page, /Lighthouses once guided/);
    await page.locator(".canvas-tab.active").dblclick();
    await page.getByLabel("Canvas title").fill("Lighthouse essay");
    await page.getByLabel("Canvas title").press("Enter");
    await expect.poll(() => page.locator(".canvas-tab.active").innerText()).toContain("Lighthouse essay");

    await page.getByRole("button", { name: "Export ▾" }).click();
    await page.getByRole("menuitem", { name: "Move to trash" }).click();
    await expect.poll(() => page.locator(".canvas-tab").count()).toBe(0);
    await page.getByRole("button", { name: "Room menu" }).click();
    await page.getByRole("menuitem", { name: "Trash (1)" }).click();
    const trash = page.getByRole("dialog", { name: "Trash" });
    await trash.getByText("Lighthouse essay").waitFor();
    expect(await trash.textContent()).toContain("Deleted by Ada");
    await screenshot(page, "trash-1-dialog");
    await trash.getByRole("button", { name: "Restore" }).click();
    await trash.getByText("The trash is empty.").waitFor();
    await page.keyboard.press("Escape");
    await waitForEditorText(page, /Lighthouses once guided/);
    expect(await page.locator(".canvas-tab.active").innerText()).toContain("Lighthouse essay");
    await page.context().close();
  });

  it("the export menu downloads a PDF, a Word file and a web page that real readers open", async () => {
    const { room } = await roomWithCanvas(suite.app, "Exports");
    const page = await openAs(suite.browser, room.links.viewer, ADA, DESKTOP);
    await waitForEditorText(page, /Lighthouses once guided/);
    await page.getByRole("button", { name: "Export ▾" }).click();
    await screenshot(page, "export-1-menu");
    const saved: Record<string, string> = {};
    for (const [item, extension] of [
      ["Download PDF", "pdf"],
      ["Download Word (.docx)", "docx"],
      ["Download web page (.html)", "html"],
    ] as const) {
      if (!(await page.getByRole("menu", { name: "Export" }).count()))
        await page.getByRole("button", { name: "Export ▾" }).click();
      const download = page.waitForEvent("download");
      await page.getByRole("menuitem", { name: item }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe(`Lighthouses.${extension}`);
      saved[extension] = join(downloads, file.suggestedFilename());
      await file.saveAs(saved[extension]);
    }
    expect(execFileSync("pdftotext", [saved.pdf!, "-"], { encoding: "utf8" })).toContain("The keeper's life was");
    expect(execFileSync("pandoc", ["-f", "docx", "-t", "gfm", saved.docx!], { encoding: "utf8" })).toMatch(
      /^# Lighthouses$/m,
    );
    expect(execFileSync("pandoc", ["-f", "html", "-t", "plain", saved.html!], { encoding: "utf8" })).toContain(
      "Today most lights are automated.",
    );
    await page.context().close();
  });

  it("an owner in a browser that never saw the room's links can copy every one of them", async () => {
    const room = await suite.app.createRoom("Shared links");
    const { page } = await newPage(suite.browser, DESKTOP);
    await visit(page, room.links.owner);
    await page.getByRole("button", { name: "Share" }).click();
    const dialog = page.getByRole("dialog", { name: "Share this room" });
    for (const role of ["editor", "commenter", "viewer"] as const)
      await expect.poll(() => dialog.getByLabel(`${role} link`).inputValue()).toBe(room.links[role]);
    await dialog.getByRole("button", { name: "Copy" }).nth(1).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(room.links.editor);
    await screenshot(page, "share-2-fresh-browser");
    await page.context().close();
  });
});
