/**
 * Re-seeding leaves the emulator's counts where they were: a task an earlier seed stopped is not
 * stopped again (the emulator would give its resources back a second time), a task still running is.
 * The demo's emulator keeps its tasks' statuses. Against a moto server of our own, so the stack's
 * emulator keeps its exact numbers and moto's own task lifecycle.
 */
import {
  DescribeClustersCommand,
  DescribeContainerInstancesCommand,
  DescribeTasksCommand,
  ECSClient,
  ListContainerInstancesCommand,
  RunTaskCommand,
  StopTaskCommand,
} from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startPrivateMoto } from "@/testing/private-moto";

import { emulatorClientConfig, SEED, seedEcs } from "./ecs";
import { holdTaskStatuses, stopEarlierTask } from "./runs";

let moto: Awaited<ReturnType<typeof startPrivateMoto>>;
let ecs: ECSClient;

beforeAll(async () => {
  moto = await startPrivateMoto();
  await seedEcs({ endpoint: moto.endpoint });
  ecs = new ECSClient(emulatorClientConfig(moto.endpoint, SEED.region));
});
afterAll(() => moto?.stop());

/** The cluster's running-task count and each instance's remaining CPU and memory, by instance ARN. */
async function counts() {
  const cluster = (await ecs.send(new DescribeClustersCommand({ clusters: [SEED.cluster] })))
    .clusters?.[0];
  const arns = (await ecs.send(new ListContainerInstancesCommand({ cluster: SEED.cluster })))
    .containerInstanceArns;
  const instances = (
    await ecs.send(
      new DescribeContainerInstancesCommand({ cluster: SEED.cluster, containerInstances: arns }),
    )
  ).containerInstances;
  return {
    running: cluster?.runningTasksCount,
    instances: Object.fromEntries(
      (instances ?? []).map((i) => [
        i.containerInstanceArn,
        [i.runningTasksCount, ...(i.remainingResources ?? []).map((r) => [r.name, r.integerValue])],
      ]),
    ),
  };
}

async function runTask(): Promise<string> {
  const out = await ecs.send(
    new RunTaskCommand({
      cluster: SEED.cluster,
      taskDefinition: SEED.taskDefinitions.ec2,
      launchType: "EC2",
    }),
  );
  const arn = out.tasks?.[0]?.taskArn;
  if (!arn) throw new Error("the emulator started no task");
  return arn;
}

const describeTask = async (task: string) =>
  (await ecs.send(new DescribeTasksCommand({ cluster: SEED.cluster, tasks: [task] }))).tasks?.[0];

describe("stopEarlierTask", () => {
  it("leaves a stopped task alone, so re-seeding does not drive the counts below zero", async () => {
    const before = await counts();
    const task = await runTask();
    await ecs.send(new StopTaskCommand({ cluster: SEED.cluster, task, reason: "Essential exit" }));
    expect(await counts()).toEqual(before);

    await stopEarlierTask(ecs, SEED.cluster, task);
    await stopEarlierTask(ecs, SEED.cluster, task);
    expect(await counts()).toEqual(before);
    expect((await describeTask(task))?.stoppedReason).toBe("Essential exit");
  });

  it("stops a task that still runs, giving its resources back once", async () => {
    const before = await counts();
    const task = await runTask();
    const running = await counts();
    expect(running.running).toBe(before.running! + 1);

    await stopEarlierTask(ecs, SEED.cluster, task);
    expect(await counts()).toEqual(before);
    expect((await describeTask(task))?.stoppedReason).toBe("reseeded");
    await stopEarlierTask(ecs, SEED.cluster, task);
    expect(await counts()).toEqual(before);
  });
});

// last in the file: the transition holds for every task of this emulator from here on
describe("holdTaskStatuses", () => {
  it("keeps a running task RUNNING and a stopped one STOPPED however often they are read", async () => {
    const before = await describeTask(await runTask());
    // moto's default: one step along the lifecycle per read
    expect([before?.lastStatus, before?.desiredStatus]).toEqual(["DEACTIVATING", "RUNNING"]);

    await holdTaskStatuses(moto.endpoint);
    const running = await runTask();
    const stopped = await runTask();
    await ecs.send(new StopTaskCommand({ cluster: SEED.cluster, task: stopped, reason: "done" }));
    const reads = [];
    for (let i = 0; i < 6; i++) {
      const r = await describeTask(running);
      const s = await describeTask(stopped);
      reads.push([r?.lastStatus, r?.desiredStatus, s?.lastStatus, s?.desiredStatus]);
    }
    expect(reads).toEqual(Array(6).fill(["RUNNING", "RUNNING", "STOPPED", "STOPPED"]));
  });
});
