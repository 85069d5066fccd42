/** template/invalid-variables-schema and template/default-violates-schema (a Draft 2020-12 validator, Prefect's preprocessing). */
import type { JsonObject, JsonValue } from "@/lib/template/types";
import { isObject, joinPointer, setKey, splitPointer } from "@/lib/template/pointer";
import type { Rule } from "../rule";
import { compileVariablesSchema, isRuntimeReference, validateValues } from "../schema-validation";
import type { Diagnostic } from "../types";

export const invalidVariablesSchema: Rule = {
  id: "template/invalid-variables-schema",
  summary: "variables must be a usable JSON Schema.",
  needs: "document",
  run(ctx) {
    const variables = ctx.template.variables;
    if (variables === undefined) return [];
    const problem = (path: string, message: string): Diagnostic[] => [
      { rule: this.id, severity: "error", document: "template", path, message },
    ];
    if (!isObject(variables)) {
      return problem(
        ctx.t("/variables"),
        "variables must be a JSON Schema object (type object with properties). Prefect builds the deployment form and validates job variables with it, so the server rejects anything else.",
      );
    }
    if ("properties" in variables && !isObject(variables.properties)) {
      return problem(
        ctx.t("/variables/properties"),
        "variables.properties must be an object that maps each variable name to its schema.",
      );
    }
    if (isObject(variables.properties)) {
      const properties = variables.properties;
      for (const name of Object.keys(properties)) {
        const schema = properties[name] as JsonValue;
        if (!isObject(schema) && typeof schema !== "boolean") {
          return problem(
            joinPointer(ctx.t("/variables/properties"), name),
            `The schema of variable "${name}" must be an object such as {"type": "string"}.`,
          );
        }
      }
    }
    const compiled = compileVariablesSchema(variables);
    if (compiled.ok) return [];
    return problem(
      ctx.t("/variables" + compiled.pointer),
      `${compiled.pointer ? `The schema of variable "${compiled.pointer.slice("/properties/".length)}"` : "variables"} is not a valid JSON Schema (${compiled.reason}). The Prefect server validates job variables with this schema and rejects the template; correct the schema.`,
    );
  },
};

/** Defaults to validate: null and run-time references are Prefect's business, not the schema's. */
function defaultsOf(properties: JsonObject): JsonObject {
  const values: JsonObject = {};
  for (const name of Object.keys(properties)) {
    const schema = properties[name] as JsonValue;
    if (!isObject(schema) || !("default" in schema)) continue;
    const value = schema.default;
    if (value === undefined || value === null || isRuntimeReference(value)) continue;
    setKey(values, name, value);
  }
  return values;
}

export const defaultViolatesSchema: Rule = {
  id: "template/default-violates-schema",
  summary: "Every variable default must satisfy its own schema.",
  needs: "document",
  run(ctx) {
    const variables = ctx.template.variables;
    if (!isObject(variables)) return [];
    const compiled = compileVariablesSchema(variables);
    if (!compiled.ok) return [];
    const defaults = defaultsOf(ctx.properties);
    if (Object.keys(defaults).length === 0) return [];
    return validateValues(compiled, defaults).map((problem) => {
      const [name = "", ...inner] = splitPointer(problem.instancePath);
      const path = joinPointer(ctx.t("/variables/properties"), name, "default", ...inner);
      const where = inner.length > 0 ? `${name}.${inner.join(".")}` : name;
      return {
        rule: this.id,
        severity: "error" as const,
        document: "template" as const,
        path,
        message: `The default of "${where}" ${problem.message}. Prefect rejects such a default when a pool is created, and a PATCH stores it silently, so flow runs fail later when the worker validates its configuration. Change the default or the schema.`,
      };
    });
  },
};
