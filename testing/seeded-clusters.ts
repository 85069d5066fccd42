/**
 * The seeded world for property tests of presets and the pool-kind converter: the demo cluster
 * as testing/seed builds it, a Fargate-only cluster, a cluster with two Auto Scaling providers
 * and no default strategy (snapshot shapes as lib/ecs/snapshot.ts builds them from AWS), the
 * seed's templates, and each state the editor can be in about the cluster.
 */
import fixture from "@/lib/template/fixtures/prefect-ecs-default.json";
import type { CapacityProvider, ClusterSnapshot, StrategyItem } from "@/lib/snapshot/schema";
import type { JsonObject } from "@/lib/template/types";
import { SEED } from "@/testing/seed/ecs";
import { targetingCluster } from "@/testing/seed/prefect";
import type { PresetMode, SnapshotState } from "@/lib/template/editing/presets";

const ACCOUNT = "123456789012";

function provider(name: string): CapacityProvider {
  const managed = name === "FARGATE" || name === "FARGATE_SPOT";
  return {
    name,
    arn: managed ? null : `arn:aws:ecs:${SEED.region}:${ACCOUNT}:capacity-provider/${name}`,
    kind: managed ? (name as "FARGATE" | "FARGATE_SPOT") : "AUTO_SCALING_GROUP",
    status: "ACTIVE",
    associated: true,
    autoScalingGroupArn: managed
      ? null
      : `arn:aws:autoscaling:${SEED.region}:${ACCOUNT}:autoScalingGroup:0:autoScalingGroupName/${name}`,
    managedScaling: managed
      ? null
      : {
          status: "ENABLED",
          targetCapacity: 100,
          minimumScalingStepSize: 1,
          maximumScalingStepSize: 1,
        },
    managedTerminationProtection: managed ? null : "DISABLED",
  };
}

function cluster(
  name: string,
  providers: string[],
  defaultStrategy: readonly StrategyItem[],
  instances: ClusterSnapshot["containerInstances"] = [],
): ClusterSnapshot {
  return {
    fetchedAt: "2026-12-01T12:00:00.000Z",
    region: SEED.region,
    cluster: {
      name,
      arn: `arn:aws:ecs:${SEED.region}:${ACCOUNT}:cluster/${name}`,
      status: "ACTIVE",
      capacityProviders: providers,
      defaultCapacityProviderStrategy: defaultStrategy.map((s) => ({ ...s })),
      registeredContainerInstancesCount: instances.length,
      runningTasksCount: 0,
      pendingTasksCount: 0,
    },
    capacityProviders: providers.map(provider),
    containerInstances: instances,
    taskDefinitionFamilies: Object.values(SEED.taskDefinitions),
    taskDefinitions: [],
  };
}

/** demo-cluster as seeded: two Auto Scaling providers, Fargate, four instances, a default strategy. */
export const seededDemoCluster: ClusterSnapshot = cluster(
  SEED.cluster,
  [SEED.providers.general.name, SEED.providers.gpu.name, "FARGATE", "FARGATE_SPOT"],
  SEED.defaultStrategy,
  SEED.instances.map((i, n) => ({
    arn: `arn:aws:ecs:${SEED.region}:${ACCOUNT}:container-instance/${SEED.cluster}/${n}`,
    ec2InstanceId: `i-0000000000000000${n}`,
    instanceType: i.type,
    availabilityZone: i.az,
    capacityProviderName: i.provider,
    agentConnected: true,
    status: "ACTIVE",
    registered: { ...SEED.registered },
    remaining: {
      cpu: SEED.registered.cpu - i.tasks * SEED.reservations.ec2.cpu,
      memory: SEED.registered.memory - i.tasks * SEED.reservations.ec2.memory,
    },
    runningTasksCount: i.tasks,
    pendingTasksCount: 0,
  })),
);

/** A cluster with only the AWS-managed Fargate providers. */
export const fargateOnlyCluster: ClusterSnapshot = cluster(
  SEED.fargateCluster,
  ["FARGATE", "FARGATE_SPOT"],
  SEED.fargateDefaultStrategy,
);

/** Two Auto Scaling providers, no Fargate and no default strategy. */
export const twoAsgNoDefaultCluster: ClusterSnapshot = cluster(
  "two-asg-cluster",
  ["asg-a", "asg-b"],
  [],
);

/** The seed's templates (testing/seed/prefect.ts): Prefect's default and Option B's values as defaults. */
export function seededTemplates(): Record<string, JsonObject> {
  const base = structuredClone(fixture) as JsonObject;
  const optionB = structuredClone(fixture) as JsonObject & {
    variables: { properties: Record<string, JsonObject> };
  };
  optionB.variables.properties.launch_type!.default = "EC2";
  optionB.variables.properties.capacity_provider_strategy!.default = [
    { capacityProvider: SEED.providers.general.name, base: 1, weight: 1 },
  ];
  // the push pool is seeded with the same template as the hybrid one
  return {
    "default hybrid": base,
    "Option B": optionB,
    push: structuredClone(fixture) as JsonObject,
  };
}

/** The template as a pool of `mode` targeting `cluster` ("" for none) holds it. */
export function prepared(template: JsonObject, mode: PresetMode, cluster: string): JsonObject {
  const copy = (
    cluster ? targetingCluster(template, cluster) : structuredClone(template)
  ) as JsonObject & { variables: { properties: Record<string, JsonObject> } };
  // a push pool runs nothing without an AWS Credentials block; every push template names one
  if (mode === "push")
    copy.variables.properties.aws_credentials!.default = {
      $ref: { block_document_id: "4f1c2a52-8d1e-4d0c-9a57-1b0f8f6b1c11" },
    };
  return copy;
}

export const CLUSTERS: ClusterSnapshot[] = [
  seededDemoCluster,
  fargateOnlyCluster,
  twoAsgNoDefaultCluster,
];
export const MODES: PresetMode[] = ["hybrid", "push"];

/** Each snapshot state for a cluster, with the cluster the template names and the snapshot checks get. */
export function states(
  snapshot: ClusterSnapshot,
): { state: SnapshotState; cluster: string; snapshot?: ClusterSnapshot }[] {
  const name = snapshot.cluster.name;
  return [
    { state: { kind: "none" }, cluster: "" },
    { state: { kind: "loading", cluster: name }, cluster: name },
    { state: { kind: "loaded", snapshot }, cluster: name, snapshot },
    {
      state: { kind: "failed", cluster: name, error: "AccessDeniedException: not authorized" },
      cluster: name,
    },
  ];
}
