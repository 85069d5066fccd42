/**
 * How the runs pages word a run: durations from ECS's task timestamps, where the task ran, its
 * status, the URL filters and the editor link of a diagnosis. Pure, so the list, the detail and
 * their tests agree.
 */
import { utcTime } from "@/components/history/format";
import { DEFAULT_LATENCY_RUNS } from "@/lib/runs/latency";
import { formatDuration } from "@/lib/runs/timings";
import {
  MAX_RUNS_LIMIT,
  type DiagnosisTarget,
  type FlowRunStateType,
  type PoolRun,
  type RunTask,
  type RunTaskLookup,
} from "@/lib/runs/types";

export interface TaskDurations {
  /** created → image pull started */
  provisioning: string;
  /** image pull started → container started */
  pending: string;
  /** started → stopping (or now, while it runs) */
  running: string;
}

/** The three phases of a task; `now` ends the running phase of a task that has not stopped. */
export function taskDurations(task: RunTask, now: string): TaskDurations {
  const end = task.stoppingAt ?? task.stoppedAt ?? (task.lastStatus === "RUNNING" ? now : null);
  return {
    provisioning: formatDuration(task.createdAt, task.pullStartedAt),
    pending: formatDuration(task.pullStartedAt, task.startedAt),
    running: formatDuration(task.startedAt, end),
  };
}

/** "general-asg · m5.large", "FARGATE_SPOT", "EC2 · c5.xlarge"; "—" when ECS names neither. */
export function whereItRan(task: RunTask): string {
  const how = task.capacityProviderName ?? task.launchType;
  return [how, task.instanceType].filter(Boolean).join(" · ") || "—";
}

/** The task column: its status, or why there is none. */
export function taskStatus(lookup: RunTaskLookup): string {
  switch (lookup.kind) {
    case "found": {
      const { lastStatus, desiredStatus } = lookup.task;
      if (!lastStatus) return "unknown";
      return desiredStatus && desiredStatus !== lastStatus
        ? `${lastStatus} → ${desiredStatus}`
        : lastStatus;
    }
    case "gone":
      return "gone (ECS keeps stopped tasks about an hour)";
    case "not-ecs":
      return lookup.raw ? "not an ECS task" : "no task";
    case "unavailable":
      return "unavailable";
  }
}

export type BadgeTone = "neutral" | "info" | "success" | "warning" | "destructive";

/** The colour of a state badge. */
export function stateTone(state: FlowRunStateType): BadgeTone {
  switch (state) {
    case "COMPLETED":
      return "success";
    case "FAILED":
    case "CRASHED":
      return "destructive";
    case "RUNNING":
      return "info";
    case "PENDING":
    case "SCHEDULED":
    case "PAUSED":
    case "CANCELLING":
    case "CANCELLED":
      return "neutral";
  }
}

/** The runs page's filters, as the URL carries them (`?state=CRASHED&deployment=…&diagnosis=…`). */
export interface RunFilters {
  state?: string;
  deployment?: string;
  diagnosis?: string;
}

/** Reads the filters from Next's searchParams (a repeated parameter counts once, the first). */
export function parseRunFilters(params: Record<string, string | string[] | undefined>): RunFilters {
  const one = (key: string) => {
    const v = params[key];
    const s = Array.isArray(v) ? v[0] : v;
    return s ? s : undefined;
  };
  const out: RunFilters = {};
  const state = one("state");
  const deployment = one("deployment");
  const diagnosis = one("diagnosis");
  if (state) out.state = state;
  if (deployment) out.deployment = deployment;
  if (diagnosis) out.diagnosis = diagnosis;
  return out;
}

/** The runs that pass every filter set. */
export function filterRuns(runs: PoolRun[], filters: RunFilters): PoolRun[] {
  return runs.filter(
    (r) =>
      (!filters.state || r.flowRun.stateType === filters.state) &&
      (!filters.deployment || r.flowRun.deploymentName === filters.deployment) &&
      (!filters.diagnosis || r.diagnoses.some((d) => d.rule === filters.diagnosis)),
  );
}

/** How many runs the start-latency figures cover: `?latency=N`, 1–200, default 20. */
export function parseLatencyWindow(params: Record<string, string | string[] | undefined>): {
  n: number;
  /** a sentence when the N typed could not be used as typed */
  note?: string;
} {
  const v = params.latency;
  const raw = (Array.isArray(v) ? v[0] : v)?.trim();
  if (!raw) return { n: DEFAULT_LATENCY_RUNS };
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    return {
      n: DEFAULT_LATENCY_RUNS,
      note: `"${raw}" is not a number of runs (a whole number from 1 to ${MAX_RUNS_LIMIT}); showing the last ${DEFAULT_LATENCY_RUNS}.`,
    };
  }
  if (n > MAX_RUNS_LIMIT) {
    return {
      n: MAX_RUNS_LIMIT,
      note: `The figures cover at most the last ${MAX_RUNS_LIMIT} runs (Prefect returns at most ${MAX_RUNS_LIMIT} at once); showing ${MAX_RUNS_LIMIT}, not ${n}.`,
    };
  }
  return { n };
}

/** The pool editor at a diagnosis's pointer, or the deployment's job_variables editor there. */
export function editorHref(pool: string, target: DiagnosisTarget): string {
  const params = new URLSearchParams();
  if (target.document === "job_variables" && target.deploymentId) {
    params.set("deployment", target.deploymentId);
  }
  params.set("at", target.path);
  return `/pools/${encodeURIComponent(pool)}?${params.toString()}`;
}

/** A Prefect or ECS timestamp as "2026-12-06 05:19:14 UTC"; "—" when absent. */
export function formatTime(iso: string | null): string {
  return iso ? utcTime(iso) : "—";
}
