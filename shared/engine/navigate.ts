// Looking at a canvas without changing it: read_canvas (lines, or a section by heading) and
// search_canvas (passages containing words). Pure functions of the canvas text as the model sees it
// (canvasText: markdown or source) with numbered lines, capped per call; what the model cannot use
// (a range past the end, an unknown heading) is a failure value naming what it may send instead.
import type * as Y from "yjs";
import { canvasesMap } from "../room.ts";
import { canvasText } from "../markdown/index.ts";
import {
  DEFAULT_SEARCH_RESULTS,
  MAX_READ_CHARS,
  MAX_READ_LINES,
  parseNavigationCall,
  type CanvasKind,
  type NavigationCall,
  type NavigationToolName,
  type ReadCanvasArgs,
  type SearchCanvasArgs,
} from "../tools.ts";
import { canvasOutline, sectionEnd, sectionOf, type OutlineEntry } from "./outline.ts";
import { clip, similarity } from "./similarity.ts";
import { numberLines } from "./lineNumbers.ts";

export type NavigationResult =
  | {
      readonly ok: true;
      tool: NavigationToolName;
      /** What the model reads: a header line, then numbered lines or passages. */
      content: string;
      /** One line for people, e.g. "Read lines 840–910". */
      summary: string;
      /** Lines read, or passages found. */
      count: number;
    }
  | { readonly ok: false; tool: string; error: string };

/** Longest stretch of one line a search result shows (the match sits in the middle of it). */
const PASSAGE_CHARS = 240;

const fmt = (value: number): string => value.toLocaleString("en");
const range = (from: number, to: number): string =>
  from === to ? `line ${fmt(from)}` : `lines ${fmt(from)}–${fmt(to)}`;

/** Run a validated navigation call on canvas text. */
export function navigate(text: string, kind: CanvasKind, call: NavigationCall): NavigationResult {
  switch (call.name) {
    case "read_canvas":
      return readCanvas(text, kind, call.arguments);
    case "search_canvas":
      return searchCanvas(text, kind, call.arguments);
    default:
      return call satisfies never;
  }
}

/** Validate a raw navigation call (an object or the JSON text) and run it on a room's canvas. */
export function navigateCanvas(
  doc: Y.Doc,
  canvasId: string | null,
  name: string,
  rawArguments: unknown,
): NavigationResult {
  const parsed = parseNavigationCall(name, rawArguments);
  if (!parsed.ok) return { ok: false, tool: name, error: parsed.error };
  const meta = canvasId ? canvasesMap(doc).get(canvasId) : undefined;
  if (!meta) return { ok: false, tool: name, error: "No canvas is open, so there is nothing to read or search." };
  return navigate(canvasText(doc, meta.id), meta.kind, parsed.call);
}

/** read_canvas: lines from..to, or the section under a heading, numbered and capped. */
export function readCanvas(text: string, kind: CanvasKind, args: ReadCanvasArgs): NavigationResult {
  const lines = text.split("\n");
  const total = lines.length;
  const fail = (error: string): NavigationResult => ({ ok: false, tool: "read_canvas", error });
  const valid = `The canvas has ${fmt(total)} lines (1–${fmt(total)}).`;
  if (args.heading !== null) {
    if (args.from_line !== null || args.to_line !== null)
      return fail("Send either `heading`, or `from_line` and `to_line`, not both. Nothing was read.");
    const outline = canvasOutline(text, kind);
    const found = findHeading(outline, args.heading, kind);
    if (!found.ok) return fail(found.error);
    const end = sectionEnd(lines, found.entry, outline, kind);
    return readLines(lines, found.entry.line, end, `the section "${clip(found.entry.text, 80)}"`);
  }
  if (args.from_line === null)
    return fail(`Send \`from_line\` and \`to_line\` (1-based), or a \`heading\`. ${valid} Nothing was read.`);
  const from = args.from_line;
  if (from > total) return fail(`Line ${fmt(from)} is past the end of the canvas. ${valid} Nothing was read.`);
  const to = args.to_line ?? Math.min(total, from + MAX_READ_LINES - 1);
  if (to < from)
    return fail(`\`to_line\` (${fmt(to)}) is before \`from_line\` (${fmt(from)}). ${valid} Nothing was read.`);
  return readLines(lines, from, Math.min(to, total), null, to > total ? total : null);
}

function readLines(
  lines: readonly string[],
  from: number,
  to: number,
  section: string | null,
  clampedAt: number | null = null,
): NavigationResult {
  const shown: string[] = [];
  let chars = 0;
  let last = from - 1;
  let clippedLine: number | null = null;
  for (let line = from; line <= to && shown.length < MAX_READ_LINES; line++) {
    let content = lines[line - 1]!;
    if (chars + content.length > MAX_READ_CHARS) {
      if (shown.length > 0) break;
      // One line longer than a whole read: show its start, and say so.
      content = content.slice(0, MAX_READ_CHARS);
      clippedLine = line;
    }
    shown.push(content);
    chars += content.length + 1;
    last = line;
  }
  const notes: string[] = [];
  if (clippedLine !== null)
    notes.push(
      `Line ${fmt(clippedLine)} is ${fmt(lines[clippedLine - 1]!.length)} characters long; only its first ${fmt(MAX_READ_CHARS)} are shown.`,
    );
  if (last < to)
    notes.push(
      `Cut at line ${fmt(last)} (at most ${MAX_READ_LINES} lines or ${fmt(MAX_READ_CHARS)} characters per read); ${section ? `the section ends at line ${fmt(to)}; ` : ""}read from line ${fmt(last + 1)} to go on.`,
    );
  if (clampedAt !== null) notes.push(`The canvas ends at line ${fmt(clampedAt)}.`);
  const header = `${section ? `${capitalise(section)}, ${range(from, last)}` : capitalise(range(from, last))} of ${fmt(lines.length)} (line numbers are not part of the text):`;
  return {
    ok: true,
    tool: "read_canvas",
    content: [header, numberLines(shown, from), ...notes].join("\n"),
    summary: `Read ${range(from, last)}`,
    count: last - from + 1,
  };
}

const normalise = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[*_`~[\]]/g, "")
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, " ")
    .trim();

function findHeading(
  outline: readonly OutlineEntry[],
  heading: string,
  kind: CanvasKind,
): { ok: true; entry: OutlineEntry } | { ok: false; error: string } {
  const wanted = normalise(heading.replace(/^#+\s*/, "")).replace(/[.:]+$/, "");
  const what = kind === "code" ? "function or class" : "heading";
  if (outline.length === 0)
    return {
      ok: false,
      error: `The canvas has no ${kind === "code" ? "functions or classes" : "headings"} to read by. Read lines with \`from_line\` and \`to_line\`, or use search_canvas. Nothing was read.`,
    };
  const exact = outline.filter(
    (entry) =>
      normalise(entry.text).replace(/[.:]+$/, "") === wanted ||
      (entry.name !== null && entry.name.toLowerCase() === wanted),
  );
  const candidates = exact.length ? exact : outline.filter((entry) => normalise(entry.text).includes(wanted));
  if (candidates.length === 1) return { ok: true, entry: candidates[0]! };
  const list = (entries: readonly OutlineEntry[]) =>
    entries
      .slice(0, 8)
      .map((entry) => `- line ${fmt(entry.line)}: ${clip(entry.text, 100)}`)
      .join("\n");
  if (candidates.length > 1)
    return {
      ok: false,
      error: `${candidates.length} ${what}s match "${clip(heading, 80)}":\n${list(candidates)}\nSend the full ${what} text, or read its lines with \`from_line\` and \`to_line\`. Nothing was read.`,
    };
  const closest = [...outline]
    .map((entry) => ({ entry, score: similarity(wanted, normalise(entry.text)) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, 5)
    .map(({ entry }) => entry);
  return {
    ok: false,
    error: `No ${what} "${clip(heading, 80)}" in the canvas. Closest:\n${list(closest)}\nSend one of these, read lines with \`from_line\` and \`to_line\`, or use search_canvas. Nothing was read.`,
  };
}

/** search_canvas: lines that hold the words, best first (phrase, then all words, then some), with line numbers. */
export function searchCanvas(text: string, kind: CanvasKind, args: SearchCanvasArgs): NavigationResult {
  const lines = text.split("\n");
  const phrase = normalise(args.query);
  const words = [...new Set(phrase.match(/[\p{L}\p{N}_$]+/gu) ?? [])];
  if (!phrase || words.length === 0)
    return { ok: false, tool: "search_canvas", error: "The query has no words to look for. Send one or more words." };
  const outline = canvasOutline(text, kind);
  const headingLines = new Set(outline.map((entry) => entry.line));
  interface Hit {
    line: number;
    rank: number;
    at: number;
  }
  const hits: Hit[] = [];
  lines.forEach((raw, index) => {
    if (!raw.trim()) return;
    const line = normalise(raw);
    const heading = headingLines.has(index + 1) ? 0 : 1;
    const phraseAt = line.indexOf(phrase);
    if (phraseAt >= 0) return hits.push({ line: index + 1, rank: heading, at: phraseAt });
    const found = words.filter((word) => line.includes(word));
    if (found.length === 0) return;
    // All the words beat some of them; more of them beat fewer.
    const rank = 2 + (words.length - found.length) * 2 + heading;
    hits.push({ line: index + 1, rank, at: line.indexOf(found[0]!) });
  });
  const best = hits.length ? Math.min(...hits.map((hit) => hit.rank)) : 0;
  // Lines with only some of the words are noise once any line has all of them.
  const useful = hits.filter((hit) => hit.rank < 4 || (best >= 4 && hit.rank <= best + 1));
  useful.sort((a, b) => a.rank - b.rank || a.line - b.line);
  const limit = args.max_results ?? DEFAULT_SEARCH_RESULTS;
  const shown = useful.slice(0, limit);
  const quoted = `"${clip(args.query, 80)}"`;
  if (shown.length === 0)
    return {
      ok: true,
      tool: "search_canvas",
      content: `No line of the canvas contains ${words.length > 1 ? "any of the words of " : ""}${quoted}. Try other words (a synonym, a name), or look at the outline.`,
      summary: `Searched for ${quoted}: nothing found`,
      count: 0,
    };
  const partial = best >= 4 ? ` (no line has all the words; these have some)` : "";
  const more =
    useful.length > shown.length ? `, showing ${shown.length}; use more specific words or a larger max_results` : "";
  const passages = shown.map((hit) => {
    const section = sectionOf(outline, hit.line);
    const under =
      section && section.line !== hit.line ? ` (in "${clip(section.text, 60)}", line ${fmt(section.line)})` : "";
    return `${hit.line}\t${passage(lines[hit.line - 1]!, hit.at)}${under}`;
  });
  return {
    ok: true,
    tool: "search_canvas",
    content: [
      `${useful.length} ${useful.length === 1 ? "line matches" : "lines match"} ${quoted}${partial}${more}. Line number, tab, text (read_canvas shows the lines around):`,
      ...passages,
    ].join("\n"),
    summary: `Searched for ${quoted}: ${useful.length} ${useful.length === 1 ? "passage" : "passages"}`,
    count: shown.length,
  };
}

/** A stretch of a long line around offset `at` (offsets of the normalised line are close enough). */
function passage(line: string, at: number): string {
  if (line.length <= PASSAGE_CHARS) return line;
  const start = Math.max(0, Math.min(line.length - PASSAGE_CHARS, at - PASSAGE_CHARS / 3));
  return `${start > 0 ? "…" : ""}${line.slice(start, start + PASSAGE_CHARS)}${start + PASSAGE_CHARS < line.length ? "…" : ""}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
