// An external agent over MCP in a room two people have open in Chromium: both see it in the presence
// list with its badge, its edits land in their editors while they type, and its card is in the chat.
import { expect, it } from "vitest";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { describeBrowser, screenshot } from "./helpers/browser.ts";
import { ADA, BOB, caretToEnd, editorText, openAs, waitForEditorText } from "./helpers/room.ts";
import { useBrowserSuite } from "./helpers/suite.ts";

describeBrowser("an MCP agent co-editing with two people in Chromium", () => {
  const suite = useBrowserSuite({ model: "offline" });

  it("both people see the agent, its edit and its chat card, and keep what they type meanwhile", async () => {
    const room = await suite.app.createRoom("With an agent");
    const agent = new Client({ name: "Coding Agent", version: "1.0.0" });
    const transport = new StreamableHTTPClientTransport(new URL(`${suite.app.url}/mcp`), {
      requestInit: { headers: { Authorization: `Bearer ${room.tokens.editor}` } },
    });
    await agent.connect(transport);
    try {
      const created = (await agent.callTool({
        name: "create_canvas",
        arguments: {
          title: "Release notes",
          kind: "document",
          language: null,
          content: "# Release notes\n\nThe import is slow.\n\nThanks to everyone.",
        },
      })) as CallToolResult;
      const first = created.content[0];
      const { canvasId } = JSON.parse(first?.type === "text" ? first.text : "{}") as { canvasId: string };

      const ada = await openAs(suite.browser, room.links.editor, ADA);
      const bob = await openAs(suite.browser, room.links.editor, BOB);
      for (const page of [ada, bob]) {
        await waitForEditorText(page, /The import is slow\./);
        await page.locator(".presence .avatar.agent", { hasText: "C" }).waitFor();
      }
      expect(await ada.locator(".presence .avatar.agent").getAttribute("title")).toBe(
        "Coding Agent (an agent connected over MCP)",
      );

      await caretToEnd(ada);
      await ada.keyboard.press("Enter");
      await ada.keyboard.type("Ada adds a line while the agent works.");
      const edit = (await agent.callTool({
        name: "edit_canvas",
        arguments: {
          canvas_id: canvasId,
          edits: [{ find: "The import is slow.", replace: "The import is now twice as fast.", all: false }],
          summary: "Describe the faster import",
        },
      })) as CallToolResult;
      expect(edit.isError).toBeFalsy();
      for (const page of [ada, bob]) {
        await waitForEditorText(page, /The import is now twice as fast\./);
        await waitForEditorText(page, /Ada adds a line while the agent works\./);
      }
      await bob.locator(".chat-author", { hasText: "Coding Agent" }).waitFor();
      expect(await editorText(bob)).toBe(await editorText(ada));
      await screenshot(ada, "mcp-agent-ada");
      await screenshot(bob, "mcp-agent-bob");

      await transport.terminateSession();
      await ada.locator(".presence .avatar.agent").waitFor({ state: "detached" });
    } finally {
      await agent.close();
    }
  });
});
