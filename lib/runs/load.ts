import "server-only";

import { serverEcsContext, type EcsContext } from "@/lib/ecs/context";
import { readSnapshot } from "@/lib/ecs/read-snapshot";
import {
  DISPLAY_READ_TTL_MS,
  displayRead,
  getPrefectClient,
  type PrefectClient,
} from "@/lib/prefect/client";
import { readDeploymentsByIds, readFlowNames } from "@/lib/prefect/deployments";
import { PrefectError } from "@/lib/prefect/errors";
import {
  listFlowRunsForPool,
  listWorkersForPool,
  readFlowRun,
  type FlowRun,
} from "@/lib/prefect/flow-runs";
import type { Deployment, WorkPool } from "@/lib/prefect/types";
import { readWorkPool } from "@/lib/prefect/work-pools";
import type { ClusterSnapshot } from "@/lib/snapshot/schema";
import type { JsonValue } from "@/lib/template/types";

import { diagnose, flowContainerName, type DiagnosisContext } from "./diagnoses";
import { readLogTail, serverLogsClient, type LogsClientFactory } from "./logs";
import { lookupFor, lookupTasks, parseInfrastructurePid } from "./tasks";
import {
  DEFAULT_RUNS_LIMIT,
  MAX_RUNS_LIMIT,
  type FlowRunStateType,
  type PoolRun,
  type PoolRunsPage,
  type PoolWorker,
  type RunDetail,
  type RunFlowRun,
} from "./types";
import { errorMessage } from "@/lib/template/error-message";

/** The server's clients by default; tests and the CLI hand in their own. */
export interface LoadOptions {
  limit?: number;
  prefect?: PrefectClient;
  ecs?: EcsContext;
  logs?: LogsClientFactory;
  now?: Date;
  /** the pool as the caller has just read it (the pool page), so it is not read again */
  workPool?: WorkPool;
}

/**
 * The runs' Prefect reads are for display only: concurrent page views share them and a repeat
 * within DISPLAY_READ_TTL_MS.runs (5 s) costs no request, so their rate stays bounded whatever the
 * number of users. Keys name the client's reads; the sets of ids are sorted into the key.
 */
function runsRead<T>(prefect: PrefectClient, key: string, load: () => Promise<T>): Promise<T> {
  return displayRead(prefect, `runs:${key}`, DISPLAY_READ_TTL_MS.runs, load);
}

const idsKey = (ids: string[]) => [...new Set(ids)].sort().join(",");

function toRunFlowRun(
  run: FlowRun,
  deployments: Map<string, Deployment>,
  flows: Record<string, string>,
): RunFlowRun {
  const deployment = run.deployment_id ? deployments.get(run.deployment_id) : undefined;
  return {
    id: run.id,
    name: run.name ?? "",
    stateType: (run.state_type ?? run.state?.type ?? "SCHEDULED") as FlowRunStateType,
    stateName: run.state_name ?? run.state?.name ?? "",
    stateMessage: run.state?.message ?? null,
    deploymentId: run.deployment_id ?? null,
    deploymentName: deployment?.name ?? null,
    flowName: flows[run.flow_id] ?? null,
    expectedStartTime: run.expected_start_time ?? null,
    startTime: run.start_time ?? null,
    endTime: run.end_time ?? null,
    infrastructurePid: run.infrastructure_pid ?? null,
  };
}

function toWorker(w: {
  name: string;
  last_heartbeat_time?: string | null;
  status?: string | null;
  heartbeat_interval_seconds?: number | null;
}): PoolWorker {
  return {
    name: w.name,
    lastHeartbeat: w.last_heartbeat_time ?? null,
    status: w.status ?? null,
    heartbeatIntervalSeconds: w.heartbeat_interval_seconds ?? null,
  };
}

async function deploymentsAndFlows(prefect: PrefectClient, runs: FlowRun[]) {
  const ids = runs.map((r) => r.deployment_id).filter((id): id is string => !!id);
  const flowIds = runs.map((r) => r.flow_id);
  const [deployments, flows] = await Promise.all([
    runsRead(prefect, `deployments:${idsKey(ids)}`, () => readDeploymentsByIds(prefect, ids)),
    runsRead(prefect, `flows:${idsKey(flowIds)}`, () => readFlowNames(prefect, flowIds)),
  ]);
  return { deployments: new Map(deployments.map((d) => [d.id, d])), flows };
}

async function workersOf(prefect: PrefectClient, pool: string) {
  try {
    const workers = await runsRead(prefect, `workers:${pool}`, () =>
      listWorkersForPool(prefect, pool),
    );
    return { workers: workers.map(toWorker), problem: null };
  } catch (err) {
    return { workers: null, problem: errorMessage(err) };
  }
}

/** What the diagnoses know besides the run: the pool type, its workers, the deployment's job_variables. */
function diagnosisContext(
  poolType: string,
  flowRun: RunFlowRun,
  deployments: Map<string, Deployment>,
  workers: PoolWorker[] | null,
  now: Date,
): DiagnosisContext {
  const deployment = flowRun.deploymentId ? deployments.get(flowRun.deploymentId) : undefined;
  return {
    poolType,
    now,
    workers,
    ...(deployment?.job_variables ? { jobVariables: deployment.job_variables as JsonValue } : {}),
  };
}

function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_RUNS_LIMIT;
  return Math.max(1, Math.min(MAX_RUNS_LIMIT, Math.floor(limit)));
}

/**
 * The newest runs of work pool `pool` (default 20, at most 200), each joined with its ECS task and
 * diagnosed. An unknown pool throws Prefect's "not-found" PrefectError; Prefect being down throws
 * its "unreachable" one. A failed ECS or workers read is a sentence in `problems`; the rest loads.
 */
export async function loadPoolRuns(pool: string, opts: LoadOptions = {}): Promise<PoolRunsPage> {
  const prefect = opts.prefect ?? getPrefectClient();
  const ecs = opts.ecs ?? serverEcsContext();
  const now = opts.now ?? new Date();
  const workPool =
    opts.workPool?.name === pool
      ? opts.workPool
      : await readWorkPool(prefect, pool, { display: true });
  const limit = clampLimit(opts.limit);
  const [runs, workers] = await Promise.all([
    runsRead(prefect, `flow_runs:${pool}:${limit}`, () =>
      listFlowRunsForPool(prefect, pool, limit),
    ),
    workersOf(prefect, pool),
  ]);
  const [{ deployments, flows }, lookups] = await Promise.all([
    deploymentsAndFlows(prefect, runs),
    lookupTasks(
      ecs,
      runs.map((r) => r.infrastructure_pid ?? null),
    ),
  ]);
  const template = workPool.base_job_template as JsonValue;
  const out: PoolRun[] = runs.map((run) => {
    const flowRun = toRunFlowRun(run, deployments, flows);
    const task = lookupFor(lookups, flowRun.infrastructurePid);
    const ctx = diagnosisContext(workPool.type, flowRun, deployments, workers.workers, now);
    return { flowRun, task, diagnoses: diagnose(flowRun, task, template, ctx) };
  });
  return {
    pool: workPool.name,
    poolType: workPool.type,
    runs: out,
    workers: workers.workers,
    problems: [
      ...lookups.problems.map((message) => ({ section: "tasks" as const, message })),
      ...(workers.problem ? [{ section: "workers" as const, message: workers.problem }] : []),
    ],
  };
}

/** At most this many clusters' snapshots are read for the start-latency advice. */
const ADVICE_CLUSTERS = 3;

/**
 * The snapshots of the clusters where some of `runs`' tasks ran on EC2 capacity (placed by an
 * Auto Scaling group provider, or on a container instance), for the start-latency advice on
 * those groups. A cluster AWS will not describe is left out: the
 * advice it would support is simply not given.
 */
export async function readPlacementSnapshots(
  runs: PoolRun[],
  opts: Pick<LoadOptions, "ecs"> = {},
): Promise<ClusterSnapshot[]> {
  const ecs = opts.ecs ?? serverEcsContext();
  const clusters = new Map<string, { region: string; cluster: string }>();
  for (const { task, flowRun } of runs) {
    if (task.kind !== "found") continue;
    const { capacityProviderName: provider, containerInstanceArn } = task.task;
    const onEc2 = containerInstanceArn || (provider && !provider.startsWith("FARGATE"));
    const ref = parseInfrastructurePid(flowRun.infrastructurePid);
    if (!onEc2 || !ref) continue;
    clusters.set(`${ref.region}\n${ref.cluster}`, { region: ref.region, cluster: ref.cluster });
  }
  const reads = await Promise.all(
    [...clusters.values()].slice(0, ADVICE_CLUSTERS).map((c) => readSnapshot(c, { ctx: ecs })),
  );
  return reads.flatMap((r) => ("snapshot" in r ? [r.snapshot] : []));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Rules whose message gets sharper with the cluster's snapshot (instances, their sizes). */
const WANTS_SNAPSHOT = new Set(["run/no-capacity", "run/stuck-provisioning"]);

/**
 * One run of `pool` with its task, containers, log tail and every diagnosis. A run of another pool
 * is "not found" like a missing one, so a URL cannot show runs outside the pool it names.
 */
export async function loadRunDetail(
  pool: string,
  flowRunId: string,
  opts: Omit<LoadOptions, "limit"> = {},
): Promise<RunDetail> {
  const prefect = opts.prefect ?? getPrefectClient();
  const ecs = opts.ecs ?? serverEcsContext();
  const now = opts.now ?? new Date();
  const notFound = (why: string) =>
    new PrefectError({
      status: 404,
      kind: "not-found",
      message: `Could not read flow run ${JSON.stringify(flowRunId)}: ${why} (404)`,
    });
  // Prefect answers 422 for an id that is not a UUID; for a URL that is simply "no such run"
  if (!UUID.test(flowRunId)) throw notFound("no flow run has this id");
  const [workPool, run, workers] = await Promise.all([
    readWorkPool(prefect, pool, { display: true }),
    readFlowRun(prefect, flowRunId),
    workersOf(prefect, pool),
  ]);
  if (run.work_pool_name !== workPool.name) {
    throw notFound(`it is not a run of work pool ${JSON.stringify(pool)}`);
  }
  const [{ deployments, flows }, lookups] = await Promise.all([
    deploymentsAndFlows(prefect, [run]),
    lookupTasks(ecs, [run.infrastructure_pid ?? null]),
  ]);
  const flowRun = toRunFlowRun(run, deployments, flows);
  const task = lookupFor(lookups, flowRun.infrastructurePid);
  const template = workPool.base_job_template as JsonValue;
  const ctx = diagnosisContext(workPool.type, flowRun, deployments, workers.workers, now);
  let diagnoses = diagnose(flowRun, task, template, ctx);
  const ref = parseInfrastructurePid(flowRun.infrastructurePid);
  let logs: RunDetail["logs"];
  if (task.kind === "found" && ref) {
    const wantsSnapshot = diagnoses.some((d) => WANTS_SNAPSHOT.has(d.rule));
    const [tail, snapshot] = await Promise.all([
      readLogTail(
        ecs,
        opts.logs ?? serverLogsClient,
        ref.region,
        task.task,
        flowContainerName(task.task, template),
      ),
      wantsSnapshot
        ? readSnapshot({ region: ref.region, cluster: ref.cluster }, { ctx: ecs })
        : Promise.resolve(null),
    ]);
    logs = tail;
    // without a snapshot (AWS said no) the capacity diagnoses keep their snapshot-free wording
    if (snapshot && "snapshot" in snapshot)
      diagnoses = diagnose(flowRun, task, template, { ...ctx, snapshot: snapshot.snapshot });
  } else {
    logs = {
      kind: "none",
      reason:
        task.kind === "gone"
          ? "ECS no longer returns the task, so its log stream cannot be named."
          : task.kind === "unavailable"
            ? task.message
            : "The run has no ECS task.",
    };
  }
  return { pool: workPool.name, flowRun, task, diagnoses, logs };
}
