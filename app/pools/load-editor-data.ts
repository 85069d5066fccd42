import "server-only";

import { MAX_DOCUMENT_CHARS } from "@/lib/outcome/types";
import { checkText } from "@/lib/checks";
import { defaultRegion, listClusters, readSnapshot } from "@/lib/ecs";
import { getPrefectClient } from "@/lib/prefect/client";
import type { listDeploymentsForPool } from "@/lib/prefect/deployments";
import type { PreviewDeployment } from "@/lib/template/types";
import type { ClusterData } from "@/lib/snapshot/cluster-data";
import type { ServerCheckResult } from "@/lib/checks/run-checks";
import { clusterOfTemplate } from "@/lib/template/ecs-run";
import { NO_CLUSTER_NAMED } from "@/lib/template/target-cluster";
import type { JsonObject, JsonValue, Mode } from "@/lib/template/types";

export type { ClusterData };

/**
 * The snapshot of the cluster the template targets (lib/template/target-cluster.ts, as the editor
 * and the push verdicts choose it), and the region's cluster names; AWS problems become sentences.
 */
export async function loadClusterData(template: JsonValue, mode: Mode): Promise<ClusterData> {
  const cluster = clusterOfTemplate(template, mode);
  const region = defaultRegion();
  const [snap, list] = await Promise.allSettled([
    cluster ? readSnapshot({ region, cluster }) : Promise.resolve(null),
    listClusters(region),
  ]);
  const out: ClusterData = { cluster };
  const read = snap.status === "fulfilled" ? snap.value : { problem: String(snap.reason) };
  if (!read) out.snapshotProblem = NO_CLUSTER_NAMED;
  else if ("snapshot" in read) out.snapshot = read.snapshot;
  else {
    out.snapshotError = read.problem;
    out.snapshotProblem = `No snapshot of cluster ${cluster} in ${region}: ${read.problem} The editor works without it; cluster-aware checks are skipped.`;
  }
  if (list.status === "fulfilled" && list.value.ok)
    out.clusters = list.value.data.map((c) => c.name);
  return out;
}

type InitialChecks = Record<"hybrid" | "push", ServerCheckResult>;

// The same few templates are served again and again, and their first results depend on the text
// alone: remembered for the most recent ones (~10 ms of server time per page view otherwise).
const RECENT_RESULTS = 32;
const REMEMBERED_UP_TO_CHARS = 256 * 1024;
const recentResults = new Map<string, InitialChecks>();

/**
 * The editor's first check results, both modes, without a cluster snapshot (it streams in later):
 * the page hydrates with them instead of running the engine in the browser before the form is
 * usable. Undefined over the size the editor checks at all.
 */
export function initialCheckResults(text: string): InitialChecks | undefined {
  if (text.length > MAX_DOCUMENT_CHARS) return undefined;
  const remembered = recentResults.get(text);
  if (remembered) return remembered;
  const result = (mode: Mode): ServerCheckResult => {
    const { diagnostics, skipped } = checkText(text, { mode });
    return { diagnostics, skipped };
  };
  const results = { hybrid: result("hybrid"), push: result("push") };
  if (text.length <= REMEMBERED_UP_TO_CHARS) {
    recentResults.set(text, results);
    // a Map iterates in insertion order: the first key is the oldest
    if (recentResults.size > RECENT_RESULTS)
      recentResults.delete(recentResults.keys().next().value!);
  }
  return results;
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
