/**
 * Parity between the check engine's variables-schema validator (@cfworker/json-schema, no code
 * generation, so it runs in the browser under a CSP without 'unsafe-eval') and the reference,
 * Ajv 2020 with ajv-formats (testing/ajv-variables.ts): the same verdict on every schema (usable
 * or not, and which variable is at fault), and the same problems (instance path and message) on
 * every value. Corpus: Prefect's default ECS templates (prefect-aws's ECS worker, both dialects)
 * and the CLI's strategy templates, the presets, and fast-check fuzz (fixed seed) of values and
 * of schema edits.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { ajvCompileVariablesSchema, ajvValidateValues } from "@/testing/ajv-variables";
import { applyEdits, editsArb, FUZZ_SEED, jobVariablesArb, valueArb } from "@/testing/fuzz";
import awsWorkerDefault from "@/lib/template/fixtures/prefect-aws-worker-default.json";
import ecsDefault from "@/lib/template/fixtures/prefect-ecs-default.json";
import defsDialect from "@/lib/template/fixtures/prefect-ecs-defs-dialect.json";
import asgStrategy from "@/cli/fixtures/asg-strategy-template.json";
import ec2Strategy from "@/cli/fixtures/ec2-strategy-template.json";
import { isObject } from "@/lib/template/pointer";
import type { JsonObject, JsonValue } from "@/lib/template/types";
import {
  compileVariablesSchema,
  isRuntimeReference,
  validateValues,
  type SchemaProblem,
} from "./schema-validation";

const TEMPLATES: Record<string, JsonObject> = {
  "prefect-ecs-default": ecsDefault as unknown as JsonObject,
  "prefect-aws-worker-default": awsWorkerDefault as unknown as JsonObject,
  "prefect-ecs-defs-dialect": defsDialect as unknown as JsonObject,
  "asg-strategy-template": asgStrategy as unknown as JsonObject,
  "ec2-strategy-template": ec2Strategy as unknown as JsonObject,
};
const VARIABLES = Object.values(TEMPLATES).map((t) => t.variables as JsonObject);

type Verdict =
  { ok: true; problems: SchemaProblem[] } | { ok: false; pointer: string } | { threw: string };

/** What the browser engine says about `values` under `schema`. */
function browser(schema: JsonObject, values: JsonObject): Verdict {
  try {
    const compiled = compileVariablesSchema(schema);
    if (!compiled.ok) return { ok: false, pointer: compiled.pointer };
    return { ok: true, problems: validateValues(compiled, values) };
  } catch (error) {
    return { threw: String(error) };
  }
}

/** What Ajv says. */
function reference(schema: JsonObject, values: JsonObject): Verdict {
  try {
    const compiled = ajvCompileVariablesSchema(schema);
    if (!compiled.ok) return { ok: false, pointer: compiled.pointer };
    return { ok: true, problems: ajvValidateValues(compiled, values) };
  } catch (error) {
    return { threw: String(error) };
  }
}

/** Values as the rules hand them over: objects only, run-time references left out. */
function asValues(value: JsonValue): JsonObject {
  if (!isObject(value)) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => !isRuntimeReference(v)));
}

/** The defaults of a schema's variables, as template/default-violates-schema validates them. */
function defaultsOf(schema: JsonValue): JsonObject {
  const properties = isObject(schema) && isObject(schema.properties) ? schema.properties : {};
  const out: JsonObject = {};
  for (const [name, child] of Object.entries(properties)) {
    if (isObject(child) && child.default !== undefined && child.default !== null)
      out[name] = child.default;
  }
  return asValues(out);
}

const options = (numRuns: number) => ({ seed: FUZZ_SEED, numRuns });
// CPU time is a few seconds; wall-clock on the loaded 2-core machine can be ten times that
const TIMEOUT = 120_000;

describe("variables schema validation: @cfworker/json-schema against Ajv", () => {
  it("accepts every real template's schema and its defaults", () => {
    for (const [name, template] of Object.entries(TEMPLATES)) {
      const variables = template.variables as JsonObject;
      const defaults = defaultsOf(variables);
      expect({ name, verdict: browser(variables, defaults) }).toEqual({
        name,
        verdict: { ok: true, problems: [] },
      });
      expect(reference(variables, defaults)).toEqual({ ok: true, problems: [] });
    }
  });

  it(
    "fuzzed job_variables against the real schemas (600 cases)",
    () => {
      fc.assert(
        fc.property(fc.constantFrom(...VARIABLES), jobVariablesArb, (schema, raw) => {
          const values = asValues(raw);
          expect(browser(schema, values)).toEqual(reference(schema, values));
        }),
        options(600),
      );
    },
    TIMEOUT,
  );

  it(
    "fuzzed edits of the schemas, with their defaults and fuzzed values (200 cases)",
    () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...VARIABLES),
          editsArb,
          fc.dictionary(fc.string({ maxLength: 8 }), valueArb, { maxKeys: 3 }),
          (base, edits, extra) => {
            const schema = applyEdits(base, edits);
            const values = { ...defaultsOf(schema), ...asValues(extra as JsonValue) };
            expect(browser(schema, values)).toEqual(reference(schema, values));
          },
        ),
        options(200),
      );
    },
    TIMEOUT,
  );
});

describe("the words the checks show", () => {
  const schema: JsonObject = {
    type: "object",
    properties: {
      cpu: { type: "integer", minimum: 256 },
      launch_type: { type: "string", enum: ["FARGATE", "EC2"] },
      tags: {
        type: "object",
        additionalProperties: false,
        properties: { team: { type: "string" } },
      },
      block: { type: "object", properties: { $ref: { type: "string", format: "uuid" } } },
    },
  };
  const values: JsonObject = {
    cpu: "1024",
    launch_type: "SPOT",
    tags: { team: "data", owner: "me" },
    block: { $ref: "not-a-uuid" },
  };

  it("are Ajv's, from both engines: the same problems at the same places", () => {
    const expected = {
      ok: true,
      problems: [
        { instancePath: "/cpu", message: "must be integer" },
        { instancePath: "/launch_type", message: 'must be one of "FARGATE", "EC2"' },
        { instancePath: "/tags/owner", message: "is not allowed by the schema" },
        { instancePath: "/block/$ref", message: 'must match format "uuid"' },
      ],
    };
    expect(browser(schema, values)).toEqual(expected);
    expect(reference(schema, values)).toEqual(expected);
    const low = { cpu: 128 };
    const lowExpected = {
      ok: true,
      problems: [{ instancePath: "/cpu", message: "must be >= 256" }],
    };
    expect(browser(schema, low)).toEqual(lowExpected);
    expect(reference(schema, low)).toEqual(lowExpected);
  });

  it("differ only in why a schema is unusable: the editor shows the validator's reason", () => {
    const broken: JsonObject = { type: "object", properties: { cpu: { type: "integr" } } };
    const ours = compileVariablesSchema(broken);
    const ajv = ajvCompileVariablesSchema(broken);
    expect(ours).toEqual({
      ok: false,
      pointer: "/properties/cpu",
      reason:
        '/type must be one of "array", "boolean", "integer", "null", "number", "object", "string"',
    });
    expect(ajv).toEqual({
      ok: false,
      pointer: "/properties/cpu",
      reason: "/type must be equal to one of the allowed values",
    });
    const missing: JsonObject = {
      type: "object",
      properties: { cpu: { $ref: "#/definitions/Nope" } },
    };
    const reason = "can't resolve reference #/definitions/Nope from id #";
    expect(compileVariablesSchema(missing)).toEqual({
      ok: false,
      pointer: "/properties/cpu",
      reason,
    });
    expect(ajvCompileVariablesSchema(missing)).toEqual({
      ok: false,
      pointer: "/properties/cpu",
      reason,
    });
  });
});
