/**
 * Cluster page benchmark: seeds a large cluster (1,000 task definition families, 300 container
 * instances, 25 capacity providers) into a moto server of its own, then measures lib/ecs for a cold
 * and a warm cluster page: AWS calls by operation, time to first useful view (clusters, providers,
 * instances, family list) and time to complete (the families in view described), plus describing
 * every family. Run: `node --conditions=react-server --import tsx scripts/bench/cluster.ts`.
 */
import { countingClient } from "./counting-client";
import {
  AutoScalingClient,
  CreateAutoScalingGroupCommand,
  DescribeAutoScalingGroupsCommand,
} from "@aws-sdk/client-auto-scaling";
import { CreateLaunchTemplateCommand, EC2Client, RunInstancesCommand } from "@aws-sdk/client-ec2";
import {
  CreateCapacityProviderCommand,
  CreateClusterCommand,
  ECSClient,
  PutClusterCapacityProvidersCommand,
  RegisterContainerInstanceCommand,
  RegisterTaskDefinitionCommand,
} from "@aws-sdk/client-ecs";

import { createEcsContext } from "@/lib/ecs/context";
import { describeTaskDefinitions, getClusterSnapshot, listClusters } from "@/lib/ecs/snapshot";
import { emulatorClientConfig } from "@/testing/seed/ecs";

import { startPrivateMoto } from "@/testing/private-moto";

const REGION = "us-east-1";
const CLUSTER = "bench-cluster";
/** families the cluster page describes first (what is in view) */
const IN_VIEW = 30;

export interface BenchRun {
  calls: Record<string, number>;
  totalCalls: number;
  firstUsefulViewMs: number;
  completeMs: number;
}

export interface ClusterBenchResult {
  sizes: { families: number; instances: number; providers: number };
  seedMs: number;
  cold: BenchRun;
  warm: BenchRun;
  describeAllFamilies: { families: number; calls: number; ms: number };
  /** describe calls that batch: actual vs ⌈n/limit⌉ (DescribeClusters: + 1 for the page's own cluster) */
  scaling: { operation: string; n: number; limit: number; expected: number; actual: number }[];
}

async function pool<T>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

/** Resets the emulator at `endpoint` and seeds the large benchmark cluster into it. */
export async function seedLarge(
  endpoint: string,
  sizes: ClusterBenchResult["sizes"],
): Promise<void> {
  const cfg = emulatorClientConfig(endpoint, REGION);
  const ecs = new ECSClient(cfg);
  const ec2 = new EC2Client(cfg);
  const asg = new AutoScalingClient(cfg);
  await fetch(`${endpoint}/moto-api/reset`, { method: "POST" });
  await ec2.send(
    new CreateLaunchTemplateCommand({
      LaunchTemplateName: "bench-lt",
      LaunchTemplateData: { ImageId: "ami-760aaa0f", InstanceType: "m5.large" },
    }),
  );
  const providers = Array.from({ length: sizes.providers }, (_, i) => `bench-asg-${i + 1}`);
  await pool(providers, 5, async (name) => {
    await asg.send(
      new CreateAutoScalingGroupCommand({
        AutoScalingGroupName: name,
        LaunchTemplate: { LaunchTemplateName: "bench-lt", Version: "$Latest" },
        MinSize: 0,
        MaxSize: 100,
        DesiredCapacity: 0,
        AvailabilityZones: ["us-east-1a"],
      }),
    );
    const arn = (
      await asg.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [name] }))
    ).AutoScalingGroups?.[0]?.AutoScalingGroupARN;
    await ecs.send(
      new CreateCapacityProviderCommand({
        name,
        autoScalingGroupProvider: {
          autoScalingGroupArn: arn!,
          managedScaling: { status: "ENABLED", targetCapacity: 90 },
          managedTerminationProtection: "DISABLED",
        },
      }),
    );
  });
  await ecs.send(new CreateClusterCommand({ clusterName: CLUSTER }));
  await ecs.send(
    new PutClusterCapacityProvidersCommand({
      cluster: CLUSTER,
      capacityProviders: [...providers, "FARGATE", "FARGATE_SPOT"],
      defaultCapacityProviderStrategy: [{ capacityProvider: providers[0]!, base: 1, weight: 1 }],
    }),
  );
  const run = await ec2.send(
    new RunInstancesCommand({
      ImageId: "ami-760aaa0f",
      InstanceType: "m5.large",
      MinCount: sizes.instances,
      MaxCount: sizes.instances,
    }),
  );
  const ids = (run.Instances ?? []).map((i) => i.InstanceId!);
  await pool(ids, 8, (id) =>
    ecs.send(
      new RegisterContainerInstanceCommand({
        cluster: CLUSTER,
        instanceIdentityDocument: JSON.stringify({ instanceId: id }),
      }),
    ),
  );
  const families = Array.from(
    { length: sizes.families },
    (_, i) => `bench-family-${String(i).padStart(4, "0")}`,
  );
  await pool(families, 8, (family) =>
    ecs.send(
      new RegisterTaskDefinitionCommand({
        family,
        networkMode: "awsvpc",
        requiresCompatibilities: ["FARGATE"],
        cpu: "256",
        memory: "512",
        containerDefinitions: [
          { name: "app", image: "python:3.12-slim", environment: [{ name: "SECRET", value: "x" }] },
        ],
      }),
    ),
  );
  for (const c of [ecs, ec2, asg]) c.destroy();
}

async function clusterPage(
  ctx: ReturnType<typeof createEcsContext>,
  take: () => Record<string, number>,
): Promise<BenchRun> {
  const t0 = performance.now();
  const [clusters, result] = await Promise.all([
    listClusters(REGION, { ctx }),
    getClusterSnapshot({ region: REGION, cluster: CLUSTER }, { ctx }),
  ]);
  const firstUsefulViewMs = performance.now() - t0;
  if (!clusters.ok || !result.snapshot) throw new Error("the benchmark cluster could not be read");
  const inView = [...result.snapshot.taskDefinitionFamilies].sort().slice(0, IN_VIEW);
  await describeTaskDefinitions(REGION, inView, { ctx });
  const completeMs = performance.now() - t0;
  const calls = take();
  return {
    calls,
    totalCalls: Object.values(calls).reduce((a, b) => a + b, 0),
    firstUsefulViewMs,
    completeMs,
  };
}

/** Seeds a large emulated cluster on a private moto server and measures cold and warm cluster pages. */
export async function runClusterBench(
  sizes: ClusterBenchResult["sizes"] = { families: 1_000, instances: 300, providers: 25 },
): Promise<ClusterBenchResult> {
  const moto = await startPrivateMoto();
  const endpoint = moto.endpoint;
  try {
    const s0 = performance.now();
    await seedLarge(endpoint, sizes);
    const seedMs = performance.now() - s0;

    const { client, autoscaling, clients, take } = countingClient(endpoint, REGION);
    const ctx = createEcsContext(clients);
    const cold = await clusterPage(ctx, take);
    const warm = await clusterPage(ctx, take);

    const allCtx = createEcsContext(clients);
    const t0 = performance.now();
    const all = await describeTaskDefinitions(REGION, (await listFamilies(allCtx)) ?? [], {
      ctx: allCtx,
    });
    const describeAll = take();
    const describeAllFamilies = {
      families: Object.keys(all).length,
      calls: describeAll.DescribeTaskDefinition ?? 0,
      ms: performance.now() - t0,
    };
    const scaling = [
      { operation: "DescribeContainerInstances", n: sizes.instances, limit: 100, extra: 0 },
      { operation: "DescribeCapacityProviders", n: sizes.providers, limit: 10, extra: 0 },
      // the region's cluster list (1 cluster) plus the page's own cluster
      { operation: "DescribeClusters", n: 1, limit: 100, extra: 1 },
    ].map(({ extra, ...s }) => ({
      ...s,
      expected: Math.ceil(s.n / s.limit) + extra,
      actual: cold.calls[s.operation] ?? 0,
    }));
    client.destroy();
    autoscaling.destroy();
    return { sizes, seedMs, cold, warm, describeAllFamilies, scaling };
  } finally {
    moto.stop();
  }
}

async function listFamilies(
  ctx: ReturnType<typeof createEcsContext>,
): Promise<string[] | undefined> {
  const r = await getClusterSnapshot({ region: REGION, cluster: CLUSTER }, { ctx });
  return r.snapshot?.taskDefinitionFamilies;
}

/** Human-readable report of a benchmark result. */
export function formatClusterBench(r: ClusterBenchResult): string {
  const ms = (n: number) => `${Math.round(n).toLocaleString("en-US")} ms`;
  const run = (label: string, b: BenchRun) =>
    [
      `${label}: first useful view ${ms(b.firstUsefulViewMs)}, complete (${IN_VIEW} families in view described) ${ms(b.completeMs)}, ${b.totalCalls} AWS calls`,
      ...Object.entries(b.calls).map(([op, n]) => `    ${op.padEnd(28)} ${n}`),
    ].join("\n");
  return [
    `Cluster benchmark: ${r.sizes.families} task definition families, ${r.sizes.instances} container instances, ${r.sizes.providers} ASG capacity providers (+FARGATE, FARGATE_SPOT); seeded in ${ms(r.seedMs)}`,
    run("cold", r.cold),
    run("warm", r.warm),
    `describe every family (progressive background load): ${r.describeAllFamilies.families} families, ${r.describeAllFamilies.calls} DescribeTaskDefinition calls, ${ms(r.describeAllFamilies.ms)}`,
    "describe calls vs ⌈n/limit⌉:",
    ...r.scaling.map(
      (s) =>
        `    ${s.operation.padEnd(28)} n=${s.n} limit=${s.limit} expected ${s.expected}, actual ${s.actual} ${s.expected === s.actual ? "✓" : "✗"}`,
    ),
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runClusterBench().then(
    (r) => console.log(formatClusterBench(r)),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
