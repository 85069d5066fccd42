import { describe, expect, it } from "vitest";

import { awsError, mockedContext } from "@/testing/ecs-mock";

import { awslogsStream, readLogTail, type LogsSender } from "./logs";
import type { RunTask } from "./types";

const taskArn = "arn:aws:ecs:us-east-1:123456789012:task/prod/0123456789abcdef0123456789abcdef";
const task = {
  cluster: "prod",
  taskArn,
  taskDefinition: "prefect-etl:3",
  containers: [{ name: "prefect", lastStatus: "STOPPED", exitCode: 1, reason: null }],
} as RunTask;

/** DescribeTaskDefinition answering a flow container with `options` (awslogs, as prefect-aws writes it). */
function ctxWith(options: Record<string, string> | null) {
  return mockedContext(() => ({
    taskDefinition: {
      containerDefinitions: [
        {
          name: "prefect",
          ...(options ? { logConfiguration: { logDriver: "awslogs", options } } : {}),
        },
      ],
    },
  }));
}

const logs = (send: (input: Record<string, unknown>) => unknown): LogsSender => ({
  send: (async (command: { input: Record<string, unknown> }) => send(command.input)) as never,
});

describe("awslogsStream", () => {
  // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html: prefix-name/container-name/ecs-task-id
  it("names the stream <prefix>/<container>/<task id>", () => {
    expect(
      awslogsStream(
        { "awslogs-group": "prefect", "awslogs-stream-prefix": "etl" },
        "prefect",
        taskArn,
      ),
    ).toEqual({
      group: "prefect",
      stream: "etl/prefect/0123456789abcdef0123456789abcdef",
      region: null,
    });
  });

  it("says why without a prefix", () => {
    expect(awslogsStream({ "awslogs-group": "prefect" }, "prefect", taskArn)).toEqual({
      reason:
        "Container prefect logs to prefect without awslogs-stream-prefix, so its stream has no name Pooldeck can derive.",
    });
  });
});

describe("readLogTail", () => {
  const options = {
    "awslogs-group": "prefect",
    "awslogs-stream-prefix": "etl",
    "awslogs-region": "eu-west-1",
  };

  it("asks for the last 50 events of the stream in the stream's region", async () => {
    const asked: unknown[] = [];
    const regions: string[] = [];
    const out = await readLogTail(
      ctxWith(options).ctx,
      (region) => {
        regions.push(region);
        return logs((input) => {
          asked.push(input);
          return {
            events: [{ timestamp: Date.parse("2026-12-06T05:00:00Z"), message: "Traceback" }],
          };
        });
      },
      "us-east-1",
      task,
      "prefect",
    );
    expect(asked).toEqual([
      {
        logGroupName: "prefect",
        logStreamName: "etl/prefect/0123456789abcdef0123456789abcdef",
        limit: 50,
        startFromHead: false,
      },
    ]);
    expect(regions).toEqual(["eu-west-1"]);
    expect(out).toEqual({
      kind: "lines",
      group: "prefect",
      stream: "etl/prefect/0123456789abcdef0123456789abcdef",
      lines: [{ timestamp: "2026-12-06T05:00:00.000Z", message: "Traceback" }],
    });
  });

  it("names logs:GetLogEvents when it is denied", async () => {
    const out = await readLogTail(
      ctxWith(options).ctx,
      () =>
        logs(() => {
          throw awsError(
            "AccessDeniedException",
            "User: arn:aws:iam::123456789012:user/pooldeck is not authorized to perform: logs:GetLogEvents",
          );
        }),
      "us-east-1",
      task,
      "prefect",
    );
    expect(out).toEqual({
      kind: "unavailable",
      message:
        "Access denied: the dashboard's IAM identity is missing logs:GetLogEvents. Add it to the policy (see docs/iam-policy.json).",
    });
  });

  it("says the container does not log to CloudWatch without awslogs", async () => {
    const out = await readLogTail(
      ctxWith(null).ctx,
      () => logs(() => ({})),
      "us-east-1",
      task,
      "prefect",
    );
    expect(out).toEqual({
      kind: "none",
      reason: "Container prefect does not log to CloudWatch (log driver: none).",
    });
  });
});
