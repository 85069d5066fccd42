/**
 * What Pooldeck knows about a pool's recent runs: each Prefect flow run joined with the ECS task
 * prefect-aws started for it (its `infrastructure_pid` is `<cluster>::<task ARN>`), and what went
 * wrong. Plain data, safe to hand to the browser once the caller has checked the session: lib/runs
 * reads it server-side, the runs pages and `pooldeck runs` display it.
 */
import type { Severity } from "@/lib/checks/types";
import type { DocumentKind, JsonPointer } from "@/lib/template/types";

/** How many runs a load reads unless told, and at most (Prefect's filter page is at most 200). */
export const DEFAULT_RUNS_LIMIT = 20;
export const MAX_RUNS_LIMIT = 200;

/** Prefect's state type of a flow run (SCHEDULED, PENDING, RUNNING, COMPLETED, FAILED, CRASHED, …). */
export type FlowRunStateType =
  | "SCHEDULED"
  | "PENDING"
  | "RUNNING"
  | "COMPLETED"
  | "FAILED"
  | "CANCELLED"
  | "CRASHED"
  | "PAUSED"
  | "CANCELLING";

export interface RunFlowRun {
  id: string;
  name: string;
  /** state type, e.g. "CRASHED" */
  stateType: FlowRunStateType;
  /** state name as Prefect shows it, e.g. "Late", "Crashed" */
  stateName: string;
  /** the state's message, e.g. the worker's "Failed to submit flow run to infrastructure" */
  stateMessage: string | null;
  deploymentId: string | null;
  deploymentName: string | null;
  flowName: string | null;
  /** ISO timestamps from Prefect */
  expectedStartTime: string | null;
  startTime: string | null;
  endTime: string | null;
  /** raw infrastructure_pid as Prefect stores it */
  infrastructurePid: string | null;
}

export interface RunContainer {
  name: string;
  lastStatus: string | null;
  exitCode: number | null;
  reason: string | null;
  /** the image reference the container ran (e.g. "…/flows:2026-12-01"); null where ECS gives none */
  image: string | null;
  /** the "sha256:…" digest ECS resolved the image to; null where ECS (or the emulator) gives none */
  imageDigest: string | null;
}

/** DescribeTasks' view of the task, as far as ECS (or the emulator) returns it. */
export interface RunTask {
  cluster: string;
  taskArn: string;
  lastStatus: string | null;
  desiredStatus: string | null;
  launchType: string | null;
  capacityProviderName: string | null;
  /** the instance type the task ran on, when it ran on a container instance */
  instanceType: string | null;
  /** the container instance it ran on (EC2 tasks); null on Fargate */
  containerInstanceArn: string | null;
  /** that instance's EC2 id, when DescribeContainerInstances told it */
  ec2InstanceId: string | null;
  stopCode: string | null;
  stoppedReason: string | null;
  containers: RunContainer[];
  /** "family:revision" of the task definition it ran */
  taskDefinition: string | null;
  cpu: string | null;
  memory: string | null;
  /** ISO timestamps; null where ECS (or the emulator) gives none */
  createdAt: string | null;
  pullStartedAt: string | null;
  pullStoppedAt: string | null;
  startedAt: string | null;
  stoppingAt: string | null;
  stoppedAt: string | null;
}

/**
 * The ECS side of a run:
 * - found: DescribeTasks returned the task;
 * - gone: ECS no longer returns it (stopped over an hour ago) — not an error;
 * - not-ecs: the run has no infrastructure_pid, or one that is not `<cluster>::<arn>` (shown raw);
 * - unavailable: the read failed; `message` names the reason (e.g. the missing IAM action).
 */
export type RunTaskLookup =
  | { kind: "found"; task: RunTask }
  | { kind: "gone"; cluster: string; taskArn: string }
  | { kind: "not-ecs"; raw: string | null }
  | { kind: "unavailable"; cluster: string; taskArn: string; message: string };

/** Where a diagnosis sends the user: the editor of the pool (or a deployment) at a JSON pointer. */
export interface DiagnosisTarget {
  document: DocumentKind;
  /** the deployment whose job_variables to change, when document is "job_variables" */
  deploymentId?: string;
  path: JsonPointer;
}

export interface RunDiagnosis {
  /** stable id from the diagnosis catalog, e.g. "run/image-pull-failed" */
  rule: string;
  severity: Severity;
  /** one line for the runs list */
  summary: string;
  /** what happened, why, and what to change */
  message: string;
  /** the check rule that would have caught it before the run, when one exists */
  checkRule?: string;
  target?: DiagnosisTarget;
}

export interface PoolRun {
  flowRun: RunFlowRun;
  task: RunTaskLookup;
  diagnoses: RunDiagnosis[];
}

export interface PoolWorker {
  name: string;
  /** ISO timestamp of the last heartbeat */
  lastHeartbeat: string | null;
  status: string | null;
  /** how often the worker said it heartbeats (PREFECT_WORKER_HEARTBEAT_SECONDS), when it said */
  heartbeatIntervalSeconds?: number | null;
}

export interface PoolRunsPage {
  pool: string;
  poolType: string;
  runs: PoolRun[];
  /** the pool's workers with their last heartbeat; null when Prefect could not list them */
  workers: PoolWorker[] | null;
  /** a sentence per section that could not be read (e.g. AccessDenied on ecs:DescribeTasks) */
  problems: { section: "tasks" | "workers"; message: string }[];
}

/** A run with its task, containers, log tail and every diagnosis. */
export interface RunDetail extends PoolRun {
  pool: string;
  /** the flow container's CloudWatch stream, when the task definition uses awslogs */
  logs:
    | {
        kind: "lines";
        group: string;
        stream: string;
        lines: { timestamp: string; message: string }[];
      }
    | { kind: "none"; reason: string }
    | { kind: "unavailable"; message: string };
}
