/**
 * Runs page benchmark: 500 flow runs of one pool across 3 clusters. Seeds an emulator of its own
 * (RunTask in batches of 10, the API's maximum) and the Prefect server at PREFECT_API_URL (the
 * local stack: `npm run stack:start`; flow runs created over REST with infrastructure_pid set), then
 * measures lib/runs: DescribeTasks calls made against ⌈tasks/100⌉ per cluster, and the time to load
 * the first 20 runs (the list's first view), the first 200 (the page maximum) and the ECS join of
 * all 500; and the runs page's start-latency section: loading 200 runs with the figures and advice
 * over them (what `?latency=200` computes), and the pure figures over all 500 runs with AWS-shaped
 * task timestamps put on the emulator's tasks (it returns none, so the arithmetic would be idle). Run: `node --conditions=react-server --import tsx scripts/bench/runs.ts`.
 */
import {
  CreateClusterCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
} from "@aws-sdk/client-ecs";

import { createEcsContext } from "@/lib/ecs/context";
import { createPrefectClient, forgetDisplayReads } from "@/lib/prefect/client";
import { startLatency } from "@/lib/runs/latency";
import { latencyAdvice } from "@/lib/runs/latency-advice";
import { loadPoolRuns, readPlacementSnapshots } from "@/lib/runs/load";
import type { PoolRun } from "@/lib/runs/types";
import { lookupTasks, parseInfrastructurePid } from "@/lib/runs/tasks";
import defaultTemplate from "@/lib/template/fixtures/prefect-ecs-default.json";
import { prefectApi } from "@/scripts/ground-truth/prefect-api";
import { defaultNetwork } from "@/testing/runs-world";
import { emulatorClientConfig } from "@/testing/seed/ecs";
import { prefectFetch } from "@/testing/seed/prefect";

import { startPrivateMoto } from "@/testing/private-moto";

const RUNS = 500;
const CLUSTERS = ["bench-runs-a", "bench-runs-b", "bench-runs-c"];
/** runs per cluster: uneven, so one cluster needs a partial batch */
const SPLIT = [250, 150, 100];
const REPEATS = 5;

export interface RunsBenchResult {
  runs: number;
  seedMs: number;
  first20: { ms: number; describeTasks: number; expected: number };
  first200: { ms: number; describeTasks: number; expected: number };
  all: { ms: number; describeTasks: number; expected: number; perCluster: Record<string, number> };
  /** loadPoolRuns(200) + start-latency figures and advice (with the snapshots it reads) */
  latency200: { ms: number; describeTasks: number; expected: number };
  /** startLatency + latencyAdvice over all the runs, with timestamps (pure) */
  latencyAllMs: number;
}

/** The runs with every task given AWS-shaped timestamps: 5 s submission, then 20 s, 30 s, 2 s. */
function withTimestamps(runs: PoolRun[]): PoolRun[] {
  return runs.map((r, i) => {
    if (r.task.kind !== "found") return r;
    const start = Date.parse("2026-12-06T00:00:00Z") + i * 60_000;
    const iso = (ms: number) => new Date(start + ms).toISOString();
    return {
      ...r,
      flowRun: { ...r.flowRun, expectedStartTime: iso(0) },
      task: {
        kind: "found",
        task: {
          ...r.task.task,
          createdAt: iso(5_000 + (i % 7) * 100),
          pullStartedAt: iso(25_000),
          pullStoppedAt: iso(55_000 - (i % 3) * 10_000),
          startedAt: iso(57_000),
        },
      },
    };
  });
}

async function mapLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

/** Sends again while a loaded SQLite server keeps answering 503 (prefectFetch already backs off 5 times). */
async function patient(send: () => Promise<Response>): Promise<Response> {
  let res = await send();
  for (let attempt = 0; res.status === 503 && attempt < 5; attempt++) res = await send();
  return res;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** ⌈tasks/100⌉ summed over the clusters of `pids`. */
function expectedCalls(pids: (string | null)[]): number {
  const perCluster = new Map<string, number>();
  for (const pid of pids) {
    const ref = parseInfrastructurePid(pid);
    if (ref) perCluster.set(ref.cluster, (perCluster.get(ref.cluster) ?? 0) + 1);
  }
  return [...perCluster.values()].reduce((sum, n) => sum + Math.ceil(n / 100), 0);
}

export async function runRunsBench(
  prefectApiUrl = process.env.PREFECT_API_URL ?? "http://127.0.0.1:4200/api",
): Promise<RunsBenchResult> {
  const moto = await startPrivateMoto();
  const api = prefectApi(prefectApiUrl);
  const id = Math.random().toString(36).slice(2, 8);
  const pool = `bench-runs-${id}`;
  try {
    const seedStarted = Date.now();
    const ecs = new ECSClient(emulatorClientConfig(moto.endpoint, "us-east-1"));
    const network = await defaultNetwork(moto.endpoint);
    await Promise.all(CLUSTERS.map((c) => ecs.send(new CreateClusterCommand({ clusterName: c }))));
    await ecs.send(
      new RegisterTaskDefinitionCommand({
        family: "bench-flow",
        requiresCompatibilities: ["FARGATE"],
        networkMode: "awsvpc",
        cpu: "256",
        memory: "512",
        containerDefinitions: [
          { name: "prefect", image: "prefecthq/prefect:3-latest", cpu: 256, memory: 512 },
        ],
      }),
    );
    const batches = CLUSTERS.flatMap((cluster, i) =>
      Array.from({ length: SPLIT[i]! / 10 }, () => cluster),
    );
    const pids: string[] = [];
    await mapLimit(batches, 6, async (cluster) => {
      const out = await ecs.send(
        new RunTaskCommand({
          cluster,
          taskDefinition: "bench-flow",
          launchType: "FARGATE",
          count: 10,
          networkConfiguration: {
            awsvpcConfiguration: {
              subnets: [network.subnets[0]!],
              securityGroups: [network.group],
            },
          },
        }),
      );
      for (const t of out.tasks ?? []) pids.push(`${cluster}::${t.taskArn}`);
    });
    if (pids.length !== RUNS)
      throw new Error(`the emulator started ${pids.length} tasks, not ${RUNS}`);

    await api.createWorkPool(pool, defaultTemplate as never);
    const flow = await api.createFlow(pool);
    const deployment = await api.createDeployment(flow.id, "bench", pool, {});
    await mapLimit(
      pids.map((pid, i) => ({ pid, i })),
      // Prefect's SQLite answers 503 while locked; a few writers at a time keep it answering
      2,
      async ({ pid, i }) => {
        const res = await patient(() =>
          prefectFetch(prefectApiUrl, "POST", "/flow_runs/", {
            flow_id: flow.id,
            deployment_id: deployment.id,
            work_pool_name: pool,
            work_queue_name: "default",
            state: { type: i % 5 === 0 ? "FAILED" : "COMPLETED" },
            name: `bench-${i}`,
          }),
        );
        if (!res.ok) throw new Error(`create flow run: ${res.status} ${await res.text()}`);
        const { id: runId } = (await res.json()) as { id: string };
        const patch = await patient(() =>
          prefectFetch(prefectApiUrl, "PATCH", `/flow_runs/${runId}`, { infrastructure_pid: pid }),
        );
        if (!patch.ok) throw new Error(`set infrastructure_pid: ${patch.status}`);
      },
    );
    const seedMs = Date.now() - seedStarted;

    const prefect = createPrefectClient({ apiUrl: prefectApiUrl, cloud: null });
    const measure = async (
      fn: (ctx: ReturnType<typeof createEcsContext>) => Promise<(string | null)[]>,
    ) => {
      const times: number[] = [];
      let calls = 0;
      let expected = 0;
      for (let r = 0; r < REPEATS; r++) {
        let count = 0;
        const counting = {
          send: ((command: object) => {
            if (command.constructor.name === "DescribeTasksCommand") count++;
            return ecs.send(command as never);
          }) as ECSClient["send"],
        };
        // cold every repeat: a fresh ECS context (the runs join is kept 15 s in its cache) and
        // none of the Prefect client's shared display reads (the runs reads are kept 5 s)
        const ctx = createEcsContext({ client: () => counting });
        forgetDisplayReads(prefect);
        const started = performance.now();
        const seen = await fn(ctx);
        times.push(performance.now() - started);
        calls = count;
        expected = expectedCalls(seen);
      }
      return { ms: Math.round(median(times)), describeTasks: calls, expected };
    };
    const first20 = await measure(async (ctx) =>
      (await loadPoolRuns(pool, { limit: 20, prefect, ecs: ctx })).runs.map(
        (r) => r.flowRun.infrastructurePid,
      ),
    );
    const first200 = await measure(async (ctx) =>
      (await loadPoolRuns(pool, { limit: 200, prefect, ecs: ctx })).runs.map(
        (r) => r.flowRun.infrastructurePid,
      ),
    );
    let allRuns: PoolRun[] = [];
    const all = await measure(async (ctx) => {
      const out = await lookupTasks(ctx, pids);
      const found = [...out.byPid.values()].filter((l) => l.kind === "found").length;
      if (found !== RUNS) throw new Error(`only ${found} of ${RUNS} tasks found`);
      allRuns = pids.map((pid, i) => ({
        flowRun: {
          id: String(i),
          name: `bench-${i}`,
          stateType: "COMPLETED",
          stateName: "Completed",
          stateMessage: null,
          deploymentId: deployment.id,
          deploymentName: "bench",
          flowName: pool,
          expectedStartTime: null,
          startTime: null,
          endTime: null,
          infrastructurePid: pid,
        },
        task: out.byPid.get(pid)!,
        diagnoses: [],
      }));
      return pids;
    });
    const latency200 = await measure(async (ctx) => {
      const page = await loadPoolRuns(pool, { limit: 200, prefect, ecs: ctx });
      const figures = startLatency(page.runs, 200);
      latencyAdvice(figures, page.poolType, await readPlacementSnapshots(page.runs, { ecs: ctx }));
      return page.runs.map((r) => r.flowRun.infrastructurePid);
    });
    const timed = withTimestamps(allRuns);
    const pure: number[] = [];
    for (let r = 0; r < REPEATS; r++) {
      const started = performance.now();
      const figures = startLatency(timed, RUNS);
      latencyAdvice(figures, "ecs");
      pure.push(performance.now() - started);
      if (figures.byProvider[0]?.phases.pull.count !== RUNS)
        throw new Error("the start-latency figures did not cover every run");
    }
    return {
      runs: RUNS,
      seedMs,
      first20,
      first200,
      all: { ...all, perCluster: Object.fromEntries(CLUSTERS.map((c, i) => [c, SPLIT[i]!])) },
      latency200,
      latencyAllMs: Math.round(median(pure) * 10) / 10,
    };
  } finally {
    await api.deleteWorkPool(pool).catch(() => undefined);
    moto.stop();
  }
}

export function formatRunsBench(r: RunsBenchResult): string {
  const row = (label: string, x: { ms: number; describeTasks: number; expected: number }) =>
    `${label.padEnd(34)} ${String(x.ms).padStart(6)} ms   DescribeTasks ${x.describeTasks} (⌈tasks/100⌉ per cluster: ${x.expected})`;
  return [
    `${r.runs} runs in one pool across ${Object.keys(r.all.perCluster).length} clusters (${Object.entries(
      r.all.perCluster,
    )
      .map(([c, n]) => `${c} ${n}`)
      .join(", ")}); seeded in ${(r.seedMs / 1000).toFixed(1)} s`,
    `medians of ${REPEATS} cold loads (fresh lib/ecs context each):`,
    row("first 20 runs (loadPoolRuns)", r.first20),
    row("first 200 runs (loadPoolRuns max)", r.first200),
    row(`ECS join of all ${r.runs} (lookupTasks)`, r.all),
    row("start latency, 200 (?latency=200)", r.latency200),
    `${`start-latency figures of all ${r.runs}`.padEnd(34)} ${String(r.latencyAllMs).padStart(6)} ms   (startLatency + advice, pure; AWS-shaped timestamps added)`,
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runRunsBench().then(
    (r) => console.log(formatRunsBench(r)),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
