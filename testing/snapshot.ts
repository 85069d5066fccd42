/**
 * The ClusterSnapshot fixtures of every test, built from one base: a cluster "demo" in us-east-1
 * with nothing in it, and the capacity providers and container instances tests add to it.
 */
import type { CapacityProvider, ClusterSnapshot, ContainerInstance } from "@/lib/snapshot/schema";

const ACCOUNT = "123456789012";

/** Top-level fields replace the base's; `cluster` fields merge into the base cluster. */
export type SnapshotOverrides = Partial<Omit<ClusterSnapshot, "cluster">> & {
  cluster?: Partial<ClusterSnapshot["cluster"]>;
};

/** A cluster "demo" in us-east-1 without providers, instances or task definitions. */
export function emptySnapshot(overrides: SnapshotOverrides = {}): ClusterSnapshot {
  const { cluster, ...rest } = overrides;
  return {
    fetchedAt: "2026-11-27T12:00:00.000Z",
    region: "us-east-1",
    capacityProviders: [],
    containerInstances: [],
    taskDefinitionFamilies: [],
    taskDefinitions: [],
    ...rest,
    cluster: {
      name: "demo",
      arn: `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/demo`,
      status: "ACTIVE",
      capacityProviders: [],
      defaultCapacityProviderStrategy: [],
      registeredContainerInstancesCount: 0,
      runningTasksCount: 0,
      pendingTasksCount: 0,
      ...cluster,
    },
  };
}

/** FARGATE or FARGATE_SPOT as DescribeCapacityProviders reports them: no ARN, always associated. */
export function fargateProvider(name: "FARGATE" | "FARGATE_SPOT"): CapacityProvider {
  return {
    name,
    arn: null,
    kind: name,
    status: "ACTIVE",
    associated: true,
    autoScalingGroupArn: null,
    managedScaling: null,
    managedTerminationProtection: null,
  };
}

/** An Auto Scaling group capacity provider associated with the cluster. */
export function asgProvider(
  name: string,
  overrides: Partial<CapacityProvider> = {},
): CapacityProvider {
  return {
    name,
    arn: `arn:aws:ecs:us-east-1:${ACCOUNT}:capacity-provider/${name}`,
    kind: "AUTO_SCALING_GROUP",
    status: "ACTIVE",
    associated: true,
    autoScalingGroupArn: null,
    managedScaling: null,
    managedTerminationProtection: null,
    ...overrides,
  };
}

/** A container instance with moto's default resources. */
export function instance(overrides: Partial<ContainerInstance> = {}): ContainerInstance {
  return {
    arn: `arn:aws:ecs:us-east-1:${ACCOUNT}:container-instance/demo/1`,
    ec2InstanceId: "i-0123456789abcdef0",
    instanceType: "m5.large",
    availabilityZone: "us-east-1a",
    capacityProviderName: "asg-main",
    agentConnected: true,
    status: "ACTIVE",
    registered: { cpu: 4096, memory: 7482 },
    remaining: { cpu: 4096, memory: 7482 },
    runningTasksCount: 0,
    pendingTasksCount: 0,
    ...overrides,
  };
}

/**
 * The rule tests' cluster: FARGATE, FARGATE_SPOT and an Auto Scaling group provider "asg-main"
 * with managed scaling, one container instance, no default strategy.
 */
export function snapshot(overrides: SnapshotOverrides = {}): ClusterSnapshot {
  return emptySnapshot({
    capacityProviders: [
      fargateProvider("FARGATE"),
      fargateProvider("FARGATE_SPOT"),
      asgProvider("asg-main", {
        autoScalingGroupArn: `arn:aws:autoscaling:us-east-1:${ACCOUNT}:autoScalingGroup:1:autoScalingGroupName/main`,
        managedScaling: {
          status: "ENABLED",
          targetCapacity: 100,
          minimumScalingStepSize: 1,
          maximumScalingStepSize: 10,
        },
        managedTerminationProtection: "DISABLED",
      }),
    ],
    containerInstances: [instance()],
    ...overrides,
    cluster: {
      capacityProviders: ["FARGATE", "FARGATE_SPOT", "asg-main"],
      registeredContainerInstancesCount: 1,
      ...overrides.cluster,
    },
  });
}

/** A small cluster: one Auto Scaling provider "asg-spot" plus Fargate, FARGATE by default. */
export const demoSnapshot: ClusterSnapshot = emptySnapshot({
  capacityProviders: [
    asgProvider("asg-spot"),
    fargateProvider("FARGATE"),
    fargateProvider("FARGATE_SPOT"),
  ],
  cluster: {
    capacityProviders: ["asg-spot", "FARGATE", "FARGATE_SPOT"],
    defaultCapacityProviderStrategy: [{ capacityProvider: "FARGATE", base: 0, weight: 1 }],
    registeredContainerInstancesCount: 1,
  },
});
