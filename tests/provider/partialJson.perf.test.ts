// Benchmark (excluded from `npm test`): the cost of reading a streaming create/rewrite's content on
// every delta, as the run loop does: the stateless scan against the resuming reader. Prints figures;
// asserts only that both give the same answer, never the time.
import { expect, it } from "vitest";
import { PartialStringReader, partialStringField } from "../../shared/engine/partialJson.ts";

it("reads a growing content field on every 4-character delta", { timeout: 120_000 }, () => {
  for (const size of [2_000, 20_000, 100_000]) {
    const content = 'Lighthouses guide ships "home" — safely.\n'.repeat(Math.ceil(size / 42)).slice(0, size);
    const json = JSON.stringify({ content, summary: "Rewrote it" });
    const calls = Math.floor(json.length / 4);
    let text = "";
    let start = performance.now();
    let stateless: string | null = null;
    for (let end = 4; end <= json.length; end += 4) {
      text += json.slice(end - 4, end);
      stateless = partialStringField(text, "content");
    }
    const statelessMs = performance.now() - start;
    const reader = new PartialStringReader("content");
    text = "";
    start = performance.now();
    let resumed: string | null = null;
    for (let end = 4; end <= json.length; end += 4) {
      text += json.slice(end - 4, end);
      resumed = reader.read(text);
    }
    const readerMs = performance.now() - start;
    console.log(
      `content ${size} chars, ${calls} deltas: partialStringField ${statelessMs.toFixed(0)} ms (${((statelessMs / calls) * 1000).toFixed(1)} µs/call), ` +
        `PartialStringReader ${readerMs.toFixed(0)} ms (${((readerMs / calls) * 1000).toFixed(1)} µs/call)`,
    );
    expect(resumed).toBe(stateless);
  }
});
