import { describe, expect, it } from "vitest";
import { checkJobVariablesText, checkText, RULE_IDS, runChecks } from "./index";
import { defaultTemplate, withDefaults } from "./test-helpers";
import type { JsonValue } from "@/lib/template/types";

const CATALOG = [
  "template/invalid-json",
  "template/missing-section",
  "template/undeclared-variable",
  "template/invalid-variables-schema",
  "template/default-violates-schema",
  "ecs/launch-type-and-capacity-provider-strategy",
  "ecs/strategy-too-long",
  "ecs/strategy-multiple-base",
  "ecs/strategy-zero-weight",
  "ecs/strategy-out-of-range",
  "ecs/strategy-mixed-provider-types",
  "ecs/provider-not-in-cluster",
  "ecs/provider-inactive",
  "ecs/strategy-with-fargate-task-definition",
  "ecs/task-definition-incompatible",
  "ecs/fargate-requires-awsvpc",
  "ecs/fargate-cpu-memory",
  "ecs/network-configuration",
  "ecs/no-capacity",
  "ecs/task-too-large",
  "ecs/fargate-only-option",
  "prefect/network-configuration-requires-vpc-id",
  "prefect/cloudwatch-requires-execution-role",
  "prefect/push-requires-aws-credentials",
  "prefect/job-variable-unknown",
  "prefect/job-variable-violates-schema",
  "ecs/task-definition-churn",
  "ecs/burst-exceeds-capacity",
];

describe("registry", () => {
  it("has exactly the rule ids of the DESIGN.md check catalog", () => {
    expect([...RULE_IDS].sort()).toEqual([...CATALOG].sort());
  });
});

describe("runChecks", () => {
  it("finds nothing wrong with Prefect's default ECS template in hybrid mode", () => {
    const result = runChecks({ template: defaultTemplate(), mode: "hybrid" });
    expect(result.diagnostics).toEqual([]);
    expect(result.plan?.runTaskRequest.launchType).toBe("FARGATE");
    expect(result.skipped.map((s) => s.rule)).toEqual([
      "ecs/provider-not-in-cluster",
      "ecs/provider-inactive",
      "ecs/no-capacity",
      "ecs/task-too-large",
      "ecs/burst-exceeds-capacity",
    ]);
  });

  it("never throws, whatever JSON it gets", () => {
    const weird: JsonValue[] = [
      null,
      0,
      "text",
      [],
      {},
      { base_job_template: null },
      { base_job_template: { job_configuration: 5, variables: "x" } },
      {
        job_configuration: { task_run_request: "{{ nope }}" },
        variables: { properties: { a: 1 } },
      },
      {
        job_configuration: {
          task_run_request: { capacityProviderStrategy: [null, 3, { base: "x" }] },
        },
        variables: {},
      },
      {
        job_configuration: { a: "{{ a }}" },
        variables: { type: "object", properties: { a: { default: { $ref: 3 } } } },
      },
      withDefaults({
        capacity_provider_strategy: "not-a-list",
        cpu: -1,
        network_configuration: [],
      }),
    ];
    for (const template of weird) {
      for (const mode of ["hybrid", "push", "raw"] as const) {
        expect(() => runChecks({ template, mode, jobVariables: [] })).not.toThrow();
        expect(() =>
          runChecks({ template, mode, jobVariables: { cpu: { deep: [1] } } }),
        ).not.toThrow();
      }
    }
  });

  it("treats __proto__ and constructor as ordinary variable names", () => {
    const template = JSON.parse(
      '{"job_configuration": {"a": "{{ __proto__ }}", "b": "{{ constructor }}"}, "variables": {"properties": {"__proto__": {"type": "string", "default": 1}}}}',
    ) as JsonValue;
    const result = runChecks({ template, mode: "raw" });
    expect(result.diagnostics.map((d) => [d.rule, d.path])).toEqual([
      ["template/undeclared-variable", "/job_configuration/b"],
      ["template/default-violates-schema", "/variables/properties/__proto__/default"],
    ]);
  });

  it("skips rules that need a rendering template, saying why", () => {
    const result = runChecks({ template: {}, mode: "hybrid" });
    expect(result.diagnostics).toEqual([]);
    expect(result.skipped).toContainEqual({
      rule: "ecs/launch-type-and-capacity-provider-strategy",
      reason: "the template is empty",
    });
  });
});

describe("checkText", () => {
  it("reports invalid JSON with its line and column", () => {
    const result = checkText('{\n  "job_configuration": {},\n  "variables": {,}\n}', {
      mode: "hybrid",
    });
    expect(result.diagnostics).toEqual([
      {
        rule: "template/invalid-json",
        severity: "error",
        document: "template",
        path: "",
        message:
          "The template is not valid JSON: expected a value at line 3, column 17. Nothing else can be checked until it parses.",
      },
    ]);
  });

  it("reports a trailing comma and an empty document", () => {
    expect(checkText('{"a": 1,}', { mode: "raw" }).diagnostics[0]?.message).toContain(
      "at line 1, column 9",
    );
    expect(checkText("  ", { mode: "raw" }).diagnostics[0]?.message).toContain(
      "the document is empty",
    );
  });

  it("checks valid text like runChecks", () => {
    const text = JSON.stringify(withDefaults({ cpu: "x" }));
    expect(checkText(text, { mode: "hybrid" }).diagnostics.map((d) => [d.rule, d.path])).toEqual([
      ["template/default-violates-schema", "/variables/properties/cpu/default"],
      ["ecs/fargate-cpu-memory", "/variables/properties/cpu/default"],
    ]);
  });

  it("checks job_variables text against a template", () => {
    const bad = checkJobVariablesText('{"cpu": }', { template: defaultTemplate(), mode: "hybrid" });
    expect(bad.diagnostics.map((d) => [d.rule, d.document])).toEqual([
      ["template/invalid-json", "job_variables"],
    ]);
    const good = checkJobVariablesText('{"cpu": 2048, "memory": 4096}', {
      template: defaultTemplate(),
      mode: "hybrid",
    });
    expect(good.diagnostics).toEqual([]);
  });
});
