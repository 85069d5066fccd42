import "server-only";

import { createHash } from "node:crypto";

import type { Task as AwsTask } from "@aws-sdk/client-ecs";

import type { EcsContext } from "@/lib/ecs/context";
import { toEcsError } from "@/lib/ecs/errors";
import { toContainerInstance } from "@/lib/ecs/map";
import { describeContainerInstances, describeTasks } from "@/lib/ecs/reads";

import type { RunTask, RunTaskLookup } from "./types";

/** A task reference parsed from prefect-aws's infrastructure_pid `<cluster>::<task ARN>`. */
export interface TaskRef {
  cluster: string;
  taskArn: string;
  region: string;
}

const TASK_ARN = /^arn:aws[\w-]*:ecs:([a-z0-9-]+):\d{12}:task\/.+$/;

/**
 * Parses `<cluster>::<task ARN>` (prefect-aws splits once on "::", as ARNs hold single colons).
 * Anything else is not an ECS task Pooldeck can look up: null.
 */
export function parseInfrastructurePid(pid: string | null): TaskRef | null {
  if (!pid) return null;
  const at = pid.indexOf("::");
  if (at <= 0) return null;
  const cluster = pid.slice(0, at);
  const taskArn = pid.slice(at + 2);
  const match = TASK_ARN.exec(taskArn);
  if (!match) return null;
  return { cluster, taskArn, region: match[1]! };
}

const iso = (d: Date | undefined) => (d ? new Date(d).toISOString() : null);

/** The container instance a task ran on, as DescribeContainerInstances tells it. */
export interface TaskInstance {
  instanceType: string | null;
  ec2InstanceId: string | null;
}

/**
 * DescribeTasks' task in the shape the runs pages show; `instance` is the container instance it
 * ran on (EC2 tasks), whose attributes carry the instance type that the task itself does not.
 */
export function toRunTask(task: AwsTask, cluster: string, instance?: TaskInstance): RunTask {
  const definition = task.taskDefinitionArn?.split(":task-definition/")[1] ?? null;
  return {
    cluster,
    taskArn: task.taskArn ?? "",
    lastStatus: task.lastStatus ?? null,
    desiredStatus: task.desiredStatus ?? null,
    // the emulator answers "" for a task a capacity provider placed
    launchType: task.launchType || null,
    // the task's own: a task started with launchType EC2 ran on a provider's instance without the
    // provider placing it
    capacityProviderName: task.capacityProviderName ?? null,
    instanceType: instance?.instanceType ?? null,
    containerInstanceArn: task.containerInstanceArn ?? null,
    ec2InstanceId: instance?.ec2InstanceId ?? null,
    // the emulator answers "" where ECS leaves the field out
    stopCode: task.stopCode || null,
    stoppedReason: task.stoppedReason || null,
    containers: (task.containers ?? []).map((c) => ({
      name: c.name ?? "",
      lastStatus: c.lastStatus ?? null,
      exitCode: c.exitCode ?? null,
      reason: c.reason ?? null,
      image: c.image || null,
      imageDigest: c.imageDigest || null,
    })),
    taskDefinition: definition,
    cpu: task.cpu ?? null,
    memory: task.memory ?? null,
    createdAt: iso(task.createdAt),
    pullStartedAt: iso(task.pullStartedAt),
    pullStoppedAt: iso(task.pullStoppedAt),
    startedAt: iso(task.startedAt),
    stoppingAt: iso(task.stoppingAt),
    stoppedAt: iso(task.stoppedAt),
  };
}

/** What a lookup of many infrastructure_pids found, and a sentence per failed DescribeTasks. */
export interface TaskLookups {
  byPid: Map<string, RunTaskLookup>;
  problems: string[];
}

/** The cache key of one read of a set of ARNs in a cluster (the same set in any order, one key). */
function setKey(kind: string, region: string, cluster: string, arns: string[]): string {
  const digest = createHash("sha256")
    .update([...arns].sort().join("\n"))
    .digest("base64url");
  return `${kind}:${region}:${cluster}:${digest}`;
}

/**
 * Looks up every pid's task: grouped by region and cluster, ≤ 100 tasks per DescribeTasks call,
 * all calls in parallel within the context's limiter. Each cluster's answer is kept in the
 * context's cache (15 s on the server, like the cluster reads) keyed by the set of task ARNs, so
 * page views of the same runs within the TTL share one DescribeTasks (and one
 * DescribeContainerInstances) however many users look. Tasks ECS no longer returns (failure reason
 * MISSING, or simply absent) are gone; a failed call makes its tasks unavailable, naming why.
 */
export async function lookupTasks(ctx: EcsContext, pids: (string | null)[]): Promise<TaskLookups> {
  const byPid = new Map<string, RunTaskLookup>();
  const groups = new Map<string, { region: string; cluster: string; refs: Map<string, string> }>();
  for (const pid of pids) {
    if (!pid || byPid.has(pid)) continue;
    const ref = parseInfrastructurePid(pid);
    if (!ref) {
      byPid.set(pid, { kind: "not-ecs", raw: pid });
      continue;
    }
    const key = `${ref.region}\n${ref.cluster}`;
    const group = groups.get(key) ?? { region: ref.region, cluster: ref.cluster, refs: new Map() };
    group.refs.set(ref.taskArn, pid);
    groups.set(key, group);
  }
  const problems = new Set<string>();
  await Promise.all(
    [...groups.values()].map(async ({ region, cluster, refs }) => {
      try {
        const arns = [...refs.keys()];
        const { value: out } = await ctx.cache.get(setKey("tasks", region, cluster, arns), () =>
          describeTasks(ctx, region, cluster, arns),
        );
        const found = new Map(out.tasks.map((t) => [t.taskArn, t]));
        const failed = new Map(out.failures.map((f) => [f.arn, f.reason]));
        const instances = await instancesOf(ctx, region, cluster, out.tasks);
        for (const [taskArn, pid] of refs) {
          const task = found.get(taskArn);
          const reason = failed.get(taskArn);
          if (task) {
            const instance = task.containerInstanceArn
              ? instances.get(task.containerInstanceArn)
              : undefined;
            byPid.set(pid, { kind: "found", task: toRunTask(task, cluster, instance) });
          } else if (reason && reason !== "MISSING") {
            byPid.set(pid, {
              kind: "unavailable",
              cluster,
              taskArn,
              message: `ECS could not describe the task: ${reason}`,
            });
          } else byPid.set(pid, { kind: "gone", cluster, taskArn });
        }
      } catch (err) {
        const { message } = toEcsError(err, "DescribeTasks");
        problems.add(message);
        for (const [taskArn, pid] of refs) {
          byPid.set(pid, { kind: "unavailable", cluster, taskArn, message });
        }
      }
    }),
  );
  return { byPid, problems: [...problems] };
}

/**
 * The container instances the tasks ran on (≤ 100 per DescribeContainerInstances call). Where a
 * task ran is a detail: when the read fails the tasks are still shown, without instance type.
 */
async function instancesOf(
  ctx: EcsContext,
  region: string,
  cluster: string,
  tasks: AwsTask[],
): Promise<Map<string, TaskInstance>> {
  const arns = [...new Set(tasks.flatMap((t) => t.containerInstanceArn ?? []))];
  const instances = new Map<string, TaskInstance>();
  if (arns.length === 0) return instances;
  try {
    const { value } = await ctx.cache.get(setKey("task-instances", region, cluster, arns), () =>
      describeContainerInstances(ctx, region, cluster, arns),
    );
    for (const raw of value) {
      const instance = toContainerInstance(raw);
      instances.set(instance.arn, {
        instanceType: instance.instanceType,
        ec2InstanceId: instance.ec2InstanceId,
      });
    }
  } catch {
    // the tasks themselves were read; only where they ran is left out
  }
  return instances;
}

/** The lookup for a run's pid (not-ecs for a run without one). */
export function lookupFor(lookups: TaskLookups, pid: string | null): RunTaskLookup {
  return (pid ? lookups.byPid.get(pid) : undefined) ?? { kind: "not-ecs", raw: pid };
}
