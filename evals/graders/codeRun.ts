// Runs a code case's test against the canvas after the turn: the canvas is written as `subject.<ext>`
// next to the test in a fresh temporary directory, then executed with python3 (Python) or node with
// tsx (JavaScript, TypeScript). Whatever the model wrote runs with a time limit, a memory limit, an
// empty environment, no network (a network namespace of its own when `unshare -n` works, and in any
// case sockets, DNS and fetch that throw), and its output capped. Pass means exit code 0.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export const RUN_LANGUAGES = ["python", "javascript", "typescript"] as const;
export type RunLanguage = (typeof RUN_LANGUAGES)[number];

export interface CodeRunSpec {
  language: RunLanguage;
  /** The code under test (the canvas). */
  subject: string;
  /** The test program; it imports `subject` and exits non-zero on failure. */
  test: string;
  timeoutMs?: number;
}

export interface CodeRunResult {
  status: "pass" | "fail" | "timeout" | "error";
  /** stdout + stderr, capped. */
  output: string;
  ms: number;
  /** Ran in its own network namespace (else only the in-process guards held the network back). */
  isolated: boolean;
}

// Generous: on a loaded 2-core machine node + tsx alone can take several seconds to start, and a
// verdict that depends on the machine's load would break the deterministic gate. A run that times out
// is tried once more with twice the limit before it counts as a timeout.
export const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_OUTPUT = 8_000;
const MEMORY_MB = 512;
const PARALLEL = 2;

const FILES: Record<RunLanguage, { subject: string; test: string }> = {
  python: { subject: "subject.py", test: "test_subject.py" },
  javascript: { subject: "subject.js", test: "test.mjs" },
  typescript: { subject: "subject.ts", test: "test.mts" },
};

const PYTHON_GUARD = `import resource, runpy, socket, sys
resource.setrlimit(resource.RLIMIT_AS, (${MEMORY_MB} << 20, ${MEMORY_MB} << 20))
def _no_network(*args, **kwargs):
    raise OSError("network access is disabled in eval code runs")
socket.socket.connect = _no_network
socket.socket.connect_ex = _no_network
socket.create_connection = _no_network
socket.getaddrinfo = _no_network
sys.argv = [sys.argv[1]]
runpy.run_path(sys.argv[0], run_name="__main__")
`;

const NODE_GUARD = `import dns from "node:dns";
import net from "node:net";
const refuse = () => { throw new Error("network access is disabled in eval code runs"); };
net.Socket.prototype.connect = refuse;
dns.lookup = refuse;
dns.promises.lookup = refuse;
globalThis.fetch = refuse;
globalThis.WebSocket = undefined;
`;

let isolation: boolean | null = null;
/** Whether `unshare -n` can give a child process an empty network namespace here (root or user namespaces). */
function canIsolate(): boolean {
  if (isolation === null) {
    const probe = spawnSync("unshare", ["-n", "true"], { stdio: "ignore", timeout: 5_000 });
    isolation = probe.status === 0;
  }
  return isolation;
}

function tsxLoader(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
}

let running = 0;
const waiting: (() => void)[] = [];
async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function command(language: RunLanguage, dir: string): string[] {
  if (language === "python") return ["python3", "-B", "-s", "-E", join(dir, "guard.py"), FILES.python.test];
  return [
    process.execPath,
    `--max-old-space-size=${MEMORY_MB}`,
    "--import",
    pathToFileURL(join(dir, "guard.mjs")).href,
    "--import",
    tsxLoader(),
    FILES[language].test,
  ];
}

async function execute(spec: CodeRunSpec): Promise<CodeRunResult> {
  const dir = await mkdtemp(join(tmpdir(), "canvas-eval-run-"));
  const started = Date.now();
  const isolated = canIsolate();
  try {
    const files = FILES[spec.language];
    await writeFile(join(dir, files.subject), spec.subject);
    await writeFile(join(dir, files.test), spec.test);
    await writeFile(
      join(dir, spec.language === "python" ? "guard.py" : "guard.mjs"),
      spec.language === "python" ? PYTHON_GUARD : NODE_GUARD,
    );
    const argv = command(spec.language, dir);
    const [program, ...args] = isolated ? ["unshare", "-n", "--", ...argv] : argv;
    return await new Promise<CodeRunResult>((resolve) => {
      const child = spawn(program!, args, {
        cwd: dir,
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
        env: {
          PATH: process.env.PATH ?? "/usr/bin:/bin",
          HOME: dir,
          TMPDIR: dir,
          LANG: "C.UTF-8",
          PYTHONHASHSEED: "0",
        },
      });
      let output = "";
      const collect = (chunk: Buffer): void => {
        if (output.length < MAX_OUTPUT) output += chunk.toString("utf8").slice(0, MAX_OUTPUT - output.length);
      };
      child.stdout.on("data", collect);
      child.stderr.on("data", collect);
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        killGroup(child.pid);
      }, spec.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      child.on("error", (error) => {
        clearTimeout(timer);
        resolve({
          status: "error",
          output: `could not start ${program}: ${error.message}`,
          ms: Date.now() - started,
          isolated,
        });
      });
      child.on("close", (code) => {
        clearTimeout(timer);
        killGroup(child.pid);
        const status = timedOut ? "timeout" : code === 0 ? "pass" : "fail";
        resolve({ status, output, ms: Date.now() - started, isolated });
      });
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // The group has already exited.
  }
}

const cache = new Map<string, Promise<CodeRunResult>>();

/** Run a test against a subject; identical runs in one process are answered from memory. */
export function runCodeTest(spec: CodeRunSpec): Promise<CodeRunResult> {
  const key = createHash("sha256")
    .update(JSON.stringify([spec.language, spec.subject, spec.test, spec.timeoutMs]))
    .digest("hex");
  let result = cache.get(key);
  if (!result) {
    result = slot(() => execute(spec)).then((first) =>
      first.status === "timeout"
        ? slot(() => execute({ ...spec, timeoutMs: 2 * (spec.timeoutMs ?? DEFAULT_TIMEOUT_MS) }))
        : first,
    );
    cache.set(key, result);
  }
  return result;
}
