import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts", "shared/**/*.test.ts", "server/**/*.test.ts", "evals/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/*.perf.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    setupFiles: ["tests/setup.ts"],
    // Browser and socket tests poll for what other clients see; a loaded CI machine needs more than 1 s.
    expect: { poll: { timeout: 10_000, interval: 50 } },
  },
});
