import { AutoScalingClient } from "@aws-sdk/client-auto-scaling";
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import { ECSClient, ListTasksCommand, RegisterTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { dashboardPolicy, dashboardPolicyWithout } from "@/testing/iam-policy";
import { startPrivateMoto } from "@/testing/private-moto";
import { SEED, seedEcs, seedIamUser } from "@/testing/seed/ecs";

import { readLogTail } from "@/lib/runs/logs";
import { lookupTasks } from "@/lib/runs/tasks";
import type { RunTask } from "@/lib/runs/types";

import { createEcsContext } from "./context";
import {
  countFamilyRevisions,
  describeTaskDefinitions,
  getClusterSnapshot,
  listClusters,
} from "./snapshot";

/**
 * The least-privilege policy, proven on an emulator that enforces IAM (moto's reset-auth): a user
 * with exactly docs/iam-policy.json reads the whole cluster page; a user without one action gets an
 * AccessDenied that the page names, while every other section still loads.
 */
const policy = dashboardPolicy();
let moto: Awaited<ReturnType<typeof startPrivateMoto>>;

function ctxFor(credentials: { accessKeyId: string; secretAccessKey: string }) {
  const client = new ECSClient({
    endpoint: moto.endpoint,
    region: SEED.region,
    credentials,
    maxAttempts: 1,
  });
  const autoscaling = new AutoScalingClient({
    endpoint: moto.endpoint,
    region: SEED.region,
    credentials,
    maxAttempts: 1,
  });
  return createEcsContext({ client: () => client, autoscaling: () => autoscaling });
}

let full: { accessKeyId: string; secretAccessKey: string };
let limited: { accessKeyId: string; secretAccessKey: string };
let noRuns: { accessKeyId: string; secretAccessKey: string };
let taskArn = "";
const LOG_TASK_ID = "0123456789abcdef0123456789abcdef";

function logsFor(credentials: { accessKeyId: string; secretAccessKey: string }) {
  return () =>
    new CloudWatchLogsClient({
      endpoint: moto.endpoint,
      region: SEED.region,
      credentials,
      maxAttempts: 1,
    });
}

/** A stopped flow task whose task definition logs with awslogs (the task itself need not exist). */
const loggedTask = {
  cluster: SEED.cluster,
  taskArn: `arn:aws:ecs:us-east-1:123456789012:task/${SEED.cluster}/${LOG_TASK_ID}`,
  taskDefinition: "pooldeck-logged:1",
  containers: [{ name: "prefect", lastStatus: "STOPPED", exitCode: 1, reason: null }],
} as RunTask;

beforeAll(async () => {
  moto = await startPrivateMoto();
  await seedEcs({ endpoint: moto.endpoint });
  full = await seedIamUser(moto.endpoint, "pooldeck-dashboard", policy);
  limited = await seedIamUser(
    moto.endpoint,
    "pooldeck-limited",
    dashboardPolicyWithout("ecs:DescribeCapacityProviders"),
  );
  noRuns = await seedIamUser(
    moto.endpoint,
    "pooldeck-no-runs",
    dashboardPolicyWithout("ecs:DescribeTasks", "logs:GetLogEvents"),
  );
  // with the emulator's own keys, before it enforces IAM: a task to describe and a log stream
  const admin = { accessKeyId: "testing", secretAccessKey: "testing" };
  const ecs = new ECSClient({ endpoint: moto.endpoint, region: SEED.region, credentials: admin });
  taskArn = (await ecs.send(new ListTasksCommand({ cluster: SEED.cluster }))).taskArns![0]!;
  await ecs.send(
    new RegisterTaskDefinitionCommand({
      family: "pooldeck-logged",
      containerDefinitions: [
        {
          name: "prefect",
          image: "prefecthq/prefect:3-latest",
          memory: 512,
          logConfiguration: {
            logDriver: "awslogs",
            options: { "awslogs-group": "prefect", "awslogs-stream-prefix": "flows" },
          },
        },
      ],
    }),
  );
  const logs = logsFor(admin)();
  await logs.send(new CreateLogGroupCommand({ logGroupName: "prefect" }));
  const logStreamName = `flows/prefect/${LOG_TASK_ID}`;
  await logs.send(new CreateLogStreamCommand({ logGroupName: "prefect", logStreamName }));
  await logs.send(
    new PutLogEventsCommand({
      logGroupName: "prefect",
      logStreamName,
      logEvents: [{ timestamp: Date.parse("2026-12-06T05:00:00Z"), message: "flow failed" }],
    }),
  );
  const reset = await fetch(`${moto.endpoint}/moto-api/reset-auth`, { method: "POST", body: "0" });
  expect(reset.ok).toBe(true);
});

afterAll(() => moto?.stop());

describe("docs/iam-policy.json on an IAM-enforcing emulator", () => {
  it("is enough for the whole cluster page", async () => {
    const ctx = ctxFor(full);
    const clusters = await listClusters(SEED.region, { ctx });
    expect(clusters.ok && clusters.data.map((c) => c.name)).toEqual([
      SEED.cluster,
      SEED.fargateCluster,
    ]);
    const page = await getClusterSnapshot(
      {
        region: SEED.region,
        cluster: SEED.cluster,
        describeFamilies: [SEED.taskDefinitions.fargate],
      },
      { ctx },
    );
    expect(Object.values(page.sections).map((s) => s.error)).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(page.snapshot!.capacityProviders).toHaveLength(4);
    expect(page.snapshot!.containerInstances).toHaveLength(4);
    expect(page.snapshot!.taskDefinitions.map((t) => t.family)).toEqual([
      SEED.taskDefinitions.fargate,
    ]);
    // autoscaling:DescribeAutoScalingGroups: the groups behind the two ASG providers
    expect(page.snapshot!.autoScalingGroups?.map((g) => g.name).sort()).toEqual([
      "pooldeck-general",
      "pooldeck-gpu",
    ]);
    const count = await countFamilyRevisions(SEED.region, SEED.taskDefinitions.fargate, { ctx });
    expect(count).toMatchObject({ ok: true, data: 1 });
  });

  it("without ecs:DescribeCapacityProviders only the providers section fails, naming the action", async () => {
    const ctx = ctxFor(limited);
    const page = await getClusterSnapshot({ region: SEED.region, cluster: SEED.cluster }, { ctx });
    expect(page.sections.capacityProviders.error).toMatchObject({
      kind: "access-denied",
      action: "ecs:DescribeCapacityProviders",
    });
    expect(page.sections.cluster.error).toBeNull();
    expect(page.sections.containerInstances.error).toBeNull();
    expect(page.snapshot!.containerInstances).toHaveLength(4);
    const tds = await describeTaskDefinitions(SEED.region, [SEED.taskDefinitions.ec2], { ctx });
    expect(tds[SEED.taskDefinitions.ec2]!.ok).toBe(true);
  });

  it("is enough for the runs pages: DescribeTasks and the log tail", async () => {
    const ctx = ctxFor(full);
    const tasks = await lookupTasks(ctx, [`${SEED.cluster}::${taskArn}`]);
    expect(tasks.problems).toEqual([]);
    expect(tasks.byPid.get(`${SEED.cluster}::${taskArn}`)?.kind).toBe("found");
    expect(await readLogTail(ctx, logsFor(full), SEED.region, loggedTask, "prefect")).toEqual({
      kind: "lines",
      group: "prefect",
      stream: `flows/prefect/${LOG_TASK_ID}`,
      lines: [{ timestamp: "2026-12-06T05:00:00.000Z", message: "flow failed" }],
    });
  });

  it("without ecs:DescribeTasks and logs:GetLogEvents the runs sections name them", async () => {
    const ctx = ctxFor(noRuns);
    const tasks = await lookupTasks(ctx, [`${SEED.cluster}::${taskArn}`]);
    // moto answers these refusals with an XML 403 the SDK cannot parse; real ECS's
    // AccessDeniedException gives the "Access denied: …" sentence (lib/runs/tasks.test.ts, logs.test.ts)
    expect(tasks.problems).toEqual([
      "AWS refused ecs:DescribeTasks (HTTP 403): the dashboard's IAM identity is missing ecs:DescribeTasks, or its credentials are not valid for this account. See docs/iam-policy.json.",
    ]);
    expect(tasks.byPid.get(`${SEED.cluster}::${taskArn}`)?.kind).toBe("unavailable");
    const tail = await readLogTail(ctx, logsFor(noRuns), SEED.region, loggedTask, "prefect");
    expect(tail).toEqual({
      kind: "unavailable",
      message:
        "AWS refused logs:GetLogEvents (HTTP 403): the dashboard's IAM identity is missing logs:GetLogEvents, or its credentials are not valid for this account. See docs/iam-policy.json.",
    });
  });

  it("unknown credentials fail every call with a plain message", async () => {
    const ctx = ctxFor({ accessKeyId: "AKIAUNKNOWN000000000", secretAccessKey: "nope" });
    const out = await listClusters(SEED.region, { ctx });
    // moto answers 403 with an XML body here; real ECS answers UnrecognizedClientException (unit-tested)
    expect(out).toMatchObject({
      ok: false,
      error: { kind: "access-denied", action: "ecs:ListClusters" },
    });
    expect(!out.ok && out.error.message).toContain("(HTTP 403)");
  });
});
