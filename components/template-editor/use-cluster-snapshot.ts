"use client";

import { useEffect, useRef, useState } from "react";
import type { ActionResult } from "@/lib/actions/types";
import type { ClusterSnapshot } from "@/lib/snapshot/schema";
import { NO_CLUSTER_NAMED } from "@/lib/template/target-cluster";

/** Reads another cluster's snapshot on the server (a server action); errors come back as text. */
export type SnapshotLoader = (cluster: string) => Promise<ActionResult<ClusterSnapshot>>;

/** What the server read about the template's cluster: its snapshot or why not, and the region's clusters. */
export interface ClusterData {
  /** the cluster the server chose for the template (clusterOfTemplate); null when it names none */
  cluster?: string | null;
  snapshot?: ClusterSnapshot;
  snapshotProblem?: string;
  clusters?: string[];
}

interface SnapshotState {
  snapshot: ClusterSnapshot | undefined;
  problem: string | undefined;
  loading: boolean;
  clusters: string[] | undefined;
}

/**
 * The snapshot of `cluster`, the cluster the document's rendered request targets (clusterOfRequest
 * on the checks' plan, as the server chooses it; null when it names none, undefined while not
 * known yet); follows the cluster field (debounced).
 * `initial` may be a promise the server streams in after the page: the form is usable before
 * AWS has answered, and the cluster-aware checks join when the snapshot arrives.
 */
export function useClusterSnapshot(
  cluster: string | null | undefined,
  initial: ClusterData | Promise<ClusterData>,
  load: SnapshotLoader | undefined,
) {
  // React streams a server promise as a thenable of its own: test for `then`, not instanceof
  const pending = "then" in initial ? initial : undefined;
  const ready = "then" in initial ? undefined : initial;
  const [state, setState] = useState<SnapshotState>(() =>
    ready
      ? {
          snapshot: ready.snapshot,
          problem: ready.snapshotProblem,
          loading: false,
          clusters: ready.clusters,
        }
      : { snapshot: undefined, problem: undefined, loading: true, clusters: undefined },
  );
  // the cluster whose snapshot we hold or are reading; a ref so that starting a read does not cancel it
  const requested = useRef<string | null | undefined>(ready?.snapshot ? ready.cluster : undefined);
  useEffect(() => {
    if (!pending) return;
    let cancelled = false;
    // a real Promise around React's thenable, whose then() returns nothing to chain on
    Promise.resolve(pending)
      .then((data) => {
        if (cancelled) return;
        requested.current ??= data.cluster;
        setState((s) =>
          // the user may have moved to another cluster meanwhile: keep the list, not the snapshot
          requested.current === data.cluster
            ? {
                snapshot: data.snapshot,
                problem: data.snapshotProblem,
                loading: false,
                clusters: data.clusters,
              }
            : { ...s, clusters: data.clusters },
        );
      })
      .catch((error: unknown) => {
        if (!cancelled) setState((s) => ({ ...s, problem: String(error), loading: false }));
      });
    return () => {
      cancelled = true;
    };
  }, [pending]);
  useEffect(() => {
    if (!load || cluster === undefined || cluster === requested.current) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      requested.current = cluster;
      if (cluster === null) {
        setState((s) => ({ ...s, snapshot: undefined, problem: NO_CLUSTER_NAMED, loading: false }));
        return;
      }
      setState((s) => ({ ...s, loading: true }));
      load(cluster)
        .then((result) => {
          if (cancelled) return;
          setState((s: SnapshotState): SnapshotState =>
            result.ok
              ? { ...s, snapshot: result.data, problem: undefined, loading: false }
              : {
                  ...s,
                  snapshot: undefined,
                  problem: `No cluster snapshot for ${cluster}: ${result.error} Cluster-aware checks are skipped.`,
                  loading: false,
                },
          );
        })
        .catch((error: unknown) => {
          if (!cancelled)
            setState((s) => ({
              ...s,
              snapshot: undefined,
              problem: String(error),
              loading: false,
            }));
        });
    }, 600);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [cluster, load]);
  return state;
}
