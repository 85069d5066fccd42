/**
 * A document Pooldeck checks is either a bare base job template or a whole work pool as Prefect
 * returns it (base_job_template inside, with the pool's name and type). The checks, the template
 * parser and the CLI tell the two apart here.
 */
import type { JsonObject, JsonValue } from "./types";

/** Where the template sits in the document: "" for a bare template, "/base_job_template" in a pool. */
export type TemplatePointerPrefix = "" | "/base_job_template";

export interface LocatedTemplate {
  /** the template part (not checked to be an object) */
  template: JsonValue;
  pointerPrefix: TemplatePointerPrefix;
  /** the pool's type and name, for a whole work pool that has them */
  poolType?: string;
  poolName?: string;
}

/** Is this a whole work pool: base_job_template present, and no template keys at the top level? */
export function isWholePool(doc: JsonObject): boolean {
  return !("job_configuration" in doc) && !("variables" in doc) && "base_job_template" in doc;
}

/** The template part of a document: a pool's base_job_template, else the document itself. */
export function locateTemplate(doc: JsonObject): LocatedTemplate {
  if (!isWholePool(doc)) return { template: doc, pointerPrefix: "" };
  return {
    template: doc.base_job_template ?? null,
    pointerPrefix: "/base_job_template",
    ...(typeof doc.type === "string" ? { poolType: doc.type } : {}),
    ...(typeof doc.name === "string" ? { poolName: doc.name } : {}),
  };
}
