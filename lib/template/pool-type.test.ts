import { describe, expect, it } from "vitest";
import { isEcsPoolType, modeOfPoolType, poolTypeOfMode } from "./pool-type";

describe("pool types", () => {
  it("push pools run the push runner, every other type a worker", () => {
    expect(modeOfPoolType("ecs:push")).toBe("push");
    expect(modeOfPoolType("ecs")).toBe("hybrid");
    expect(modeOfPoolType("process")).toBe("hybrid");
    expect(modeOfPoolType(undefined)).toBe("hybrid");
  });

  it("maps kinds back to Prefect pool types", () => {
    expect(poolTypeOfMode("push")).toBe("ecs:push");
    expect(poolTypeOfMode("hybrid")).toBe("ecs");
  });

  it("knows only ecs and ecs:push as ECS pools", () => {
    expect(["ecs", "ecs:push", "process", "kubernetes", undefined].map(isEcsPoolType)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});
