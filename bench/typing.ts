// Typing latency in Chromium: key press to the next frame, in a 100k-word document canvas, with a
// 1k-word canvas measured in the same run as the reference. Prints median and p95 per key press.
// Run: `npx tsx bench/typing.ts` (or `npm run bench -- typing`). Needs /usr/bin/chromium.
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { hasChromium, launchChromium, newPage, CHROMIUM_PATH } from "../tests/e2e/helpers/browser.ts";
import { startApp, type E2EApp } from "../tests/e2e/helpers/app.ts";

const WORDS = [
  "canvas",
  "model",
  "people",
  "write",
  "together",
  "draft",
  "quiet",
  "river",
  "signal",
  "editor",
  "change",
  "review",
  "simple",
  "detail",
  "letter",
  "future",
];

/** A markdown document of about `words` words: headings every 20 paragraphs, ~100 words per paragraph. */
export function makeDocument(words: number): string {
  const blocks: string[] = [];
  let written = 0;
  let paragraph = 0;
  while (written < words) {
    if (paragraph % 20 === 0) blocks.push(`## Section ${paragraph / 20 + 1}`);
    const sentence: string[] = [];
    for (let i = 0; i < 100 && written < words; i++, written++)
      sentence.push(WORDS[(i * 7 + paragraph * 3) % WORDS.length]!);
    blocks.push(`${sentence.join(" ")}.`);
    paragraph++;
  }
  return blocks.join("\n\n") + "\n";
}

interface Figures {
  words: number;
  keys: number;
  median: number;
  p95: number;
  max: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function measure(browser: Browser, app: E2EApp, words: number, keys: number): Promise<Figures> {
  const room = await app.createRoom(`Typing ${words}`);
  const created = await app.api(`/api/rooms/${room.roomId}/canvases`, {
    method: "POST",
    token: room.tokens.editor,
    body: { title: `${words} words`, kind: "document", language: null, content: makeDocument(words) },
  });
  if (created.status !== 201) throw new Error(`could not create the canvas: ${created.status} ${created.text}`);
  const { page } = await newPage(browser);
  await page.goto(room.links.editor);
  const editor = page.locator(".canvas-pane .ProseMirror");
  await editor.waitFor({ timeout: 60_000 });
  await page.waitForFunction(
    (min) => (document.querySelector(".canvas-pane .ProseMirror")?.textContent?.length ?? 0) > min,
    words * 4,
    { timeout: 120_000 },
  );
  await placeCaretMidDocument(page);
  await page.evaluate(() => {
    const root = document.querySelector(".canvas-pane .ProseMirror")!;
    const samples: number[] = [];
    (window as unknown as { __latencies: number[] }).__latencies = samples;
    let pending: number | null = null;
    root.addEventListener(
      "keydown",
      (event) => {
        pending = (event as KeyboardEvent).timeStamp;
      },
      true,
    );
    new MutationObserver(() => {
      if (pending === null) return;
      const start = pending;
      pending = null;
      requestAnimationFrame(() => samples.push(performance.now() - start));
    }).observe(root, { childList: true, subtree: true, characterData: true });
  });
  const text = "the quick brown fox jumps over the lazy dog ".repeat(Math.ceil(keys / 44)).slice(0, keys);
  await page.keyboard.type(text, { delay: 25 });
  await page.waitForTimeout(300);
  const samples = await page.evaluate(() => (window as unknown as { __latencies: number[] }).__latencies);
  await page.context().close();
  const sorted = [...samples].sort((a, b) => a - b);
  if (!sorted.length) throw new Error("no key presses were measured");
  return {
    words,
    keys: sorted.length,
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1]!,
  };
}

async function placeCaretMidDocument(page: Page): Promise<void> {
  await page.evaluate(() => {
    const root = document.querySelector(".canvas-pane .ProseMirror") as HTMLElement;
    const paragraphs = root.querySelectorAll("p");
    const middle = paragraphs[Math.floor(paragraphs.length / 2)]!;
    middle.scrollIntoView({ block: "center" });
    root.focus();
    const range = document.createRange();
    range.selectNodeContents(middle);
    range.collapse(false);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  });
  await page.waitForTimeout(200);
}

export async function runTypingBench(options: { words?: number; keys?: number } = {}): Promise<void> {
  if (!hasChromium) {
    console.warn(`typing bench skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
    return;
  }
  const words = options.words ?? 100_000;
  const keys = options.keys ?? 200;
  const [app, browser] = await Promise.all([startApp(), launchChromium()]);
  try {
    const reference = await measure(browser, app, 1_000, keys);
    const large = await measure(browser, app, words, keys);
    console.log("\nTyping latency, key press to next frame (Chromium, headless)");
    console.log("words     keys  median ms  p95 ms  max ms");
    for (const row of [reference, large]) {
      console.log(
        `${String(row.words).padEnd(9)} ${String(row.keys).padEnd(5)} ${row.median.toFixed(1).padStart(9)} ${row.p95.toFixed(1).padStart(7)} ${row.max.toFixed(1).padStart(7)}`,
      );
    }
    console.log(
      `goal: median < 16 ms on ${words} words → ${large.median < 16 ? "met" : "NOT met"} (${(large.median / Math.max(reference.median, 0.1)).toFixed(2)}× the 1k-word reference)\n`,
    );
  } finally {
    await browser.close();
    await app.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  runTypingBench().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
