import { describe, expect, it } from "vitest";
import { check, findings, messages, taskRunRequest, withDefaults } from "@/testing/checks";

const rule = "ecs/fargate-only-option";

describe("ecs/fargate-only-option", () => {
  it("warns about platformVersion on EC2 and offers to remove it", () => {
    const template = withDefaults({ launch_type: "EC2" });
    taskRunRequest(template).platformVersion = "LATEST";
    const result = check(template);
    expect(findings(result, rule)).toEqual([
      {
        rule,
        severity: "warning",
        document: "template",
        path: "/job_configuration/task_run_request/platformVersion",
        fix: {
          title: "Remove platformVersion from task_run_request",
          document: "template",
          edits: [{ op: "remove", path: "/job_configuration/task_run_request/platformVersion" }],
        },
      },
    ]);
    expect(messages(result, rule)[0]).toContain('platformVersion "LATEST" only applies to Fargate');
  });
  it("warns about placement constraints on Fargate", () => {
    const template = withDefaults({});
    taskRunRequest(template).placementConstraints = [{ type: "distinctInstance" }];
    expect(findings(check(template), rule)).toEqual([
      {
        rule,
        severity: "warning",
        document: "template",
        path: "/job_configuration/task_run_request/placementConstraints",
        fix: {
          title: "Remove placementConstraints from task_run_request",
          document: "template",
          edits: [
            { op: "remove", path: "/job_configuration/task_run_request/placementConstraints" },
          ],
        },
      },
    ]);
  });
  it("accepts platformVersion on Fargate and placement constraints on EC2", () => {
    const fargate = withDefaults({});
    taskRunRequest(fargate).platformVersion = "1.4.0";
    expect(findings(check(fargate), rule)).toEqual([]);
    const ec2 = withDefaults({ launch_type: "EC2" });
    taskRunRequest(ec2).placementConstraints = [{ type: "distinctInstance" }];
    expect(findings(check(ec2), rule)).toEqual([]);
  });
});
