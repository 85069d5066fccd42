import { queryOptions } from "@tanstack/react-query";

import { getJson } from "@/lib/browser/get-json";

import type { ClusterSnapshotResult, EcsResult } from "@/lib/ecs";
import type { ClusterSummary, TaskDefinitionSummary } from "@/lib/snapshot/schema";

/**
 * Query keys for ECS reads:
 *   ["ecs"]
 *   ├─ ["ecs", "clusters", region]                       list of a region
 *   ├─ ["ecs", "cluster", region, name]                  one cluster snapshot
 *   └─ ["ecs", "task-definitions", region, ...families]  one batch of described families
 */
export const ecsKeys = {
  all: ["ecs"] as const,
  clusters: (region: string) => [...ecsKeys.all, "clusters", region] as const,
  cluster: (region: string, name: string) => [...ecsKeys.all, "cluster", region, name] as const,
  taskDefinitions: (region: string) => [...ecsKeys.all, "task-definitions", region] as const,
  taskDefinitionBatch: (region: string, families: readonly string[]) =>
    [...ecsKeys.taskDefinitions(region), ...families] as const,
};

export type DescribedBatch = Record<string, EcsResult<TaskDefinitionSummary>>;

/** Reads a region's clusters; `fresh` bypasses the server's short cache (manual refresh). */
export function fetchClusters(region: string, opts: { fresh?: boolean } = {}) {
  return getJson<EcsResult<ClusterSummary[]>>(
    `/api/ecs/clusters?region=${encodeURIComponent(region)}${opts.fresh ? "&fresh=1" : ""}`,
  );
}

/** Reads one cluster's snapshot with per-section status; `fresh` bypasses the server cache. */
export function fetchCluster(region: string, name: string, opts: { fresh?: boolean } = {}) {
  return getJson<ClusterSnapshotResult>(
    `/api/ecs/clusters/${encodeURIComponent(name)}?region=${encodeURIComponent(region)}${opts.fresh ? "&fresh=1" : ""}`,
  );
}

/** The clusters of a region. */
export function clustersQueryOptions(region: string) {
  return queryOptions({ queryKey: ecsKeys.clusters(region), queryFn: () => fetchClusters(region) });
}

/** One cluster's snapshot. */
export function clusterQueryOptions(region: string, name: string) {
  return queryOptions({
    queryKey: ecsKeys.cluster(region, name),
    queryFn: () => fetchCluster(region, name),
  });
}

/** One small batch of families described (the page describes what is on screen, batch by batch). */
export function taskDefinitionBatchQueryOptions(region: string, families: readonly string[]) {
  return queryOptions({
    queryKey: ecsKeys.taskDefinitionBatch(region, families),
    queryFn: () =>
      getJson<DescribedBatch>("/api/ecs/task-definitions", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ region, families }),
      }),
    // a described revision rarely changes; keep batches while the user pages and filters
    staleTime: 5 * 60_000,
  });
}
