"use client";

import { useEffect, useRef, useState } from "react";
import type { ClusterSnapshot } from "@/lib/snapshot/schema";
import type { JsonValue } from "@/lib/template/types";
import { targetCluster } from "@/lib/template/editing/form-model";

/** Reads another cluster's snapshot on the server (a server action); errors come back as text. */
export type SnapshotLoader = (
  cluster: string,
) => Promise<{ ok: true; snapshot: ClusterSnapshot } | { ok: false; error: string }>;

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
    loading: false,
  });
  // the cluster whose snapshot we hold or are reading; a ref so that starting a read does not cancel it
  const requested = useRef(initial ? cluster : undefined);
  useEffect(() => {
    if (!load || cluster === requested.current) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      requested.current = cluster;
      setState((s) => ({ ...s, loading: true }));
      load(cluster)
        .then((result) => {
          if (cancelled) return;
          setState(
            result.ok
              ? { snapshot: result.snapshot, problem: undefined, loading: false }
              : {
                  snapshot: undefined,
                  problem: `No cluster snapshot for ${cluster || "the default cluster"}: ${result.error} Cluster-aware checks are skipped.`,
                  loading: false,
                },
          );
        })
        .catch((error: unknown) => {
          if (!cancelled) setState({ snapshot: undefined, problem: String(error), loading: false });
        });
    }, 600);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [cluster, load]);
  return state;
}
