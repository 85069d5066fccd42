/**
 * Seeds a few runs of the demo pool so its runs page is not empty: flow runs created through
 * Prefect's REST API, each with the `infrastructure_pid` prefect-aws writes (`<cluster>::<task
 * ARN>`) of a task the ECS emulator really runs (RunTask), stopped with the reason string ECS gives
 * (StopTask) where the run is over. Idempotent: the seeded runs of an earlier seed are stopped and
 * deleted first, so the emulator's instances end with the resources they had.
 */
import {
  DescribeTasksCommand,
  ECSClient,
  RunTaskCommand,
  StopTaskCommand,
  type RunTaskCommandInput,
} from "@aws-sdk/client-ecs";
import {
  DescribeSubnetsCommand,
  DescribeSecurityGroupsCommand,
  EC2Client,
} from "@aws-sdk/client-ec2";

import { emulatorClientConfig, SEED } from "./ecs";
import { PREFECT_SEED, prefectFetch } from "./prefect";

type StateType = "COMPLETED" | "FAILED" | "CRASHED" | "RUNNING";

interface SeedRun {
  name: string;
  deployment: keyof typeof PREFECT_SEED.deployments;
  /** how the emulator runs its task */
  task: "ec2" | "fargate-spot";
  /** the StopTask reason; absent for a run whose task still runs */
  stoppedReason?: string;
  state: { type: StateType; name: string; message: string | null };
}

/** The seeded runs, oldest first; tests assert these exact values. */
export const RUNS_SEED = {
  pool: PREFECT_SEED.hybridPool,
  runs: [
    {
      name: "nightly-etl-completed",
      deployment: "optionA",
      task: "ec2",
      stoppedReason: "Essential container in task exited",
      state: { type: "COMPLETED", name: "Completed", message: "All states completed." },
    },
    {
      name: "nightly-etl-flow-error",
      deployment: "optionA",
      task: "ec2",
      stoppedReason: "Essential container in task exited",
      state: {
        type: "FAILED",
        name: "Failed",
        message:
          "Flow run encountered an exception: ValueError: the source table has no rows for 2026-12-05",
      },
    },
    {
      name: "nightly-etl-image-pull",
      deployment: "optionB",
      task: "ec2",
      stoppedReason:
        "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref docker.io/library/nope:latest",
      state: {
        type: "CRASHED",
        name: "Crashed",
        message: "Flow run infrastructure exited with non-zero status code 1.",
      },
    },
    {
      name: "nightly-etl-running",
      deployment: "optionB",
      task: "fargate-spot",
      state: { type: "RUNNING", name: "Running", message: null },
    },
  ] satisfies SeedRun[],
} as const;

type Json = Record<string, unknown>;

async function call<T = Json>(apiUrl: string, method: string, path: string, body?: unknown) {
  const res = await prefectFetch(apiUrl, method, path, body);
  const text = await res.text();
  if (!res.ok) throw new Error(`Prefect ${method} ${path} failed: HTTP ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * Stops a task an earlier seed started unless a StopTask already stopped it. The emulator gives a
 * task's CPU and memory back to its instance, and lowers the running-task counts, on every
 * StopTask, even of a stopped task: stopping the seed's stopped tasks again on each re-seed drove
 * them below zero ("Running tasks -3"). Its own lifecycle moves a task's lastStatus on each read
 * but leaves desiredStatus, which only StopTask sets, so that is what tells the two apart.
 */
export async function stopEarlierTask(ecs: ECSClient, cluster: string, task: string) {
  const found = (await ecs.send(new DescribeTasksCommand({ cluster, tasks: [task] }))).tasks?.[0];
  if (!found || found.desiredStatus === "STOPPED") return;
  await ecs.send(new StopTaskCommand({ cluster, task, reason: "reseeded" }));
}

/**
 * For the demo: the emulator's tasks keep the status RunTask or StopTask gave them. By default moto
 * moves a task one step along ECS's lifecycle on every DescribeTasks (RUNNING, DEACTIVATING, …,
 * STOPPED) while its desiredStatus stays RUNNING, a pair real ECS never reports, so the demo's
 * running run showed "DEACTIVATING → RUNNING" after a few page loads. The tests keep moto's default:
 * the real worker some of them drive watches its task until it stops.
 */
export async function holdTaskStatuses(endpoint: string): Promise<void> {
  const res = await fetch(`${endpoint}/moto-api/state-manager/set-transition`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      model_name: "ecs::task",
      transition: { progression: "manual", times: 2 ** 31 },
    }),
  });
  if (!res.ok) throw new Error(`the emulator refused the task transition: HTTP ${res.status}`);
}

/** Creates the demo runs (after seedEcs and seedPrefect). */
export async function seedRuns(opts: { apiUrl: string; endpoint: string }): Promise<void> {
  const config = emulatorClientConfig(opts.endpoint, SEED.region);
  const ecs = new ECSClient(config);
  const ec2 = new EC2Client(config);
  try {
    const names = RUNS_SEED.runs.map((r) => r.name);
    const earlier = await call<{ id: string; infrastructure_pid: string | null }[]>(
      opts.apiUrl,
      "POST",
      "/flow_runs/filter",
      { flow_runs: { name: { any_: names } }, limit: 200 },
    );
    for (const run of earlier) {
      const [cluster, task] = run.infrastructure_pid?.split("::") ?? [];
      if (cluster && task) {
        // a task of an earlier seed; gone when the emulator restarted since
        await stopEarlierTask(ecs, cluster, task).catch(() => {});
      }
      await call(opts.apiUrl, "DELETE", `/flow_runs/${run.id}`);
    }

    const deployments = await call<{ id: string; name: string }[]>(
      opts.apiUrl,
      "POST",
      "/deployments/filter",
      { work_pools: { name: { any_: [RUNS_SEED.pool] } }, limit: 200 },
    );
    const network = await awsvpc(ec2);
    for (const run of RUNS_SEED.runs) {
      const deploymentName = PREFECT_SEED.deployments[run.deployment];
      const deployment = deployments.find((d) => d.name === deploymentName);
      if (!deployment) throw new Error(`the seeded deployment ${deploymentName} is missing`);
      const input: RunTaskCommandInput =
        run.task === "ec2"
          ? {
              cluster: SEED.cluster,
              taskDefinition: SEED.taskDefinitions.ec2,
              launchType: "EC2",
              startedBy: "prefect-aws",
            }
          : {
              cluster: SEED.cluster,
              taskDefinition: SEED.taskDefinitions.both,
              capacityProviderStrategy: [{ capacityProvider: "FARGATE_SPOT", weight: 1 }],
              networkConfiguration: { awsvpcConfiguration: network },
              startedBy: "prefect-aws",
            };
      const out = await ecs.send(new RunTaskCommand(input));
      const taskArn = out.tasks?.[0]?.taskArn;
      if (!taskArn) throw new Error(`the emulator did not start a task for ${run.name}`);
      if ("stoppedReason" in run) {
        await ecs.send(
          new StopTaskCommand({ cluster: SEED.cluster, task: taskArn, reason: run.stoppedReason }),
        );
      }
      const flowRun = await call<{ id: string }>(
        opts.apiUrl,
        "POST",
        `/deployments/${deployment.id}/create_flow_run`,
        { name: run.name },
      );
      await call(opts.apiUrl, "PATCH", `/flow_runs/${flowRun.id}`, {
        infrastructure_pid: `${SEED.cluster}::${taskArn}`,
      });
      // through Pending and Running, as a worker reports them, so Prefect records the start time
      const path = run.state.type === "RUNNING" ? [] : [run.state];
      for (const state of [
        { type: "PENDING", name: "Pending", message: null },
        { type: "RUNNING", name: "Running", message: null },
        ...path,
      ]) {
        await call(opts.apiUrl, "POST", `/flow_runs/${flowRun.id}/set_state`, {
          state,
          force: true,
        });
      }
    }
  } finally {
    ecs.destroy();
    ec2.destroy();
  }
}

/** The network a Fargate task needs in the emulator: the default VPC's first subnet and the seeded group. */
async function awsvpc(ec2: EC2Client) {
  const subnets = await ec2.send(
    new DescribeSubnetsCommand({ Filters: [{ Name: "default-for-az", Values: ["true"] }] }),
  );
  const groups = await ec2.send(
    new DescribeSecurityGroupsCommand({
      Filters: [{ Name: "group-name", Values: [SEED.securityGroup] }],
    }),
  );
  const subnet = (subnets.Subnets ?? []).map((s) => s.SubnetId!).sort()[0];
  const group = groups.SecurityGroups?.[0]?.GroupId;
  if (!subnet || !group) throw new Error("the emulator has no default subnet or seeded group");
  return { subnets: [subnet], securityGroups: [group], assignPublicIp: "DISABLED" as const };
}
