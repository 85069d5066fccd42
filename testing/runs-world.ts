/**
 * Runs for tests and the runs benchmark, made by real parts: work pools and deployments in the
 * Prefect server, flow runs submitted by the real `prefect worker start --type ecs` (so
 * infrastructure_pid is the worker's own) against the emulator, and failures made the way ECS
 * reports them (StopTask with the reason strings AWS documents).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import {
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  EC2Client,
} from "@aws-sdk/client-ec2";

import defaultTemplate from "@/lib/template/fixtures/prefect-ecs-default.json";
import type { JsonObject } from "@/lib/template/types";

import { spawnWorker } from "./real-worker";
import { emulatorClientConfig } from "@/testing/seed/ecs";

/** The emulator's default VPC, its subnets and a security group (moto's RunTask needs one for awsvpc). */
export async function defaultNetwork(endpoint: string) {
  const ec2 = new EC2Client(emulatorClientConfig(endpoint, "us-east-1"));
  const vpc = (
    await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: "isDefault", Values: ["true"] }] }))
  ).Vpcs![0]!.VpcId!;
  const subnets = (
    await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: "vpc-id", Values: [vpc] }] }))
  ).Subnets!.map((s) => s.SubnetId!);
  const group = (
    await ec2.send(
      new DescribeSecurityGroupsCommand({ Filters: [{ Name: "vpc-id", Values: [vpc] }] }),
    )
  ).SecurityGroups![0]!.GroupId!;
  return { vpc, subnets, group };
}

/**
 * Prefect's default ECS template aimed at `cluster` on Fargate in the default VPC's first subnet
 * (vpc_id left to the deployment), with CloudWatch logs on (so the task definition carries awslogs options the runs page reads).
 */
export function runsTemplate(
  cluster: string,
  network: Awaited<ReturnType<typeof defaultNetwork>>,
): JsonObject {
  const t = structuredClone(defaultTemplate) as unknown as JsonObject;
  const props = (t.variables as JsonObject).properties as Record<string, JsonObject>;
  props.cluster!.default = cluster;
  // the worker wraps this in awsvpcConfiguration; it refuses it without vpc_id, which the
  // deployments that should start set (so a deployment without it crashes like FINDINGS.md 14)
  props.network_configuration!.default = {
    subnets: [network.subnets[0]!],
    securityGroups: [network.group],
    assignPublicIp: "ENABLED",
  };
  // moto sums container-level cpu and memory when it places a task and fails without them
  const taskDefinition = (t.job_configuration as JsonObject).task_definition as JsonObject;
  Object.assign((taskDefinition.containerDefinitions as JsonObject[])[0]!, {
    cpu: 256,
    memory: 512,
  });
  props.configure_cloudwatch_logs!.default = true;
  props.execution_role_arn!.default = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole";
  return t;
}

/**
 * Runs `prefect worker start --pool <pool> --type ecs --run-once` straight against the emulator
 * and waits for it to exit: it submits every scheduled run of the pool, reports each task's
 * `<cluster>::<task ARN>` as the run's infrastructure_pid, and crashes the runs it cannot submit.
 */
export async function runWorkerOnce(opts: {
  pool: string;
  prefectApiUrl: string;
  awsEndpoint: string;
  timeoutMs: number;
}): Promise<{ code: number | null; log: string }> {
  const home = await mkdtemp(path.join(tmpdir(), "pooldeck-runs-"));
  const worker = spawnWorker({ ...opts, home, args: ["--run-once"] });
  const timer = setTimeout(() => worker.kill(), opts.timeoutMs);
  try {
    const { code } = await worker.exited;
    return { code, log: worker.log() };
  } finally {
    clearTimeout(timer);
    await rm(home, { recursive: true, force: true });
  }
}
