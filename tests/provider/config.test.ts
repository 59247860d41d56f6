import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { DEFAULT_CANVAS_MODEL, loadConfig, PLACEHOLDER_API_KEY, SETTING_NAMES } from "../../server/config.ts";

describe("loadConfig", () => {
  it("an empty environment runs the offline engine with the documented defaults", () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: "127.0.0.1",
      dataDir: "./data",
      logLevel: "info",
      engine: "local",
      apiKey: undefined,
      baseURL: undefined,
      model: DEFAULT_CANVAS_MODEL,
      predictedOutputs: false,
      requestTimeoutMs: 60_000,
      maxRetries: 2,
      maxMessageBytes: 10 * 1024 * 1024,
      contextTokens: 24_000,
      maxSteps: 8,
      turnTokens: 200_000,
      publicUrl: undefined,
      compactEvery: 500,
      metricsToken: undefined,
      connectionsPerAddress: 256,
      roomsPerMinute: 30,
      runsPerHour: 600,
      databaseUrl: undefined,
      redisUrl: undefined,
      redisPrefix: "canvas:",
    });
  });

  it("reads the proxy URL, the compaction interval and the scale-out backends", () => {
    expect(
      loadConfig({
        PUBLIC_URL: "https://canvas.example.com/",
        CANVAS_COMPACT_EVERY: "3",
        DATABASE_URL: "postgres://canvas:canvas@127.0.0.1:5432/canvas",
        REDIS_URL: "redis://127.0.0.1:6379",
        REDIS_PREFIX: "test:",
      }),
    ).toMatchObject({
      publicUrl: "https://canvas.example.com",
      compactEvery: 3,
      databaseUrl: "postgres://canvas:canvas@127.0.0.1:5432/canvas",
      redisUrl: "redis://127.0.0.1:6379",
      redisPrefix: "test:",
    });
  });

  it("a bad database or Redis URL is named without repeating the password in it", () => {
    let message = "";
    try {
      loadConfig({ DATABASE_URL: "mysql://root:hunter2@db/canvas", REDIS_URL: "http://:hunter2@cache", PORT: "x" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("DATABASE_URL is not valid: expected postgres://");
    expect(message).toContain("REDIS_URL is not valid: expected redis://");
    expect(message).toContain('PORT="x"');
    expect(message).not.toContain("hunter2");
  });

  it("the README's table documents every setting the server reads", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const documented = [...readme.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((match) => match[1]);
    expect([...documented].sort()).toEqual([...SETTING_NAMES].sort());
  });

  it("a key switches the default engine to openai and the values are parsed", () => {
    const config = loadConfig({
      OPENAI_API_KEY: "sk-test",
      OPENAI_BASE_URL: "https://openrouter.ai/api/v1",
      CANVAS_MODEL: "openai/gpt-4.1-mini",
      CANVAS_PREDICTED_OUTPUTS: "1",
      CANVAS_REQUEST_TIMEOUT_MS: "5000",
      CANVAS_MAX_RETRIES: "0",
      PORT: "0",
      LOG_LEVEL: "warn",
    });
    expect(config).toMatchObject({
      engine: "openai",
      apiKey: "sk-test",
      baseURL: "https://openrouter.ai/api/v1",
      model: "openai/gpt-4.1-mini",
      predictedOutputs: true,
      requestTimeoutMs: 5000,
      maxRetries: 0,
      port: 0,
      logLevel: "warn",
    });
  });

  it("an empty key counts as no key, and CANVAS_ENGINE=local wins over a key", () => {
    expect(loadConfig({ OPENAI_API_KEY: "" }).engine).toBe("local");
    expect(loadConfig({ OPENAI_API_KEY: "sk-test", CANVAS_ENGINE: "local" })).toMatchObject({
      engine: "local",
      apiKey: undefined,
    });
  });

  it("a keyless local server (Ollama) works with CANVAS_ENGINE=openai and a base URL", () => {
    const config = loadConfig({
      CANVAS_ENGINE: "openai",
      OPENAI_BASE_URL: "http://localhost:11434/v1",
      CANVAS_MODEL: "llama3.1",
    });
    expect(config).toMatchObject({
      engine: "openai",
      apiKey: PLACEHOLDER_API_KEY,
      baseURL: "http://localhost:11434/v1",
    });
  });

  it("openai without a key or base URL is refused with what to set", () => {
    expect(() => loadConfig({ CANVAS_ENGINE: "openai" })).toThrow(
      /CANVAS_ENGINE=openai needs OPENAI_API_KEY.*OPENAI_BASE_URL/,
    );
  });

  it("every bad variable is listed in one error with its allowed values", () => {
    let message = "";
    try {
      loadConfig({
        PORT: "http",
        LOG_LEVEL: "loud",
        CANVAS_ENGINE: "gpt",
        CANVAS_PREDICTED_OUTPUTS: "yes",
        OPENAI_BASE_URL: "localhost:11434",
        CANVAS_MAX_RETRIES: "-1",
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('PORT="http"');
    expect(message).toContain('LOG_LEVEL="loud" is not valid: expected fatal, error, warn, info, debug, trace, silent');
    expect(message).toContain('CANVAS_ENGINE="gpt" is not valid: expected openai, local');
    expect(message).toContain("CANVAS_PREDICTED_OUTPUTS");
    expect(message).toContain("OPENAI_BASE_URL");
    expect(message).toContain("CANVAS_MAX_RETRIES");
    expect(message.split("\n").filter((line) => line.startsWith("  - "))).toHaveLength(6);
  });
});
