/**
 * Each run diagnosis on the shapes ECS really returns. The emulator gives no stopCode, timestamps
 * or container exit reasons, so these tests build DescribeTasks results (mapped to RunTask) from
 * the strings in AWS's API reference and troubleshooting guides, cited at each case.
 */
import { describe, expect, it } from "vitest";

import ecsDefault from "@/lib/template/fixtures/prefect-ecs-default.json";
import type { ClusterSnapshot } from "@/lib/snapshot/schema";
import type { JsonValue } from "@/lib/template/types";

import type { RunContainer, RunFlowRun, RunTask, RunTaskLookup } from "../types";
import { diagnose, RUN_DIAGNOSES } from "./index";
import { type DiagnosisContext } from "./rules";

const template = ecsDefault as unknown as JsonValue;
const NOW = new Date("2026-12-06T05:00:00Z");
const ctx: DiagnosisContext = { poolType: "ecs", now: NOW, workers: null };

function flowRun(over: Partial<RunFlowRun> = {}): RunFlowRun {
  return {
    id: "0b6c0f6e-0000-4000-8000-000000000001",
    name: "brave-otter",
    stateType: "FAILED",
    stateName: "Failed",
    stateMessage: null,
    deploymentId: "d-1",
    deploymentName: "nightly",
    flowName: "etl",
    expectedStartTime: "2026-12-06T04:50:00Z",
    startTime: "2026-12-06T04:50:05Z",
    endTime: null,
    infrastructurePid: "prod::arn:aws:ecs:us-east-1:123456789012:task/prod/abc",
    ...over,
  };
}

function container(over: Partial<RunContainer> = {}): RunContainer {
  return {
    name: "prefect",
    lastStatus: "STOPPED",
    exitCode: null,
    reason: null,
    image: null,
    imageDigest: null,
    ...over,
  };
}

function task(over: Partial<RunTask> = {}): RunTaskLookup {
  return {
    kind: "found",
    task: {
      cluster: "prod",
      taskArn: "arn:aws:ecs:us-east-1:123456789012:task/prod/abc",
      lastStatus: "STOPPED",
      desiredStatus: "STOPPED",
      launchType: "FARGATE",
      capacityProviderName: null,
      instanceType: null,
      containerInstanceArn: null,
      ec2InstanceId: null,
      stopCode: "TaskFailedToStart",
      stoppedReason: null,
      containers: [container()],
      taskDefinition: "prefect-etl:3",
      cpu: "1024",
      memory: "2048",
      createdAt: "2026-12-06T04:50:06Z",
      pullStartedAt: null,
      pullStoppedAt: null,
      startedAt: null,
      stoppingAt: null,
      stoppedAt: "2026-12-06T04:51:00Z",
      ...over,
    },
  };
}

const rules = (d: ReturnType<typeof diagnose>) => d.map((x) => x.rule);

describe("the catalog", () => {
  it("has stable, unique ids", () => {
    expect(RUN_DIAGNOSES.map((d) => d.id)).toEqual([
      "run/image-pull-failed",
      "run/secrets-or-logs-init-failed",
      "run/out-of-memory",
      "run/no-capacity",
      "run/subnet-exhausted",
      "run/stuck-provisioning",
      "run/submission-crashed",
      "run/flow-code-failed",
      "run/no-worker",
    ]);
  });
});

describe("run/image-pull-failed", () => {
  // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_cannot_pull_image.html
  const reason =
    "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref docker.io/library/prefecthq/prefect:nope: docker.io/library/prefecthq/prefect:nope: not found";

  it("fires on the stopped reason and points at the image variable", () => {
    const [d] = diagnose(flowRun(), task({ stoppedReason: reason }), template, ctx);
    expect(d).toEqual({
      rule: "run/image-pull-failed",
      severity: "error",
      summary: "ECS could not pull the image",
      message: `ECS stopped the task before the flow started: "${reason}". The image name or tag may not exist, the execution role may lack ecr:GetAuthorizationToken and ecr:BatchGetImage (or the registry credentials secret), or the task's subnets have no route to the registry (no NAT gateway, public IP or VPC endpoint). Check the image first.`,
      target: { document: "template", path: "/variables/properties/image" },
    });
  });

  it("points at the deployment's job_variables when the deployment sets the image", () => {
    const [d] = diagnose(flowRun(), task({ stoppedReason: reason }), template, {
      ...ctx,
      jobVariables: { image: "prefecthq/prefect:nope" },
    });
    expect(d!.target).toEqual({ document: "job_variables", deploymentId: "d-1", path: "/image" });
  });

  it("stays quiet for a task stopped by a user (StopTask's reason)", () => {
    expect(
      diagnose(
        flowRun(),
        task({ stopCode: "UserInitiated", stoppedReason: "Task stopped by user" }),
        template,
        ctx,
      ),
    ).toEqual([]);
  });
});

describe("run/secrets-or-logs-init-failed", () => {
  // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/resource-initialization-error.html
  const reason =
    "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 1 time(s): AccessDeniedException: User is not authorized to perform: secretsmanager:GetSecretValue";

  it("fires and points at execution_role_arn", () => {
    const found = diagnose(flowRun(), task({ stoppedReason: reason }), template, ctx);
    expect(rules(found)).toEqual(["run/secrets-or-logs-init-failed"]);
    expect(found[0]!.target).toEqual({
      document: "template",
      path: "/variables/properties/execution_role_arn",
    });
    expect(found[0]!.message).toContain(`"${reason}"`);
  });

  it("stays quiet for a CannotStartContainerError", () => {
    // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cannot-start-container.html
    const found = diagnose(
      flowRun(),
      task({ stoppedReason: "CannotStartContainerError: failed to get container status: unknown" }),
      template,
      ctx,
    );
    expect(found).toEqual([]);
  });
});

describe("run/out-of-memory", () => {
  // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/out-of-memory.html
  const oom = container({
    exitCode: 137,
    reason: "OutOfMemoryError: Container killed due to memory usage",
  });

  it("fires on exit 137 with OutOfMemoryError and points at memory", () => {
    const found = diagnose(
      flowRun(),
      task({
        stopCode: "EssentialContainerExited",
        stoppedReason: "Essential container in task exited",
        containers: [oom],
      }),
      template,
      ctx,
    );
    expect(found).toEqual([
      {
        rule: "run/out-of-memory",
        severity: "error",
        summary: "Container prefect ran out of memory",
        message:
          'Container prefect (the flow) was killed with exit code 137: "OutOfMemoryError: Container killed due to memory usage". It used more memory than the task allows (the task had 2048 MiB). Raise memory (with a matching cpu on Fargate) or make the flow use less.',
        target: { document: "template", path: "/variables/properties/memory" },
      },
    ]);
  });

  it("stays quiet for exit 143 (SIGTERM on StopTask)", () => {
    const found = diagnose(
      flowRun(),
      task({ stopCode: "UserInitiated", containers: [container({ exitCode: 143 })] }),
      template,
      ctx,
    );
    expect(found).toEqual([]);
  });
});

describe("run/no-capacity", () => {
  // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/api_failures_messages.html
  const snapshot = {
    cluster: { name: "prod" },
    capacityProviders: [{ name: "asg", autoScalingGroupArn: "arn:aws:autoscaling:…" }],
    containerInstances: [
      { status: "ACTIVE", registered: { cpu: 2048, memory: 3904 } },
      { status: "ACTIVE", registered: { cpu: 1024, memory: 1952 } },
    ],
  } as unknown as ClusterSnapshot;

  it("fires on RESOURCE:MEMORY and compares the task with the largest instance", () => {
    const found = diagnose(
      flowRun(),
      task({
        stoppedReason: "TaskFailedToStart: RESOURCE:MEMORY",
        memory: "8192",
        launchType: "EC2",
      }),
      template,
      { ...ctx, snapshot },
    );
    expect(rules(found)).toEqual(["run/no-capacity"]);
    expect(found[0]!.summary).toBe("No instance had enough memory");
    expect(found[0]!.message).toBe(
      'ECS could not place the task: "TaskFailedToStart: RESOURCE:MEMORY". The task can never fit: memory 8192 MiB is more than the largest instance\'s 3904 MiB. Lower memory, use a capacity provider whose instances are large enough, or let its Auto Scaling group scale out (maximum above zero, managed scaling on).',
    );
    expect(found[0]!.target).toEqual({
      document: "template",
      path: "/variables/properties/memory",
    });
  });

  it("fires on the capacity provider's empty-group reason in a crashed submission, instead of submission-crashed", () => {
    const message =
      "Failed to submit flow run to infrastructure: RuntimeError: Failed to run ECS task: No Container Instances were found in your capacity provider.";
    const found = diagnose(
      flowRun({ stateType: "CRASHED", stateName: "Crashed", stateMessage: message }),
      { kind: "not-ecs", raw: null },
      template,
      { ...ctx, snapshot: { ...snapshot, containerInstances: [] } },
    );
    expect(rules(found)).toEqual(["run/no-capacity"]);
    expect(found[0]!.message).toContain(
      "Cluster prod has no active container instance (its Auto Scaling group is at zero or still scaling out).",
    );
    expect(found[0]!.target).toEqual({
      document: "template",
      path: "/variables/properties/capacity_provider_strategy",
    });
  });

  it("stays quiet for a task that fit (RESOURCE:PORTS is not about cpu or memory)", () => {
    expect(
      diagnose(
        flowRun(),
        task({ stoppedReason: "TaskFailedToStart: RESOURCE:PORTS" }),
        template,
        ctx,
      ),
    ).toEqual([]);
  });
});

describe("run/subnet-exhausted", () => {
  // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/api_failures_messages.html
  const reason =
    "Unexpected EC2 error while attempting to Create Network Interface in subnet 'subnet-0a1b2c3d': InsufficientFreeAddressesInSubnet";

  it("fires and points at network_configuration", () => {
    const found = diagnose(flowRun(), task({ stoppedReason: reason }), template, ctx);
    expect(rules(found)).toEqual(["run/subnet-exhausted"]);
    expect(found[0]!.target).toEqual({
      document: "template",
      path: "/variables/properties/network_configuration",
    });
  });

  it("stays quiet for another ENI error", () => {
    const other =
      "Unexpected EC2 error while attempting to Create Network Interface in subnet 'subnet-0a1b2c3d': InvalidSubnetID.NotFound";
    expect(diagnose(flowRun(), task({ stoppedReason: other }), template, ctx)).toEqual([]);
  });
});

describe("run/stuck-provisioning", () => {
  const provisioning = (createdAt: string) =>
    task({
      lastStatus: "PROVISIONING",
      desiredStatus: "RUNNING",
      stopCode: null,
      stoppedAt: null,
      createdAt,
    });

  it("fires after 10 minutes in PROVISIONING", () => {
    const found = diagnose(
      flowRun({ stateType: "PENDING", stateName: "Pending" }),
      provisioning("2026-12-06T04:47:00Z"),
      template,
      ctx,
    );
    expect(rules(found)).toEqual(["run/stuck-provisioning"]);
    expect(found[0]!.summary).toBe("PROVISIONING for 13 minutes");
  });

  it("stays quiet at 9 minutes", () => {
    expect(
      diagnose(
        flowRun({ stateType: "PENDING", stateName: "Pending" }),
        provisioning("2026-12-06T04:51:00Z"),
        template,
        ctx,
      ),
    ).toEqual([]);
  });
});

describe("run/submission-crashed", () => {
  // the worker's own message, seen by the ground-truth harness (scripts/ground-truth/FINDINGS.md, 14)
  const message =
    "Failed to submit flow run to infrastructure: ValidationError: 1 validation error for ECSJobConfiguration\n  Value error, You must provide a `vpc_id` to enable custom `network_configuration`.";
  const crashed = flowRun({ stateType: "CRASHED", stateName: "Crashed", stateMessage: message });
  const network = { awsvpcConfiguration: { subnets: ["subnet-1"], assignPublicIp: "ENABLED" } };

  it("names the check rule and points at the value it flags", () => {
    const found = diagnose(crashed, { kind: "not-ecs", raw: null }, template, {
      ...ctx,
      jobVariables: { network_configuration: network },
    });
    expect(rules(found)).toEqual(["run/submission-crashed"]);
    expect(found[0]).toMatchObject({
      checkRule: "prefect/network-configuration-requires-vpc-id",
      target: { document: "job_variables", deploymentId: "d-1", path: "/network_configuration" },
    });
  });

  it("stays quiet for a Crashed run the worker did submit", () => {
    const other = flowRun({
      stateType: "CRASHED",
      stateName: "Crashed",
      stateMessage: "Flow run infrastructure exited with non-zero status code 1.",
    });
    expect(diagnose(other, { kind: "not-ecs", raw: null }, template, ctx)).toEqual([]);
  });
});

describe("run/flow-code-failed", () => {
  // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/stopped-task-error-codes.html
  const stopped = (exitCode: number) =>
    task({
      stopCode: "EssentialContainerExited",
      stoppedReason: "Essential container in task exited",
      startedAt: "2026-12-06T04:50:40Z",
      containers: [container({ exitCode })],
    });

  it("fires when the flow container exited 1", () => {
    const found = diagnose(flowRun(), stopped(1), template, ctx);
    expect(found).toEqual([
      {
        rule: "run/flow-code-failed",
        severity: "info",
        summary: "The flow failed (exit 1)",
        message:
          "Container prefect started and exited with code 1: the flow's own code failed, not the infrastructure. The log tail of the run shows the error; fix the flow (or its parameters) rather than the pool.",
      },
    ]);
  });

  it("stays quiet when it exited 0", () => {
    expect(diagnose(flowRun({ stateType: "COMPLETED" }), stopped(0), template, ctx)).toEqual([]);
  });
});

describe("run/no-worker", () => {
  const late = flowRun({
    stateType: "SCHEDULED",
    stateName: "Late",
    startTime: null,
    infrastructurePid: null,
  });
  const none: RunTaskLookup = { kind: "not-ecs", raw: null };

  it("fires for a Late run when the last heartbeat is older than three intervals", () => {
    const found = diagnose(late, none, template, {
      ...ctx,
      workers: [{ name: "w1", lastHeartbeat: "2026-12-06T04:58:29Z", status: "OFFLINE" }],
    });
    expect(found).toEqual([
      {
        rule: "run/no-worker",
        severity: "error",
        summary: "No worker has polled recently",
        message:
          "The run is Late and waits for a worker, but no worker of this pool has sent a heartbeat within 3 of its heartbeat intervals (last: 2026-12-06T04:58:29Z). Start one: prefect worker start --pool <pool> --type ecs.",
      },
    ]);
  });

  it("stays quiet with a heartbeat 90 s ago (three default 30 s intervals), on a push pool, and when workers are unknown", () => {
    const alive = [{ name: "w1", lastHeartbeat: "2026-12-06T04:58:30Z", status: "ONLINE" }];
    expect(diagnose(late, none, template, { ...ctx, workers: alive })).toEqual([]);
    expect(diagnose(late, none, template, { ...ctx, poolType: "ecs:push", workers: [] })).toEqual(
      [],
    );
    expect(diagnose(late, none, template, { ...ctx, workers: null })).toEqual([]);
  });

  it("counts in the worker's own heartbeat interval", () => {
    const slow = [
      {
        name: "w1",
        lastHeartbeat: "2026-12-06T04:57:00Z",
        status: "ONLINE",
        heartbeatIntervalSeconds: 60,
      },
    ];
    expect(diagnose(late, none, template, { ...ctx, workers: slow })).toEqual([]);
    const fast = [{ ...slow[0]!, heartbeatIntervalSeconds: 10 }];
    expect(rules(diagnose(late, none, template, { ...ctx, workers: fast }))).toEqual([
      "run/no-worker",
    ]);
  });

  it("says so when no worker ever polled", () => {
    const found = diagnose(late, none, template, { ...ctx, workers: [] });
    expect(found[0]!.summary).toBe("No worker polls this pool");
  });
});
