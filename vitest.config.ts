import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts", "shared/**/*.test.ts", "server/**/*.test.ts", "evals/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/*.perf.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    setupFiles: ["tests/setup.ts"],
  },
});
