// Comments and selections in the browser: the model's comments sit in a rail beside their text,
// suggestions apply through the edit engine, resolved comments hide; a selection goes to the model
// with an "Ask AI" request; a commenter can comment but not type.
import { expect, it } from "vitest";
import { describeBrowser, screenshot } from "./helpers/browser.ts";
import type { RoomLinks } from "./helpers/app.ts";
import {
  ADA,
  BOB,
  ESSAY,
  editorText,
  openAs,
  selectText,
  sendChat,
  waitForAnswers,
  waitForEditorText,
} from "./helpers/room.ts";
import { useBrowserSuite } from "./helpers/suite.ts";

describeBrowser("comments and selections in the browser", () => {
  const suite = useBrowserSuite({ model: "fake" });

  async function roomWithEssay(title: string): Promise<RoomLinks> {
    const room = await suite.app.createRoom(title);
    const created = await suite.app.api(`/api/rooms/${room.roomId}/canvases`, {
      method: "POST",
      token: room.tokens.editor,
      body: { title: "Lighthouses", kind: "document", language: null, content: ESSAY },
    });
    expect(created.status).toBe(201);
    return room;
  }

  it("the comments rail shows the model's comments beside their text; apply suggestion edits, resolve hides", async () => {
    const room = await roomWithEssay("Review");
    const ada = await openAs(suite.browser, room.links.editor, ADA);
    await waitForEditorText(ada, /lonely and hard/);
    suite.fake.script([
      {
        text: "Two notes.",
        toolCall: {
          name: "comment_canvas",
          arguments: {
            comments: [
              {
                quote: "lonely and hard",
                comment: "Show it instead: what did a day look like?",
                severity: "suggestion",
                suggestion: "solitary and demanding",
              },
              {
                quote: "Today most lights are automated.",
                comment: "Give a year or a source.",
                severity: "issue",
                suggestion: null,
              },
            ],
          },
        },
      },
    ]);
    await sendChat(ada, "Review this essay");

    const cards = ada.locator(".comment-card");
    await expect.poll(() => cards.count()).toBe(2);
    expect(await ada.locator(".comment-mark").allInnerTexts()).toEqual([
      "lonely and hard",
      "Today most lights are automated.",
    ]);
    expect(await ada.locator(".activity-card").last().innerText()).toContain("Left 2 comments");
    // Cards are aligned with their text: the first beside its highlight, the next pushed below it
    // (never above its own text, never overlapping the card before it).
    // The rail positions cards after layout settles (fonts, scrollbars): wait for the alignment, then check it.
    const offset = async () => {
      const mark = (await ada.locator(".comment-mark", { hasText: "lonely and hard" }).boundingBox())!;
      const card = (await ada.locator(".comment-card", { hasText: "what did a day" }).boundingBox())!;
      return Math.abs(card.y - mark.y);
    };
    await expect.poll(offset, { timeout: 5_000 }).toBeLessThan(20);
    const firstMark = (await ada.locator(".comment-mark", { hasText: "lonely and hard" }).boundingBox())!;
    const firstCard = (await ada.locator(".comment-card", { hasText: "what did a day" }).boundingBox())!;
    const secondMark = (await ada.locator(".comment-mark", { hasText: "Today most lights" }).boundingBox())!;
    const secondCard = (await ada.locator(".comment-card", { hasText: "Give a year" }).boundingBox())!;
    expect(Math.abs(firstCard.y - firstMark.y)).toBeLessThan(20);
    expect(secondCard.y).toBeGreaterThanOrEqual(secondMark.y - 20);
    expect(secondCard.y).toBeGreaterThanOrEqual(firstCard.y + firstCard.height);
    await screenshot(ada, "comments-1-rail");

    await ada
      .locator(".comment-card", { hasText: "what did a day" })
      .getByRole("button", { name: "Apply suggestion" })
      .click();
    await waitForEditorText(ada, /The keeper's life was solitary and demanding\./);
    await expect.poll(() => cards.count()).toBe(1);

    await ada.locator(".comment-card", { hasText: "Give a year" }).getByRole("button", { name: "Resolve" }).click();
    await expect.poll(() => cards.count()).toBe(0);
    expect(await ada.locator(".comment-mark").count()).toBe(0);
    await ada.getByLabel("Show resolved").check();
    await expect.poll(() => cards.count()).toBe(2);
    await screenshot(ada, "comments-2-resolved-shown");
    await ada.context().close();
  });

  it("selecting text and asking AI sends the selection, and the model edits that part", async () => {
    const room = await roomWithEssay("Selection");
    const ada = await openAs(suite.browser, room.links.editor, ADA);
    await waitForEditorText(ada, /lonely and hard/);
    await selectText(ada, "The keeper's life was lonely and hard.");
    await ada.getByRole("button", { name: "Ask AI" }).click();
    await ada.getByLabel("Ask Canvas AI about the selection").fill("Make this warmer");
    await screenshot(ada, "selection-1-ask-ai");

    suite.fake.script([
      {
        text: "Warmer now.",
        toolCall: {
          name: "edit_canvas",
          arguments: {
            edits: [
              {
                find: "The keeper's life was lonely and hard.",
                replace: "The keeper's life was quiet and full of purpose.",
                all: false,
              },
            ],
            summary: "Warmer sentence",
          },
        },
      },
    ]);
    await ada.getByRole("button", { name: "Ask", exact: true }).click();
    await waitForAnswers(ada, 1);
    await waitForEditorText(ada, /quiet and full of purpose/);

    const request = JSON.stringify(suite.fake.requests[0]?.body ?? null);
    expect(request).toContain("Make this warmer");
    expect(request).toContain("The keeper's life was lonely and hard.");
    await screenshot(ada, "selection-2-edited");
    await ada.context().close();
  });

  it("a commenter comments on a selection but cannot type or ask the model", async () => {
    const room = await roomWithEssay("Commenter");
    const bob = await openAs(suite.browser, room.links.commenter, BOB);
    await waitForEditorText(bob, /lonely and hard/);
    expect(await bob.locator(".canvas-pane .ProseMirror").getAttribute("contenteditable")).toBe("false");
    expect(await bob.locator("#composer-input").isDisabled()).toBe(true);
    expect(await bob.locator(".toolbar").count()).toBe(0);

    await selectText(bob, "Today most lights are automated.");
    expect(await bob.getByRole("button", { name: "Ask AI" }).count()).toBe(0);
    await bob.getByRole("button", { name: "Comment" }).click();
    await bob.getByLabel("Comment on the selection").fill("Which year did this happen?");
    await bob.getByRole("button", { name: "Comment", exact: true }).click();
    const card = bob.locator(".comment-card", { hasText: "Which year did this happen?" });
    await card.waitFor();
    expect(await card.innerText()).toContain("Bob");
    expect(await bob.locator(".comment-mark").innerText()).toBe("Today most lights are automated.");
    await card.click();
    await card.getByLabel("Reply").fill("Probably the 1990s.");
    await card.getByLabel("Reply").press("Enter");
    await card.locator(".comment-reply", { hasText: "Probably the 1990s." }).waitFor();

    await bob.locator(".canvas-pane .ProseMirror p", { hasText: "Lighthouses once" }).click();
    await bob.keyboard.type("XYZ");
    await bob.waitForTimeout(300);
    expect(await editorText(bob)).not.toContain("XYZ");
    await screenshot(bob, "commenter-1-comment");
    await bob.context().close();
  });
});
