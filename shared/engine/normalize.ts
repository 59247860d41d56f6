// The forgiving view of a text used by the second locate tier: whitespace runs become one space,
// typographic quotes and dashes become ASCII, markdown backslash escapes and the entities the
// serialiser writes are read as the characters they stand for. Every normalised character remembers
// the range of the original text it came from, so a match maps back exactly.

interface NormalizedText {
  text: string;
  /** For normalised char i: original range [starts[i], ends[i]). */
  starts: number[];
  ends: number[];
}

const QUOTES: Record<string, string> = {
  "\u2018": "'",
  "\u2019": "'",
  "\u201A": "'",
  "\u201B": "'",
  "\u2032": "'",
  "\u201C": '"',
  "\u201D": '"',
  "\u201E": '"',
  "\u201F": '"',
  "\u2033": '"',
  "\u00AB": '"',
  "\u00BB": '"',
};
const DASHES = new Set(["\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212"]);
const ENTITIES: [string, string][] = [
  ["&lt;", "<"],
  ["&gt;", ">"],
  ["&amp;", "&"],
  ["&quot;", '"'],
  ["&#39;", "'"],
  ["&nbsp;", " "],
];
const ESCAPABLE = new Set("\\`*_{}[]()#+-.!|~<>\"'&$=:");

function isSpace(char: string): boolean {
  return (
    char === " " ||
    char === "\t" ||
    char === "\n" ||
    char === "\r" ||
    char === "\u00A0" ||
    char === "\u2009" ||
    char === "\u202F" ||
    char === "\f" ||
    char === "\v"
  );
}

export function normalizeText(input: string, markdown: boolean): NormalizedText {
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < input.length) {
    const char = input[i]!;
    if (isSpace(char)) {
      let j = i + 1;
      while (j < input.length && isSpace(input[j]!)) j++;
      out.push(" ");
      starts.push(i);
      ends.push(j);
      i = j;
      continue;
    }
    if (markdown && char === "\\" && i + 1 < input.length && ESCAPABLE.has(input[i + 1]!)) {
      out.push(input[i + 1]!);
      starts.push(i);
      ends.push(i + 2);
      i += 2;
      continue;
    }
    if (markdown && char === "&") {
      const entity = ENTITIES.find(([name]) => input.startsWith(name, i));
      if (entity) {
        out.push(entity[1]);
        starts.push(i);
        ends.push(i + entity[0].length);
        i += entity[0].length;
        continue;
      }
    }
    out.push(QUOTES[char] ?? (DASHES.has(char) ? "-" : char));
    starts.push(i);
    ends.push(i + 1);
    i++;
  }
  return { text: out.join(""), starts, ends };
}
