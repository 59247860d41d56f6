// Code written by a model runs in a throwaway directory with a time limit and without network: a test
// that passes passes, a broken one fails, a hang is stopped, and a connection attempt is refused.
import { describe, expect, it } from "vitest";
import { runCodeTest } from "../../evals/graders/codeRun.ts";

describe("code test runs", () => {
  it("runs Python with python3 and reports pass and fail by exit code", async () => {
    const test = "import subject\nassert subject.double(2) == 4\n";
    expect(
      (await runCodeTest({ language: "python", subject: "def double(x):\n    return x * 2\n", test })).status,
    ).toBe("pass");
    const failed = await runCodeTest({
      language: "python",
      subject: "def double(x):\n    return x + 2\n",
      test: "import subject\nassert subject.double(3) == 6\n",
    });
    expect(failed.status).toBe("fail");
    expect(failed.output).toContain("AssertionError");
  });

  it("runs TypeScript and JavaScript (CommonJS or ESM) with node and tsx", async () => {
    const ts = await runCodeTest({
      language: "typescript",
      subject: "export const double = (x: number): number => x * 2;\n",
      test: "import assert from 'node:assert/strict';\nconst m = await import('./subject.ts');\nassert.equal(m.double(2), 4);\n",
    });
    expect(ts.status).toBe("pass");
    for (const subject of [
      "function double(x) { return x * 2; }\nmodule.exports = { double };\n",
      "export const double = (x) => x * 2;\n",
    ]) {
      const js = await runCodeTest({
        language: "javascript",
        subject,
        test: "import assert from 'node:assert/strict';\nconst m = await import('./subject.js');\nassert.equal((m.double ?? m.default.double)(2), 4);\n",
      });
      expect(js.status, subject).toBe("pass");
    }
  });

  it("stops a test that never ends", async () => {
    const result = await runCodeTest({
      language: "javascript",
      subject: "while (true) {}\n",
      test: "await import('./subject.js');\n",
      timeoutMs: 500,
    });
    expect(result.status).toBe("timeout");
  });

  it("refuses network access from Python and from Node", async () => {
    const python = await runCodeTest({
      language: "python",
      subject: "import urllib.request\nurllib.request.urlopen('http://example.com', timeout=3)\n",
      test: "import subject\n",
    });
    expect(python.status).toBe("fail");
    expect(python.output).toMatch(
      /network access is disabled|Network is unreachable|Name or service not known|Temporary failure/,
    );
    const node = await runCodeTest({
      language: "javascript",
      subject: "module.exports = {};\n",
      test: "await fetch('http://example.com');\n",
    });
    expect(node.status).toBe("fail");
    expect(node.output).toMatch(/network access is disabled|ENETUNREACH|EAI_AGAIN|fetch failed/);
  });

  it("does not see the caller's environment", async () => {
    process.env.CANVAS_EVAL_SECRET = "do-not-leak";
    const result = await runCodeTest({
      language: "python",
      subject: "",
      test: "import os\nassert 'CANVAS_EVAL_SECRET' not in os.environ\n",
    });
    delete process.env.CANVAS_EVAL_SECRET;
    expect(result.status).toBe("pass");
  });
});
