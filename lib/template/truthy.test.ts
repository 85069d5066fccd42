import { describe, expect, it } from "vitest";
import { truthy } from "./truthy";

describe("truthy", () => {
  it("follows Python truthiness", () => {
    expect([null, false, 0, "", [], {}].map((v) => truthy(v))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect([true, 1, "0", [0], { a: null }].map((v) => truthy(v))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(truthy(undefined)).toBe(false);
  });
});
