import "server-only";

import { defaultRegion, getClusterSnapshot, listClusters } from "@/lib/ecs";
import { getPrefectClient, type PrefectClient } from "@/lib/prefect/client";
import { listDeploymentsForPool } from "@/lib/prefect/deployments";
import type { PreviewDeployment } from "@/components/template-editor/runtask-preview";
import type { ClusterData } from "@/components/template-editor/use-cluster-snapshot";
import { targetCluster } from "@/lib/template/editing/form-model";
import type { JsonObject, JsonValue } from "@/lib/template/types";

export type { ClusterData };

/** The cluster the template names, and the region's cluster names; AWS problems become sentences. */
export async function loadClusterData(template: JsonValue): Promise<ClusterData> {
  const cluster = targetCluster(template) || "default";
  const region = defaultRegion();
  const [snap, list] = await Promise.allSettled([
    getClusterSnapshot({ region, cluster }),
    listClusters(region),
  ]);
  const out: ClusterData = {};
  if (snap.status === "fulfilled" && snap.value.snapshot) {
    out.snapshot = snap.value.snapshot;
  } else {
    const why =
      snap.status === "fulfilled"
        ? (snap.value.sections.cluster.error?.message ?? "the cluster could not be read")
        : String(snap.reason);
    out.snapshotProblem = `No snapshot of cluster ${cluster} in ${region}: ${why} The editor works without it; cluster-aware checks are skipped.`;
  }
  if (list.status === "fulfilled" && list.value.ok)
    out.clusters = list.value.data.map((c) => c.name);
  return out;
}

/** The pool's deployments with their job_variables, for the RunTask preview ([] when Prefect fails). */
export async function loadDeployments(
  client: PrefectClient,
  pool: string,
): Promise<PreviewDeployment[]> {
  try {
    const deployments = await listDeploymentsForPool(client, pool);
    return deployments.map((d) => ({
      id: d.id,
      name: d.name,
      jobVariables: (d.job_variables ?? {}) as JsonObject,
    }));
  } catch {
    return [];
  }
}

export { getPrefectClient };
