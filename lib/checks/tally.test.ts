import { describe, expect, it } from "vitest";

import { tally } from "./tally";

describe("tally", () => {
  it("counts errors and warnings with their nouns, and leaves notes out", () => {
    expect(tally([])).toBe("0 errors, 0 warnings");
    expect(
      tally([
        { severity: "error" },
        { severity: "info" },
        { severity: "warning" },
        { severity: "info" },
      ]),
    ).toBe("1 error, 1 warning");
    expect(
      tally([
        { severity: "error" },
        { severity: "error" },
        { severity: "warning" },
        { severity: "warning" },
        { severity: "warning" },
      ]),
    ).toBe("2 errors, 3 warnings");
  });
});
