import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { GetLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";

import { readLogTail, type LogsSender } from "@/lib/runs/logs";
import { lookupTasks } from "@/lib/runs/tasks";
import { fakeWorld } from "@/testing/ecs-fake-world";
import { mockedContext } from "@/testing/ecs-mock";

import {
  AUTOSCALING_READ_ACTIONS,
  AWS_READ_ACTIONS,
  ECS_OPERATIONS,
  ECS_READ_ACTIONS,
  LOGS_OPERATIONS,
  LOGS_READ_ACTIONS,
} from "./context";
import {
  countFamilyRevisions,
  describeTaskDefinitions,
  getClusterSnapshot,
  listClusters,
} from "./snapshot";

const policy = JSON.parse(
  readFileSync(new URL("../../docs/iam-policy.json", import.meta.url), "utf8"),
) as {
  Version: string;
  Statement: { Sid: string; Effect: string; Action: string[]; Resource: string }[];
};

describe("docs/iam-policy.json", () => {
  it("allows exactly the AWS actions the code calls, one statement per service, and only reads", () => {
    expect(policy.Version).toBe("2012-10-17");
    expect(policy.Statement.map((s) => s.Sid)).toEqual([
      "PooldeckReadEcs",
      "PooldeckReadRunLogs",
      "PooldeckReadAutoScalingGroups",
    ]);
    for (const statement of policy.Statement) {
      expect(statement.Effect).toBe("Allow");
      expect(statement.Resource).toBe("*");
    }
    const [ecs, logs, autoscaling] = policy.Statement;
    expect([...ecs!.Action].sort()).toEqual([...ECS_READ_ACTIONS].sort());
    expect(logs!.Action).toEqual([...LOGS_READ_ACTIONS]);
    expect(autoscaling!.Action).toEqual([...AUTOSCALING_READ_ACTIONS]);
    const all = policy.Statement.flatMap((s) => s.Action);
    expect([...all].sort()).toEqual([...AWS_READ_ACTIONS].sort());
    expect(
      all.every((a) => /^(ecs:(List|Describe)|logs:Get|autoscaling:Describe)[A-Za-z]+$/.test(a)),
    ).toBe(true);
  });

  it("ECS_OPERATIONS and LOGS_OPERATIONS are exactly what the cluster page and a run's page send to AWS", async () => {
    const world = fakeWorld({ instances: 3, providers: 2, families: 3 });
    const taskArn = "arn:aws:ecs:us-east-1:123456789012:task/big/0123456789abcdef0123456789abcdef";
    const m = mockedContext((op, input) => {
      if (op === "DescribeTasks") {
        return { tasks: [{ taskArn, taskDefinitionArn: "x:task-definition/family-00000:1" }] };
      }
      if (op === "DescribeTaskDefinition") {
        const options = { "awslogs-group": "/prefect", "awslogs-stream-prefix": "flows" };
        return {
          taskDefinition: {
            containerDefinitions: [
              { name: "prefect", logConfiguration: { logDriver: "awslogs", options } },
            ],
          },
        };
      }
      return world.handler(op, input);
    });
    await listClusters("us-east-1", { ctx: m.ctx });
    await getClusterSnapshot({ region: "us-east-1", cluster: "big" }, { ctx: m.ctx });
    await describeTaskDefinitions("us-east-1", world.families, { ctx: m.ctx });
    const found = await lookupTasks(m.ctx, [`big::${taskArn}`]);
    const lookup = found.byPid.get(`big::${taskArn}`);
    const logCalls: string[] = [];
    const logs: LogsSender = {
      send: (async (command: object) => {
        logCalls.push(command.constructor.name.replace(/Command$/, ""));
        expect(command).toBeInstanceOf(GetLogEventsCommand);
        return { events: [] };
      }) as never,
    };
    expect(lookup?.kind).toBe("found");
    if (lookup?.kind !== "found") return;
    const tail = await readLogTail(m.ctx, () => logs, "us-east-1", lookup.task, "prefect");
    expect(tail).toEqual({
      kind: "lines",
      group: "/prefect",
      stream: "flows/prefect/0123456789abcdef0123456789abcdef",
      lines: [],
    });
    await countFamilyRevisions("us-east-1", world.families[0]!, { ctx: m.ctx });
    expect(Object.keys(m.byOperation()).sort()).toEqual([...ECS_OPERATIONS].sort());
    expect(logCalls).toEqual([...LOGS_OPERATIONS]);
  });
});
