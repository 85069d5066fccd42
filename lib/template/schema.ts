/**
 * The base job template model. Two dialects of the `variables` JSON Schema exist in the wild:
 * pydantic v1 style (`definitions`, plain `type`) and pydantic v2 style (`$defs`,
 * `anyOf: [T, {type: "null"}]` for optional fields). Both are accepted as they are.
 */
import { z } from "zod";
import type { JsonObject, JsonValue } from "./types";
import { isObject } from "./pointer";

const jsonObjectSchema = z.record(z.string(), z.json()) as unknown as z.ZodType<JsonObject>;

/** A JSON Schema object describing the job variables (`properties` holds one schema per variable). */
export type VariablesSchema = JsonObject & { properties?: Record<string, JsonObject> };

export interface BaseJobTemplate {
  job_configuration: JsonObject;
  variables: VariablesSchema;
}

export const variablesSchemaSchema = z
  .looseObject({
    type: z.literal("object").optional(),
    properties: z.record(z.string(), jsonObjectSchema).optional(),
    required: z.array(z.string()).optional(),
    definitions: z.record(z.string(), z.json()).optional(),
    $defs: z.record(z.string(), z.json()).optional(),
  })
  .transform((v) => v as unknown as VariablesSchema);

/** zod model of a base job template (both dialects; extra keys kept). */
export const baseJobTemplateSchema = z
  .looseObject({
    job_configuration: jsonObjectSchema,
    variables: variablesSchemaSchema,
  })
  .transform((v) => v as unknown as BaseJobTemplate);

export type ParsedTemplateDocument =
  | {
      ok: true;
      template: BaseJobTemplate;
      pointerPrefix: "" | "/base_job_template";
      poolType?: string;
      poolName?: string;
    }
  | { ok: false; reason: string };

function describeIssue(error: z.ZodError, prefix: string): string {
  const issue = error.issues[0];
  if (!issue) return "not a base job template";
  const path = issue.path.map((p) => "/" + String(p)).join("");
  return `${prefix}${path || "/"}: ${issue.message}`;
}

/** Accepts a bare template or a whole work pool as Prefect returns it (base_job_template inside). */
export function parseTemplateDocument(doc: JsonValue): ParsedTemplateDocument {
  if (!isObject(doc))
    return { ok: false, reason: "not a base job template: the document is not a JSON object" };
  let body: JsonValue = doc;
  let pointerPrefix: "" | "/base_job_template" = "";
  let poolType: string | undefined;
  let poolName: string | undefined;
  if (!("job_configuration" in doc) && !("variables" in doc) && "base_job_template" in doc) {
    body = doc.base_job_template ?? null;
    pointerPrefix = "/base_job_template";
    if (typeof doc.type === "string") poolType = doc.type;
    if (typeof doc.name === "string") poolName = doc.name;
    if (!isObject(body))
      return {
        ok: false,
        reason: "not a base job template: base_job_template is not a JSON object",
      };
  }
  if (!("job_configuration" in body) && !("variables" in body)) {
    const what = pointerPrefix ? "the work pool's base_job_template" : "the document";
    return {
      ok: false,
      reason: `not a base job template: ${what} has neither job_configuration nor variables`,
    };
  }
  const parsed = baseJobTemplateSchema.safeParse(body);
  if (!parsed.success) {
    return {
      ok: false,
      reason: "not a base job template: " + describeIssue(parsed.error, pointerPrefix),
    };
  }
  return {
    ok: true,
    template: parsed.data,
    pointerPrefix,
    ...(poolType !== undefined ? { poolType } : {}),
    ...(poolName !== undefined ? { poolName } : {}),
  };
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
