// A multi-step turn on a long canvas in the browser: each step's card appears in the reply as it
// happens ("Read lines …", then the edit), and the edit lands in the editor.
import { expect, it } from "vitest";
import { describeBrowser } from "./helpers/browser.ts";
import { ADA, openAs, roomWithCanvas, sendChat, waitForEditorText } from "./helpers/room.ts";
import { useBrowserSuite } from "./helpers/suite.ts";
import { CONCLUSION_TEXT, longReport } from "../helpers/longCanvas.ts";

describeBrowser("long canvases in the browser", () => {
  const suite = useBrowserSuite({ model: "fake" });

  it("the reply shows a card per step while the model reads, then edits, the conclusion", async () => {
    const { room } = await roomWithCanvas(suite.app, "Long report", {
      title: "Annual report",
      kind: "document",
      content: longReport(12_000),
    });
    const ada = await openAs(suite.browser, room.links.editor, ADA);
    await waitForEditorText(ada, /The outlook for next year is uncertain/);
    suite.fake.script([
      { toolCall: { name: "read_canvas", arguments: { from_line: null, to_line: null, heading: "Conclusion" } } },
      // Slow enough that the read's card is on screen while the edit is still on its way.
      {
        delayMs: 40,
        toolCall: {
          name: "edit_canvas",
          arguments: {
            edits: [{ find: CONCLUSION_TEXT, replace: "Next year looks bright for the whole team.", all: false }],
            summary: "Made the conclusion more optimistic",
            more_steps: false,
          },
        },
      },
    ]);
    await sendChat(ada, "Make the conclusion more optimistic");
    const readCard = ada.locator(".chat-message.assistant .step-card[data-tool='read_canvas']");
    await readCard.waitFor();
    expect(await readCard.innerText()).toMatch(/Read lines [\d,]+–[\d,]+/);
    await ada.locator(".chat-message.assistant .activity-card[data-tool='edit_canvas']").waitFor();
    await waitForEditorText(ada, /Next year looks bright for the whole team\./);
    const cards = await ada
      .locator(".chat-message.assistant .activity-card")
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-tool")));
    expect(cards).toEqual(["read_canvas", "edit_canvas"]);
    await ada.context().close();
  });
});
