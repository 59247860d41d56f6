// Reads one top-level string field out of a JSON object that is still streaming in, so a canvas can
// show a create/rewrite's `content` while the model is writing it. Tolerant by design: any prefix of
// valid JSON gives either null (the field has not started) or a prefix of the field's final value.

/**
 * The decoded value of top-level string `field` in the (possibly incomplete) JSON object text
 * `argumentsSoFar`, as far as it has arrived; null when the field has not started yet, is not a
 * string, or the text is not a JSON object.
 */
export function partialStringField(argumentsSoFar: string, field: string): string | null {
  const scanner = new Scanner(argumentsSoFar);
  scanner.skipWhitespace();
  if (!scanner.take("{")) return null;
  while (true) {
    scanner.skipWhitespace();
    if (scanner.atEnd() || scanner.peek() === "}") return null;
    const key = scanner.readString();
    if (key === null || !key.complete) return null;
    scanner.skipWhitespace();
    if (!scanner.take(":")) return null;
    scanner.skipWhitespace();
    if (scanner.atEnd()) return null;
    if (key.value === field) {
      if (scanner.peek() !== '"') return null;
      const value = scanner.readString();
      return value === null ? null : value.value;
    }
    if (!scanner.skipValue()) return null;
    scanner.skipWhitespace();
    if (!scanner.take(",")) return null;
  }
}

interface ReadString {
  value: string;
  /** False when the input ended inside the string. */
  complete: boolean;
}

class Scanner {
  private index = 0;
  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.index >= this.text.length;
  }

  peek(): string | undefined {
    return this.text[this.index];
  }

  take(char: string): boolean {
    if (this.text[this.index] !== char) return false;
    this.index += 1;
    return true;
  }

  skipWhitespace(): void {
    while (this.index < this.text.length && " \t\n\r".includes(this.text[this.index]!)) this.index += 1;
  }

  /** Reads a string starting at a quote; a partial string keeps only the characters fully decoded. */
  readString(): ReadString | null {
    if (!this.take('"')) return null;
    let value = "";
    let runStart = this.index;
    while (this.index < this.text.length) {
      const char = this.text[this.index]!;
      if (char === '"') {
        value += this.text.slice(runStart, this.index);
        this.index += 1;
        return { value, complete: true };
      }
      if (char !== "\\") {
        this.index += 1;
        continue;
      }
      value += this.text.slice(runStart, this.index);
      const escape = this.readEscape();
      if (escape === null) return { value: withoutDanglingHighSurrogate(value), complete: false };
      value += escape;
      runStart = this.index;
    }
    value += this.text.slice(runStart);
    return { value: withoutDanglingHighSurrogate(value), complete: false };
  }

  /** Decodes the escape at a backslash; null when the input ends before the escape is whole. */
  private readEscape(): string | null {
    const code = this.text[this.index + 1];
    if (code === undefined) return null;
    if (code === "u") {
      const hex = this.text.slice(this.index + 2, this.index + 6);
      if (hex.length < 4) return null;
      this.index += 6;
      return String.fromCharCode(Number.parseInt(hex, 16));
    }
    this.index += 2;
    return SIMPLE_ESCAPES[code] ?? code;
  }

  /** Skips one whole JSON value; false when the input ends inside it. */
  skipValue(): boolean {
    const char = this.peek();
    if (char === undefined) return false;
    if (char === '"') return this.readString()?.complete ?? false;
    if (char === "{" || char === "[") return this.skipContainer();
    // Numbers and literals end at a delimiter; at the end of input they may still be growing.
    while (this.index < this.text.length && !",}] \t\n\r".includes(this.text[this.index]!)) this.index += 1;
    return !this.atEnd();
  }

  private skipContainer(): boolean {
    let depth = 0;
    while (this.index < this.text.length) {
      const char = this.text[this.index]!;
      if (char === '"') {
        if (!this.readString()?.complete) return false;
        continue;
      }
      if (char === "{" || char === "[") depth += 1;
      if (char === "}" || char === "]") depth -= 1;
      this.index += 1;
      if (depth === 0) return true;
    }
    return false;
  }
}

const SIMPLE_ESCAPES: Record<string, string> = { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

// A high surrogate at the end of a partial string waits for its pair, so a streamed emoji is never
// shown as half a character.
function withoutDanglingHighSurrogate(value: string): string {
  const last = value.charCodeAt(value.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? value.slice(0, -1) : value;
}
