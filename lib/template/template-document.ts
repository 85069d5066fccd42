/**
 * The zod model of a base job template document (a bare template or a whole work pool). Not
 * re-exported by lib/template's index on purpose: zod's module-level schema construction cannot be
 * tree-shaken, and the editor's browser bundle must not carry it (see BENCHMARKS.md, route budget).
 */
import { z } from "zod";
import type { JsonObject, JsonValue } from "./types";
import { isObject } from "./pointer";
import { locateTemplate, type TemplatePointerPrefix } from "./pool-document";
import type { BaseJobTemplate, VariablesSchema } from "./schema";

const jsonObjectSchema = z.record(z.string(), z.json()) as unknown as z.ZodType<JsonObject>;

/** zod model of the `variables` JSON Schema object (extra keys kept). */
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
      pointerPrefix: TemplatePointerPrefix;
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
  const { template: body, pointerPrefix, poolType, poolName } = locateTemplate(doc);
  if (!isObject(body))
    return {
      ok: false,
      reason: "not a base job template: base_job_template is not a JSON object",
    };
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
