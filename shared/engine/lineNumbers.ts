// Numbered lines, the way read_canvas and search_canvas show canvas text to the model, and the way
// back: a quote copied with its numbers still locates (locate.ts tries it without them).

/** Lines as the model reads them: "<number><tab><text>", numbered from `firstLine`. */
export function numberLines(lines: readonly string[], firstLine: number): string {
  return lines.map((line, index) => `${firstLine + index}\t${line}`).join("\n");
}

/**
 * A quote copied from numbered lines with its numbers ("840\tThe text…"), without them; null when not
 * every non-blank line carries a number. Locating tries this only after the quote as sent was not found.
 */
export function stripLineNumbers(quote: string): string | null {
  const lines = quote.split("\n");
  if (!lines.some((line) => line.trim()) || !lines.every((line) => !line.trim() || /^ *\d+\t/.test(line))) return null;
  return lines.map((line) => line.replace(/^ *\d+\t/, "")).join("\n");
}
