/**
 * lib/runs against real parts: flow runs submitted by the real prefect-aws worker to the emulator
 * (so infrastructure_pid is the worker's own), failures made with StopTask and the reason strings
 * AWS documents, the worker's own Crashed state, a log stream in the emulator's CloudWatch Logs.
 * The emulator has no stopCode, task timestamps or container exit reasons; the diagnoses' unit
 * tests cover those.
 */
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import { CreateClusterCommand, ECSClient, StopTaskCommand } from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createEcsContext } from "@/lib/ecs/context";
import { createPrefectClient } from "@/lib/prefect/client";
import { PrefectError } from "@/lib/prefect/errors";
import { prefectApi } from "@/scripts/ground-truth/prefect-api";
import { defaultNetwork, runsTemplate, runWorkerOnce } from "@/testing/runs-world";
import { emulatorClientConfig } from "@/testing/seed/ecs";

import { loadPoolRuns, loadRunDetail } from "./load";
import { parseInfrastructurePid } from "./tasks";

const prefectApiUrl = process.env.PREFECT_API_URL ?? "http://127.0.0.1:4200/api";
const moto = process.env.AWS_ENDPOINT_URL ?? "http://127.0.0.1:5000";
const api = prefectApi(prefectApiUrl);
const id = Math.random().toString(36).slice(2, 8);
const pool = `runs-int-${id}`;
const idlePool = `runs-idle-${id}`;
const cluster = `runs-int-${id}`;
const ecsClient = new ECSClient(emulatorClientConfig(moto, "us-east-1"));
const opts = () => ({
  prefect: createPrefectClient({ apiUrl: prefectApiUrl, cloud: null }),
  ecs: createEcsContext({ client: () => ecsClient }),
  logs: () => new CloudWatchLogsClient(emulatorClientConfig(moto, "us-east-1")),
});

// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_cannot_pull_image.html
const PULL =
  "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref docker.io/prefecthq/prefect:3-nope: not found";
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/resource-initialization-error.html
const SECRETS =
  "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: AccessDeniedException";

const runs: Record<string, string> = {};
let deployments: { ok: string; crash: string };
let network: Awaited<ReturnType<typeof defaultNetwork>>;
let workerLog = "";

beforeAll(async () => {
  network = await defaultNetwork(moto);
  await ecsClient.send(new CreateClusterCommand({ clusterName: cluster }));
  await api.createWorkPool(pool, runsTemplate(cluster, network));
  const flow = await api.createFlow(`runs-int-${id}`);
  const ok = await api.createDeployment(flow.id, "ok", pool, { vpc_id: network.vpc });
  const crash = await api.createDeployment(flow.id, "no-vpc", pool, {});
  deployments = { ok: ok.id, crash: crash.id };
  for (const name of ["pull", "secrets", "running"]) {
    runs[name] = (await api.createFlowRun(ok.id)).id;
  }
  runs.crashed = (await api.createFlowRun(crash.id)).id;
  const worker = await runWorkerOnce({ pool, prefectApiUrl, awsEndpoint: moto, timeoutMs: 30_000 });
  workerLog = worker.log;

  const pidOf = async (run: string) =>
    ((await prefectFetchJson(`/flow_runs/${run}`)) as { infrastructure_pid: string | null })
      .infrastructure_pid;
  for (const [name, reason] of [
    ["pull", PULL],
    ["secrets", SECRETS],
  ] as const) {
    const ref = parseInfrastructurePid(await pidOf(runs[name]!));
    if (!ref)
      throw new Error(`the worker gave ${name} no task. Worker log:\n${workerLog.slice(-3000)}`);
    await ecsClient.send(new StopTaskCommand({ cluster: ref.cluster, task: ref.taskArn, reason }));
  }
  // runs whose infrastructure_pid is not a task the emulator has (created after the worker ran)
  runs.odd = (await api.createFlowRun(ok.id)).id;
  await prefectFetchJson(`/flow_runs/${runs.odd}`, "PATCH", { infrastructure_pid: "12345" });
  runs.gone = (await api.createFlowRun(ok.id)).id;
  await prefectFetchJson(`/flow_runs/${runs.gone}`, "PATCH", {
    infrastructure_pid: `${cluster}::arn:aws:ecs:us-east-1:123456789012:task/${cluster}/0123456789abcdef0123456789abcdef`,
  });
  // a pool no worker ever polled, with one run waiting
  await api.createWorkPool(idlePool, runsTemplate(cluster, network));
  const idle = await api.createDeployment(flow.id, "idle", idlePool, {});
  runs.late = (await api.createFlowRun(idle.id)).id;
}, 60_000);

afterAll(async () => {
  for (const name of [pool, idlePool]) await api.deleteWorkPool(name).catch(() => undefined);
});

async function prefectFetchJson(path: string, method = "GET", body?: unknown): Promise<unknown> {
  const res = await fetch(`${prefectApiUrl}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  const text = await res.text();
  return text ? JSON.parse(text) : null;
}

describe("loadPoolRuns on runs the real worker submitted", () => {
  it("joins each run with its task and diagnoses it", async () => {
    const page = await loadPoolRuns(pool, opts());
    expect(page.pool).toBe(pool);
    expect(page.poolType).toBe("ecs");
    expect(page.problems).toEqual([]);
    expect(page.workers?.length).toBe(1);
    const byId = new Map(page.runs.map((r) => [r.flowRun.id, r]));
    expect(page.runs.map((r) => r.flowRun.id).sort()).toEqual(
      [runs.pull, runs.secrets, runs.running, runs.crashed, runs.odd, runs.gone].sort(),
    );
    // newest expected start first: the two created after the worker ran lead
    expect(page.runs.slice(0, 2).map((r) => r.flowRun.id)).toEqual([runs.gone, runs.odd]);

    const pull = byId.get(runs.pull!)!;
    expect(pull.flowRun.deploymentName).toBe("ok");
    expect(pull.task).toMatchObject({
      kind: "found",
      task: { cluster, lastStatus: "STOPPED", stoppedReason: PULL, launchType: "FARGATE" },
    });
    expect(pull.diagnoses.map((d) => [d.rule, d.target])).toEqual([
      ["run/image-pull-failed", { document: "template", path: "/variables/properties/image" }],
    ]);

    const secrets = byId.get(runs.secrets!)!;
    expect(secrets.diagnoses.map((d) => [d.rule, d.target])).toEqual([
      [
        "run/secrets-or-logs-init-failed",
        { document: "template", path: "/variables/properties/execution_role_arn" },
      ],
    ]);

    const running = byId.get(runs.running!)!;
    expect(running.task).toMatchObject({
      kind: "found",
      // moto moves lastStatus one step per read (RUNNING, DEACTIVATING, …); nobody stopped it
      task: { desiredStatus: "RUNNING", stoppedReason: null, stopCode: null },
    });
    expect(running.diagnoses).toEqual([]);

    const crashed = byId.get(runs.crashed!)!;
    expect(crashed.flowRun.stateType).toBe("CRASHED");
    expect(crashed.flowRun.stateMessage).toMatch(
      /^Failed to submit flow run to infrastructure: .*You must provide a `vpc_id` to enable custom `network_configuration`/s,
    );
    expect(crashed.task).toEqual({ kind: "not-ecs", raw: null });
    expect(crashed.diagnoses.map((d) => [d.rule, d.checkRule, d.target])).toEqual([
      [
        "run/submission-crashed",
        "prefect/network-configuration-requires-vpc-id",
        { document: "template", path: "/variables/properties/network_configuration/default" },
      ],
    ]);

    expect(byId.get(runs.odd!)!.task).toEqual({ kind: "not-ecs", raw: "12345" });
    expect(byId.get(runs.gone!)!.task).toEqual({
      kind: "gone",
      cluster,
      taskArn: `arn:aws:ecs:us-east-1:123456789012:task/${cluster}/0123456789abcdef0123456789abcdef`,
    });
  });

  it("honours the limit", async () => {
    const page = await loadPoolRuns(pool, { ...opts(), limit: 2 });
    expect(page.runs.map((r) => r.flowRun.id)).toEqual([runs.gone, runs.odd]);
  });

  it("says no worker polls a pool whose run is Late", async () => {
    const page = await loadPoolRuns(idlePool, opts());
    expect(page.workers).toEqual([]);
    expect(page.runs.map((r) => [r.flowRun.id, r.diagnoses.map((d) => d.rule)])).toEqual([
      [runs.late, ["run/no-worker"]],
    ]);
  });

  it("refuses an unknown pool with Prefect's not-found error", async () => {
    const err = await loadPoolRuns(`nope-${id}`, opts()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PrefectError);
    expect((err as PrefectError).kind).toBe("not-found");
  });
});

describe("page views within the caches' TTLs", () => {
  it("two views of a pool's runs make one DescribeTasks and read the runs from Prefect once", async () => {
    const ecsCalls: string[] = [];
    const counting = {
      send: ((command: object) => {
        ecsCalls.push(command.constructor.name.replace(/Command$/, ""));
        return ecsClient.send(command as never);
      }) as ECSClient["send"],
    };
    const prefectCalls: string[] = [];
    const prefect = createPrefectClient(
      { apiUrl: prefectApiUrl, cloud: null },
      {
        fetch: (input, init) => {
          const request = new Request(input, init);
          const path = new URL(request.url).pathname.replace(/^\/api/, "");
          // the transport's one CSRF probe of a self-hosted server is not a read of the pool
          if (path !== "/csrf-token")
            prefectCalls.push(`${request.method} ${path.replaceAll(pool, "{pool}")}`);
          return fetch(request);
        },
      },
    );
    // one context and one client, as every request of a server shares them
    const views = { ...opts(), prefect, ecs: createEcsContext({ client: () => counting }) };
    const first = await loadPoolRuns(pool, views);
    const second = await loadPoolRuns(pool, views);
    expect(second.runs).toEqual(first.runs);
    // the worker's tasks run on Fargate: no container instance to describe
    expect(ecsCalls).toEqual(["DescribeTasks"]);
    // the pool itself is read for each view (an edit starts from it); the rest only once
    expect(prefectCalls.sort()).toEqual(
      [
        "GET /work_pools/{pool}",
        "GET /work_pools/{pool}",
        "POST /deployments/filter",
        "POST /flow_runs/filter",
        "POST /flows/filter",
        "POST /work_pools/{pool}/workers/filter",
      ].sort(),
    );
  });
});

describe("loadRunDetail", () => {
  it("reads the flow container's last 50 lines from the stream its task definition names", async () => {
    const first = await loadRunDetail(pool, runs.pull!, opts());
    const task = first.task.kind === "found" ? first.task.task : null;
    const taskId = task!.taskArn.split("/").at(-1);
    const stream = `prefect-logs_${pool}_${deployments.ok}/prefect/${taskId}`;
    // before the container wrote anything
    expect(first.logs).toEqual({
      kind: "none",
      reason: `The log stream prefect/${stream} does not exist (the container may never have started).`,
    });
    const logs = new CloudWatchLogsClient(emulatorClientConfig(moto, "us-east-1"));
    await logs.send(new CreateLogGroupCommand({ logGroupName: "prefect" })).catch(() => undefined);
    await logs.send(new CreateLogStreamCommand({ logGroupName: "prefect", logStreamName: stream }));
    const t0 = Date.parse("2026-12-06T05:00:00Z");
    await logs.send(
      new PutLogEventsCommand({
        logGroupName: "prefect",
        logStreamName: stream,
        logEvents: Array.from({ length: 60 }, (_, i) => ({
          timestamp: t0 + i * 1000,
          message: `line ${i}`,
        })),
      }),
    );
    const detail = await loadRunDetail(pool, runs.pull!, opts());
    expect(detail.logs.kind).toBe("lines");
    if (detail.logs.kind !== "lines") return;
    expect([detail.logs.group, detail.logs.stream]).toEqual(["prefect", stream]);
    expect(detail.logs.lines).toHaveLength(50);
    expect(detail.logs.lines[0]).toEqual({
      timestamp: "2026-12-06T05:00:10.000Z",
      message: "line 10",
    });
    expect(detail.logs.lines.at(-1)).toEqual({
      timestamp: "2026-12-06T05:00:59.000Z",
      message: "line 59",
    });
    expect(detail.diagnoses.map((d) => d.rule)).toEqual(["run/image-pull-failed"]);
  });

  it("treats a run of another pool, or an id that is no flow run id, as not found", async () => {
    const other = await loadRunDetail(idlePool, runs.pull!, opts()).catch((e: unknown) => e);
    expect([(other as PrefectError).kind, (other as PrefectError).message]).toEqual([
      "not-found",
      `Could not read flow run "${runs.pull}": it is not a run of work pool "${idlePool}" (404)`,
    ]);
    const junk = await loadRunDetail(pool, "../../etc", opts()).catch((e: unknown) => e);
    expect([(junk as PrefectError).kind, (junk as PrefectError).message]).toEqual([
      "not-found",
      'Could not read flow run "../../etc": no flow run has this id (404)',
    ]);
  });
});
