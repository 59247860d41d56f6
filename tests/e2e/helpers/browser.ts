// Chromium for the e2e tests (playwright-core driving Debian's /usr/bin/chromium). Without it the suite
// skips loudly on a laptop, and fails in CI, where a skipped browser test would hide a broken product.
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe } from "vitest";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { ROOT } from "./build.ts";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM_PATH);

if (!hasChromium) {
  if (process.env.CI)
    throw new Error(
      `e2e: ${CHROMIUM_PATH} is missing in CI. Install it (apt-get install -y chromium) — browser tests must run.`,
    );
  console.warn(
    `\n  !!! e2e browser tests SKIPPED: ${CHROMIUM_PATH} is missing. Run: apt-get update && apt-get install -y chromium\n`,
  );
}

/** `describe` that skips (with the reason in its name) when Chromium is missing outside CI. */
export function describeBrowser(name: string, fn: () => void): void {
  describe.skipIf(!hasChromium)(hasChromium ? name : `${name} [SKIPPED: no Chromium at ${CHROMIUM_PATH}]`, fn);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-dev-shm-usage",
    ],
  });
}

export async function newPage(
  browser: Browser,
  options: { width?: number; height?: number } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  // Phone-sized viewports get touch, so tests can tap like a person on a phone.
  const phone = (options.width ?? 1280) < 600;
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    hasTouch: phone,
    isMobile: phone,
    permissions: ["clipboard-read", "clipboard-write"],
  });
  const page = await context.newPage();
  page.on("pageerror", (error) => console.error(`[browser] page error: ${error.message}`));
  return { context, page };
}

const RESULTS_DIR = join(ROOT, "test-results");

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
