/**
 * Replaced by the runs data module at merge. A minimal real reader for the runs pages: a pool's
 * flow runs from Prefect joined with their ECS tasks (one DescribeTasks per cluster), and the
 * pool's workers. No diagnoses and no log tail here.
 */
import "server-only";

import { DescribeTasksCommand, type Task as AwsTask } from "@aws-sdk/client-ecs";

import { defaultRegion, serverEcsContext } from "@/lib/ecs";
import { toEcsError } from "@/lib/ecs/errors";
import { toContainerInstance } from "@/lib/ecs/map";
import { describeContainerInstances } from "@/lib/ecs/reads";
import { withRetry } from "@/lib/ecs/retry";
import { expectData, getPrefectClient } from "@/lib/prefect/client";
import { listDeploymentsForPool } from "@/lib/prefect/deployments";
import { PrefectError } from "@/lib/prefect/errors";
import { readWorkPool } from "@/lib/prefect/work-pools";

import type {
  FlowRunStateType,
  PoolRun,
  PoolRunsPage,
  PoolWorker,
  RunDetail,
  RunFlowRun,
  RunTask,
  RunTaskLookup,
} from "./types";

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 200;

type PrefectFlowRun = {
  id: string;
  name: string;
  state?: { type?: string; name?: string; message?: string | null } | null;
  state_type?: string | null;
  state_name?: string | null;
  deployment_id?: string | null;
  expected_start_time?: string | null;
  start_time?: string | null;
  end_time?: string | null;
  infrastructure_pid?: string | null;
};

/** A pool's newest runs with their tasks and workers. Throws PrefectError for an unknown pool. */
export async function loadPoolRuns(
  pool: string,
  opts: { limit?: number } = {},
): Promise<PoolRunsPage> {
  const client = getPrefectClient();
  const workPool = await readWorkPool(client, pool);
  const limit = Math.min(Math.max(opts.limit ?? DEFAULT_LIMIT, 1), MAX_LIMIT);
  const [raw, deployments, workers] = await Promise.all([
    expectData(
      client,
      `list the flow runs of work pool ${JSON.stringify(pool)}`,
      client.api.POST("/flow_runs/filter", {
        body: {
          work_pools: { operator: "and_", name: { any_: [pool] } },
          sort: "EXPECTED_START_TIME_DESC",
          limit,
          offset: 0,
        },
      }),
    ),
    listDeploymentsForPool(client, pool).catch(() => []),
    readWorkers(pool),
  ]);
  const names = new Map(deployments.map((d) => [d.id, d.name]));
  const flowRuns = (raw as PrefectFlowRun[]).map((r) => toFlowRun(r, names));
  const { lookups, problem } = await lookupTasks(flowRuns.map((r) => r.infrastructurePid));
  const runs: PoolRun[] = flowRuns.map((flowRun, i) => ({
    flowRun,
    task: lookups[i] ?? { kind: "not-ecs", raw: flowRun.infrastructurePid },
    diagnoses: [],
  }));
  const problems: PoolRunsPage["problems"] = [];
  if (problem) problems.push({ section: "tasks", message: problem });
  if (!workers.ok) problems.push({ section: "workers", message: workers.message });
  return {
    pool: workPool.name,
    poolType: workPool.type,
    runs,
    workers: workers.ok ? workers.workers : null,
    problems,
  };
}

/** One run of the pool with its task; a run of another pool is "not found" like an unknown id. */
export async function loadRunDetail(pool: string, flowRunId: string): Promise<RunDetail> {
  const client = getPrefectClient();
  const workPool = await readWorkPool(client, pool);
  const raw = (await expectData(
    client,
    `read flow run ${flowRunId}`,
    client.api.POST("/flow_runs/filter", {
      body: {
        flow_runs: { operator: "and_", id: { any_: [flowRunId] } },
        work_pools: { operator: "and_", name: { any_: [workPool.name] } },
        limit: 1,
        offset: 0,
      },
    }),
  )) as PrefectFlowRun[];
  const found = raw[0];
  if (!found) {
    throw new PrefectError({
      status: 404,
      kind: "not-found",
      message: `Could not read flow run ${flowRunId}: no such run in work pool ${JSON.stringify(pool)} (404)`,
    });
  }
  const deployments = await listDeploymentsForPool(client, pool).catch(() => []);
  const flowRun = toFlowRun(found, new Map(deployments.map((d) => [d.id, d.name])));
  const { lookups } = await lookupTasks([flowRun.infrastructurePid]);
  return {
    pool: workPool.name,
    flowRun,
    task: lookups[0] ?? { kind: "not-ecs", raw: flowRun.infrastructurePid },
    diagnoses: [],
    logs: { kind: "none", reason: "Pooldeck does not read CloudWatch log tails yet." },
  };
}

function toFlowRun(r: PrefectFlowRun, deployments: Map<string, string>): RunFlowRun {
  return {
    id: r.id,
    name: r.name,
    stateType: (r.state?.type ?? r.state_type ?? "PENDING") as FlowRunStateType,
    stateName: r.state?.name ?? r.state_name ?? "",
    stateMessage: r.state?.message ?? null,
    deploymentId: r.deployment_id ?? null,
    deploymentName: r.deployment_id ? (deployments.get(r.deployment_id) ?? null) : null,
    flowName: null,
    expectedStartTime: r.expected_start_time ?? null,
    startTime: r.start_time ?? null,
    endTime: r.end_time ?? null,
    infrastructurePid: r.infrastructure_pid ?? null,
  };
}

/** `<cluster>::<task ARN>` as prefect-aws writes it, or null. */
function parsePid(pid: string | null): { cluster: string; taskArn: string; region: string } | null {
  const m = pid?.match(/^(.+)::(arn:aws[\w-]*:ecs:([\w-]+):\d+:task\/.+)$/);
  return m ? { cluster: m[1]!, taskArn: m[2]!, region: m[3]! } : null;
}

async function lookupTasks(
  pids: (string | null)[],
): Promise<{ lookups: RunTaskLookup[]; problem: string | null }> {
  const ctx = serverEcsContext();
  const parsed = pids.map(parsePid);
  const groups = new Map<string, { cluster: string; region: string; arns: string[] }>();
  for (const p of parsed) {
    if (!p) continue;
    const key = `${p.region}\n${p.cluster}`;
    const g = groups.get(key) ?? { cluster: p.cluster, region: p.region, arns: [] };
    if (!g.arns.includes(p.taskArn)) g.arns.push(p.taskArn);
    groups.set(key, g);
  }
  const tasks = new Map<string, RunTask>();
  const failed = new Map<string, string>();
  let problem: string | null = null;
  await Promise.all(
    [...groups.values()].map(async (g) => {
      try {
        const client = ctx.client(g.region || defaultRegion());
        const out = await ctx.limiter.run(() =>
          withRetry(
            () =>
              client.send(
                new DescribeTasksCommand({ cluster: g.cluster, tasks: g.arns.slice(0, 100) }),
              ) as Promise<{ tasks?: AwsTask[] }>,
            ctx.retry,
          ),
        );
        const instanceArns = [
          ...new Set((out.tasks ?? []).flatMap((t) => t.containerInstanceArn ?? [])),
        ];
        const instances = new Map<string, { type: string | null; provider: string | null }>();
        if (instanceArns.length > 0) {
          try {
            for (const ci of await describeContainerInstances(
              ctx,
              g.region,
              g.cluster,
              instanceArns,
            )) {
              const c = toContainerInstance(ci);
              instances.set(c.arn, { type: c.instanceType, provider: c.capacityProviderName });
            }
          } catch {
            // where it ran is a detail; the task itself is still shown
          }
        }
        for (const t of out.tasks ?? []) {
          const where = t.containerInstanceArn ? instances.get(t.containerInstanceArn) : undefined;
          tasks.set(t.taskArn ?? "", toRunTask(g.cluster, t, where));
        }
      } catch (error) {
        const message = toEcsError(error, "DescribeTasks").message;
        problem = message;
        for (const arn of g.arns) failed.set(arn, message);
      }
    }),
  );
  const lookups = parsed.map((p, i): RunTaskLookup => {
    if (!p) return { kind: "not-ecs", raw: pids[i] ?? null };
    const task = tasks.get(p.taskArn);
    if (task) return { kind: "found", task };
    const message = failed.get(p.taskArn);
    if (message) return { kind: "unavailable", cluster: p.cluster, taskArn: p.taskArn, message };
    return { kind: "gone", cluster: p.cluster, taskArn: p.taskArn };
  });
  return { lookups, problem };
}

const iso = (d: Date | undefined) => (d ? d.toISOString() : null);

function toRunTask(
  cluster: string,
  t: AwsTask,
  where: { type: string | null; provider: string | null } | undefined,
): RunTask {
  const td = t.taskDefinitionArn?.split("/").pop() ?? null;
  return {
    cluster,
    taskArn: t.taskArn ?? "",
    lastStatus: t.lastStatus ?? null,
    desiredStatus: t.desiredStatus ?? null,
    launchType: t.launchType ?? null,
    capacityProviderName: t.capacityProviderName ?? null,
    instanceType: where?.type ?? null,
    stopCode: t.stopCode ?? null,
    stoppedReason: t.stoppedReason ?? null,
    containers: (t.containers ?? []).map((c) => ({
      name: c.name ?? "",
      lastStatus: c.lastStatus ?? null,
      exitCode: c.exitCode ?? null,
      reason: c.reason ?? null,
    })),
    taskDefinition: td,
    cpu: t.cpu ?? null,
    memory: t.memory ?? null,
    createdAt: iso(t.createdAt),
    pullStartedAt: iso(t.pullStartedAt),
    pullStoppedAt: iso(t.pullStoppedAt),
    startedAt: iso(t.startedAt),
    stoppingAt: iso(t.stoppingAt),
    stoppedAt: iso(t.stoppedAt),
  };
}

async function readWorkers(
  pool: string,
): Promise<{ ok: true; workers: PoolWorker[] } | { ok: false; message: string }> {
  const client = getPrefectClient();
  try {
    const workers = await expectData(
      client,
      `list the workers of work pool ${JSON.stringify(pool)}`,
      client.api.POST("/work_pools/{work_pool_name}/workers/filter", {
        params: { path: { work_pool_name: pool } },
        body: { limit: 50, offset: 0 },
      }),
    );
    return {
      ok: true,
      workers: workers.map((w) => ({
        name: w.name,
        lastHeartbeat: w.last_heartbeat_time ?? null,
        status: w.status ?? null,
      })),
    };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
