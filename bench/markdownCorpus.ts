// The markdown fidelity corpus: real documents from public documentation repositories, and how many come
// back byte for byte (trailing newlines aside) after being imported into a canvas, stored in Yjs, loaded
// into another Y.Doc and exported again.
//
//   npx tsx bench/markdownCorpus.ts build [mirrorDir] [corpusDir]   copy the .md files out of git mirrors
//   npx tsx bench/markdownCorpus.ts measure [corpusDir]              print the round-trip rate and misses
//
// The mirrors are bare git repositories (as brought by the fetch tool under /work/.mirror/<owner>+<name>/repo,
// e.g. rust-lang/book, jlevy/the-art-of-command-line, getify/You-Dont-Know-JS). From each, the .md files
// of the newest commit and of a commit halfway back in its history are taken (older style, other
// authors), deduplicated by content. The corpus stays outside the repository: some of these licences do
// not allow redistribution. `npm run bench -- markdown` measures the corpus when it is there.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as Y from "yjs";
import { applyToolCall } from "../shared/engine/index.ts";
import { ApiOrigin } from "../shared/origins.ts";
import { canvasText } from "../shared/markdown/index.ts";
import { MAX_CANVAS_CHARS } from "../shared/tools.ts";

export const DEFAULT_MIRROR_DIR = "/work/.mirror";
export const DEFAULT_CORPUS_DIR = process.env.CANVAS_MARKDOWN_CORPUS ?? "/tmp/canvas-markdown-corpus";
const MAX_FILE_BYTES = 512 * 1024;

function git(repo: string, args: string[]): string {
  return execFileSync("git", ["--git-dir", repo, ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
}

/** Copy every distinct .md file of each mirror (newest commit and one halfway back) into `corpusDir`. */
export function buildCorpus(mirrorDir = DEFAULT_MIRROR_DIR, corpusDir = DEFAULT_CORPUS_DIR): number {
  mkdirSync(corpusDir, { recursive: true });
  const seen = new Set<string>();
  let written = 0;
  for (const entry of readdirSync(mirrorDir).sort()) {
    const repo = join(mirrorDir, entry, "repo");
    if (!existsSync(repo) || !statSync(repo).isDirectory()) continue;
    const commits = git(repo, ["rev-list", "--first-parent", "HEAD"]).trim().split("\n").filter(Boolean);
    const picks = [...new Set([commits[0], commits[Math.floor(commits.length / 2)]].filter((c): c is string => !!c))];
    for (const commit of picks) {
      const files = git(repo, ["ls-tree", "-r", "-l", commit])
        .split("\n")
        .map((line) => /^\d+ blob ([0-9a-f]+)\s+(\d+)\t(.+)$/.exec(line))
        .filter((match): match is RegExpExecArray => match !== null && /\.(md|markdown)$/i.test(match[3]!))
        .filter((match) => Number(match[2]) > 0 && Number(match[2]) <= MAX_FILE_BYTES);
      for (const match of files) {
        const [, blob, , path] = match;
        if (seen.has(blob!)) continue;
        seen.add(blob!);
        const content = git(repo, ["cat-file", "blob", blob!]);
        const name = `${entry}__${commit.slice(0, 8)}__${path!.replace(/[/\\]/g, "__")}`;
        writeFileSync(join(corpusDir, name), content);
        written++;
      }
    }
  }
  return written;
}

export interface RoundTrip {
  file: string;
  same: boolean;
  /** First differing line (1-based) with both versions, when not the same. */
  diff?: { line: number; before: string; after: string };
}

/** Import `markdown` as a person does (a new canvas from a file), send the room to a second Y.Doc, and export it from there. */
export function importExport(markdown: string): string {
  const doc = new Y.Doc();
  const result = applyToolCall(
    doc,
    { name: "create_canvas", arguments: { title: "Corpus", kind: "document", language: null, content: markdown } },
    { canvasId: null, origin: new ApiOrigin("editor", "create_canvas") },
  );
  if (!result.ok || !result.canvasId) throw new Error(`not imported: ${result.summary}`);
  const replica = new Y.Doc();
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
  return canvasText(replica, result.canvasId);
}

export function roundTrip(file: string, markdown: string): RoundTrip {
  const expected = markdown.replace(/\n+$/, "");
  const actual = importExport(markdown).replace(/\n+$/, "");
  if (actual === expected) return { file, same: true };
  const before = expected.split("\n");
  const after = actual.split("\n");
  let line = 0;
  while (line < before.length && before[line] === after[line]) line++;
  return { file, same: false, diff: { line: line + 1, before: before[line] ?? "", after: after[line] ?? "" } };
}

export function measureCorpus(corpusDir = DEFAULT_CORPUS_DIR): { total: number; same: number; misses: RoundTrip[] } {
  const misses: RoundTrip[] = [];
  let total = 0;
  for (const file of readdirSync(corpusDir).sort()) {
    const markdown = readFileSync(join(corpusDir, file), "utf8");
    if (markdown.length > MAX_CANVAS_CHARS || markdown.includes("\r")) continue; // canvases are LF
    total++;
    const result = roundTrip(file, markdown);
    if (!result.same) misses.push(result);
  }
  return { total, same: total - misses.length, misses };
}

/** `npm run bench -- markdown` part: the corpus figure, when a corpus was built. */
export function printCorpusFigures(corpusDir = DEFAULT_CORPUS_DIR): void {
  if (!existsSync(corpusDir)) {
    console.log(`  corpus: not built (npx tsx bench/markdownCorpus.ts build; looked in ${corpusDir})`);
    return;
  }
  const { total, same, misses } = measureCorpus(corpusDir);
  const digest = createHash("sha256").update(readdirSync(corpusDir).sort().join("\n")).digest("hex").slice(0, 12);
  console.log(
    `  corpus round trip: ${same}/${total} documents byte-identical (${((100 * same) / Math.max(1, total)).toFixed(1)}%), corpus ${digest}`,
  );
  for (const miss of misses.slice(0, Number(process.env.CORPUS_MISSES ?? 15))) {
    console.log(
      `    ${miss.file} line ${miss.diff!.line}: ${JSON.stringify(miss.diff!.before.slice(0, 70))} → ${JSON.stringify(miss.diff!.after.slice(0, 70))}`,
    );
  }
}

if (process.argv[1] && /markdownCorpus\.ts$/.test(process.argv[1])) {
  const [command, ...rest] = process.argv.slice(2);
  if (command === "build") {
    const count = buildCorpus(rest[0], rest[1]);
    console.log(`wrote ${count} documents to ${rest[1] ?? DEFAULT_CORPUS_DIR}`);
  } else if (command === "measure") {
    printCorpusFigures(rest[0]);
  } else {
    console.error("usage: npx tsx bench/markdownCorpus.ts build [mirrorDir] [corpusDir] | measure [corpusDir]");
    process.exit(2);
  }
}
