import { describe, expect, it } from "vitest";
import { ASG_STRATEGY, check, findings, messages, withDefaults } from "@/testing/checks";

const rule = "ecs/strategy-with-fargate-task-definition";

describe("ecs/strategy-with-fargate-task-definition", () => {
  it("warns when an Auto Scaling strategy meets launch_type FARGATE, with a fix to EC2", () => {
    const result = check(withDefaults({ capacity_provider_strategy: ASG_STRATEGY }));
    expect(findings(result, rule)).toEqual([
      {
        rule,
        severity: "warning",
        document: "template",
        path: "/variables/properties/launch_type/default",
        fix: {
          title: "Set launch_type to EC2",
          document: "template",
          edits: [
            { op: "replace", path: "/variables/properties/launch_type/default", value: "EC2" },
          ],
        },
      },
    ]);
    expect(messages(result, rule)[0]).toContain(
      "the worker registers a Fargate-shaped task definition",
    );
  });
  it("sets the job variable when checking a deployment", () => {
    const result = check(withDefaults({ capacity_provider_strategy: ASG_STRATEGY }), "hybrid", {
      jobVariables: {},
    });
    expect(findings(result, rule)[0]?.fix).toEqual({
      title: "Set launch_type to EC2",
      document: "job_variables",
      edits: [{ op: "add", path: "/launch_type", value: "EC2" }],
    });
  });
  it("does not fire with launch_type EC2 or with a Fargate strategy", () => {
    expect(
      findings(
        check(withDefaults({ launch_type: "EC2", capacity_provider_strategy: ASG_STRATEGY })),
        rule,
      ),
    ).toEqual([]);
    const spot = [{ capacityProvider: "FARGATE_SPOT", weight: 1, base: 0 }];
    expect(findings(check(withDefaults({ capacity_provider_strategy: spot })), rule)).toEqual([]);
  });
});
