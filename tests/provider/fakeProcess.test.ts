import { spawn } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createOpenAIEngine } from "../../server/agent/openai/engine.ts";
import { collect, doneOf } from "./helpers.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

describe("the fake OpenAI server as its own process", () => {
  it("starts on the given port, takes a script over HTTP and serves it to the SDK", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", join(root, "tests/fake-openai/main.ts")], {
      cwd: root,
      env: { ...process.env, FAKE_OPENAI_PORT: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      let output = "";
      const url = await new Promise<string>((resolveUrl, reject) => {
        const timer = setTimeout(() => reject(new Error(`fake did not start:\n${output}`)), 30_000);
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          const match = /listening at (http:\/\/\S+)/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolveUrl(match[1]!);
          }
        };
        child.stdout.on("data", onData);
        child.stderr.on("data", onData);
        child.on("exit", (code) => reject(new Error(`fake exited with ${code}:\n${output}`)));
      });
      const base = url.replace(/\/v1$/, "");
      const scripted = await fetch(`${base}/__script`, {
        method: "POST",
        body: JSON.stringify([{ text: "Hello from the other process." }]),
      });
      expect(scripted.status).toBe(200);
      const engine = createOpenAIEngine({
        apiKey: "k",
        baseURL: url,
        model: "fake-model",
        timeoutMs: 5_000,
        maxRetries: 0,
      });
      expect(doneOf(await collect(engine)).text).toBe("Hello from the other process.");
      const recorded = (await (await fetch(`${base}/__requests`)).json()) as {
        requests: { body: { model: string } }[];
      };
      expect(recorded.requests.map((entry) => entry.body.model)).toEqual(["fake-model"]);
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolveExit) => child.once("exit", resolveExit));
        child.kill("SIGTERM");
        await exited;
      }
    }
  });
});
