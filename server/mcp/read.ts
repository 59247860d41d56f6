// Reading a canvas as numbered lines and finding words in it, for agents that cannot see it all at once.
export const READ_MAX_LINES = 400;

export type ReadResult = { ok: true; text: string } | { ok: false; error: string };

export function readCanvasLines(
  text: string,
  range: { from: number | null; to: number | null; heading: string | null },
): ReadResult {
  const lines = text.split("\n");
  let from = range.from ?? 1;
  let to = range.to ?? lines.length;
  if (range.heading) {
    const wanted = range.heading
      .replace(/^#+\s*/, "")
      .trim()
      .toLowerCase();
    const start = lines.findIndex(
      (line) =>
        /^#{1,6}\s/.test(line) &&
        line
          .replace(/^#+\s*/, "")
          .trim()
          .toLowerCase() === wanted,
    );
    if (start < 0) {
      const headings = lines.filter((line) => /^#{1,6}\s/.test(line)).slice(0, 30);
      return {
        ok: false,
        error: `No heading "${range.heading}" in this canvas. Headings: ${headings.join(" | ") || "none"}.`,
      };
    }
    const level = /^#+/.exec(lines[start]!)![0].length;
    let end = lines.length;
    for (let i = start + 1; i < lines.length; i++) {
      const match = /^(#{1,6})\s/.exec(lines[i]!);
      if (match && match[1]!.length <= level) {
        end = i;
        break;
      }
    }
    from = start + 1;
    to = end;
  }
  if (from > lines.length)
    return { ok: false, error: `Line ${from} is past the end: the canvas has ${lines.length} lines.` };
  if (to < from) return { ok: false, error: `to_line (${to}) is before from_line (${from}).` };
  const last = Math.min(to, lines.length, from + READ_MAX_LINES - 1);
  const width = String(last).length;
  const body = lines
    .slice(from - 1, last)
    .map((line, index) => `${String(from + index).padStart(width)}| ${line}`)
    .join("\n");
  const more =
    last < Math.min(to, lines.length)
      ? `\n… (${Math.min(to, lines.length) - last} more lines: read from line ${last + 1})`
      : "";
  return { ok: true, text: `Lines ${from}–${last} of ${lines.length}:\n${body}${more}` };
}

export function searchCanvasText(text: string, query: string, maxResults: number): string {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const lines = text.split("\n");
  const hits: string[] = [];
  let total = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.toLowerCase();
    if (!words.every((word) => line.includes(word))) continue;
    total++;
    if (hits.length < maxResults) hits.push(`${i + 1}| ${lines[i]!.slice(0, 300)}`);
  }
  if (total === 0) return `No line contains "${query}".`;
  return `${total} matching line${total === 1 ? "" : "s"}${total > hits.length ? ` (first ${hits.length})` : ""}:\n${hits.join("\n")}`;
}
