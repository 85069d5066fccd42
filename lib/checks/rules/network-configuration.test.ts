import { describe, expect, it } from "vitest";
import {
  ASG_STRATEGY,
  check,
  findings,
  jobConfiguration,
  messages,
  withDefaults,
} from "@/testing/checks";
import type { JsonObject, JsonValue } from "@/lib/template/types";

const rule = "ecs/network-configuration";
const NET = "/variables/properties/network_configuration";

/** launch_type EC2 with an awsvpc task definition written into the template. */
function ec2Awsvpc(values: Record<string, JsonValue | undefined> = {}) {
  const template = withDefaults({ launch_type: "EC2", ...values });
  (jobConfiguration(template).task_definition as JsonObject).networkMode = "awsvpc";
  return template;
}

describe("ecs/network-configuration", () => {
  it("reports the worker's public IP on EC2 when awsvpc has no network_configuration", () => {
    const result = check(withDefaults({ capacity_provider_strategy: ASG_STRATEGY }));
    expect(findings(result, rule)).toEqual([
      { rule, severity: "error", document: "template", path: NET },
    ]);
    expect(messages(result, rule)[0]).toContain("with assignPublicIp ENABLED");
  });

  it("reports assignPublicIp ENABLED on EC2 and offers DISABLED", () => {
    const result = check(
      ec2Awsvpc({
        vpc_id: "vpc-1",
        network_configuration: { subnets: ["subnet-1"], assignPublicIp: "ENABLED" },
      }),
    );
    expect(findings(result, rule)).toEqual([
      {
        rule,
        severity: "error",
        document: "template",
        path: `${NET}/default/assignPublicIp`,
        fix: {
          title: "Set assignPublicIp to DISABLED",
          document: "template",
          edits: [{ op: "replace", path: `${NET}/default/assignPublicIp`, value: "DISABLED" }],
        },
      },
    ]);
  });

  it("reports missing subnets, too many subnets and too many security groups", () => {
    const empty = check(
      ec2Awsvpc({
        vpc_id: "vpc-1",
        network_configuration: { subnets: [], assignPublicIp: "DISABLED" },
      }),
    );
    expect(findings(empty, rule)).toEqual([
      { rule, severity: "error", document: "template", path: `${NET}/default/subnets` },
    ]);
    const many = check(
      ec2Awsvpc({
        vpc_id: "vpc-1",
        network_configuration: {
          subnets: Array.from({ length: 17 }, (_, i) => `subnet-${i}`),
          securityGroups: Array.from({ length: 6 }, (_, i) => `sg-${i}`),
          assignPublicIp: "DISABLED",
        },
      }),
    );
    expect(findings(many, rule)).toEqual([
      { rule, severity: "error", document: "template", path: `${NET}/default/subnets` },
      { rule, severity: "error", document: "template", path: `${NET}/default/securityGroups` },
    ]);
    expect(messages(many, rule)).toEqual([
      "The awsvpc network configuration lists 17 subnets; ECS accepts at most 16 and rejects RunTask. Remove some.",
      "The awsvpc network configuration lists 6 security groups; ECS accepts at most 5 and rejects RunTask. Remove some.",
    ]);
  });

  it("reports an awsvpc task definition without networkConfiguration in raw mode", () => {
    const result = check(ec2Awsvpc(), "raw");
    expect(findings(result, rule)).toEqual([
      {
        rule,
        severity: "error",
        document: "template",
        path: "/job_configuration/task_run_request",
      },
    ]);
  });

  it("warns that network_configuration is ignored for a bridge task definition", () => {
    const template = withDefaults({
      launch_type: "EC2",
      vpc_id: "vpc-1",
      network_configuration: { subnets: ["subnet-1"], assignPublicIp: "DISABLED" },
    });
    (jobConfiguration(template).task_definition as JsonObject).networkMode = "bridge";
    expect(findings(check(template), rule)).toEqual([
      { rule, severity: "warning", document: "template", path: `${NET}/default` },
    ]);
  });

  it("accepts Fargate with the worker's default network and EC2 with private subnets", () => {
    expect(findings(check(withDefaults({})), rule)).toEqual([]);
    const ok = ec2Awsvpc({
      vpc_id: "vpc-1",
      network_configuration: { subnets: ["subnet-1"], assignPublicIp: "DISABLED" },
    });
    expect(findings(check(ok), rule)).toEqual([]);
  });
});
