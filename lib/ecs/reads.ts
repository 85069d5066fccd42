import "server-only";

import {
  DescribeCapacityProvidersCommand,
  DescribeClustersCommand,
  DescribeContainerInstancesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ListClustersCommand,
  ListContainerInstancesCommand,
  ListTaskDefinitionFamiliesCommand,
  ListTaskDefinitionsCommand,
  type CapacityProvider as AwsCapacityProvider,
  type Cluster as AwsCluster,
  type ContainerInstance as AwsContainerInstance,
  type Failure,
  type Task as AwsTask,
  type TaskDefinition as AwsTaskDefinition,
} from "@aws-sdk/client-ecs";

import { chunk, collectPages } from "./batching";
import type { EcsContext, EcsOperation } from "./context";
import { withRetry } from "./retry";

/** API limits: ids per describe call, and the page size we ask for on lists. */
export const LIMITS = {
  describeClusters: 100,
  describeContainerInstances: 100,
  describeCapacityProviders: 10,
  describeTasks: 100,
  listPage: 100,
} as const;

/** One ECS call: bounded by the context's limiter and retried with backoff. Errors carry the operation name. */
export async function call<T>(
  ctx: EcsContext,
  region: string,
  operation: EcsOperation,
  command: object,
): Promise<T> {
  const client = ctx.client(region);
  try {
    // the SDK's send is overloaded per command class; lib/ecs only passes ECS commands
    return await ctx.limiter.run(() =>
      withRetry(() => client.send(command as never) as Promise<T>, ctx.retry),
    );
  } catch (err) {
    if (typeof err === "object" && err !== null)
      Object.assign(err, { pooldeckOperation: operation });
    throw err;
  }
}

/** The operation a failed call belonged to (set by `call`), for naming the missing IAM action. */
export function operationOf(err: unknown, fallback: EcsOperation): EcsOperation {
  const op = (err as { pooldeckOperation?: EcsOperation } | null)?.pooldeckOperation;
  return op ?? fallback;
}

/** Every cluster ARN of the region, paged to the end. */
export function listClusterArns(ctx: EcsContext, region: string): Promise<string[]> {
  return collectPages(async (nextToken) => {
    const out = await call<{ clusterArns?: string[]; nextToken?: string }>(
      ctx,
      region,
      "ListClusters",
      new ListClustersCommand({ maxResults: LIMITS.listPage, nextToken }),
    );
    return { items: out.clusterArns, nextToken: out.nextToken };
  });
}

/** Describes clusters in batches of 100 names or ARNs. */
export async function describeClusters(
  ctx: EcsContext,
  region: string,
  clusters: string[],
): Promise<{ clusters: AwsCluster[]; failures: Failure[] }> {
  const pages = await Promise.all(
    chunk(clusters, LIMITS.describeClusters).map((batch) =>
      call<{ clusters?: AwsCluster[]; failures?: Failure[] }>(
        ctx,
        region,
        "DescribeClusters",
        new DescribeClustersCommand({ clusters: batch }),
      ),
    ),
  );
  return {
    clusters: pages.flatMap((p) => p.clusters ?? []),
    failures: pages.flatMap((p) => p.failures ?? []),
  };
}

/** Describes capacity providers by name in pages of 10 (the emulator fails without names). */
export async function describeCapacityProviders(
  ctx: EcsContext,
  region: string,
  names: string[],
): Promise<{ providers: AwsCapacityProvider[]; failures: Failure[] }> {
  const pages = await Promise.all(
    chunk(names, LIMITS.describeCapacityProviders).map(async (batch) => {
      const failures: Failure[] = [];
      const providers = await collectPages(async (nextToken) => {
        const out = await call<{
          capacityProviders?: AwsCapacityProvider[];
          failures?: Failure[];
          nextToken?: string;
        }>(
          ctx,
          region,
          "DescribeCapacityProviders",
          new DescribeCapacityProvidersCommand({
            capacityProviders: batch,
            maxResults: LIMITS.describeCapacityProviders,
            nextToken,
          }),
        );
        failures.push(...(out.failures ?? []));
        return { items: out.capacityProviders, nextToken: out.nextToken };
      });
      return { providers, failures };
    }),
  );
  return {
    providers: pages.flatMap((p) => p.providers),
    failures: pages.flatMap((p) => p.failures),
  };
}

/** Every container instance ARN of a cluster, paged to the end. */
export function listContainerInstanceArns(
  ctx: EcsContext,
  region: string,
  cluster: string,
): Promise<string[]> {
  return collectPages(async (nextToken) => {
    const out = await call<{ containerInstanceArns?: string[]; nextToken?: string }>(
      ctx,
      region,
      "ListContainerInstances",
      new ListContainerInstancesCommand({ cluster, maxResults: LIMITS.listPage, nextToken }),
    );
    return { items: out.containerInstanceArns, nextToken: out.nextToken };
  });
}

/** Describes container instances in batches of 100; no call at all for an empty cluster. */
export async function describeContainerInstances(
  ctx: EcsContext,
  region: string,
  cluster: string,
  arns: string[],
): Promise<AwsContainerInstance[]> {
  const pages = await Promise.all(
    chunk(arns, LIMITS.describeContainerInstances).map((batch) =>
      call<{ containerInstances?: AwsContainerInstance[] }>(
        ctx,
        region,
        "DescribeContainerInstances",
        new DescribeContainerInstancesCommand({ cluster, containerInstances: batch }),
      ),
    ),
  );
  return pages.flatMap((p) => p.containerInstances ?? []);
}

/** Every ACTIVE task definition family of the region, paged to the end. */
export function listTaskDefinitionFamilies(ctx: EcsContext, region: string): Promise<string[]> {
  return collectPages(async (nextToken) => {
    const out = await call<{ families?: string[]; nextToken?: string }>(
      ctx,
      region,
      "ListTaskDefinitionFamilies",
      new ListTaskDefinitionFamiliesCommand({
        status: "ACTIVE",
        maxResults: LIMITS.listPage,
        nextToken,
      }),
    );
    return { items: out.families, nextToken: out.nextToken };
  });
}

/** One task definition: a family name gives its latest ACTIVE revision. AWS has no batch form. */
export async function describeTaskDefinition(
  ctx: EcsContext,
  region: string,
  familyOrArn: string,
): Promise<AwsTaskDefinition> {
  const out = await call<{ taskDefinition?: AwsTaskDefinition }>(
    ctx,
    region,
    "DescribeTaskDefinition",
    new DescribeTaskDefinitionCommand({ taskDefinition: familyOrArn }),
  );
  if (!out.taskDefinition)
    throw Object.assign(new Error(`no task definition ${familyOrArn}`), {
      name: "ClientException",
    });
  return out.taskDefinition;
}

/**
 * Describes tasks of one cluster in batches of 100 ARNs, the batches in parallel (within the
 * context's limiter). Tasks ECS no longer knows (stopped about an hour ago) come back as failures
 * with reason "MISSING".
 */
export async function describeTasks(
  ctx: EcsContext,
  region: string,
  cluster: string,
  taskArns: string[],
): Promise<{ tasks: AwsTask[]; failures: Failure[] }> {
  const pages = await Promise.all(
    chunk(taskArns, LIMITS.describeTasks).map((batch) =>
      call<{ tasks?: AwsTask[]; failures?: Failure[] }>(
        ctx,
        region,
        "DescribeTasks",
        new DescribeTasksCommand({ cluster, tasks: batch }),
      ),
    ),
  );
  return {
    tasks: pages.flatMap((p) => p.tasks ?? []),
    failures: pages.flatMap((p) => p.failures ?? []),
  };
}

/**
 * How many ACTIVE revisions a family has: ListTaskDefinitions by family, paged to the end (100 a
 * page, so a family with thousands of revisions costs tens of calls — callers ask lazily).
 */
export async function countTaskDefinitionRevisions(
  ctx: EcsContext,
  region: string,
  family: string,
): Promise<number> {
  const arns = await collectPages(async (nextToken) => {
    const out = await call<{ taskDefinitionArns?: string[]; nextToken?: string }>(
      ctx,
      region,
      "ListTaskDefinitions",
      new ListTaskDefinitionsCommand({
        familyPrefix: family,
        status: "ACTIVE",
        maxResults: LIMITS.listPage,
        nextToken,
      }),
    );
    return { items: out.taskDefinitionArns, nextToken: out.nextToken };
  });
  // ".../task-definition/<family>:<revision>": count only this family's revisions
  return arns.filter((arn) => arn.slice(arn.lastIndexOf("/") + 1, arn.lastIndexOf(":")) === family)
    .length;
}
