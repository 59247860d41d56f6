#!/usr/bin/env node
// Shim: run the TypeScript CLI with tsx (a runtime dependency), paths resolved from this file.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// Resolve tsx from this package, not from the caller's working directory.
const tsx = import.meta.resolve("tsx");
const result = spawnSync(process.execPath, ["--import", tsx, join(root, "bin", "cli.ts"), ...process.argv.slice(2)], {
  stdio: "inherit",
  cwd: process.cwd(),
});
if (result.error) {
  console.error(`canvas: could not start the CLI (${result.error.message})`);
  process.exit(2);
}
process.exit(result.status ?? 2);
