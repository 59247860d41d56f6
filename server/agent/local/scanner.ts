// The state both code scanners (lexer.ts for the table of languages, lexJs.ts for JS/TS) share: a
// position in the source and the runs of character kinds found so far.
import type { Interpolation, StringRule } from "./syntaxes.ts";

export type CharKind = "code" | "string" | "comment" | "regex";

export interface Run {
  start: number;
  end: number;
  kind: CharKind;
}

/** Deeper interpolation (a string in code in a string…) is read as plain string text: a bound on recursion. */
const MAX_DEPTH = 64;

export interface Checkpoint {
  pos: number;
  length: number;
  lastEnd: number;
}

export class Scanner {
  pos = 0;
  private depth = 0;
  readonly runs: Run[] = [];

  constructor(readonly source: string) {}

  get done(): boolean {
    return this.pos >= this.source.length;
  }

  at(offset = 0): string {
    return this.source[this.pos + offset] ?? "";
  }

  startsWith(text: string): boolean {
    return this.source.startsWith(text, this.pos);
  }

  /** Record [start, end) as `kind`, merging with the run before when it is the same kind. */
  mark(start: number, end: number, kind: CharKind): void {
    if (end <= start) return;
    const last = this.runs[this.runs.length - 1];
    if (last && last.kind === kind && last.end === start) last.end = end;
    else this.runs.push({ start, end, kind });
  }

  /** Take `length` characters as `kind`. */
  take(length: number, kind: CharKind): void {
    this.mark(this.pos, this.pos + length, kind);
    this.pos += length;
  }

  checkpoint(): Checkpoint {
    return { pos: this.pos, length: this.runs.length, lastEnd: this.runs[this.runs.length - 1]?.end ?? 0 };
  }

  /** Undo everything since the checkpoint (a tentative read that did not fit). */
  restore(checkpoint: Checkpoint): void {
    this.pos = checkpoint.pos;
    this.runs.length = checkpoint.length;
    const last = this.runs[this.runs.length - 1];
    if (last) last.end = checkpoint.lastEnd;
  }

  lineComment(): void {
    const newline = this.source.indexOf("\n", this.pos);
    this.take((newline === -1 ? this.source.length : newline) - this.pos, "comment");
  }

  blockComment(open: string, close: string, nests: boolean): void {
    const start = this.pos;
    this.pos += open.length;
    let depth = 1;
    while (this.pos < this.source.length) {
      if (nests && this.startsWith(open)) {
        depth += 1;
        this.pos += open.length;
      } else if (this.startsWith(close)) {
        this.pos += close.length;
        depth -= 1;
        if (depth === 0) break;
      } else {
        this.pos += 1;
      }
    }
    this.mark(start, this.pos, "comment");
  }

  /**
   * A string literal opened by `opening` at the current position, up to its closing delimiter (an
   * unterminated single-line string ends at the line end). Interpolated code is read by `code`, which
   * must stop before `close` when it is the next character at its own nesting level.
   */
  string(rule: StringRule, opening: RegExpExecArray, code: (close: string) => void): void {
    const source = this.source;
    const close = rule.close(opening);
    const escapes = typeof rule.escapes === "function" ? rule.escapes(opening) : rule.escapes;
    const interpolation: Interpolation | null =
      (typeof rule.interpolation === "function" ? rule.interpolation(opening) : rule.interpolation) ?? null;
    let text = this.pos;
    this.pos += opening[0].length;
    while (this.pos < source.length) {
      const char = source[this.pos]!;
      if (char === "\n" && !rule.multiline) break;
      if (escapes && char === "\\") {
        this.pos += 2;
        continue;
      }
      if (this.startsWith(close)) {
        if (rule.doubled && source.startsWith(close, this.pos + close.length)) {
          this.pos += close.length * 2;
          continue;
        }
        this.pos += close.length;
        break;
      }
      if (interpolation && this.depth < MAX_DEPTH) {
        if (interpolation.escaped && this.startsWith(interpolation.escaped)) {
          this.pos += interpolation.escaped.length;
          continue;
        }
        if (this.startsWith(interpolation.open)) {
          // The delimiters belong to the string (`${`, `}`); only what is between them is code.
          this.mark(text, this.pos, "string");
          this.take(interpolation.open.length, "string");
          this.depth += 1;
          code(interpolation.close);
          this.depth -= 1;
          if (this.startsWith(interpolation.close)) this.take(interpolation.close.length, "string");
          text = this.pos;
          continue;
        }
      }
      if (rule.reference) {
        rule.reference.lastIndex = this.pos;
        const reference = rule.reference.exec(source);
        if (reference) {
          const name = reference.index + reference[0].indexOf(reference[1]!);
          this.mark(text, name, "string");
          this.mark(name, name + reference[1]!.length, "code");
          this.pos = reference.index + reference[0].length;
          this.mark(name + reference[1]!.length, this.pos, "string");
          text = this.pos;
          continue;
        }
      }
      this.pos += 1;
    }
    this.mark(text, Math.min(this.pos, source.length), "string");
    this.pos = Math.min(this.pos, source.length);
  }

  /** Run `read` one nesting level deeper; false (nothing read) past the depth bound. */
  nested(read: () => void): boolean {
    if (this.depth >= MAX_DEPTH) return false;
    this.depth += 1;
    try {
      read();
    } finally {
      this.depth -= 1;
    }
    return true;
  }
}
