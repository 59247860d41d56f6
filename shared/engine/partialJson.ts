// Reads one top-level string field out of a JSON object that is still streaming in, so a canvas can
// show a create/rewrite's `content` while the model is writing it. Tolerant by design: any prefix of
// valid JSON gives either null (the field has not started) or a prefix of the field's final value.

/**
 * The decoded value of top-level string `field` in the (possibly incomplete) JSON object text
 * `argumentsSoFar`, as far as it has arrived; null when the field has not started yet, is not a
 * string, or the text is not a JSON object.
 */
export function partialStringField(argumentsSoFar: string, field: string): string | null {
  const valueStart = locateStringValue(argumentsSoFar, field);
  return valueStart === null ? null : shown(decodeString(argumentsSoFar, valueStart, ""));
}

/**
 * The same answer as partialStringField for one growing stream, in linear time overall: each call
 * resumes where the last one stopped. Each text passed must extend the previous one; a shorter text
 * or one whose already-read end differs starts over (a new stream).
 */
export class PartialStringReader {
  private state: (Decoded & { text: string }) | null = null;

  constructor(readonly field: string) {}

  read(argumentsSoFar: string): string | null {
    const state = this.state;
    if (state && extendsText(argumentsSoFar, state.text)) {
      if (!state.complete) {
        Object.assign(state, decodeString(argumentsSoFar, state.resumeAt, state.value, state.endsInHighSurrogate));
      }
      state.text = argumentsSoFar;
      return shown(state);
    }
    const valueStart = locateStringValue(argumentsSoFar, this.field);
    this.state = valueStart === null ? null : { text: argumentsSoFar, ...decodeString(argumentsSoFar, valueStart, "") };
    return this.state === null ? null : shown(this.state);
  }
}

// A full prefix comparison would make every call linear again; checking the length and the last
// characters already read catches a new stream without that cost.
function extendsText(next: string, previous: string): boolean {
  if (next.length < previous.length) return false;
  const from = Math.max(0, previous.length - 32);
  return next.slice(from, previous.length) === previous.slice(from);
}

interface Decoded {
  /** Everything decoded so far, including a trailing high surrogate. */
  value: string;
  /** Where decoding continues when more text arrives. */
  resumeAt: number;
  complete: boolean;
  /** Kept apart so the (rope) value is not flattened on every call just to look at its end. */
  endsInHighSurrogate: boolean;
}

function shown(state: Decoded): string {
  return state.complete || !state.endsInHighSurrogate ? state.value : state.value.slice(0, -1);
}

/** The index just after the opening quote of top-level string field `field`, or null. */
function locateStringValue(text: string, field: string): number | null {
  const scanner = new Scanner(text);
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
    if (key.value === field) return scanner.peek() === '"' ? scanner.position + 1 : null;
    if (!scanner.skipValue()) return null;
    scanner.skipWhitespace();
    if (!scanner.take(",")) return null;
  }
}

/** Decodes string content from `from` (just inside the quotes) on, appending to `prefix`. */
function decodeString(text: string, from: number, prefix: string, prefixEndsInHighSurrogate = false): Decoded {
  let value = prefix;
  let index = from;
  let runStart = from;
  let last = prefixEndsInHighSurrogate ? 0xd800 : 0;
  while (index < text.length) {
    const char = text.charCodeAt(index);
    if (char === QUOTE)
      return {
        value: value + text.slice(runStart, index),
        resumeAt: index + 1,
        complete: true,
        endsInHighSurrogate: false,
      };
    if (char !== BACKSLASH) {
      last = char;
      index += 1;
      continue;
    }
    value += text.slice(runStart, index);
    const escape = readEscape(text, index);
    if (escape === null) return { value, resumeAt: index, complete: false, endsInHighSurrogate: isHighSurrogate(last) };
    value += escape.text;
    last = escape.text.charCodeAt(0);
    index += escape.length;
    runStart = index;
  }
  return {
    value: value + text.slice(runStart),
    resumeAt: text.length,
    complete: false,
    endsInHighSurrogate: isHighSurrogate(last),
  };
}

// A high surrogate at the end of a partial string waits for its pair, so a streamed emoji is never
// shown as half a character.
function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

const QUOTE = 34;
const BACKSLASH = 92;

/** The escape at a backslash; null when the input ends before it is whole. */
function readEscape(text: string, index: number): { text: string; length: number } | null {
  const code = text[index + 1];
  if (code === undefined) return null;
  if (code === "u") {
    const hex = text.slice(index + 2, index + 6);
    if (hex.length < 4) return null;
    return { text: String.fromCharCode(Number.parseInt(hex, 16)), length: 6 };
  }
  return { text: SIMPLE_ESCAPES[code] ?? code, length: 2 };
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

  get position(): number {
    return this.index;
  }

  /** Reads a whole string starting at a quote (keys and skipped values). */
  readString(): { value: string; complete: boolean } | null {
    if (!this.take('"')) return null;
    const decoded = decodeString(this.text, this.index, "");
    this.index = decoded.complete ? decoded.resumeAt : this.text.length;
    return { value: decoded.value, complete: decoded.complete };
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
