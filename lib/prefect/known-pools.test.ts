import { describe, expect, it } from "vitest";
import { forgetPool, poolSeenRecently, rememberPool } from "./known-pools";

const A = "http://prefect-a.test/api";
const B = "http://prefect-b.test/api";

describe("pools seen recently", () => {
  it("knows a remembered pool on its own Prefect server for ten minutes", () => {
    rememberPool(A, "known-ecs");
    const now = Date.now();
    expect(poolSeenRecently(A, "known-ecs", now)).toBe(true);
    expect(poolSeenRecently(A, "known-ecs", now + 9 * 60_000)).toBe(true);
    expect(poolSeenRecently(A, "known-ecs", now + 10 * 60_000 + 1_000)).toBe(false);
    expect(poolSeenRecently(B, "known-ecs", now)).toBe(false);
    expect(poolSeenRecently(A, "never-seen", now)).toBe(false);
  });

  it("forgets a pool that is gone", () => {
    rememberPool(A, "deleted-ecs");
    forgetPool(A, "deleted-ecs");
    expect(poolSeenRecently(A, "deleted-ecs")).toBe(false);
  });
});
