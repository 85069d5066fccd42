import { startLatency } from "@/lib/runs/latency";
import { latencyAdvice } from "@/lib/runs/latency-advice";
import { readPlacementSnapshots } from "@/lib/runs/load";
import type { PoolRunsPage } from "@/lib/runs/types";
import type { RunFilters } from "./run-format";
import { StartLatencySection } from "./start-latency";

/**
 * Shown while the clusters behind the advice are read; not a live region (it streams with the page,
 * whose loading the browser itself tells a screen reader).
 */
export function StartLatencyFallback() {
  return (
    <p className="mt-8 text-sm text-muted-foreground">
      Reading the start latency of the pool&apos;s runs…
    </p>
  );
}

/**
 * The start-latency section of runs already loaded: the figures are pure; the snapshots of the
 * clusters whose Auto Scaling providers placed tasks are read here, in their own Suspense
 * boundary, so the runs list never waits for them.
 */
export async function StartLatencyLoaded({
  action,
  page,
  filters,
  window,
}: {
  action: string;
  page: PoolRunsPage;
  filters: RunFilters;
  window: { n: number; note?: string };
}) {
  const runs = page.runs.slice(0, window.n);
  const latency = startLatency(runs, window.n);
  const snapshots = await readPlacementSnapshots(runs);
  return (
    <StartLatencySection
      action={action}
      latency={latency}
      advice={latencyAdvice(latency, page.poolType, snapshots)}
      filters={filters}
      {...(window.note ? { note: window.note } : {})}
    />
  );
}
