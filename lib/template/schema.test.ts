import { describe, expect, it } from "vitest";
import defaultTemplate from "./fixtures/prefect-ecs-default.json";
import defsTemplate from "./fixtures/prefect-ecs-defs-dialect.json";
import workerTemplate from "./fixtures/prefect-aws-worker-default.json";
import { effectiveSchema, resolveRef, variableProperties } from "./schema";
import { parseTemplateDocument } from "./template-document";
import type { JsonObject } from "./types";

describe("parseTemplateDocument", () => {
  it("accepts a bare template", () => {
    const parsed = parseTemplateDocument(defaultTemplate as unknown as JsonObject);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.pointerPrefix).toBe("");
    expect(parsed.poolType).toBeUndefined();
    expect(Object.keys(variableProperties(parsed.template))).toHaveLength(26);
  });

  it("accepts a whole work pool and reports its type and name", () => {
    const pool = {
      name: "ecs-pool",
      type: "ecs",
      base_job_template: defaultTemplate as unknown as JsonObject,
    };
    const parsed = parseTemplateDocument(pool);
    expect(parsed).toMatchObject({
      ok: true,
      pointerPrefix: "/base_job_template",
      poolType: "ecs",
      poolName: "ecs-pool",
    });
  });

  it("accepts both schema dialects", () => {
    expect(parseTemplateDocument(defsTemplate as unknown as JsonObject).ok).toBe(true);
    expect(parseTemplateDocument(workerTemplate as unknown as JsonObject).ok).toBe(true);
  });

  it.each([
    [[1, 2], "not a base job template: the document is not a JSON object"],
    [{}, "not a base job template: the document has neither job_configuration nor variables"],
    [
      { name: "p", base_job_template: {} },
      "not a base job template: the work pool's base_job_template has neither job_configuration nor variables",
    ],
    [{ base_job_template: "x" }, "not a base job template: base_job_template is not a JSON object"],
  ])("refuses %j with a one-line reason", (doc, reason) => {
    expect(parseTemplateDocument(doc)).toEqual({ ok: false, reason });
  });

  it("names the offending path when a section has the wrong shape", () => {
    const parsed = parseTemplateDocument({ job_configuration: [], variables: { properties: {} } });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.reason).toMatch(/^not a base job template: \/job_configuration: /);
    const pool = parseTemplateDocument({ base_job_template: { job_configuration: {} } });
    expect(pool.ok).toBe(false);
    if (!pool.ok)
      expect(pool.reason).toMatch(/^not a base job template: \/base_job_template\/variables: /);
  });
});

describe("schema helpers for both dialects", () => {
  const plain = defaultTemplate as unknown as {
    variables: JsonObject & { properties: Record<string, JsonObject> };
  };
  const defs = defsTemplate as unknown as {
    variables: JsonObject & { properties: Record<string, JsonObject> };
  };

  it("resolves $ref into definitions and $defs", () => {
    expect(resolveRef(plain.variables, "#/definitions/CapacityProvider")?.required).toEqual([
      "capacityProvider",
      "weight",
      "base",
    ]);
    expect(resolveRef(defs.variables, "#/$defs/CapacityProvider")?.required).toEqual([
      "capacityProvider",
      "weight",
      "base",
    ]);
    expect(resolveRef(defs.variables, "#/$defs/Nope")).toBeUndefined();
  });

  it("unwraps allOf-$ref and anyOf [T, null] to the same shape", () => {
    const creds = effectiveSchema(
      plain.variables,
      plain.variables.properties.aws_credentials ?? {},
    );
    expect(creds.schema.title).toBe("AWS Credentials");
    expect(creds.schema.type).toBe("object");
    expect(creds.nullable).toBe(false);
    const cpuPlain = effectiveSchema(plain.variables, plain.variables.properties.cpu ?? {});
    const cpuDefs = effectiveSchema(defs.variables, defs.variables.properties.cpu ?? {});
    expect(cpuPlain).toMatchObject({ schema: { type: "integer" }, nullable: false });
    expect(cpuDefs).toMatchObject({ schema: { type: "integer", default: null }, nullable: true });
  });
});
