import { describe, expect, it } from "vitest";
import {
  ASG_STRATEGY,
  check,
  findings,
  messages,
  taskRunRequest,
  withDefaults,
} from "@/testing/checks";

const rule = "ecs/launch-type-and-capacity-provider-strategy";
const removeLaunchType = {
  title: "Remove launchType from task_run_request",
  document: "template",
  edits: [{ op: "remove", path: "/job_configuration/task_run_request/launchType" }],
};

describe("ecs/launch-type-and-capacity-provider-strategy", () => {
  it("is a warning in hybrid mode, where the worker drops launchType", () => {
    const result = check(withDefaults({ capacity_provider_strategy: ASG_STRATEGY }), "hybrid");
    expect(findings(result, rule)).toEqual([
      {
        rule,
        severity: "warning",
        document: "template",
        path: "/variables/properties/launch_type/default",
        fix: removeLaunchType,
      },
    ]);
    expect(messages(result, rule)[0]).toContain("the prefect-aws worker removes launchType");
    expect(result.plan?.runTaskRequest.launchType).toBeUndefined();
  });

  it("has no fix in hybrid mode for a Fargate strategy, whose task definition needs launch_type FARGATE", () => {
    const strategy = [{ capacityProvider: "FARGATE_SPOT", weight: 1, base: 0 }];
    const result = check(withDefaults({ capacity_provider_strategy: strategy }), "hybrid");
    expect(findings(result, rule)).toEqual([
      {
        rule,
        severity: "warning",
        document: "template",
        path: "/variables/properties/launch_type/default",
        fix: undefined,
      },
    ]);
  });

  it("is an error in push mode, plus the issue #13030 warning on the strategy", () => {
    const result = check(withDefaults({ capacity_provider_strategy: ASG_STRATEGY }), "push");
    expect(findings(result, rule)).toEqual([
      {
        rule,
        severity: "error",
        document: "template",
        path: "/variables/properties/launch_type/default",
        fix: removeLaunchType,
      },
      {
        rule,
        severity: "warning",
        document: "template",
        path: "/variables/properties/capacity_provider_strategy/default",
      },
    ]);
    expect(messages(result, rule)[1]).toContain("Prefect issue #13030");
    expect(messages(result, rule)[1]).toContain("hybrid ECS pool");
  });

  it("is an error in raw mode", () => {
    const result = check(withDefaults({ capacity_provider_strategy: ASG_STRATEGY }), "raw");
    expect(findings(result, rule)).toEqual([
      {
        rule,
        severity: "error",
        document: "template",
        path: "/variables/properties/launch_type/default",
        fix: removeLaunchType,
      },
    ]);
  });

  it("points at the deployment's job_variables key when the deployment sets launch_type", () => {
    const result = check(withDefaults({ capacity_provider_strategy: ASG_STRATEGY }), "raw", {
      jobVariables: { launch_type: "EC2" },
    });
    expect(findings(result, rule)).toEqual([
      {
        rule,
        severity: "error",
        document: "job_variables",
        path: "/launch_type",
        fix: removeLaunchType,
      },
    ]);
  });

  it("does not fire when launchType is removed from task_run_request (push keeps only the #13030 warning)", () => {
    const template = withDefaults({ capacity_provider_strategy: ASG_STRATEGY });
    delete taskRunRequest(template).launchType;
    expect(findings(check(template, "hybrid"), rule)).toEqual([]);
    expect(findings(check(template, "raw"), rule)).toEqual([]);
    expect(findings(check(template, "push"), rule)).toEqual([
      {
        rule,
        severity: "warning",
        document: "template",
        path: "/variables/properties/capacity_provider_strategy/default",
      },
    ]);
  });

  it("does not fire without a strategy", () => {
    for (const mode of ["hybrid", "push", "raw"] as const) {
      expect(findings(check(withDefaults({ launch_type: "EC2" }), mode), rule)).toEqual([]);
    }
  });
});
