import "server-only";

import { comparableTaskDefinition } from "@/lib/template/task-definition-equality";
import type { JsonObject } from "@/lib/template/types";

import type {
  CapacityProvider as AwsCapacityProvider,
  Cluster as AwsCluster,
  ContainerInstance as AwsContainerInstance,
  Resource,
  TaskDefinition as AwsTaskDefinition,
} from "@aws-sdk/client-ecs";

import type {
  CapacityProvider,
  ClusterSummary,
  ContainerInstance,
  TaskDefinitionSummary,
} from "@/lib/snapshot/schema";

/** AWS-managed providers: DescribeCapacityProviders only returns them when named, and the emulator not at all. */
export const FARGATE_PROVIDERS = ["FARGATE", "FARGATE_SPOT"] as const;

/**
 * The emulator (moto) does not record which capacity provider launched a container instance; the seed
 * stores it in this attribute. Real ECS reports `capacityProviderName`, which always wins.
 */
export const EMULATOR_PROVIDER_ATTRIBUTE = "pooldeck.capacity-provider";

/** The cluster fields the snapshot keeps. */
export function toClusterSummary(c: AwsCluster): ClusterSummary {
  return {
    name: c.clusterName ?? "",
    arn: c.clusterArn ?? "",
    status: c.status ?? "UNKNOWN",
    capacityProviders: c.capacityProviders ?? [],
    defaultCapacityProviderStrategy: (c.defaultCapacityProviderStrategy ?? []).map((s) => ({
      capacityProvider: s.capacityProvider ?? "",
      base: s.base ?? 0,
      weight: s.weight ?? 0,
    })),
    registeredContainerInstancesCount: c.registeredContainerInstancesCount ?? 0,
    runningTasksCount: c.runningTasksCount ?? 0,
    pendingTasksCount: c.pendingTasksCount ?? 0,
  };
}

/** An Auto Scaling group provider as the snapshot shows it. */
export function toCapacityProvider(p: AwsCapacityProvider, associated: boolean): CapacityProvider {
  const asg = p.autoScalingGroupProvider;
  return {
    name: p.name ?? "",
    arn: p.capacityProviderArn ?? null,
    kind: "AUTO_SCALING_GROUP",
    status: p.status ?? "UNKNOWN",
    associated,
    autoScalingGroupArn: asg?.autoScalingGroupArn ?? null,
    managedScaling: asg?.managedScaling
      ? {
          status: asg.managedScaling.status ?? "DISABLED",
          targetCapacity: asg.managedScaling.targetCapacity ?? null,
          minimumScalingStepSize: asg.managedScaling.minimumScalingStepSize ?? null,
          maximumScalingStepSize: asg.managedScaling.maximumScalingStepSize ?? null,
        }
      : null,
    managedTerminationProtection: asg?.managedTerminationProtection ?? null,
  };
}

/** FARGATE / FARGATE_SPOT, synthesized because AWS describes them only by name and the emulator not at all. */
export function fargateProvider(
  name: (typeof FARGATE_PROVIDERS)[number],
  associated: boolean,
): CapacityProvider {
  return {
    name,
    arn: null,
    kind: name,
    status: "ACTIVE",
    associated,
    autoScalingGroupArn: null,
    managedScaling: null,
    managedTerminationProtection: null,
  };
}

function resource(list: Resource[] | undefined, name: string): number {
  const r = list?.find((x) => x.name === name);
  return r?.integerValue ?? r?.longValue ?? r?.doubleValue ?? 0;
}

/** A container instance with registered and remaining CPU/memory as numbers. */
export function toContainerInstance(ci: AwsContainerInstance): ContainerInstance {
  const attr = (name: string) => ci.attributes?.find((a) => a.name === name)?.value ?? null;
  return {
    arn: ci.containerInstanceArn ?? "",
    ec2InstanceId: ci.ec2InstanceId ?? null,
    instanceType: attr("ecs.instance-type"),
    availabilityZone: attr("ecs.availability-zone"),
    capacityProviderName: ci.capacityProviderName ?? attr(EMULATOR_PROVIDER_ATTRIBUTE),
    agentConnected: ci.agentConnected ?? false,
    status: ci.status ?? "UNKNOWN",
    registered: {
      cpu: resource(ci.registeredResources, "CPU"),
      memory: resource(ci.registeredResources, "MEMORY"),
    },
    remaining: {
      cpu: resource(ci.remainingResources, "CPU"),
      memory: resource(ci.remainingResources, "MEMORY"),
    },
    runningTasksCount: ci.runningTasksCount ?? 0,
    pendingTasksCount: ci.pendingTasksCount ?? 0,
  };
}

/** A task definition reduced to what the dashboard and checks need; environment values are dropped here. */
export function toTaskDefinitionSummary(td: AwsTaskDefinition): TaskDefinitionSummary {
  return {
    arn: td.taskDefinitionArn ?? "",
    family: td.family ?? "",
    revision: td.revision ?? 0,
    status: td.status ?? "UNKNOWN",
    compatibilities: td.compatibilities ?? [],
    requiresCompatibilities: td.requiresCompatibilities ?? [],
    networkMode: td.networkMode ?? null,
    cpu: td.cpu ?? null,
    memory: td.memory ?? null,
    containers: (td.containerDefinitions ?? []).map((c) => ({
      name: c.name ?? "",
      image: c.image ?? null,
      cpu: c.cpu ?? null,
      memory: c.memory ?? null,
      memoryReservation: c.memoryReservation ?? null,
      environmentNames: [
        ...(c.environment ?? []).map((e) => e.name),
        ...(c.secrets ?? []).map((x) => x.name),
      ].filter((n): n is string => Boolean(n)),
    })),
    // the SDK parses registeredAt/deregisteredAt to Date; the JSON round trip makes them strings
    // (they are post-registration fields, which the comparison drops anyway)
    comparable: comparableTaskDefinition(JSON.parse(JSON.stringify(td)) as JsonObject),
  };
}
