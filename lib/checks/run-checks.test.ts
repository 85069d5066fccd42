import { describe, expect, it } from "vitest";
import { checkJobVariablesText, checkText, runChecks, type CheckResult } from "./index";
import { defaultTemplate, withDefaults } from "@/testing/checks";
import { snapshot } from "@/testing/snapshot";
import type { JsonValue } from "@/lib/template/types";

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

  it("never throws and no rule fails internally, whatever JSON it gets", () => {
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
    // runChecks catches what a rule throws and reports the rule as skipped with "internal error":
    // a rule that cannot cope with odd input shows up here, not as an exception
    const internalErrors: string[] = [];
    for (const template of weird) {
      for (const mode of ["hybrid", "push", "raw"] as const) {
        for (const jobVariables of [[], { cpu: { deep: [1] } }] as JsonValue[]) {
          for (const cluster of [undefined, snapshot()]) {
            let result: CheckResult | undefined;
            expect(() => {
              result = runChecks({ template, mode, jobVariables, snapshot: cluster });
            }).not.toThrow();
            for (const s of result?.skipped ?? []) {
              if (s.reason.startsWith("internal error"))
                internalErrors.push(`${mode} ${JSON.stringify(template)}: ${s.rule}: ${s.reason}`);
            }
          }
        }
      }
    }
    expect(internalErrors).toEqual([]);
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
