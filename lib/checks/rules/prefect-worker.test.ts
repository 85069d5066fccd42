import { describe, expect, it } from "vitest";
import { check, findings, messages, withDefaults } from "@/testing/checks";

describe("prefect/network-configuration-requires-vpc-id", () => {
  const rule = "prefect/network-configuration-requires-vpc-id";
  const net = { subnets: ["subnet-1"], assignPublicIp: "DISABLED" };
  it("reports network_configuration without vpc_id", () => {
    const result = check(withDefaults({ network_configuration: net }));
    expect(findings(result, rule)).toEqual([
      {
        rule,
        severity: "error",
        document: "template",
        path: "/variables/properties/network_configuration/default",
      },
    ]);
    expect(messages(result, rule)[0]).toContain("You must provide a `vpc_id`");
  });
  it("points at the deployment's job variable", () => {
    const result = check(withDefaults({}), "push", {
      jobVariables: { network_configuration: net, aws_credentials: { aws_access_key_id: "x" } },
    });
    expect(findings(result, rule)).toEqual([
      { rule, severity: "error", document: "job_variables", path: "/network_configuration" },
    ]);
  });
  it("accepts it with vpc_id, and ignores it in raw mode", () => {
    expect(
      findings(check(withDefaults({ network_configuration: net, vpc_id: "vpc-1" })), rule),
    ).toEqual([]);
    expect(findings(check(withDefaults({ network_configuration: net }), "raw"), rule)).toEqual([]);
  });
});

describe("prefect/cloudwatch-requires-execution-role", () => {
  const rule = "prefect/cloudwatch-requires-execution-role";
  it("reports configure_cloudwatch_logs without an execution role", () => {
    const result = check(withDefaults({ configure_cloudwatch_logs: true }));
    expect(findings(result, rule)).toEqual([
      {
        rule,
        severity: "error",
        document: "template",
        path: "/variables/properties/configure_cloudwatch_logs/default",
      },
    ]);
  });
  it("accepts it with execution_role_arn or an existing task definition", () => {
    const role = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole";
    expect(
      findings(
        check(withDefaults({ configure_cloudwatch_logs: true, execution_role_arn: role })),
        rule,
      ),
    ).toEqual([]);
    const arn = "arn:aws:ecs:us-east-1:123456789012:task-definition/etl:3";
    expect(
      findings(
        check(withDefaults({ configure_cloudwatch_logs: true, task_definition_arn: arn })),
        rule,
      ),
    ).toEqual([]);
  });
});

describe("prefect/push-requires-aws-credentials", () => {
  const rule = "prefect/push-requires-aws-credentials";
  it("reports a push pool without aws_credentials", () => {
    const result = check(withDefaults({}), "push");
    expect(findings(result, rule)).toEqual([
      {
        rule,
        severity: "error",
        document: "template",
        path: "/variables/properties/aws_credentials",
      },
    ]);
    expect(messages(result, rule)[0]).toContain("needs an AWS Credentials block");
  });
  it("accepts a block reference, and hybrid pools without credentials", () => {
    const ref = { $ref: { block_document_id: "1c6a2d5e-7a3b-4f0e-9c1d-2b3a4c5d6e7f" } };
    expect(findings(check(withDefaults({ aws_credentials: ref }), "push"), rule)).toEqual([]);
    expect(findings(check(withDefaults({})), rule)).toEqual([]);
  });
});
