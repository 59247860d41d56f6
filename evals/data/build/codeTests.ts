// Test programs for code edit cases, one per case, run against the canvas after the turn
// (evals/graders/codeRun.ts): the canvas is `subject.py` / `subject.js` / `subject.ts` next to the
// test. A test asserts what the instruction asked for and that the rest of the module still works.
// The builder checks that each fails on the original canvas and passes on the case's reference.

export const pyTest = (...lines: string[]): string => ["import subject", "", ...lines, ""].join("\n");

/** Python test with stdout captured: `out()` is what the code printed so far. */
export const pyQuietTest = (...lines: string[]): string =>
  pyTest(
    "import contextlib, io",
    "_buffer = io.StringIO()",
    "def out():",
    "    return _buffer.getvalue()",
    "",
    "with contextlib.redirect_stdout(_buffer):",
    ...lines.map((line) => `    ${line}`),
  );

const jsPrelude = [
  'import assert from "node:assert/strict";',
  "const logs = [];",
  "console.log = (...args) => logs.push(args.join(\" \"));",
  'const loaded = await import("./subject.js");',
  "const m = { ...(loaded.default ?? {}), ...loaded };",
];

/** JavaScript test (ESM); `m` is the module (CommonJS or ESM), `logs` what it printed with console.log. */
export const jsTest = (...lines: string[]): string => [...jsPrelude, "", ...lines, ""].join("\n");

/** JavaScript test of a TypeScript canvas (subject.ts), same helpers as jsTest. */
export const tsTest = (...lines: string[]): string =>
  [...jsPrelude.map((line) => line.replace("./subject.js", "./subject.ts")), "", ...lines, ""].join("\n");
