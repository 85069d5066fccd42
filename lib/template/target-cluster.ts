/**
 * The ECS cluster a template's RunTask request targets, decided once for the editor (whose
 * snapshot it reads while the user types), the pool page and the push verdicts: the `cluster` of
 * the rendered request when it is a plain name. A request that names no cluster, or only through
 * a placeholder the worker fills at run time, gets no cluster-aware checks anywhere. The browser
 * reads it from its checks' plan, the server from its own (clusterOfTemplate in ecs-run.ts).
 */
import type { JsonObject } from "./types";

/** The cluster a rendered RunTask request names, or null (none, or not a plain name). */
export function clusterOfRequest(request: JsonObject | undefined): string | null {
  const named = request?.cluster;
  return typeof named === "string" && named !== "" && !named.includes("{{") ? named : null;
}

/** Why a template without a named cluster is checked without a snapshot, in a sentence. */
export const NO_CLUSTER_NAMED =
  "The template names no cluster, so the cluster-aware checks are skipped (as when the pool is pushed). Pick a cluster to check against it.";
