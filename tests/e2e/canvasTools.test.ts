// The canvas's tools in the browser: quick actions, version restore, import/export round trips,
// code canvases, read-only viewers and the narrow-window sheet.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { describeBrowser, screenshot } from "./helpers/browser.ts";
import type { RoomLinks } from "./helpers/app.ts";
import { ADA, BOB, ESSAY, editorText, openAs, waitForAnswers, waitForEditorText } from "./helpers/room.ts";
import { useBrowserSuite } from "./helpers/suite.ts";

const NOTES = "# Field notes\n\nThe tide came in at **six**.\n\n- gulls\n- terns\n";
const SCRIPT = 'def greet(name):\n    print(f"hello {name}")\n\n\ngreet("sea")\n';

describeBrowser("canvas tools in the browser", () => {
  const suite = useBrowserSuite({ model: "fake" });

  async function roomWith(
    title: string,
    canvas: { title: string; kind: "document" | "code"; language: string | null; content: string },
  ): Promise<RoomLinks> {
    const room = await suite.app.createRoom(title);
    const created = await suite.app.api(`/api/rooms/${room.roomId}/canvases`, {
      method: "POST",
      token: room.tokens.editor,
      body: canvas,
    });
    expect(created.status).toBe(201);
    return room;
  }

  const essay = { title: "Lighthouses", kind: "document" as const, language: null, content: ESSAY };

  it("a quick action from the canvas corner reaches the model as that action and its edit lands", async () => {
    const room = await roomWith("Quick", essay);
    const ada = await openAs(suite.browser, room.links.editor, ADA);
    await waitForEditorText(ada, /lonely and hard/);
    await ada.getByRole("button", { name: "Quick actions" }).click();
    await ada.getByRole("menuitem", { name: /Reading level/ }).click();
    await ada.getByRole("slider", { name: "Reading level" }).fill("0");
    await screenshot(ada, "quick-1-menu");

    suite.fake.script([
      {
        text: "Simpler now.",
        toolCall: {
          name: "rewrite_canvas",
          arguments: { content: "# Lighthouses\n\nBig lights help ships.\n", summary: "Kindergarten level" },
        },
      },
    ]);
    await ada.getByRole("button", { name: "Apply" }).click();
    await waitForAnswers(ada, 1);
    await waitForEditorText(ada, /^Lighthouses\nBig lights help ships\.$/);
    expect(JSON.stringify(suite.fake.requests[0]?.body)).toContain("kindergarten");
    expect(await ada.locator(".chat-message.user").last().innerText()).toContain("kindergarten");
    await screenshot(ada, "quick-2-applied");
    await ada.context().close();
  });

  it("restoring a version brings the old text back for everyone, as a new change", async () => {
    const room = await roomWith("Versions", essay);
    const ada = await openAs(suite.browser, room.links.editor, ADA);
    const bob = await openAs(suite.browser, room.links.editor, BOB);
    suite.fake.script([
      {
        text: "Done.",
        toolCall: {
          name: "edit_canvas",
          arguments: {
            edits: [{ find: "Today most lights are automated.", replace: "Machines now run the lights.", all: false }],
            summary: "Reworded",
          },
        },
      },
    ]);
    await ada.locator("#composer-input").fill("Reword the last line");
    await ada.locator("#composer-input").press("Control+Enter");
    await waitForEditorText(bob, /Machines now run the lights\./);

    await ada.getByRole("button", { name: "Versions" }).click();
    const first = ada.locator(".version-item").first();
    await first.waitFor();
    expect(await first.innerText()).toContain("Before AI change");
    await first.click();
    await ada.locator(".version-preview ins", { hasText: "Machines" }).waitFor();
    await screenshot(ada, "versions-1-preview");
    await ada.getByRole("button", { name: "Restore this version" }).click();
    await waitForEditorText(bob, /Today most lights are automated\./);
    expect(await editorText(ada)).not.toContain("Machines");
    // The restore is recorded too, so it can itself be undone from the history.
    await expect.poll(() => ada.locator(".version-item").count()).toBeGreaterThanOrEqual(2);
    await screenshot(ada, "versions-2-restored");
    await ada.context().close();
    await bob.context().close();
  });

  it("import and export round trip: a dropped .md file and a picked .py file come back out unchanged", async () => {
    const room = await suite.app.createRoom("Files");
    const ada = await openAs(suite.browser, room.links.editor, ADA);

    // Drag and drop a markdown file onto the room.
    await ada.evaluate((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], "Field notes.md", { type: "text/markdown" }));
      const target = document.querySelector(".room")!;
      target.dispatchEvent(new DragEvent("dragover", { dataTransfer: transfer, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, NOTES);
    await waitForEditorText(ada, /The tide came in at six\./);
    expect(await ada.locator(".canvas-pane strong").innerText()).toBe("six");

    // Pick a Python file: it opens as a highlighted code canvas with line numbers.
    await ada
      .locator('input[type="file"]')
      .setInputFiles({ name: "greet.py", mimeType: "text/x-python", buffer: Buffer.from(SCRIPT) });
    await expect.poll(() => ada.locator(".canvas-tab.active").innerText()).toContain("greet");
    await ada.locator(".canvas-pane .hljs-keyword").first().waitFor();
    expect(await ada.getByLabel("Language").inputValue()).toBe("python");
    // Five lines and the empty line after the final newline, as code editors show it.
    expect(await ada.locator(".line-gutter span").count()).toBe(SCRIPT.split("\n").length);
    await screenshot(ada, "files-1-code-canvas");

    // Back to the markdown canvas to export it.
    await ada.locator(".canvas-tab", { hasText: "Field notes" }).click();
    await waitForEditorText(ada, /The tide came in at six\./);

    await ada.getByRole("button", { name: "Export" }).click();
    const [markdown] = await Promise.all([
      ada.waitForEvent("download"),
      ada.getByRole("menuitem", { name: "Download markdown (.md)" }).click(),
    ]);
    expect(markdown.suggestedFilename()).toBe("Field-notes.md");
    // The markdown projection decides the file's trailing newlines; the content must be identical.
    expect(readFileSync(await markdown.path(), "utf8").trimEnd()).toBe(NOTES.trimEnd());

    await ada.getByRole("button", { name: "Export" }).click();
    await ada.getByRole("menuitem", { name: "Copy as markdown" }).click();
    await expect
      .poll(async () => (await ada.evaluate(() => navigator.clipboard.readText())).trimEnd())
      .toBe(NOTES.trimEnd());

    // Polled rather than waitFor: right after a download, Playwright's visibility wait could stall.
    await ada.locator(".canvas-tab", { hasText: "greet" }).click();
    await expect.poll(() => ada.locator(".canvas-tab.active").innerText()).toContain("greet");
    await ada.getByRole("button", { name: "Export" }).click();
    const [source] = await Promise.all([
      ada.waitForEvent("download"),
      ada.getByRole("menuitem", { name: "Download source file" }).click(),
    ]);
    expect(source.suggestedFilename()).toBe("greet.py");
    expect(readFileSync(await source.path(), "utf8")).toBe(SCRIPT);
    await ada.context().close();
  });

  it("a viewer can read but cannot type, format or ask the model", async () => {
    const room = await roomWith("Viewer", essay);
    const viewer = await openAs(suite.browser, room.links.viewer, BOB);
    await waitForEditorText(viewer, /lonely and hard/);
    expect(await viewer.locator(".canvas-pane .ProseMirror").getAttribute("contenteditable")).toBe("false");
    expect(await viewer.locator(".toolbar").count()).toBe(0);
    expect(await viewer.locator("#composer-input").isDisabled()).toBe(true);
    expect(await viewer.getByText("View only").count()).toBe(1);
    await viewer.locator(".canvas-pane .ProseMirror p", { hasText: "Lighthouses once" }).click();
    await viewer.keyboard.type("Vandalism");
    await viewer.keyboard.press("Enter");
    await viewer.waitForTimeout(500);
    expect(await editorText(viewer)).not.toContain("Vandalism");
    const exported = await suite.app.api(
      `/api/rooms/${room.roomId}/canvases/${(await firstCanvasId(room)) ?? ""}/export?format=markdown`,
      { token: room.tokens.viewer },
    );
    expect(exported.text.trimEnd()).toBe(ESSAY.trimEnd());
    await screenshot(viewer, "viewer-1-read-only");
    await viewer.context().close();
  });

  it("in a narrow window the canvas is a full-screen sheet with a way back to the chat", async () => {
    const room = await roomWith("Narrow", essay);
    const ada = await openAs(suite.browser, room.links.editor, ADA, { width: 600, height: 900 });
    await ada.locator(".canvas-slot.sheet").waitFor();
    await waitForEditorText(ada, /lonely and hard/);
    const sheet = (await ada.locator(".canvas-slot.sheet").boundingBox())!;
    expect(sheet.width).toBe(600);
    await ada.waitForTimeout(600); // let the sheet finish sliding in
    await screenshot(ada, "narrow-1-sheet");
    await ada.getByRole("button", { name: "Back to chat" }).click();
    await ada.locator("#composer-input").waitFor();
    expect(await ada.locator(".canvas-slot").count()).toBe(0);
    await ada.getByRole("button", { name: /Open canvas/ }).click();
    await ada.locator(".canvas-slot.sheet").waitFor();
    await ada.context().close();
  });

  async function firstCanvasId(room: RoomLinks): Promise<string | null> {
    const info = await suite.app.api(`/api/rooms/${room.roomId}`, { token: room.tokens.viewer });
    const canvases = (info.json as { canvases: { id: string }[] }).canvases;
    return canvases[0]?.id ?? null;
  }
});
