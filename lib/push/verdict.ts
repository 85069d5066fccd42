import "server-only";

import { runChecks, type ConcurrencyLimits, type Diagnostic, type SkippedRule } from "@/lib/checks";
import { readClusterSnapshot, type SnapshotReader } from "@/lib/ecs";
import type { ClusterSnapshot } from "@/lib/snapshot/schema";
import type { EcsRunPlan } from "@/lib/template";
import { clusterOfRequest } from "@/lib/template/target-cluster";
import type { JsonValue, Mode } from "@/lib/template/types";

export type { SnapshotReader };

export interface ServerVerdict {
  diagnostics: Diagnostic[];
  errors: Diagnostic[];
  warnings: Diagnostic[];
  skipped: SkippedRule[];
  /** the cluster the rendered request names, or null (then cluster checks are skipped) */
  cluster: string | null;
  /** why the cluster-aware checks did not run, when a cluster was named but not readable */
  clusterProblem: string | null;
  /** the worker's plan (merged values, rendered request); server-side only, it holds functions */
  plan?: EcsRunPlan;
  /** the cluster snapshot the checks used */
  snapshot?: ClusterSnapshot;
}

/**
 * Every check, with the snapshot of the cluster the rendered RunTask request names (after the
 * job_variables, when given). AWS errors skip the cluster checks quietly and say so in clusterProblem.
 */
export async function checkWithCluster(input: {
  template: JsonValue;
  jobVariables?: JsonValue;
  mode: Mode;
  readCluster?: SnapshotReader;
  /** the pool's and the deployment's concurrency limits (ecs/burst-exceeds-capacity) */
  concurrency?: ConcurrencyLimits;
}): Promise<ServerVerdict> {
  const base = {
    template: input.template,
    mode: input.mode,
    ...(input.concurrency ? { concurrency: input.concurrency } : {}),
    ...(input.jobVariables === undefined ? {} : { jobVariables: input.jobVariables }),
  };
  let result = runChecks(base);
  const cluster = clusterOfRequest(result.plan?.runTaskRequest);
  let clusterProblem: string | null = null;
  let snapshot: ClusterSnapshot | undefined;
  if (cluster) {
    const read = await (input.readCluster ?? readClusterSnapshot)(cluster);
    if ("snapshot" in read) {
      snapshot = read.snapshot;
      result = runChecks({ ...base, snapshot });
    } else clusterProblem = `Cluster checks skipped: ${read.problem}`;
  }
  return {
    diagnostics: result.diagnostics,
    errors: result.diagnostics.filter((d) => d.severity === "error"),
    warnings: result.diagnostics.filter((d) => d.severity === "warning"),
    skipped: result.skipped,
    cluster,
    clusterProblem,
    ...(result.plan ? { plan: result.plan } : {}),
    ...(snapshot ? { snapshot } : {}),
  };
}
