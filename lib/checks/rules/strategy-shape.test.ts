import { describe, expect, it } from "vitest";
import { check, findings, messages, withDefaults } from "@/testing/checks";

const base = "/variables/properties/capacity_provider_strategy/default";
const item = (capacityProvider: string, weight: number, b = 0) => ({
  capacityProvider,
  weight,
  base: b,
});
const strategy = (value: unknown) =>
  withDefaults({ launch_type: "EC2", capacity_provider_strategy: value as never });

describe("ecs/strategy-too-long", () => {
  const rule = "ecs/strategy-too-long";
  it("reports 21 items", () => {
    const items = Array.from({ length: 21 }, (_, i) => item(`asg-${i}`, 1));
    const result = check(strategy(items));
    expect(findings(result, rule)).toEqual([
      { rule, severity: "error", document: "template", path: base },
    ]);
    expect(messages(result, rule)[0]).toContain("has 21 items; RunTask accepts at most 20");
  });
  it("accepts 20 items", () => {
    const items = Array.from({ length: 20 }, (_, i) => item(`asg-${i}`, 1));
    expect(findings(check(strategy(items)), rule)).toEqual([]);
  });
});

describe("ecs/strategy-multiple-base", () => {
  const rule = "ecs/strategy-multiple-base";
  it("reports the second provider with a base and offers to zero it", () => {
    const result = check(strategy([item("asg-a", 1, 2), item("asg-b", 1, 1)]));
    expect(findings(result, rule)).toEqual([
      {
        rule,
        severity: "error",
        document: "template",
        path: `${base}/1/base`,
        fix: {
          title: "Set base of asg-b to 0",
          document: "template",
          edits: [{ op: "replace", path: `${base}/1/base`, value: 0 }],
        },
      },
    ]);
  });
  it("accepts one base", () => {
    expect(findings(check(strategy([item("asg-a", 1, 2), item("asg-b", 1, 0)])), rule)).toEqual([]);
  });
});

describe("ecs/strategy-zero-weight", () => {
  const rule = "ecs/strategy-zero-weight";
  it("reports a strategy whose weights are all 0 and offers weight 1 on the first", () => {
    const result = check(strategy([item("asg-a", 0, 1), item("asg-b", 0)]));
    expect(findings(result, rule)).toEqual([
      {
        rule,
        severity: "error",
        document: "template",
        path: base,
        fix: {
          title: "Set weight of asg-a to 1",
          document: "template",
          edits: [{ op: "replace", path: `${base}/0/weight`, value: 1 }],
        },
      },
    ]);
  });
  it("accepts one positive weight", () => {
    expect(findings(check(strategy([item("asg-a", 0, 1), item("asg-b", 3)])), rule)).toEqual([]);
  });
});

describe("ecs/strategy-out-of-range", () => {
  const rule = "ecs/strategy-out-of-range";
  it("reports a weight above 1000 and a negative base, clamping in the fix", () => {
    const result = check(strategy([item("asg-a", 1500, -1)]));
    expect(findings(result, rule)).toEqual([
      {
        rule,
        severity: "error",
        document: "template",
        path: `${base}/0/base`,
        fix: {
          title: "Set base of asg-a to 0",
          document: "template",
          edits: [{ op: "replace", path: `${base}/0/base`, value: 0 }],
        },
      },
      {
        rule,
        severity: "error",
        document: "template",
        path: `${base}/0/weight`,
        fix: {
          title: "Set weight of asg-a to 1000",
          document: "template",
          edits: [{ op: "replace", path: `${base}/0/weight`, value: 1000 }],
        },
      },
    ]);
  });
  it("accepts the limits themselves", () => {
    expect(findings(check(strategy([item("asg-a", 1000, 100000)])), rule)).toEqual([]);
  });
});

describe("ecs/strategy-mixed-provider-types", () => {
  const rule = "ecs/strategy-mixed-provider-types";
  it("reports Fargate and Auto Scaling group providers together", () => {
    const result = check(strategy([item("FARGATE", 1), item("asg-a", 1)]));
    expect(findings(result, rule)).toEqual([
      { rule, severity: "error", document: "template", path: base },
    ]);
    expect(messages(result, rule)[0]).toContain(
      'Fargate providers ("FARGATE") with Auto Scaling group providers ("asg-a")',
    );
  });
  it("accepts FARGATE with FARGATE_SPOT", () => {
    expect(findings(check(strategy([item("FARGATE", 1), item("FARGATE_SPOT", 3)])), rule)).toEqual(
      [],
    );
  });
});
