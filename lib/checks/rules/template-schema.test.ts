import { describe, expect, it } from "vitest";
import { check, defaultTemplate, findings, messages, withDefaults } from "@/testing/checks";
import type { JsonObject } from "@/lib/template/types";

describe("template/invalid-variables-schema", () => {
  const rule = "template/invalid-variables-schema";

  it("reports a schema with an invalid type keyword", () => {
    const template = defaultTemplate();
    ((template.variables as JsonObject).properties as JsonObject).cpu = { type: "integr" };
    const result = check(template);
    expect(findings(result, rule)).toEqual([
      { rule, severity: "error", document: "template", path: "/variables/properties/cpu" },
    ]);
    expect(messages(result, rule)[0]).toContain(
      'The schema of variable "cpu" is not a valid JSON Schema',
    );
  });

  it("reports an invalid definitions section at variables", () => {
    const template = defaultTemplate();
    (template.variables as JsonObject).definitions = { CapacityProvider: { type: 5 } };
    expect(findings(check(template), rule)).toEqual([
      { rule, severity: "error", document: "template", path: "/variables" },
    ]);
  });

  it("reports properties that is not an object", () => {
    const template = defaultTemplate();
    (template.variables as JsonObject).properties = ["cpu"];
    expect(findings(check(template), rule)).toEqual([
      { rule, severity: "error", document: "template", path: "/variables/properties" },
    ]);
  });

  it("reports a $ref that points nowhere", () => {
    const template = defaultTemplate();
    ((template.variables as JsonObject).properties as JsonObject).cpu = {
      $ref: "#/definitions/Nope",
    };
    expect(findings(check(template), rule)).toEqual([
      { rule, severity: "error", document: "template", path: "/variables/properties/cpu" },
    ]);
  });

  it("accepts both dialects: definitions with plain types and $defs with anyOf null", () => {
    expect(findings(check(defaultTemplate()), rule)).toEqual([]);
    const template = defaultTemplate();
    template.variables = {
      type: "object",
      properties: {
        cpu: { anyOf: [{ type: "integer" }, { type: "null" }], default: null },
        strategy: { type: "array", items: { $ref: "#/$defs/CapacityProvider" } },
      },
      $defs: {
        CapacityProvider: { type: "object", properties: { capacityProvider: { type: "string" } } },
      },
    };
    expect(findings(check(template), rule)).toEqual([]);
  });
});

describe("template/default-violates-schema", () => {
  const rule = "template/default-violates-schema";

  it("reports a default of the wrong type at the default", () => {
    const result = check(withDefaults({ cpu: "1 vCPU" }));
    expect(findings(result, rule)).toEqual([
      { rule, severity: "error", document: "template", path: "/variables/properties/cpu/default" },
    ]);
    expect(messages(result, rule)[0]).toBe(
      'The default of "cpu" must be integer. Prefect rejects such a default when a pool is created, and a PATCH stores it silently, so flow runs fail later when the worker validates its configuration. Change the default or the schema.',
    );
  });

  it("reports a launch_type default outside the enum", () => {
    const result = check(withDefaults({ launch_type: "SPOT" }));
    expect(findings(result, rule)).toEqual([
      {
        rule,
        severity: "error",
        document: "template",
        path: "/variables/properties/launch_type/default",
      },
    ]);
    expect(messages(result, rule)[0]).toContain(
      'must be one of "FARGATE", "EC2", "EXTERNAL", "FARGATE_SPOT"',
    );
  });

  it("points inside a strategy default whose item misses a field typed by $ref", () => {
    const result = check(
      withDefaults({ capacity_provider_strategy: [{ capacityProvider: "asg", weight: "1" }] }),
    );
    expect(findings(result, rule)).toEqual([
      {
        rule,
        severity: "error",
        document: "template",
        path: "/variables/properties/capacity_provider_strategy/default/0/weight",
      },
    ]);
  });

  it("accepts null defaults, prefect variable references and valid defaults", () => {
    const result = check(
      withDefaults({
        cpu: null,
        image: "{{ prefect.variables.image }}",
        memory: 2048,
        launch_type: "EC2",
      }),
    );
    expect(findings(result, rule)).toEqual([]);
  });
});

describe("compiled schema cache", () => {
  const rule = "template/default-violates-schema";
  it("recompiles when a variable's schema changes, and not when only a default changes", () => {
    const asInteger = withDefaults({ cpu: "1024" });
    expect(findings(check(asInteger), rule).map((d) => d.path)).toEqual([
      "/variables/properties/cpu/default",
    ]);
    const asString = withDefaults({ cpu: "1024" });
    (((asString.variables as JsonObject).properties as JsonObject).cpu as JsonObject).type =
      "string";
    expect(findings(check(asString), rule)).toEqual([]);
    const backToInteger = withDefaults({ cpu: "2048" });
    expect(findings(check(backToInteger), rule).map((d) => d.path)).toEqual([
      "/variables/properties/cpu/default",
    ]);
  });
});
