import { ECSClient } from "@aws-sdk/client-ecs";
import { beforeAll, describe, expect, it } from "vitest";

import { emulatorClientConfig, SEED, seedEcs } from "@/testing/seed/ecs";

import { createEcsContext } from "./context";
import { describeTaskDefinitions, getClusterSnapshot, listClusters } from "./snapshot";

const endpoint = `http://127.0.0.1:${process.env.POOLDECK_MOTO_PORT ?? "5000"}`;
const client = new ECSClient(emulatorClientConfig(endpoint, SEED.region));
const ctx = () => createEcsContext({ client: () => client });

beforeAll(async () => {
  await seedEcs({ endpoint });
  // seeding twice must give the same world
  await seedEcs({ endpoint });
});

describe("lib/ecs against the seeded emulator", () => {
  it("lists both seeded clusters with their default strategies", async () => {
    const out = await listClusters(SEED.region, { ctx: ctx() });
    if (!out.ok) throw new Error(out.error.message);
    const seeded = out.data.filter(
      (c) => c.name === SEED.cluster || c.name === SEED.fargateCluster,
    );
    expect(
      seeded.map((c) => [
        c.name,
        c.registeredContainerInstancesCount,
        c.defaultCapacityProviderStrategy,
      ]),
    ).toEqual([
      [
        SEED.cluster,
        4,
        [
          { capacityProvider: "general-asg", base: 1, weight: 4 },
          { capacityProvider: "gpu-asg", base: 0, weight: 1 },
        ],
      ],
      [
        SEED.fargateCluster,
        0,
        [
          { capacityProvider: "FARGATE", base: 1, weight: 1 },
          { capacityProvider: "FARGATE_SPOT", base: 0, weight: 3 },
        ],
      ],
    ]);
  });

  it("reads demo-cluster's providers (FARGATE synthesized) and instances with exact numbers", async () => {
    const r = await getClusterSnapshot(
      { region: SEED.region, cluster: SEED.cluster },
      { ctx: ctx() },
    );
    expect(Object.values(r.sections).map((s) => s.error)).toEqual([null, null, null, null, null]);
    const snap = r.snapshot!;
    // the groups behind the two ASG providers, as the seed leaves them (max 10; 3 and 1 instances)
    expect(
      snap.autoScalingGroups?.map((g) => [g.name, g.minSize, g.maxSize, g.desiredCapacity]).sort(),
    ).toEqual([
      ["pooldeck-general", 0, 10, 3],
      ["pooldeck-gpu", 0, 10, 1],
    ]);
    expect(
      snap.capacityProviders.map((p) => [
        p.name,
        p.kind,
        p.status,
        p.managedScaling?.status ?? null,
        p.managedScaling?.targetCapacity ?? null,
        p.managedScaling?.maximumScalingStepSize ?? null,
        p.managedTerminationProtection,
      ]),
    ).toEqual([
      ["general-asg", "AUTO_SCALING_GROUP", "ACTIVE", "ENABLED", 80, 4, "ENABLED"],
      ["gpu-asg", "AUTO_SCALING_GROUP", "ACTIVE", "ENABLED", 100, 2, "ENABLED"],
      ["FARGATE", "FARGATE", "ACTIVE", null, null, null, null],
      ["FARGATE_SPOT", "FARGATE_SPOT", "ACTIVE", null, null, null, null],
    ]);
    expect(snap.capacityProviders[0]!.autoScalingGroupArn).toMatch(
      /autoScalingGroupName\/pooldeck-general$/,
    );
    const rows = snap.containerInstances
      .map((i) => [
        i.instanceType,
        i.availabilityZone,
        i.capacityProviderName,
        i.registered.cpu,
        i.registered.memory,
        i.remaining.cpu,
        i.remaining.memory,
        i.runningTasksCount,
        i.agentConnected,
        i.status,
      ])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(rows).toEqual([
      ["c5.xlarge", "us-east-1b", "general-asg", 4096, 7482, 3584, 6458, 1, true, "ACTIVE"],
      ["g4dn.xlarge", "us-east-1a", "gpu-asg", 4096, 7482, 2560, 4410, 3, true, "ACTIVE"],
      ["m5.large", "us-east-1a", "general-asg", 4096, 7482, 3072, 5434, 2, true, "ACTIVE"],
      ["t3.large", "us-east-1c", "general-asg", 4096, 7482, 4096, 7482, 0, true, "ACTIVE"],
    ]);
    expect(snap.taskDefinitionFamilies).toEqual(
      expect.arrayContaining(Object.values(SEED.taskDefinitions)),
    );
  });

  it("describes the seeded task definitions: compatibilities, network mode, sizes, env names only", async () => {
    const out = await describeTaskDefinitions(SEED.region, Object.values(SEED.taskDefinitions), {
      ctx: ctx(),
    });
    const row = (family: string) => {
      const r = out[family]!;
      if (!r.ok) throw new Error(r.error.message);
      const d = r.data;
      return [
        d.compatibilities,
        d.requiresCompatibilities,
        d.networkMode,
        d.cpu,
        d.memory,
        d.containers.map((c) => c.environmentNames),
      ];
    };
    expect(row(SEED.taskDefinitions.ec2)).toEqual([
      ["EC2"],
      ["EC2"],
      "bridge",
      null,
      null,
      [["PREFECT_LOGGING_LEVEL", "DATABASE_URL"]],
    ]);
    expect(row(SEED.taskDefinitions.fargate)).toEqual([
      ["EC2", "FARGATE"],
      ["FARGATE"],
      "awsvpc",
      "1024",
      "2048",
      [["PREFECT_API_URL"]],
    ]);
    expect(row(SEED.taskDefinitions.both)).toEqual([
      ["EC2", "FARGATE"],
      ["EC2", "FARGATE"],
      "awsvpc",
      "256",
      "512",
      [[]],
    ]);
    expect(JSON.stringify(out)).not.toContain("s3cret");
  });

  it("the Fargate-only cluster has FARGATE and FARGATE_SPOT and no instances (an empty cluster is not an error)", async () => {
    const r = await getClusterSnapshot(
      { region: SEED.region, cluster: SEED.fargateCluster },
      { ctx: ctx() },
    );
    expect(r.snapshot!.capacityProviders.map((p) => p.name)).toEqual(["FARGATE", "FARGATE_SPOT"]);
    expect(r.snapshot!.containerInstances).toEqual([]);
    expect(r.snapshot!.cluster.status).toBe("ACTIVE");
  });

  it("an unknown cluster is reported, not thrown", async () => {
    const r = await getClusterSnapshot(
      { region: SEED.region, cluster: "no-such-cluster" },
      { ctx: ctx() },
    );
    expect(r.snapshot).toBeNull();
    expect(r.sections.cluster.error?.kind).toBe("cluster-not-found");
  });
});
