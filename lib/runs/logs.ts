import "server-only";

import { CloudWatchLogsClient, GetLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";

import { awsDeadlines, type EcsContext } from "@/lib/ecs/context";
import { toEcsError } from "@/lib/ecs/errors";
import { describeTaskDefinition } from "@/lib/ecs/reads";
import { withRetry } from "@/lib/ecs/retry";
import { getConfig } from "@/lib/env/server";

import type { RunDetail, RunTask } from "./types";

/** The number of log lines a run's page shows. */
export const LOG_TAIL_LINES = 50;

/** The smallest CloudWatch Logs client surface, so tests can hand in their own client. */
export type LogsSender = Pick<CloudWatchLogsClient, "send">;
export type LogsClientFactory = (region: string) => LogsSender;

const clients = new Map<string, CloudWatchLogsClient>();

/** The server's CloudWatch Logs client for `region` (AWS_ENDPOINT_URL_CLOUDWATCH_LOGS or AWS_ENDPOINT_URL when set). */
export function serverLogsClient(region: string): LogsSender {
  let c = clients.get(region);
  if (!c) {
    // lib/ecs's retry wraps every call; SDK retries on top would multiply them
    c = new CloudWatchLogsClient({
      region,
      endpoint: getConfig().aws.logsEndpoint,
      maxAttempts: 1,
      ...awsDeadlines(),
    });
    clients.set(region, c);
  }
  return c;
}

/** awslogs options of a container definition → group, stream and region of the task's stream. */
export function awslogsStream(
  options: Record<string, string> | undefined,
  container: string,
  taskArn: string,
): { group: string; stream: string; region: string | null } | { reason: string } {
  const group = options?.["awslogs-group"];
  const prefix = options?.["awslogs-stream-prefix"];
  if (!group) return { reason: `Container ${container} has no awslogs-group.` };
  if (!prefix) {
    return {
      reason: `Container ${container} logs to ${group} without awslogs-stream-prefix, so its stream has no name Pooldeck can derive.`,
    };
  }
  const taskId = taskArn.split("/").at(-1) ?? taskArn;
  return {
    group,
    stream: `${prefix}/${container}/${taskId}`,
    region: options["awslogs-region"] ?? null,
  };
}

/**
 * The last 50 lines of `container`'s CloudWatch stream, named from the task definition's awslogs
 * options (`<prefix>/<container>/<task id>`). AccessDenied names the missing IAM action.
 */
export async function readLogTail(
  ctx: EcsContext,
  logsClient: LogsClientFactory,
  region: string,
  task: RunTask,
  container: string | null,
): Promise<RunDetail["logs"]> {
  if (!container) return { kind: "none", reason: "The task has no container." };
  if (!task.taskDefinition)
    return { kind: "none", reason: "ECS did not name the task definition." };
  let options: Record<string, string> | undefined;
  let driver: string | undefined;
  try {
    const definition = await describeTaskDefinition(ctx, region, task.taskDefinition);
    const def = definition.containerDefinitions?.find((c) => c.name === container);
    driver = def?.logConfiguration?.logDriver;
    options = def?.logConfiguration?.options;
  } catch (err) {
    return { kind: "unavailable", message: toEcsError(err, "DescribeTaskDefinition").message };
  }
  if (driver !== "awslogs") {
    return {
      kind: "none",
      reason: `Container ${container} does not log to CloudWatch (log driver: ${driver ?? "none"}).`,
    };
  }
  const where = awslogsStream(options, container, task.taskArn);
  if ("reason" in where) return { kind: "none", reason: where.reason };
  const client = logsClient(where.region ?? region);
  try {
    const out = await ctx.limiter.run(() =>
      withRetry(
        () =>
          client.send(
            new GetLogEventsCommand({
              logGroupName: where.group,
              logStreamName: where.stream,
              limit: LOG_TAIL_LINES,
              startFromHead: false,
            }),
          ),
        ctx.retry,
      ),
    );
    return {
      kind: "lines",
      group: where.group,
      stream: where.stream,
      lines: (out.events ?? []).map((e) => ({
        timestamp: new Date(e.timestamp ?? 0).toISOString(),
        message: e.message ?? "",
      })),
    };
  } catch (err) {
    if ((err as { name?: string }).name === "ResourceNotFoundException") {
      return {
        kind: "none",
        reason: `The log stream ${where.group}/${where.stream} does not exist (the container may never have started).`,
      };
    }
    return { kind: "unavailable", message: toEcsError(err, "GetLogEvents", "logs").message };
  }
}
