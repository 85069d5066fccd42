import { describe, expect, it } from "vitest";
import { strategyProblems } from "./strategy-rules";

describe("strategyProblems", () => {
  it("accepts a valid strategy", () => {
    const p = strategyProblems([
      { capacityProvider: "asg-a", base: 1, weight: 1 },
      { capacityProvider: "asg-b", base: 0, weight: 3 },
    ]);
    expect(p.strategy).toEqual([]);
    expect(p.rows.flatMap((r) => [...r.capacityProvider, ...r.base, ...r.weight])).toEqual([]);
  });
  it("names the second row with a base", () => {
    const p = strategyProblems([
      { capacityProvider: "a", base: 1, weight: 1 },
      { capacityProvider: "b", base: 2, weight: 1 },
    ]);
    expect(p.rows[1]?.base).toEqual(["Only one provider may have a base; row 1 already has one."]);
    expect(p.rows[0]?.base).toEqual([]);
  });
  it("reports ranges, zero weights, mixing and unknown providers", () => {
    const p = strategyProblems(
      [
        { capacityProvider: "FARGATE", base: 100001, weight: 0 },
        { capacityProvider: "asg", weight: 1001 },
      ],
      new Set(["FARGATE"]),
    );
    expect(p.rows[0]?.base).toEqual(["Base must be a whole number from 0 to 100000."]);
    expect(p.rows[1]?.weight).toEqual(["Weight must be a whole number from 0 to 1000."]);
    expect(p.rows[1]?.capacityProvider).toEqual(["asg is not associated with this cluster."]);
    expect(p.strategy).toEqual([
      "Fargate providers and Auto Scaling group providers cannot be mixed in one strategy.",
    ]);
    expect(strategyProblems([{ capacityProvider: "a", weight: 0 }]).strategy).toEqual([
      "At least one provider needs a weight above 0.",
    ]);
  });
});
