import { describe, it } from "vitest";
import { expectBaselineHolds } from "./baselineGate.ts";

describe("offline engine vs the committed baseline", () => {
  it(
    "gives the baseline's verdict on every edit case (no flipped case, no worse headline metric)",
    { timeout: 300_000 },
    async () => {
      await expectBaselineHolds("edit");
    },
  );
});
