// Live preview of code canvases in a sandboxed iframe: an HTML page with its CSS and JS, an SVG, a
// Mermaid diagram and a React counter that counts on click, updating as someone else types; runtime
// errors listed with one click to ask the model; and a script in the preview reaches neither the app
// page (its DOM, cookies, storage) nor the network (a local server sees no request).
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { FrameLocator, Page } from "playwright-core";
import { describeBrowser, screenshot } from "./helpers/browser.ts";
import { ADA, BOB, openAs, roomWithCanvas } from "./helpers/room.ts";
import { useBrowserSuite } from "./helpers/suite.ts";

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

const HTML_PAGE = `<!doctype html>
<html>
<head>
<style>
  body { font-family: sans-serif; background: #fdf6e3; }
  h1 { color: rgb(180, 30, 60); }
</style>
</head>
<body>
<h1 id="title">Hello</h1>
<p>A page with its own CSS and JavaScript.</p>
<script>document.getElementById("title").textContent = "Hello from JavaScript";</script>
</body>
</html>
`;

const SVG_IMAGE = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="160" viewBox="0 0 240 160">
  <rect width="240" height="160" rx="16" fill="#eef2ff"/>
  <circle id="sun" cx="120" cy="80" r="48" fill="#f59e0b"/>
  <text x="120" y="150" text-anchor="middle" font-size="14" fill="#3730a3">sunrise</text>
</svg>
`;

const MERMAID = `flowchart LR
  Draft[Write the draft] --> Review{Review}
  Review -->|changes| Draft
  Review -->|ok| Publish[Publish]
`;

const COUNTER = `import { useState } from "react";

type Props = { label?: string };

export default function Counter({ label = "Count" }: Props) {
  const [count, setCount] = useState<number>(0);
  return (
    <div style={{ fontFamily: "sans-serif", padding: 12 }}>
      <p id="value">{label}: {count}</p>
      <button onClick={() => setCount((value) => value + 1)}>Add one</button>
    </div>
  );
}
`;

describeBrowser("live preview of code canvases", () => {
  const suite = useBrowserSuite({ model: "offline" });
  let probe: Server;
  let probeUrl = "";
  const probeHits: string[] = [];

  beforeAll(async () => {
    // A local server the preview's scripts try to reach; it records every request it gets.
    probe = createServer((req, res) => {
      probeHits.push(`${req.method} ${req.url}`);
      res.writeHead(200, { "Access-Control-Allow-Origin": "*", "Content-Type": "text/plain" });
      res.end("reached");
    });
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const address = probe.address();
    probeUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => probe?.close(() => resolve()));
  });

  async function codeRoom(title: string, language: string, content: string) {
    return (await roomWithCanvas(suite.app, title, { title, kind: "code", language, content })).room;
  }

  function previewFrame(page: Page): FrameLocator {
    return page.frameLocator("iframe.preview-frame");
  }

  it("an HTML page runs with its CSS and JS, and follows another person's typing", async () => {
    const room = await codeRoom("Landing page", "html", HTML_PAGE);
    const ada = await openAs(suite.browser, room.links.editor, ADA, DESKTOP);
    const page = previewFrame(ada).frameLocator("iframe");
    await expect.poll(() => page.locator("h1").textContent(), { timeout: 15_000 }).toBe("Hello from JavaScript");
    expect(await page.locator("h1").evaluate((node) => getComputedStyle(node).color)).toBe("rgb(180, 30, 60)");
    const frame = ada.locator("iframe.preview-frame");
    expect(await frame.getAttribute("sandbox")).toBe("allow-scripts");

    const bob = await openAs(suite.browser, room.links.editor, BOB, DESKTOP);
    await bob.locator(".canvas-pane .ProseMirror").click();
    await bob.keyboard.press("Control+End");
    await bob.keyboard.type('\n<p id="added">Typed by Bob</p>');
    await expect.poll(() => page.locator("#added").textContent(), { timeout: 15_000 }).toBe("Typed by Bob");
    await screenshot(ada, "preview-1-html-desktop");
    await bob.context().close();
    await ada.context().close();
  });

  it("an SVG image and a Mermaid diagram render beside their source", async () => {
    const svgRoom = await codeRoom("Sunrise", "svg", SVG_IMAGE);
    const ada = await openAs(suite.browser, svgRoom.links.viewer, ADA, DESKTOP);
    await previewFrame(ada).locator("svg circle#sun").waitFor({ timeout: 15_000 });
    expect(await previewFrame(ada).locator("svg text").textContent()).toBe("sunrise");
    await screenshot(ada, "preview-2-svg-desktop");
    await ada.context().close();

    const mermaidRoom = await codeRoom("Publishing flow", "mermaid", MERMAID);
    const bob = await openAs(suite.browser, mermaidRoom.links.viewer, BOB, DESKTOP);
    const diagram = previewFrame(bob).locator("#stage svg");
    await diagram.waitFor({ timeout: 20_000 });
    await expect.poll(() => diagram.textContent(), { timeout: 10_000 }).toContain("Write the draft");
    expect(await diagram.textContent()).toContain("Publish");
    await screenshot(bob, "preview-3-mermaid-desktop");
    await bob.context().close();
  });

  it("a React counter written in TSX counts on click inside the preview, on a desktop and on a phone", async () => {
    const room = await codeRoom("Counter.tsx", "tsx", COUNTER);
    const ada = await openAs(suite.browser, room.links.editor, ADA, DESKTOP);
    const frame = previewFrame(ada);
    await expect.poll(() => frame.locator("#value").textContent(), { timeout: 20_000 }).toBe("Count: 0");
    await frame.getByRole("button", { name: "Add one" }).click();
    await frame.getByRole("button", { name: "Add one" }).click();
    await expect.poll(() => frame.locator("#value").textContent()).toBe("Count: 2");
    await screenshot(ada, "preview-4-react-desktop");
    await ada.context().close();

    const phone = await openAs(suite.browser, room.links.editor, BOB, PHONE);
    await phone.getByRole("tab", { name: "Preview" }).click();
    const phoneFrame = previewFrame(phone);
    await expect.poll(() => phoneFrame.locator("#value").textContent(), { timeout: 20_000 }).toBe("Count: 0");
    await phoneFrame.getByRole("button", { name: "Add one" }).click();
    await expect.poll(() => phoneFrame.locator("#value").textContent()).toBe("Count: 1");
    await screenshot(phone, "preview-5-react-phone");
    await phone.context().close();
  });

  it("a runtime error is shown under the preview, and one click asks the model to fix it", async () => {
    const room = await codeRoom("Broken page", "html", "<!doctype html><p>Hi</p><script>renderChart();</script>\n");
    const ada = await openAs(suite.browser, room.links.editor, ADA, DESKTOP);
    const errors = ada.locator(".preview-errors");
    await expect.poll(() => errors.textContent(), { timeout: 15_000 }).toContain("renderChart is not defined");
    await screenshot(ada, "preview-6-error-desktop");
    await errors.getByRole("button", { name: "Ask AI to fix" }).click();
    const asked = ada.locator(".chat-message.user").last();
    await expect.poll(() => asked.textContent(), { timeout: 15_000 }).toContain("renderChart is not defined");
    expect(await asked.textContent()).toContain("Fix this error from the live preview");
    await ada.context().close();
  });

  it("a script in the preview cannot reach the app page, its cookies or storage, nor the network", async () => {
    const hostile = `<!doctype html>
<html><body>
<ul id="results"></ul>
<script>
  const results = document.getElementById("results");
  const note = (name, value) => { const li = document.createElement("li"); li.id = name; li.textContent = value; results.append(li); };
  const attempt = (name, fn) => { try { const value = fn(); note(name, "reached: " + String(value).slice(0, 40)); } catch (error) { note(name, "blocked: " + error.name); } };
  attempt("parent-document", () => window.parent.document.title);
  attempt("top-document", () => window.top.document.body.innerHTML);
  attempt("cookie", () => document.cookie);
  attempt("local-storage", () => localStorage.getItem("canvas.identity"));
  attempt("session-storage", () => sessionStorage.length);
  fetch(${JSON.stringify("PROBE/fetch")}).then(() => note("fetch", "reached"), (error) => note("fetch", "blocked: " + error.name));
  const image = new Image(); image.onload = () => note("image", "reached"); image.onerror = () => note("image", "blocked"); image.src = ${JSON.stringify("PROBE/image")};
  const beacon = navigator.sendBeacon ? navigator.sendBeacon(${JSON.stringify("PROBE/beacon")}, "x") : false;
  note("beacon", beacon ? "queued" : "blocked");
  const script = document.createElement("script"); script.src = ${JSON.stringify("PROBE/script.js")}; document.head.append(script);
  try { new WebSocket(${JSON.stringify("WSPROBE/socket")}); note("socket", "opened"); } catch (error) { note("socket", "blocked: " + error.name); }
</script>
</body></html>
`
      .replaceAll("WSPROBE", probeUrl.replace("http", "ws"))
      .replaceAll("PROBE", probeUrl);
    const room = await codeRoom("Hostile page", "html", hostile);
    const ada = await openAs(suite.browser, room.links.owner, ADA, DESKTOP);
    const page = previewFrame(ada).frameLocator("iframe");
    await expect.poll(() => page.locator("#results li").count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(8);
    for (const name of ["parent-document", "top-document", "cookie", "local-storage", "session-storage"])
      expect(await page.locator(`#${name}`).textContent(), name).toMatch(/^blocked: SecurityError/);
    await expect.poll(() => page.locator("#fetch").textContent()).toMatch(/^blocked/);
    await expect.poll(() => page.locator("#image").textContent()).toBe("blocked");
    // The app's own page is untouched and still has its storage.
    expect(await ada.evaluate(() => localStorage.getItem("canvas.identity"))).toContain("Ada");
    // Give anything that slipped through time to arrive, then make sure nothing did.
    await ada.waitForTimeout(1_000);
    expect(probeHits).toEqual([]);
    // The frame's document carries the network-blocking policy.
    const response = await fetch(`${suite.app.url}/preview/frame.html`);
    expect(response.headers.get("content-security-policy")).toContain("connect-src 'none'");
    await screenshot(ada, "preview-7-sandbox-desktop");
    await ada.context().close();
  });
});
