/**
 * The reference engine for variables schemas: Ajv (Draft 2020-12, ajv-formats), the validator
 * the check engine used before the browser had to run without eval. Parity tests and the schema
 * engines benchmark compare lib/checks/schema-validation.ts with it: same preprocessing
 * (preprocessVariablesSchema), one validator per variable plus one for the root, and the same
 * reading of Ajv's errors (one problem per instance path, the most specific first).
 */
import Ajv2020 from "ajv/dist/2020";
import type { ErrorObject, ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import {
  preprocessVariablesSchema,
  sharedDefinitions,
  withoutAnnotations,
  type SchemaProblem,
} from "@/lib/checks/schema-validation";
import { isObject, joinPointer, setKey } from "@/lib/template/pointer";
import type { JsonObject, JsonValue } from "@/lib/template/types";
import { errorMessage } from "@/lib/template/error-message";

export type AjvCompiled =
  | { ok: true; root: ValidateFunction; properties: Map<string, ValidateFunction> }
  | { ok: false; reason: string; pointer: string };

// inlineRefs off: big schemas reuse definitions many times, and inlining them multiplies compile time
function newAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    logger: false,
    validateFormats: true,
    inlineRefs: false,
  });
  addFormats(ajv);
  return ajv;
}

function describeAjvErrors(errors: ErrorObject[] | null | undefined): string {
  const first = errors?.[0];
  if (!first) return "unknown problem";
  return `${first.instancePath || "the schema"} ${first.message ?? "is invalid"}`.trim();
}

const ajv = newAjv();
const compiledByText = new Map<string, AjvCompiled>();

/**
 * Compiles a variables schema as the check engine did with Ajv: annotations left out first (they
 * do not change validation), then Prefect's preprocessing. Cached by the schema's text.
 */
export function ajvCompileVariablesSchema(schema: JsonObject): AjvCompiled {
  const stripped = withoutAnnotations(schema) as JsonObject;
  const text = JSON.stringify(stripped);
  let compiled = compiledByText.get(text);
  if (!compiled) {
    if (compiledByText.size > 200) compiledByText.clear();
    compiled = compileUncached(stripped);
    compiledByText.set(text, compiled);
  }
  return compiled;
}

function compileUncached(schema: JsonObject): AjvCompiled {
  const failure = (error: unknown, pointer: string): AjvCompiled => ({
    ok: false,
    reason: errorMessage(error),
    pointer,
  });
  let pre: JsonObject;
  try {
    pre = preprocessVariablesSchema(schema);
  } catch (error) {
    return failure(error, "");
  }
  const definitions = sharedDefinitions(pre);
  if (!ajv.validateSchema(definitions)) return failure(describeAjvErrors(ajv.errors), "");
  const properties = new Map<string, ValidateFunction>();
  const names: JsonObject = {};
  if (isObject(pre.properties)) {
    for (const [name, child] of Object.entries(pre.properties)) {
      const standalone = isObject(child) ? { ...child, ...definitions } : child;
      try {
        if (!ajv.validateSchema(standalone as JsonObject))
          return failure(describeAjvErrors(ajv.errors), `/properties/${name}`);
        properties.set(name, ajv.compile(standalone as JsonObject));
      } catch (error) {
        return failure(error, `/properties/${name}`);
      }
      setKey(names, name, true);
    }
  }
  const { properties: _properties, ...rest } = pre;
  void _properties;
  try {
    const root = { ...rest, properties: names };
    if (!ajv.validateSchema(root)) return failure(describeAjvErrors(ajv.errors), "");
    return { ok: true, root: ajv.compile(root), properties };
  } catch (error) {
    return failure(error, "");
  }
}

function formatError(error: ErrorObject): string {
  if (error.keyword === "type") {
    const types = String(error.params.type as string)
      .split(",")
      .filter((t) => t !== "null");
    return `must be ${types.join(" or ") || "null"}`;
  }
  if (error.keyword === "enum" && Array.isArray(error.params.allowedValues)) {
    return `must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
  }
  if (error.keyword === "additionalProperties") {
    return `has an unexpected property ${JSON.stringify(error.params.additionalProperty)}`;
  }
  return error.message ?? "is invalid";
}

function problemsOf(validate: ValidateFunction, value: JsonValue, prefix: string): SchemaProblem[] {
  if (validate(value)) return [];
  const errors = validate.errors ?? [];
  const byPath = new Map<string, string>();
  for (const error of errors) {
    if (error.keyword === "anyOf" || error.keyword === "oneOf" || error.keyword === "allOf")
      continue;
    if (error.keyword === "type" && error.params.type === "null") continue;
    if (error.keyword === "if") continue;
    const path =
      error.keyword === "additionalProperties" &&
      typeof error.params.additionalProperty === "string"
        ? joinPointer(error.instancePath, error.params.additionalProperty)
        : error.instancePath;
    const message =
      error.keyword === "additionalProperties"
        ? "is not allowed by the schema"
        : formatError(error);
    if (!byPath.has(prefix + path)) byPath.set(prefix + path, message);
  }
  if (byPath.size === 0) {
    for (const error of errors) {
      if (!byPath.has(prefix + error.instancePath))
        byPath.set(prefix + error.instancePath, formatError(error));
    }
  }
  return [...byPath.entries()].map(([instancePath, message]) => ({ instancePath, message }));
}

/** Validates variable values the way lib/checks did with Ajv. */
export function ajvValidateValues(
  compiled: Extract<AjvCompiled, { ok: true }>,
  values: JsonObject,
): SchemaProblem[] {
  const problems = problemsOf(compiled.root, values, "");
  for (const [name, value] of Object.entries(values)) {
    const validate = compiled.properties.get(name);
    if (!validate || validate(value)) continue;
    problems.push(...problemsOf(validate, value, joinPointer("", name)));
  }
  return problems;
}
