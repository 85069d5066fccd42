import { describe, expect, it } from "vitest";
import { counted } from "./counted";

describe("counted", () => {
  it("is singular for one and plural for every other count, zero included", () => {
    expect([0, 1, 2, 11].map((n) => counted(n, "check"))).toEqual([
      "0 checks",
      "1 check",
      "2 checks",
      "11 checks",
    ]);
  });
});
