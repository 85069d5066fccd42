/**
 * DescribeTasks tasks as the Amazon ECS API reference documents them (the Task and Container data
 * types, timestamps parsed to Dates as the SDK does), mapped with the runs pages' own toRunTask,
 * and the flow runs around them: the emulator returns no task timestamps nor image digests, so the
 * start-latency tests build these shapes.
 */
import type { Task as AwsTask } from "@aws-sdk/client-ecs";

import { toRunTask } from "@/lib/runs/tasks";
import type { PoolRun, RunTaskLookup } from "@/lib/runs/types";

export const ACCOUNT = "arn:aws:ecs:us-east-1:123456789012";
export const DIGEST_A = "sha256:1b0d3a5c9e2f4a6b8c0d2e4f6a8b0c2d4e6f8a0b2c4d6e8f0a2b4c6d8e0f2a4b";
export const DIGEST_B = "sha256:7e9f1a3b5c7d9e1f3a5b7c9d1e3f5a7b9c1d3e5f7a9b1c3d5e7f9a1b3c5d7e9f";
export const INSTANCE_1 = `${ACCOUNT}:container-instance/prod/5e1a8c2f0b3d4e6f8a9b0c1d2e3f4a5b`;
export const INSTANCE_2 = `${ACCOUNT}:container-instance/prod/9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f`;

/** A stopped task of "prefect-etl:7" as the SDK parses DescribeTasks (timestamps become Dates). */
export function awsTask(id: string, over: Partial<AwsTask>): AwsTask {
  return {
    taskArn: `${ACCOUNT}:task/prod/${id}`,
    clusterArn: `${ACCOUNT}:cluster/prod`,
    taskDefinitionArn: `${ACCOUNT}:task-definition/prefect-etl:7`,
    lastStatus: "STOPPED",
    desiredStatus: "STOPPED",
    cpu: "1024",
    memory: "2048",
    containers: [
      {
        name: "prefect",
        image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/flows:2026-12-01",
        imageDigest: DIGEST_A,
        lastStatus: "STOPPED",
      },
    ],
    ...over,
  };
}

export const at = (iso: string) => new Date(iso);

/** A flow run of `deployment` (default "nightly") with its task lookup. */
export function run(
  id: string,
  expected: string | null,
  task: RunTaskLookup,
  deployment = "nightly",
): PoolRun {
  return {
    flowRun: {
      id,
      name: `run-${id}`,
      stateType: "COMPLETED",
      stateName: "Completed",
      stateMessage: null,
      deploymentId: "d-1",
      deploymentName: deployment,
      flowName: "etl",
      expectedStartTime: expected,
      startTime: null,
      endTime: null,
      infrastructurePid: null,
    },
    task,
    diagnoses: [],
  };
}

/** DescribeTasks' task mapped as lib/runs maps it; an instance type means it ran on a container instance. */
export const found = (t: AwsTask, instanceType: string | null = null): RunTaskLookup => ({
  kind: "found",
  task: toRunTask(
    t,
    "prod",
    instanceType ? { instanceType, ec2InstanceId: "i-0a1b2c3d" } : undefined,
  ),
});

/**
 * A task of provider "general-asg" on `instance`, created at `created`: 2 s provisioning, a pull of
 * `pullMs`, 1.5 s container start; `over` replaces any field.
 */
export const ec2Task = (
  id: string,
  created: string,
  pullMs: number,
  instance: string,
  digest = DIGEST_A,
  over: Partial<AwsTask> = {},
) => {
  const c = Date.parse(created);
  return awsTask(id, {
    launchType: "EC2",
    capacityProviderName: "general-asg",
    containerInstanceArn: instance,
    containers: [{ name: "prefect", image: "flows:2026-12-01", imageDigest: digest }],
    createdAt: new Date(c),
    pullStartedAt: new Date(c + 2_000),
    pullStoppedAt: new Date(c + 2_000 + pullMs),
    startedAt: new Date(c + 2_000 + pullMs + 1_500),
    ...over,
  });
};

/** A Fargate task of `provider` created at `created`: `provisionMs`, a pull of `pullMs`, 1 s start. */
export const fargateTask = (
  id: string,
  created: string,
  provisionMs: number,
  pullMs: number,
  provider = "FARGATE",
) => {
  const c = Date.parse(created);
  return awsTask(id, {
    launchType: "FARGATE",
    capacityProviderName: provider,
    createdAt: new Date(c),
    pullStartedAt: new Date(c + provisionMs),
    pullStoppedAt: new Date(c + provisionMs + pullMs),
    startedAt: new Date(c + provisionMs + pullMs + 1_000),
  });
};
