/**
 * The cluster snapshot: what Pooldeck knows about one ECS cluster at one moment.
 *
 * Pure and isomorphic. `lib/ecs` (server-only) builds it from AWS, the dashboard renders it,
 * cluster-aware rules in `lib/checks` read it, and `pooldeck snapshot` prints it as JSON so a CI
 * pipeline can check a template against a real cluster with `pooldeck check --snapshot`.
 * Nothing secret belongs here: task definition environment values are reduced to their names.
 */
import { z } from "zod";

export const strategyItemSchema = z.object({
  capacityProvider: z.string(),
  base: z.number().int().default(0),
  weight: z.number().int().default(0),
});
export type StrategyItem = z.infer<typeof strategyItemSchema>;

/** FARGATE and FARGATE_SPOT are AWS-managed; everything else is backed by an Auto Scaling group. */
export const providerKindSchema = z.enum(["FARGATE", "FARGATE_SPOT", "AUTO_SCALING_GROUP"]);
export type ProviderKind = z.infer<typeof providerKindSchema>;

export const capacityProviderSchema = z.object({
  name: z.string(),
  arn: z.string().nullable(),
  kind: providerKindSchema,
  /** ACTIVE | UPDATING | INACTIVE (as AWS reports it; FARGATE providers are always ACTIVE). */
  status: z.string(),
  /** Whether the provider is associated with the snapshot's cluster. */
  associated: z.boolean(),
  autoScalingGroupArn: z.string().nullable(),
  managedScaling: z
    .object({
      status: z.string(),
      targetCapacity: z.number().nullable(),
      minimumScalingStepSize: z.number().nullable(),
      maximumScalingStepSize: z.number().nullable(),
    })
    .nullable(),
  managedTerminationProtection: z.string().nullable(),
});
export type CapacityProvider = z.infer<typeof capacityProviderSchema>;

export const resourcesSchema = z.object({ cpu: z.number(), memory: z.number() });

export const containerInstanceSchema = z.object({
  arn: z.string(),
  ec2InstanceId: z.string().nullable(),
  instanceType: z.string().nullable(),
  availabilityZone: z.string().nullable(),
  capacityProviderName: z.string().nullable(),
  agentConnected: z.boolean(),
  /** ACTIVE | DRAINING | REGISTERING | ... */
  status: z.string(),
  registered: resourcesSchema,
  /** registered minus what running and pending tasks reserve */
  remaining: resourcesSchema,
  runningTasksCount: z.number(),
  pendingTasksCount: z.number(),
});
export type ContainerInstance = z.infer<typeof containerInstanceSchema>;

export const containerSummarySchema = z.object({
  name: z.string(),
  image: z.string().nullable(),
  cpu: z.number().nullable(),
  memory: z.number().nullable(),
  memoryReservation: z.number().nullable(),
  /** names only: values never leave the server */
  environmentNames: z.array(z.string()),
});

export const taskDefinitionSummarySchema = z.object({
  arn: z.string(),
  family: z.string(),
  revision: z.number(),
  status: z.string(),
  /** what AWS validated the task definition for; this decides where it may run */
  compatibilities: z.array(z.string()),
  requiresCompatibilities: z.array(z.string()),
  networkMode: z.string().nullable(),
  cpu: z.string().nullable(),
  memory: z.string().nullable(),
  containers: z.array(containerSummarySchema),
  /**
   * The task definition as the ECS worker compares it (lib/template/task-definition-equality.ts
   * comparableTaskDefinition: normalised, environment values replaced by digests), so the
   * registration prediction works from a snapshot. Absent in snapshots written before it existed.
   */
  comparable: z.record(z.string(), z.json()).optional(),
  /** ACTIVE revisions of the family (ListTaskDefinitions, paged); null when not counted or denied */
  revisionCount: z.number().int().nullable().optional(),
});
export type TaskDefinitionSummary = z.infer<typeof taskDefinitionSummarySchema>;

export const clusterSummarySchema = z.object({
  name: z.string(),
  arn: z.string(),
  status: z.string(),
  capacityProviders: z.array(z.string()),
  defaultCapacityProviderStrategy: z.array(strategyItemSchema),
  registeredContainerInstancesCount: z.number(),
  runningTasksCount: z.number(),
  pendingTasksCount: z.number(),
});
export type ClusterSummary = z.infer<typeof clusterSummarySchema>;

/** An Auto Scaling group behind a capacity provider: how far it may scale out. */
export const autoScalingGroupSchema = z.object({
  name: z.string(),
  arn: z.string(),
  minSize: z.number(),
  maxSize: z.number(),
  desiredCapacity: z.number(),
  /** EC2 instances the group has now (in service or not) */
  instanceCount: z.number(),
});
export type AutoScalingGroup = z.infer<typeof autoScalingGroupSchema>;

export const clusterSnapshotSchema = z.object({
  /** ISO time the snapshot's data was read from AWS */
  fetchedAt: z.string(),
  region: z.string(),
  cluster: clusterSummarySchema,
  capacityProviders: z.array(capacityProviderSchema),
  containerInstances: z.array(containerInstanceSchema),
  /** every task definition family name in the account and region (ACTIVE) */
  taskDefinitionFamilies: z.array(z.string()),
  /**
   * Latest ACTIVE revision of the families described so far. Describing is progressive
   * (AWS has no batch describe), so a family listed above may be missing here.
   */
  taskDefinitions: z.array(taskDefinitionSummarySchema),
  /**
   * The Auto Scaling groups of the cluster's providers (DescribeAutoScalingGroups); absent when
   * not read (older snapshots, or autoscaling:DescribeAutoScalingGroups denied).
   */
  autoScalingGroups: z.array(autoScalingGroupSchema).optional(),
});
export type ClusterSnapshot = z.infer<typeof clusterSnapshotSchema>;
