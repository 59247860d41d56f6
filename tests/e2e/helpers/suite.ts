// One browser test suite's surroundings: the real server (with a fake OpenAI-compatible model or the
// offline engine), one Chromium, and a fresh model script per test. Filled in by beforeAll.
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { Browser } from "playwright-core";
import { startFakeOpenAI, type FakeOpenAI } from "../../fake-openai/server.ts";
import { launchChromium } from "./browser.ts";
import { startApp, type E2EApp } from "./app.ts";

export interface BrowserSuite {
  app: E2EApp;
  browser: Browser;
  /** The fake model; only with `{ model: "fake" }`. */
  fake: FakeOpenAI;
}

export function useBrowserSuite(options: { model: "fake" | "offline" }): BrowserSuite {
  const suite = {} as BrowserSuite;
  beforeAll(async () => {
    if (options.model === "fake") suite.fake = await startFakeOpenAI();
    [suite.app, suite.browser] = await Promise.all([
      startApp(options.model === "fake" ? { openaiBaseURL: suite.fake.url } : {}),
      launchChromium(),
    ]);
  });
  beforeEach(() => suite.fake?.reset());
  afterAll(async () => {
    await suite.browser?.close();
    await suite.app?.close();
    await suite.fake?.close();
  });
  return suite;
}
