import "server-only";

import { runChecks, type Diagnostic, type SkippedRule } from "@/lib/checks";
import { defaultRegion, getClusterSnapshot } from "@/lib/ecs";
import type { ClusterSnapshot } from "@/lib/snapshot/schema";
import type { EcsRunPlan } from "@/lib/template";
import type { JsonValue, Mode } from "@/lib/template/types";

/** Reads a cluster's snapshot, or says in a sentence why it could not. */
export type SnapshotReader = (
  cluster: string,
) => Promise<{ snapshot: ClusterSnapshot } | { problem: string }>;

/** The configured region's snapshot of a cluster; AWS failures become a sentence, never a throw. */
export const readSnapshot: SnapshotReader = async (cluster) => {
  try {
    const result = await getClusterSnapshot({ region: defaultRegion(), cluster });
    if (result.snapshot) return { snapshot: result.snapshot };
    return {
      problem: result.sections.cluster.error?.message ?? `cluster ${cluster} could not be read`,
    };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
};

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
  concurrency?: { pool?: number | null; deployment?: number | null };
}): Promise<ServerVerdict> {
  const base = {
    template: input.template,
    mode: input.mode,
    ...(input.concurrency ? { concurrency: input.concurrency } : {}),
    ...(input.jobVariables === undefined ? {} : { jobVariables: input.jobVariables }),
  };
  let result = runChecks(base);
  const named = result.plan?.runTaskRequest.cluster;
  const cluster = typeof named === "string" && named && !named.includes("{{") ? named : null;
  let clusterProblem: string | null = null;
  let snapshot: ClusterSnapshot | undefined;
  if (cluster) {
    const read = await (input.readCluster ?? readSnapshot)(cluster);
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
