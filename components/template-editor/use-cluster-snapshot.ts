"use client";

import { useEffect, useRef, useState } from "react";
import type { ActionResult } from "@/lib/outcome/types";
import type { ClusterData } from "@/lib/snapshot/cluster-data";
import type { ClusterSnapshot } from "@/lib/snapshot/schema";
import type { SnapshotState as PresetSnapshotState } from "@/lib/template/editing/presets";
import { NO_CLUSTER_NAMED } from "@/lib/template/target-cluster";

/** Reads another cluster's snapshot on the server (a server action); errors come back as text. */
export type SnapshotLoader = (cluster: string) => Promise<ActionResult<ClusterSnapshot>>;

export type { ClusterData } from "@/lib/snapshot/cluster-data";

interface SnapshotState {
  snapshot: ClusterSnapshot | undefined;
  problem: string | undefined;
  /** the bare reason behind `problem` */
  error: string | undefined;
  loading: boolean;
  clusters: string[] | undefined;
  /** the cluster `snapshot`/`problem`/`loading` are about (null: the template names none) */
  cluster: string | null | undefined;
}

/**
 * What the editor knows about the document's cluster, as presets need it: a read that is under
 * way, or about to start because the user just picked the cluster, counts as loading. `cluster`
 * is the one the checks' plan targets (null: the template names none; undefined: not known in
 * the browser yet, so the server's choice in `state.cluster` stands).
 */
export function presetSnapshotState(
  cluster: string | null | undefined,
  state: Pick<SnapshotState, "snapshot" | "problem" | "error" | "loading" | "cluster">,
  canLoad: boolean,
): PresetSnapshotState {
  const target = cluster === undefined ? state.cluster : cluster;
  if (target === undefined) {
    return state.loading
      ? { kind: "loading", cluster: "the template's cluster" }
      : { kind: "none" };
  }
  if (target === null) return { kind: "none" };
  if (state.cluster !== target) {
    return canLoad ? { kind: "loading", cluster: target } : { kind: "none" };
  }
  if (state.loading) return { kind: "loading", cluster: target };
  if (state.snapshot) return { kind: "loaded", snapshot: state.snapshot };
  return { kind: "failed", cluster: target, error: state.error ?? state.problem ?? "no answer" };
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
          error: ready.snapshotError,
          loading: false,
          clusters: ready.clusters,
          cluster: ready.cluster,
        }
      : {
          snapshot: undefined,
          problem: undefined,
          error: undefined,
          loading: true,
          clusters: undefined,
          cluster: undefined,
        },
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
                error: data.snapshotError,
                loading: false,
                clusters: data.clusters,
                cluster: data.cluster,
              }
            : { ...s, clusters: data.clusters },
        );
      })
      .catch((error: unknown) => {
        if (!cancelled)
          setState((s) => ({ ...s, problem: String(error), error: String(error), loading: false }));
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
        setState((s) => ({
          ...s,
          snapshot: undefined,
          problem: NO_CLUSTER_NAMED,
          error: undefined,
          loading: false,
          cluster,
        }));
        return;
      }
      setState((s) => ({ ...s, loading: true, cluster }));
      load(cluster)
        .then((result) => {
          if (cancelled) return;
          setState((s: SnapshotState): SnapshotState =>
            result.ok
              ? {
                  ...s,
                  snapshot: result.data,
                  problem: undefined,
                  error: undefined,
                  loading: false,
                  cluster,
                }
              : {
                  ...s,
                  snapshot: undefined,
                  problem: `No cluster snapshot for ${cluster}: ${result.error} Cluster-aware checks are skipped.`,
                  error: result.error,
                  loading: false,
                  cluster,
                },
          );
        })
        .catch((error: unknown) => {
          if (!cancelled)
            setState((s) => ({
              ...s,
              snapshot: undefined,
              problem: String(error),
              error: String(error),
              loading: false,
              cluster,
            }));
        });
    }, 600);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [cluster, load]);
  return { ...state, presetState: presetSnapshotState(cluster, state, Boolean(load)) };
}
