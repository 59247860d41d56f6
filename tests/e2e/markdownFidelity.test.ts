// A person's markdown file in the browser: what the editor cannot show as rich text (an HTML block, a
// reference definition) is shown as source, never rendered; typing in one paragraph changes only that
// paragraph in the exported file.
import { expect, it } from "vitest";
import { describeBrowser } from "./helpers/browser.ts";
import { ADA, openAs, waitForEditorText } from "./helpers/room.ts";
import { useBrowserSuite } from "./helpers/suite.ts";

const FILE = [
  '<div align="center">\n  <b>Not rendered</b>\n</div>',
  "* star bullets\n* stay stars",
  "An _underscored_ word and a [reference link][ref].",
  "The paragraph a person types in.",
  "[ref]: https://example.com/ref",
].join("\n\n");

describeBrowser("markdown fidelity in the browser", () => {
  const suite = useBrowserSuite({ model: "fake" });

  it("shows raw HTML as source and exports the file with only the typed paragraph changed", async () => {
    const room = await suite.app.createRoom("Fidelity");
    const created = await suite.app.api(`/api/rooms/${room.roomId}/canvases`, {
      method: "POST",
      token: room.tokens.editor,
      body: { title: "Notes", kind: "document", language: null, content: FILE },
    });
    expect(created.status).toBe(201);
    const canvasId = (created.json as { canvasId: string }).canvasId;
    const ada = await openAs(suite.browser, room.links.editor, ADA);
    await waitForEditorText(ada, /The paragraph a person types in\./);

    // The HTML block is text in a source block: no <b> element, its tags visible.
    const raw = ada.locator(".canvas-pane pre.raw-markdown").first();
    expect(await raw.innerText()).toContain('<div align="center">');
    expect(await ada.locator(".canvas-pane .ProseMirror b").count()).toBe(0);
    expect(await ada.locator(".canvas-pane pre.raw-markdown", { hasText: "[ref]:" }).count()).toBe(1);

    await ada.locator(".canvas-pane .ProseMirror p", { hasText: "The paragraph a person types in." }).click();
    await ada.keyboard.press("End");
    await ada.keyboard.type(" Typed.");
    const expected = FILE.replace("The paragraph a person types in.", "The paragraph a person types in. Typed.");
    await expect
      .poll(
        async () =>
          (
            await suite.app.api(`/api/rooms/${room.roomId}/canvases/${canvasId}/export?format=markdown`, {
              token: room.tokens.editor,
            })
          ).text.trimEnd(),
        { timeout: 15_000 },
      )
      .toBe(expected);
    await ada.context().close();
  });
});
