import type { ClusterSnapshot } from "@/lib/snapshot/schema";

/** A small cluster: one Auto Scaling provider plus the synthesized Fargate ones. */
export const demoSnapshot: ClusterSnapshot = {
  fetchedAt: "2026-11-27T12:00:00.000Z",
  region: "us-east-1",
  cluster: {
    name: "demo",
    arn: "arn:aws:ecs:us-east-1:123456789012:cluster/demo",
    status: "ACTIVE",
    capacityProviders: ["asg-spot", "FARGATE", "FARGATE_SPOT"],
    defaultCapacityProviderStrategy: [{ capacityProvider: "FARGATE", base: 0, weight: 1 }],
    registeredContainerInstancesCount: 1,
    runningTasksCount: 0,
    pendingTasksCount: 0,
  },
  capacityProviders: [
    {
      name: "asg-spot",
      arn: "arn:aws:ecs:us-east-1:123456789012:capacity-provider/asg-spot",
      kind: "AUTO_SCALING_GROUP",
      status: "ACTIVE",
      associated: true,
      autoScalingGroupArn: null,
      managedScaling: null,
      managedTerminationProtection: null,
    },
    ...(["FARGATE", "FARGATE_SPOT"] as const).map((name) => ({
      name,
      arn: null,
      kind: name,
      status: "ACTIVE",
      associated: true,
      autoScalingGroupArn: null,
      managedScaling: null,
      managedTerminationProtection: null,
    })),
  ],
  containerInstances: [],
  taskDefinitionFamilies: ["flows"],
  taskDefinitions: [],
};
