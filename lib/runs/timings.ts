/**
 * Start latency of a run, phase by phase, from the flow run's scheduled start and DescribeTasks'
 * task timestamps: how long the worker (or Prefect, for a push pool) took to call RunTask, how
 * long ECS provisioned, pulled the image and started the container. Pure and isomorphic: the runs
 * page, its chart and `pooldeck runs --format json` all read these figures.
 *
 * Nothing is inferred from an absent field: a phase whose start or end timestamp ECS did not
 * return (the task is still provisioning, or ECS no longer returns it) has no duration and names
 * the timestamps it lacks.
 */
import type { PoolRun, RunTask } from "./types";

export type PhaseId = "submission" | "provisioning" | "pull" | "containerStart";

/** The timestamps the phases run between: the flow run's scheduled start, then the task's own. */
export type TimingField =
  "expectedStartTime" | "createdAt" | "pullStartedAt" | "pullStoppedAt" | "startedAt";

export interface PhaseInfo {
  id: PhaseId;
  label: string;
  from: TimingField;
  to: TimingField;
}

/** The phases in the order they happen. */
export const PHASES: readonly PhaseInfo[] = [
  {
    id: "submission",
    label: "Scheduled start → RunTask",
    from: "expectedStartTime",
    to: "createdAt",
  },
  { id: "provisioning", label: "Provisioning", from: "createdAt", to: "pullStartedAt" },
  { id: "pull", label: "Image pull", from: "pullStartedAt", to: "pullStoppedAt" },
  { id: "containerStart", label: "Container start", from: "pullStoppedAt", to: "startedAt" },
];

/** An image pull shorter than this on EC2 found the layers on the instance: a cache hit. */
export const CACHE_HIT_MS = 1000;

export interface RunPlacement {
  capacityProvider: string | null;
  launchType: string | null;
  instanceType: string | null;
  containerInstanceArn: string | null;
  ec2InstanceId: string | null;
}

export interface RunTimings {
  flowRunId: string;
  flowRunName: string;
  deployment: string | null;
  /** milliseconds per phase; null where a timestamp is missing */
  phases: Record<PhaseId, number | null>;
  /** the phases without a duration and the timestamps each lacks, in phase order */
  missing: { phase: PhaseId; fields: TimingField[] }[];
  /** scheduled start → container started; null unless both are known */
  totalMs: number | null;
  /** null when the run has no task ECS returned */
  placement: RunPlacement | null;
  /** "FARGATE_SPOT", "general-asg", "EC2": what the per-provider figures group by */
  group: string | null;
  /** EC2 only: the pull took under a second (true) or longer (false); null when not known or Fargate */
  cacheHit: boolean | null;
  /** the image reference and digest of the task's first container that names them */
  image: string | null;
  imageDigest: string | null;
  /**
   * an earlier task among the same runs ran the same image digest on the same container
   * instance; null when the instance or the digest is unknown
   */
  sameImageOnInstanceBefore: boolean | null;
}

function between(from: string | null, to: string | null): number | null {
  if (!from || !to) return null;
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) ? ms : null;
}

/** A task's provider when the provider placed it, else its launch type (FARGATE, EC2). */
export function placementGroup(task: RunTask): string | null {
  return task.capacityProviderName ?? task.launchType;
}

function imageOf(task: RunTask): { image: string | null; imageDigest: string | null } {
  const c = task.containers.find((x) => x.imageDigest) ?? task.containers.find((x) => x.image);
  return { image: c?.image ?? null, imageDigest: c?.imageDigest ?? null };
}

/** One run's phases, placement and cache hit, without looking at the other runs. */
export function runTimings(run: PoolRun): RunTimings {
  const task = run.task.kind === "found" ? run.task.task : null;
  const at: Record<TimingField, string | null> = {
    expectedStartTime: run.flowRun.expectedStartTime,
    createdAt: task?.createdAt ?? null,
    pullStartedAt: task?.pullStartedAt ?? null,
    pullStoppedAt: task?.pullStoppedAt ?? null,
    startedAt: task?.startedAt ?? null,
  };
  const phases = {} as Record<PhaseId, number | null>;
  const missing: RunTimings["missing"] = [];
  for (const p of PHASES) {
    phases[p.id] = between(at[p.from], at[p.to]);
    if (phases[p.id] === null) {
      missing.push({ phase: p.id, fields: [p.from, p.to].filter((f) => !at[f]) });
    }
  }
  const ec2 = task?.launchType === "EC2";
  const pull = phases.pull;
  return {
    flowRunId: run.flowRun.id,
    flowRunName: run.flowRun.name,
    deployment: run.flowRun.deploymentName,
    phases,
    missing,
    totalMs: between(at.expectedStartTime, at.startedAt),
    placement: task
      ? {
          capacityProvider: task.capacityProviderName,
          launchType: task.launchType,
          instanceType: task.instanceType,
          containerInstanceArn: task.containerInstanceArn,
          ec2InstanceId: task.ec2InstanceId,
        }
      : null,
    group: task ? placementGroup(task) : null,
    cacheHit: ec2 && pull !== null ? pull < CACHE_HIT_MS : null,
    ...(task ? imageOf(task) : { image: null, imageDigest: null }),
    sameImageOnInstanceBefore: null,
  };
}

/**
 * Every run's timings, with `sameImageOnInstanceBefore` answered across them: runs are taken in
 * the order their tasks were created, and a run ran its image on its instance before when an
 * earlier task there had the same digest. The result is in the order of `runs`.
 */
export function timingsOf(runs: readonly PoolRun[]): RunTimings[] {
  const out = runs.map(runTimings);
  const created = runs.map((r) => (r.task.kind === "found" ? r.task.task.createdAt : null));
  const order = out
    .map((t, i) => ({ t, ms: created[i] ? Date.parse(created[i]!) : Number.NaN }))
    .filter(
      ({ t, ms }) => t.placement?.containerInstanceArn && t.imageDigest && Number.isFinite(ms),
    )
    .sort((a, b) => a.ms - b.ms);
  const seen = new Set<string>();
  for (const { t } of order) {
    const key = `${t.placement!.containerInstanceArn}\n${t.imageDigest}`;
    t.sameImageOnInstanceBefore = seen.has(key);
    seen.add(key);
  }
  return out;
}

/** A phase as the page words it: "850 ms", "4.2 s", "3 min 5 s"; negative ("−2.0 s") when the task came before the scheduled start. */
export function formatLatency(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return "—";
  const sign = ms < 0 ? "−" : "";
  const abs = Math.abs(Math.round(ms));
  if (abs < 1000) return `${sign}${abs} ms`;
  if (abs < 60_000) return `${sign}${(abs / 1000).toFixed(1)} s`;
  const s = Math.round(abs / 1000);
  return `${sign}${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ""}`;
}

/**
 * The time between two ISO timestamps, to the second (a run's phases, a heartbeat's age): "—" where
 * a timestamp is missing; otherwise "850 ms", "42 s", "3 min 5 s", "2 h 4 min".
 */
export function formatDuration(from: string | null, to: string | null): string {
  if (!from || !to) return "—";
  const ms = Date.parse(to) - Date.parse(from);
  if (!Number.isFinite(ms) || ms < 0) return "—";
  if (ms < 1000) return `${ms} ms`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
}
