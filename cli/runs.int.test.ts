/**
 * `pooldeck runs` against the local stack: a flow run in the Prefect server whose
 * infrastructure_pid is a task the emulator really ran (RunTask), stopped with the reason ECS gives
 * when an image cannot be pulled; an unknown pool; an unreachable Prefect.
 */
import {
  CreateClusterCommand,
  ECSClient,
  RunTaskCommand,
  StopTaskCommand,
} from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createEcsContext } from "@/lib/ecs/context";
import { createPrefectClient } from "@/lib/prefect/client";
import { prefectApi } from "@/scripts/ground-truth/prefect-api";
import { defaultNetwork, runsTemplate } from "@/testing/runs-world";
import { emulatorClientConfig, SEED } from "@/testing/seed/ecs";
import { prefectFetch } from "@/testing/seed/prefect";

import { runRuns } from "./runs";

const prefectApiUrl = process.env.PREFECT_API_URL ?? "http://127.0.0.1:4200/api";
const moto = process.env.AWS_ENDPOINT_URL ?? "http://127.0.0.1:5000";
const api = prefectApi(prefectApiUrl);
const id = Math.random().toString(36).slice(2, 8);
const pool = `cli-runs-${id}`;
const cluster = `cli-runs-${id}`;
const ecs = new ECSClient(emulatorClientConfig(moto, SEED.region));
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_cannot_pull_image.html
const PULL =
  "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref docker.io/prefecthq/prefect:3-nope: not found";
let flowRunId = "";
let taskArn = "";

/** The figures of one Fargate run without timestamps: counted, with no value. */
const none = { count: 0, median: null, p95: null };
const fargateGroup = (deployment: string | null) => ({
  deployment,
  where: "FARGATE",
  launchType: "FARGATE",
  runs: 1,
  phases: { submission: none, provisioning: none, pull: none, containerStart: none },
  total: none,
  cacheKnown: 0,
  cacheHits: 0,
});

async function run(args: string[], apiUrl = prefectApiUrl) {
  let stdout = "";
  let stderr = "";
  const code = await runRuns(
    args,
    { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) },
    {
      prefect: createPrefectClient({ apiUrl, cloud: null }, { retry: { maxAttempts: 1 } }),
      ecs: createEcsContext({ client: () => ecs }),
    },
  );
  return { code, stdout, stderr };
}

beforeAll(async () => {
  const network = await defaultNetwork(moto);
  await ecs.send(new CreateClusterCommand({ clusterName: cluster }));
  await api.createWorkPool(pool, runsTemplate(cluster, network));
  const flow = await api.createFlow(`cli-runs-${id}`);
  const deployment = await api.createDeployment(flow.id, "etl", pool, { vpc_id: network.vpc });
  flowRunId = (await api.createFlowRun(deployment.id)).id;
  const started = await ecs.send(
    new RunTaskCommand({
      cluster,
      taskDefinition: SEED.taskDefinitions.fargate,
      launchType: "FARGATE",
      networkConfiguration: {
        awsvpcConfiguration: { subnets: [network.subnets[0]!], securityGroups: [network.group] },
      },
    }),
  );
  taskArn = started.tasks![0]!.taskArn!;
  await ecs.send(new StopTaskCommand({ cluster, task: taskArn, reason: PULL }));
  const patch = await prefectFetch(prefectApiUrl, "PATCH", `/flow_runs/${flowRunId}`, {
    infrastructure_pid: `${cluster}::${taskArn}`,
  });
  expect(patch.ok).toBe(true);
  const failed = await prefectFetch(prefectApiUrl, "POST", `/flow_runs/${flowRunId}/set_state`, {
    state: { type: "FAILED", name: "Failed", message: "Flow run infrastructure exited" },
    force: true,
  });
  expect(failed.ok).toBe(true);
}, 40_000);

afterAll(async () => {
  await api.deleteWorkPool(pool).catch(() => undefined);
});

describe("pooldeck runs", () => {
  it("prints the run with its task and diagnosis as JSON", async () => {
    const out = await run(["--pool", pool, "--format", "json"]);
    expect(out.stderr).toBe("");
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({
      runs: [
        {
          flowRunId,
          state: "FAILED",
          deployment: "etl",
          taskArn,
          lastStatus: "STOPPED",
          stopCode: null,
          stoppedReason: PULL,
          capacityProvider: null,
          diagnoses: [
            {
              rule: "run/image-pull-failed",
              severity: "error",
              message: `ECS stopped the task before the flow started: "${PULL}". The image name or tag may not exist, the execution role may lack ecr:GetAuthorizationToken and ecr:BatchGetImage (or the registry credentials secret), or the task's subnets have no route to the registry (no NAT gateway, public IP or VPC endpoint). Check the image first.`,
              path: "/variables/properties/image",
            },
          ],
          // the emulator returns no task timestamps nor image digest: every phase is missing and
          // named (the arithmetic is unit-tested on AWS's shapes in lib/runs/timings.test.ts)
          timings: {
            phasesMs: { submission: null, provisioning: null, pull: null, containerStart: null },
            totalMs: null,
            missing: [
              { phase: "submission", fields: ["createdAt"] },
              { phase: "provisioning", fields: ["createdAt", "pullStartedAt"] },
              { phase: "pull", fields: ["pullStartedAt", "pullStoppedAt"] },
              { phase: "containerStart", fields: ["pullStoppedAt", "startedAt"] },
            ],
            capacityProvider: null,
            launchType: "FARGATE",
            instanceType: null,
            containerInstanceArn: null,
            ec2InstanceId: null,
            cacheHit: null,
            image: "prefecthq/prefect:3-latest",
            imageDigest: null,
            sameImageOnInstanceBefore: null,
          },
        },
      ],
      startLatency: {
        runs: 1,
        withoutTask: 0,
        byDeployment: [{ deployment: "etl", groups: [fargateGroup("etl")] }],
        byProvider: [fargateGroup(null)],
      },
    });
  });

  it("prints a table by default", async () => {
    const out = await run(["--pool", pool]);
    expect(out.code).toBe(0);
    const lines = out.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe(`${pool} (ecs): 1 newest runs`);
    expect(lines[2]).toMatch(/^STATE\s+DEPLOYMENT\s+FLOW RUN\s+TASK\s+DIAGNOSIS$/);
    expect(lines[3]).toMatch(
      /^Failed\s+etl\s+\S+\s+STOPPED on FARGATE\s+run\/image-pull-failed: ECS could not pull the image$/,
    );
  });

  it("exits 2 naming an unknown pool", async () => {
    const out = await run(["--pool", `nope-${id}`]);
    expect(out).toEqual({
      code: 2,
      stdout: "",
      stderr: `pooldeck runs: No such work pool "nope-${id}" in Prefect at ${prefectApiUrl}\n`,
    });
  });

  it("exits 2 when Prefect does not answer", async () => {
    const out = await run(["--pool", pool], "http://127.0.0.1:9/api");
    expect(out.code).toBe(2);
    expect(out.stdout).toBe("");
    // the cause in brackets is the system's ("connection refused", or undici's "fetch failed")
    expect(out.stderr).toMatch(
      /^pooldeck runs: Prefect is not reachable at http:\/\/127\.0\.0\.1:9\/api \([a-z ]+\)\n$/,
    );
  });

  it("exits 2 on unusable input", async () => {
    expect((await run(["--pool", pool, "--limit", "0"])).stderr).toBe(
      'pooldeck runs: --limit must be a whole number from 1 to 200, not "0"\n',
    );
    expect(await run([])).toEqual({
      code: 2,
      stdout: "",
      stderr: "pooldeck runs: missing --pool <name>\n",
    });
  });
});
