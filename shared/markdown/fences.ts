// Fenced code blocks, line by line: the one place that knows where a fence opens and closes (CommonMark
// §4.5), for the scanners that only need block boundaries (streaming, splitting, the offline engine).

/** What a line is, relative to fenced code. */
export type FenceLine = "open" | "close" | "inside" | "outside";

const OPENING = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/** The fence a line opens (its run of backticks or tildes), or null. A backtick fence's info has no backtick. */
export function openingFence(line: string): string | null {
  const match = OPENING.exec(line);
  if (!match) return null;
  const marker = match[1]!;
  if (marker[0] === "`" && match[2]!.includes("`")) return null;
  return marker;
}

/** True when `line` closes a fence opened by `marker`: the same character, at least as long, nothing after it. */
export function closesFence(line: string, marker: string): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
  return match !== null && match[1]![0] === marker[0] && match[1]!.length >= marker.length;
}

/** Feed lines in order; tells for each whether it opens, closes, sits inside or outside fenced code. */
export class FenceTracker {
  private marker: string | null = null;

  /** Inside a fence after the lines fed so far (an unclosed fence at the end of a text runs to its end). */
  get inFence(): boolean {
    return this.marker !== null;
  }

  line(text: string): FenceLine {
    if (this.marker !== null) {
      if (!closesFence(text, this.marker)) return "inside";
      this.marker = null;
      return "close";
    }
    const opened = openingFence(text);
    if (opened === null) return "outside";
    this.marker = opened;
    return "open";
  }
}
