/**
 * Start latency over a pool's last N runs: median and p95 of each phase and the cache-hit rate,
 * per deployment and where it ran (capacity provider, or launch type when no provider placed the
 * task), and per capacity provider over all deployments. Pure: it reads the runs lib/runs/load.ts
 * loaded and the timings of lib/runs/timings.ts.
 */
import { PHASES, timingsOf, type PhaseId, type RunTimings } from "./timings";
import type { PoolRun } from "./types";

/** How many of the newest runs the figures cover unless the user chooses. */
export const DEFAULT_LATENCY_RUNS = 20;

export interface Spread {
  /** runs that had this figure */
  count: number;
  /** milliseconds; null when no run had the figure */
  median: number | null;
  p95: number | null;
}

export interface LatencyGroup {
  /** the deployment's name; null for the per-provider rows over all deployments */
  deployment: string | null;
  /** capacity provider or launch type, e.g. "FARGATE", "general-asg", "EC2" */
  where: string;
  /** EC2 when every task of the group ran with launch type EC2, FARGATE likewise (or the Fargate providers); else null */
  launchType: "EC2" | "FARGATE" | null;
  runs: number;
  phases: Record<PhaseId, Spread>;
  total: Spread;
  /** EC2 runs whose pull time is known, and how many of those pulled under a second */
  cacheKnown: number;
  cacheHits: number;
}

export interface StartLatency {
  /** the N asked for, and how many runs there were to cover */
  window: number;
  runs: RunTimings[];
  /** runs without a task ECS returned: they count in no group */
  withoutTask: number;
  byDeployment: { deployment: string | null; groups: LatencyGroup[] }[];
  byProvider: LatencyGroup[];
}

/** The value at percentile `p` (0–100) of sorted values, by nearest rank; null for none. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

/** Count, median (mean of the middle two for an even count) and p95 of the known values. */
export function spread(values: readonly (number | null)[]): Spread {
  const known = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  const n = known.length;
  if (n === 0) return { count: 0, median: null, p95: null };
  const mid = n >> 1;
  const median = n % 2 ? known[mid]! : (known[mid - 1]! + known[mid]!) / 2;
  return { count: n, median, p95: percentile(known, 95) };
}

function launchTypeOf(where: string, runs: RunTimings[]): LatencyGroup["launchType"] {
  // FARGATE and FARGATE_SPOT place only Fargate tasks (the emulator leaves their launchType empty)
  if (where === "FARGATE" || where === "FARGATE_SPOT") return "FARGATE";
  const types = new Set(runs.map((r) => r.placement?.launchType ?? null));
  if (types.size !== 1) return null;
  const [only] = types;
  return only === "EC2" || only === "FARGATE" ? only : null;
}

/** The figures of one group of runs. */
export function latencyGroup(
  deployment: string | null,
  where: string,
  runs: RunTimings[],
): LatencyGroup {
  const phases = {} as Record<PhaseId, Spread>;
  for (const p of PHASES) phases[p.id] = spread(runs.map((r) => r.phases[p.id]));
  const cache = runs.filter((r) => r.cacheHit !== null);
  return {
    deployment,
    where,
    launchType: launchTypeOf(where, runs),
    runs: runs.length,
    phases,
    total: spread(runs.map((r) => r.totalMs)),
    cacheKnown: cache.length,
    cacheHits: cache.filter((r) => r.cacheHit).length,
  };
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}

/** Groups ordered by name, so EC2 and Fargate of one deployment sit side by side, always in one order. */
const byWhere = (a: LatencyGroup, b: LatencyGroup) => a.where.localeCompare(b.where);

/**
 * The figures over the newest `window` of `runs` (newest first, as the runs page loads them).
 * A run counts in a group once ECS returned its task; each figure counts the runs that had it.
 */
export function startLatency(
  runs: readonly PoolRun[],
  window = DEFAULT_LATENCY_RUNS,
): StartLatency {
  const timings = timingsOf(runs.slice(0, Math.max(1, window)));
  const placed = timings.filter((t) => t.group !== null);
  const byDeployment = [...groupBy(placed, (t) => t.deployment ?? "").entries()]
    .map(([deployment, runsOf]) => ({
      deployment: deployment || null,
      groups: [...groupBy(runsOf, (t) => t.group!).entries()]
        .map(([where, rs]) => latencyGroup(deployment || null, where, rs))
        .sort(byWhere),
    }))
    .sort((a, b) => (a.deployment ?? "").localeCompare(b.deployment ?? ""));
  const byProvider = [...groupBy(placed, (t) => t.group!).entries()]
    .map(([where, rs]) => latencyGroup(null, where, rs))
    .sort(byWhere);
  return {
    window,
    runs: timings,
    withoutTask: timings.length - placed.length,
    byDeployment,
    byProvider,
  };
}

/** Scheduled start → RunTask and scheduled start → container started over runs of any pools. */
export function measuredStart(runs: readonly PoolRun[]): {
  runs: number;
  submission: Spread;
  total: Spread;
} {
  const timings = timingsOf(runs);
  return {
    runs: runs.length,
    submission: spread(timings.map((t) => t.phases.submission)),
    total: spread(timings.map((t) => t.totalMs)),
  };
}
