import { readFileSync } from "node:fs";

import { AutoScalingClient } from "@aws-sdk/client-auto-scaling";
import { ECSClient } from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startPrivateMoto } from "@/scripts/bench/private-moto";
import { SEED, seedEcs, seedIamUser } from "@/scripts/seed/ecs";

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
const policy = readFileSync(new URL("../../docs/iam-policy.json", import.meta.url), "utf8");
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

beforeAll(async () => {
  moto = await startPrivateMoto();
  await seedEcs({ endpoint: moto.endpoint });
  full = await seedIamUser(moto.endpoint, "pooldeck-dashboard", policy);
  const parsed = JSON.parse(policy) as { Statement: { Action: string[] }[] };
  parsed.Statement[0]!.Action = parsed.Statement[0]!.Action.filter(
    (a) => a !== "ecs:DescribeCapacityProviders",
  );
  limited = await seedIamUser(moto.endpoint, "pooldeck-limited", JSON.stringify(parsed));
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
