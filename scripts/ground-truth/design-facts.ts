/**
 * docs/design.md's claims about the prefect-aws ECS worker, per scenario, as exact facts about the
 * requests the worker sends. The live test checks them against the real worker, so a Prefect
 * upgrade that changes the behaviour fails here with the claim's wording.
 */
import type { JsonObject } from "@/lib/template/types";

import type { Capture } from "./harness";

export type Facts = {
  /** RunTask launchType; null = key absent */
  launchType: string | null;
  /** RunTask capacityProviderStrategy provider names; null = key absent */
  strategy: string[] | null;
  /** registered task definition's requiresCompatibilities/networkMode; null = not registered / key absent */
  requiresCompatibilities: string[] | null;
  networkMode: string | null;
  /** task-level cpu/memory of the registered task definition */
  taskCpuMemory: [string, string] | null;
  /** RunTask networkConfiguration.awsvpcConfiguration.assignPublicIp; null = no networkConfiguration */
  assignPublicIp: string | null;
};

/** Reads the facts above from a capture. */
export function factsOf(c: Capture): Facts | { failure: string } {
  const rt = c.worker.runTask;
  if (!rt) {
    // "Failed to submit flow run …: ValidationError: … Value error, <reason> [type=value_error, …"
    const message = c.worker.failure?.message ?? "";
    const reason = /Value error, (.*?) \[type=/.exec(message)?.[1] ?? message;
    return { failure: `${c.worker.failure?.state}: ${reason}` };
  }
  const td = c.worker.registerTaskDefinition;
  const strategy = rt.capacityProviderStrategy as JsonObject[] | undefined;
  const awsvpc = (rt.networkConfiguration as JsonObject | undefined)?.awsvpcConfiguration as
    JsonObject | undefined;
  return {
    launchType: (rt.launchType as string | undefined) ?? null,
    strategy: strategy ? strategy.map((s) => String(s.capacityProvider)) : null,
    requiresCompatibilities: (td?.requiresCompatibilities as string[] | undefined) ?? null,
    networkMode: (td?.networkMode as string | undefined) ?? null,
    taskCpuMemory: td?.cpu !== undefined ? [String(td.cpu), String(td.memory)] : null,
    assignPublicIp: awsvpc ? String(awsvpc.assignPublicIp) : null,
  };
}

const fargate = { requiresCompatibilities: ["FARGATE"], networkMode: "awsvpc" };
const ec2Shaped = { requiresCompatibilities: null, networkMode: null };

/** What docs/design.md ("What the prefect-aws ECS worker does") says each scenario must produce. */
export const EXPECTED_FACTS: Record<string, { claim: string; facts: Facts | { failure: string } }> =
  {
    "fargate-default": {
      claim:
        "empty cluster/strategy, launch_type FARGATE: Fargate-shaped task definition (1024/2048), public IP",
      facts: {
        launchType: "FARGATE",
        strategy: null,
        ...fargate,
        taskCpuMemory: ["1024", "2048"],
        assignPublicIp: "ENABLED",
      },
    },
    "option-a-ec2": {
      claim:
        "launch_type EC2: launchType EC2 kept, EC2-shaped task definition (no awsvpc), no network configuration",
      facts: {
        launchType: "EC2",
        strategy: null,
        ...ec2Shaped,
        taskCpuMemory: ["512", "1024"],
        assignPublicIp: null,
      },
    },
    "option-b-strategy-launch-type-kept": {
      claim:
        "a strategy removes launchType; launch_type left at FARGATE registers a Fargate-shaped task definition",
      facts: {
        launchType: null,
        strategy: ["gt-asg-provider"],
        ...fargate,
        taskCpuMemory: ["1024", "2048"],
        assignPublicIp: "ENABLED",
      },
    },
    "option-b-strategy-launch-type-ec2": {
      claim:
        "a strategy removes launchType; launch_type EC2 registers an EC2-shaped task definition",
      facts: {
        launchType: null,
        strategy: ["gt-asg-provider"],
        ...ec2Shaped,
        taskCpuMemory: null,
        assignPublicIp: null,
      },
    },
    "option-b-strategy-no-launch-type": {
      claim:
        "no launchType in the template: EC2-shaped task definition; the strategy reaches RunTask alone",
      facts: {
        launchType: null,
        strategy: ["gt-asg-provider", "gt-asg-provider-2"],
        ...ec2Shaped,
        taskCpuMemory: null,
        assignPublicIp: null,
      },
    },
    "no-launch-type-no-strategy": {
      claim:
        "empty launchType → FARGATE unless the task definition requires EC2 (a registered EC2-shaped one does not say so)",
      facts: {
        launchType: "FARGATE",
        strategy: null,
        ...ec2Shaped,
        taskCpuMemory: null,
        assignPublicIp: null,
      },
    },
    "ec2-task-definition-no-launch-type": {
      claim:
        "empty launchType and a task definition that requires EC2: the key is removed (cluster default strategy)",
      facts: {
        launchType: null,
        strategy: null,
        requiresCompatibilities: ["EC2"],
        networkMode: null,
        taskCpuMemory: null,
        assignPublicIp: null,
      },
    },
    "fargate-spot": {
      claim:
        "FARGATE_SPOT becomes [{capacityProvider: FARGATE_SPOT, weight: 1}] with a Fargate-shaped task definition",
      facts: {
        launchType: null,
        strategy: ["FARGATE_SPOT"],
        ...fargate,
        taskCpuMemory: ["512", "1024"],
        assignPublicIp: "ENABLED",
      },
    },
    "existing-task-definition": {
      claim:
        "with task_definition_arn nothing is registered; an EC2 bridge task definition gets no network configuration",
      facts: {
        launchType: "EC2",
        strategy: null,
        requiresCompatibilities: null,
        networkMode: null,
        taskCpuMemory: null,
        assignPublicIp: null,
      },
    },
    "custom-network-configuration": {
      claim: "network_configuration (with vpc_id) is sent as awsvpcConfiguration",
      facts: {
        launchType: "FARGATE",
        strategy: null,
        ...fargate,
        taskCpuMemory: ["1024", "2048"],
        assignPublicIp: "DISABLED",
      },
    },
    "vpc-id-only": {
      claim: "awsvpc without network configuration: subnets of vpc_id, assignPublicIp ENABLED",
      facts: {
        launchType: "FARGATE",
        strategy: null,
        ...fargate,
        taskCpuMemory: ["1024", "2048"],
        assignPublicIp: "ENABLED",
      },
    },
    "cloudwatch-logs": {
      claim:
        "configure_cloudwatch_logs (with execution_role_arn) changes only the container's logConfiguration",
      facts: {
        launchType: "FARGATE",
        strategy: null,
        ...fargate,
        taskCpuMemory: ["1024", "2048"],
        assignPublicIp: "ENABLED",
      },
    },
    "env-merge": {
      claim: "env is merged key by key; the rest of the scenario is Fargate-shaped",
      facts: {
        launchType: "FARGATE",
        strategy: null,
        ...fargate,
        taskCpuMemory: ["1024", "2048"],
        assignPublicIp: "ENABLED",
      },
    },
    "network-configuration-without-vpc-id": {
      claim: "network_configuration requires vpc_id (run-time error otherwise)",
      facts: {
        failure: "CRASHED: You must provide a `vpc_id` to enable custom `network_configuration`.",
      },
    },
    "cloudwatch-logs-without-execution-role": {
      claim: "configure_cloudwatch_logs requires execution_role_arn",
      facts: {
        failure:
          "CRASHED: An `execution_role_arn` must be provided to use `configure_cloudwatch_logs` or `stream_logs`.",
      },
    },
    "api-key-secret-arn-self-hosted": {
      claim:
        "(not in docs/design.md) prefect_api_key_secret_arn on a worker without PREFECT_API_KEY crashes the run",
      facts: {
        failure:
          "CRASHED: Failed to submit flow run to infrastructure: KeyError: 'PREFECT_API_KEY'",
      },
    },
  };
