import { Td, Th } from "@/components/ui/table";
import { measuredStart } from "@/lib/runs/latency";
import { loadPoolRuns } from "@/lib/runs/load";
import { formatLatency } from "@/lib/runs/timings";
import type { PoolRun } from "@/lib/runs/types";
import { modeOfPoolType } from "@/lib/template/pool-type";
import type { PoolKind } from "@/lib/template/pool-type";

/** At most this many pools are read, 20 runs each. */
const POOLS_READ = 10;
const RUNS_PER_POOL = 20;

const TOPIC = "Measured start latency";

/** The row while the pools' runs are read. */
export function MeasuredLatencyFallback() {
  return (
    <tr>
      <Th scope="row" className="align-top text-foreground">
        {TOPIC}
      </Th>
      <Td colSpan={2} className="text-xs text-muted-foreground">
        Reading the recent runs of this server&apos;s ECS pools…
      </Td>
    </tr>
  );
}

function cell(pools: string[], runs: PoolRun[]) {
  if (pools.length === 0) return "No pool of this kind.";
  if (runs.length === 0) return `No runs yet in ${pools.join(", ")}.`;
  const m = measuredStart(runs);
  if (m.total.count === 0 && m.submission.count === 0) {
    return `No measured start yet: none of the last ${m.runs} runs of ${pools.join(", ")} has ECS task timestamps.`;
  }
  return (
    <>
      Scheduled start → container started: median {formatLatency(m.total.median)}, p95{" "}
      {formatLatency(m.total.p95)} ({m.total.count} runs). Scheduled start → RunTask: median{" "}
      {formatLatency(m.submission.median)}, p95 {formatLatency(m.submission.p95)} (
      {m.submission.count} runs). From the last {RUNS_PER_POOL} runs of {pools.join(", ")}.
    </>
  );
}

/**
 * The push-vs-hybrid table's measured row: the start latency of this server's ECS pools' recent
 * runs, push pools in one column and hybrid pools in the other. A pool whose runs cannot be read
 * is left out of its column.
 */
export async function MeasuredLatencyRow({ pools }: { pools: { name: string; type: string }[] }) {
  const read = pools.slice(0, POOLS_READ);
  const pages = await Promise.allSettled(
    read.map((p) => loadPoolRuns(p.name, { limit: RUNS_PER_POOL })),
  );
  const byMode: Record<PoolKind, { pools: string[]; runs: PoolRun[] }> = {
    push: { pools: [], runs: [] },
    hybrid: { pools: [], runs: [] },
  };
  pages.forEach((page, i) => {
    if (page.status !== "fulfilled") return;
    const mode = byMode[modeOfPoolType(read[i]!.type)];
    mode.pools.push(read[i]!.name);
    mode.runs.push(...page.value.runs);
  });
  return (
    <tr>
      <Th scope="row" className="align-top text-foreground">
        {TOPIC}
      </Th>
      <Td className="text-xs leading-relaxed">{cell(byMode.push.pools, byMode.push.runs)}</Td>
      <Td className="text-xs leading-relaxed">{cell(byMode.hybrid.pools, byMode.hybrid.runs)}</Td>
    </tr>
  );
}
