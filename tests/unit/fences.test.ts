import { describe, expect, it } from "vitest";
import { FenceTracker, closesFence, openingFence } from "../../shared/markdown/fences.ts";

const classify = (text: string) => {
  const tracker = new FenceTracker();
  return text.split("\n").map((line) => tracker.line(line));
};

describe("fence tracking", () => {
  it("tells opening, inside, closing and outside lines apart", () => {
    expect(classify("a\n```ts\nlet x\n```\nb")).toEqual(["outside", "open", "inside", "close", "outside"]);
  });

  it("closes only on the same character, at least as long, with nothing after it", () => {
    expect(classify("````\n```\n~~~~\n```` x\n````")).toEqual(["open", "inside", "inside", "inside", "close"]);
    expect(closesFence("   ~~~~  ", "~~~")).toBe(true);
    expect(closesFence("    ~~~", "~~~")).toBe(false);
  });

  it("does not open on four spaces of indentation or a backtick fence whose info holds a backtick", () => {
    expect(openingFence("    ```")).toBeNull();
    expect(openingFence("``` a`b")).toBeNull();
    expect(openingFence("~~~ a`b")).toBe("~~~");
  });

  it("keeps an unclosed fence open to the end", () => {
    const tracker = new FenceTracker();
    ["```", "code"].forEach((line) => tracker.line(line));
    expect(tracker.inFence).toBe(true);
  });
});
