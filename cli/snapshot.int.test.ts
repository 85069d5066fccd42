import { AutoScalingClient } from "@aws-sdk/client-auto-scaling";
import { ECSClient } from "@aws-sdk/client-ecs";
import { beforeAll, describe, expect, it } from "vitest";

import { runChecks } from "@/lib/checks";
import { createEcsContext } from "@/lib/ecs/context";
import { getClusterSnapshot } from "@/lib/ecs/snapshot";
import defaultTemplate from "@/lib/template/fixtures/prefect-ecs-default.json";
import { clusterSnapshotSchema } from "@/lib/snapshot/schema";
import { emulatorClientConfig, SEED, seedEcs } from "@/testing/seed/ecs";

import { runSnapshot } from "./snapshot";

const endpoint = `http://127.0.0.1:${process.env.POOLDECK_MOTO_PORT ?? "5000"}`;
const ctx = () =>
  createEcsContext({
    client: () => new ECSClient(emulatorClientConfig(endpoint, SEED.region)),
    autoscaling: () => new AutoScalingClient(emulatorClientConfig(endpoint, SEED.region)),
  });

async function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runSnapshot(
    args,
    { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) },
    ctx(),
  );
  return { code, stdout, stderr };
}

beforeAll(() => seedEcs({ endpoint }));

describe("pooldeck snapshot", () => {
  it("prints demo-cluster's snapshot, with the requested families described", async () => {
    const out = await run([
      "--cluster",
      SEED.cluster,
      "--region",
      SEED.region,
      "--family",
      SEED.taskDefinitions.fargate,
    ]);
    expect(out.stderr).toBe("");
    expect(out.code).toBe(0);
    const snap = clusterSnapshotSchema.parse(JSON.parse(out.stdout));
    expect(snap.cluster.name).toBe(SEED.cluster);
    expect(snap.capacityProviders.map((p) => p.name)).toEqual([
      "general-asg",
      "gpu-asg",
      "FARGATE",
      "FARGATE_SPOT",
    ]);
    expect(snap.containerInstances).toHaveLength(4);
    expect(snap.taskDefinitions.map((t) => [t.family, t.cpu, t.memory])).toEqual([
      [SEED.taskDefinitions.fargate, "1024", "2048"],
    ]);
  });

  it("--family carries what the churn and burst rules need: check --snapshot agrees with the live snapshot", async () => {
    const family = SEED.taskDefinitions.fargate;
    const out = await run(["--cluster", SEED.cluster, "--region", SEED.region, "--family", family]);
    const file = clusterSnapshotSchema.parse(JSON.parse(out.stdout));
    expect(file.taskDefinitions[0]?.revisionCount).toBeGreaterThanOrEqual(1);
    expect(file.taskDefinitions[0]?.comparable).toMatchObject({ family });
    expect(file.autoScalingGroups?.map((g) => g.name).sort()).toEqual([
      "pooldeck-general",
      "pooldeck-gpu",
    ]);
    const live = await getClusterSnapshot(
      { region: SEED.region, cluster: SEED.cluster, describeFamilies: [family] },
      { ctx: ctx() },
    );
    const input = {
      template: defaultTemplate as never,
      jobVariables: { cluster: SEED.cluster, family },
      mode: "push" as const,
      concurrency: { pool: 50 },
    };
    const fromFile = runChecks({ ...input, snapshot: file });
    const fromLive = runChecks({ ...input, snapshot: live.snapshot! });
    expect(fromFile.diagnostics).toEqual(fromLive.diagnostics);
    expect(fromFile.registration).toEqual(fromLive.registration);
    expect(fromFile.diagnostics.map((d) => d.rule)).toContain("ecs/task-definition-churn");
  });

  it("fails with exit 1 and a reason for an unknown cluster, and 2 without --cluster", async () => {
    const missing = await run(["--cluster", "nope", "--region", SEED.region]);
    expect(missing).toEqual({
      code: 1,
      stdout: "",
      stderr:
        'pooldeck snapshot: cannot read cluster nope in us-east-1: Cluster "nope" was not found in us-east-1 (MISSING). Check the name and the region.\n',
    });
    expect(await run([])).toEqual({
      code: 2,
      stdout: "",
      stderr: "pooldeck snapshot: missing --cluster <name>\n",
    });
  });
});
