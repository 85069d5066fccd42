import { describe, expect, it } from "vitest";

import { poolNameOfPath } from "./request-path";

describe("poolNameOfPath", () => {
  it("reads and decodes the pool segment of the pool page and its sub-pages", () => {
    expect(poolNameOfPath("/pools/demo-ecs")).toBe("demo-ecs");
    expect(poolNameOfPath("/pools/team%20a%2Fecs/runs")).toBe("team a/ecs");
  });

  it("keeps a malformed escape as typed, and an empty path is an empty name", () => {
    expect(poolNameOfPath("/pools/50%25%E0%A4")).toBe("50%25%E0%A4");
    expect(poolNameOfPath("/")).toBe("");
  });
});
