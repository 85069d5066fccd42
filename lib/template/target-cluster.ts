/**
 * The ECS cluster a template's RunTask request targets, decided once for the editor (whose
 * snapshot it reads while the user types), the pool page and the push verdicts: the `cluster` of
 * the rendered request when it is a plain name. A request that names no cluster, or only through
 * a placeholder the worker fills at run time, gets no cluster-aware checks anywhere.
 */
import { prepareEcsRun } from "./ecs-run";
import { isObject } from "./pointer";
import type { BaseJobTemplate } from "./schema";
import type { JsonObject, JsonValue, Mode } from "./types";

/** The cluster a rendered RunTask request names, or null (none, or not a plain name). */
export function clusterOfRequest(request: JsonObject | undefined): string | null {
  const named = request?.cluster;
  return typeof named === "string" && named !== "" && !named.includes("{{") ? named : null;
}

/** The cluster of a template's request rendered with its defaults; null when it names none or does not render. */
export function clusterOfTemplate(template: JsonValue, mode: Mode): string | null {
  if (!isObject(template) || !isObject(template.job_configuration) || !isObject(template.variables))
    return null;
  try {
    const plan = prepareEcsRun({ template: template as unknown as BaseJobTemplate, mode });
    return clusterOfRequest(plan.runTaskRequest);
  } catch {
    return null;
  }
}

/** Why a template without a named cluster is checked without a snapshot, in a sentence. */
export const NO_CLUSTER_NAMED =
  "The template names no cluster, so the cluster-aware checks are skipped (as when the pool is pushed). Pick a cluster to check against it.";
