/**
 * The base job template model. Two dialects of the `variables` JSON Schema exist in the wild:
 * pydantic v1 style (`definitions`, plain `type`) and pydantic v2 style (`$defs`,
 * `anyOf: [T, {type: "null"}]` for optional fields). Both are accepted as they are.
 * The zod model of the document lives in ./template-document (kept out of this module and the
 * barrel: the editor imports lib/template in the browser, and zod would add ~31 kB gzip to it).
 */
import type { JsonObject, JsonValue } from "./types";
import { isObject } from "./pointer";

/** A JSON Schema object describing the job variables (`properties` holds one schema per variable). */
export type VariablesSchema = JsonObject & { properties?: Record<string, JsonObject> };

export interface BaseJobTemplate {
  job_configuration: JsonObject;
  variables: VariablesSchema;
}

/** The variables' property schemas (empty when `properties` is missing). */
export function variableProperties(template: BaseJobTemplate): Record<string, JsonObject> {
  const props = template.variables.properties;
  return isObject(props) ? (props as Record<string, JsonObject>) : {};
}

/**
 * Resolves a local `$ref` (`#/definitions/X`, `#/$defs/X`, or any `#/...` pointer) against the
 * variables schema. Returns undefined when it points nowhere.
 */
export function resolveRef(variables: VariablesSchema, ref: string): JsonObject | undefined {
  if (!ref.startsWith("#")) return undefined;
  const tokens = ref
    .slice(1)
    .split("/")
    .slice(1)
    .map((t) => decodeURIComponent(t).replace(/~1/g, "/").replace(/~0/g, "~"));
  let node: JsonValue | undefined = variables;
  for (const token of tokens) {
    if (Array.isArray(node)) node = node[Number(token)];
    else if (isObject(node)) node = node[token];
    else return undefined;
  }
  return isObject(node) ? node : undefined;
}

/**
 * A property's schema with `$ref`, single-item `allOf` and `anyOf: [T, {type: "null"}]` unwrapped,
 * so both dialects look alike. `nullable` says whether null was allowed by the wrapper.
 */
export function effectiveSchema(
  variables: VariablesSchema,
  schema: JsonObject,
): { schema: JsonObject; nullable: boolean } {
  let current = schema;
  let nullable = false;
  for (let depth = 0; depth < 16; depth++) {
    const ref = current.$ref;
    if (typeof ref === "string") {
      const target = resolveRef(variables, ref);
      if (!target) break;
      const { $ref: _drop, ...rest } = current;
      void _drop;
      current = { ...target, ...rest };
      continue;
    }
    const allOf = current.allOf;
    if (Array.isArray(allOf) && allOf.length === 1 && isObject(allOf[0])) {
      const { allOf: _drop, ...rest } = current;
      void _drop;
      current = { ...allOf[0], ...rest };
      continue;
    }
    const anyOf = current.anyOf;
    if (Array.isArray(anyOf)) {
      const nonNull = anyOf.filter((s) => !(isObject(s) && s.type === "null"));
      if (nonNull.length === 1 && anyOf.length === 2 && isObject(nonNull[0])) {
        nullable = true;
        const { anyOf: _drop, ...rest } = current;
        void _drop;
        current = { ...nonNull[0], ...rest };
        continue;
      }
    }
    break;
  }
  return { schema: current, nullable };
}
