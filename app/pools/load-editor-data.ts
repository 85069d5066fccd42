import "server-only";

import { MAX_DOCUMENT_CHARS } from "@/lib/actions/types";
import { checkText } from "@/lib/checks";
import { defaultRegion, getClusterSnapshot, listClusters } from "@/lib/ecs";
import { getPrefectClient } from "@/lib/prefect/client";
import type { listDeploymentsForPool } from "@/lib/prefect/deployments";
import type { PreviewDeployment } from "@/components/template-editor/runtask-preview";
import type { ClusterData } from "@/components/template-editor/use-cluster-snapshot";
import type { ServerCheckResult } from "@/components/template-editor/use-checks";
import { targetCluster } from "@/lib/template/editing/form-model";
import type { JsonObject, JsonValue, Mode } from "@/lib/template/types";

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

/**
 * The editor's first check results, both modes, without a cluster snapshot (it streams in later):
 * the page hydrates with them instead of running the engine in the browser before the form is
 * usable. Undefined over the size the editor checks at all.
 */
export function initialCheckResults(
  text: string,
): Record<"hybrid" | "push", ServerCheckResult> | undefined {
  if (text.length > MAX_DOCUMENT_CHARS) return undefined;
  const result = (mode: Mode): ServerCheckResult => {
    const { diagnostics, skipped } = checkText(text, { mode });
    return { diagnostics, skipped };
  };
  return { hybrid: result("hybrid"), push: result("push") };
}

/** The pool's deployments with their job_variables, for the RunTask preview ([] when Prefect fails). */
export async function loadDeployments(
  listed: ReturnType<typeof listDeploymentsForPool>,
): Promise<PreviewDeployment[]> {
  try {
    const deployments = await listed;
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
