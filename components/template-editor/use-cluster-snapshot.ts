"use client";

import { useEffect, useState } from "react";
import type { ClusterSnapshot } from "@/lib/snapshot/schema";
import type { JsonValue } from "@/lib/template/types";
import { targetCluster } from "./form-model";

/** Reads another cluster's snapshot on the server (a server action); errors come back as text. */
export type SnapshotLoader = (
  cluster: string,
) => Promise<{ ok: true; snapshot: ClusterSnapshot } | { ok: false; error: string }>;

function matches(snapshot: ClusterSnapshot | undefined, cluster: string): boolean {
  if (!snapshot) return false;
  const name = cluster || "default";
  return snapshot.cluster.name === name || snapshot.cluster.arn === name;
}

/** The snapshot of the cluster the document names; follows the cluster field (debounced). */
export function useClusterSnapshot(
  doc: JsonValue,
  initial: ClusterSnapshot | undefined,
  initialProblem: string | undefined,
  load: SnapshotLoader | undefined,
) {
  const cluster = targetCluster(doc);
  const [state, setState] = useState({
    snapshot: initial,
    problem: initialProblem,
    requested: cluster,
    loading: false,
  });
  useEffect(() => {
    if (!load || cluster === state.requested || matches(state.snapshot, cluster)) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      setState((s) => ({ ...s, loading: true, requested: cluster }));
      load(cluster)
        .then((result) => {
          if (cancelled) return;
          setState(
            result.ok
              ? {
                  snapshot: result.snapshot,
                  problem: undefined,
                  requested: cluster,
                  loading: false,
                }
              : {
                  snapshot: undefined,
                  problem: `No cluster snapshot for ${cluster || "the default cluster"}: ${result.error} Cluster-aware checks are skipped.`,
                  requested: cluster,
                  loading: false,
                },
          );
        })
        .catch((error: unknown) => {
          if (cancelled) return;
          setState({
            snapshot: undefined,
            problem: String(error),
            requested: cluster,
            loading: false,
          });
        });
    }, 600);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [cluster, load, state.requested, state.snapshot]);
  return state;
}
