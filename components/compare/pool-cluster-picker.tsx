"use client";

import { adoptEarlyInput } from "@/components/ui/early-input";
import { Label, NativeSelect } from "@/components/ui/input";
import { useSearchParam } from "@/components/ui/use-search-param";

export interface PoolClusterPickerProps {
  pools: { name: string; type: string }[];
  clusters: string[];
  pool: string;
  cluster: string;
}

/** Pool and cluster selects; the choice lives in the URL (?pool=&cluster=) so it can be shared and reloaded. */
export function PoolClusterPicker({ pools, clusters, pool, cluster }: PoolClusterPickerProps) {
  const [pending, choose] = useSearchParam();
  return (
    // a pool or cluster picked before the page hydrated is followed once it has
    <div ref={adoptEarlyInput} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
      <div className="grid gap-1">
        <Label htmlFor="compare-pool">Pool</Label>
        <NativeSelect
          id="compare-pool"
          value={pool}
          onChange={(e) => choose("pool", e.target.value)}
        >
          <option value="">Choose a pool…</option>
          {pools.map((p) => (
            <option key={p.name} value={p.name}>
              {p.name} ({p.type})
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1">
        <Label htmlFor="compare-cluster">Cluster</Label>
        <NativeSelect
          id="compare-cluster"
          value={cluster}
          onChange={(e) => choose("cluster", e.target.value)}
        >
          <option value="">No cluster (skip cluster-aware checks)</option>
          {/* a cluster from the URL that the region does not list stays selectable */}
          {[...new Set(cluster ? [...clusters, cluster] : clusters)].map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </NativeSelect>
      </div>
      <p role="status" className="h-5 text-xs text-muted-foreground">
        {pending ? "Loading…" : ""}
      </p>
    </div>
  );
}
