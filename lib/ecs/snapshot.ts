import "server-only";

import { DescribeAutoScalingGroupsCommand } from "@aws-sdk/client-auto-scaling";

import { autoScalingGroupName } from "@/lib/snapshot/arn";
import type {
  AutoScalingGroup,
  CapacityProvider,
  ClusterSnapshot,
  ClusterSummary,
  ContainerInstance,
  TaskDefinitionSummary,
} from "@/lib/snapshot/schema";

import type { LatestRevision } from "@/lib/template/registration";
import type { JsonObject } from "@/lib/template/types";

import { serverEcsContext, type EcsContext, type EcsOperation } from "./context";
import { EcsReadError, toEcsError, type EcsError, type EcsResult } from "./errors";
import {
  fargateProvider,
  FARGATE_PROVIDERS,
  toCapacityProvider,
  toClusterSummary,
  toContainerInstance,
  toTaskDefinitionSummary,
} from "./map";
import {
  describeCapacityProviders,
  describeClusters,
  describeContainerInstances,
  countTaskDefinitionRevisions,
  describeTaskDefinition,
  listClusterArns,
  listContainerInstanceArns,
  listTaskDefinitionFamilies,
  operationOf,
} from "./reads";

/** The parts of a cluster page that load and fail independently. */
export type SnapshotSection =
  | "cluster"
  | "capacityProviders"
  | "containerInstances"
  | "taskDefinitionFamilies"
  | "taskDefinitions";

export interface SectionStatus {
  /** ISO time the section was read from AWS (the cache may serve it for a few seconds) */
  fetchedAt: string;
  error: EcsError | null;
}

/** A cluster snapshot plus, per section, when it was read and what failed (failed sections hold empty lists). */
export interface ClusterSnapshotResult {
  /** null when the cluster itself could not be read; the section errors say why */
  snapshot: ClusterSnapshot | null;
  sections: Record<SnapshotSection, SectionStatus>;
}

export interface ReadOptions {
  /** skip the server cache (manual refresh); concurrent identical reads still share one call */
  fresh?: boolean;
  ctx?: EcsContext;
}

async function section<T>(
  ctx: EcsContext,
  key: string,
  operation: EcsOperation,
  load: () => Promise<T>,
  fresh?: boolean,
): Promise<EcsResult<T>> {
  try {
    const { value, fetchedAt } = await ctx.cache.get(key, load, { fresh });
    return { ok: true, data: value, fetchedAt };
  } catch (err) {
    return {
      ok: false,
      error: toEcsError(err, operationOf(err, operation)),
      fetchedAt: new Date().toISOString(),
    };
  }
}

/** The clusters of a region with their default strategies (ListClusters paged, DescribeClusters by 100). */
export async function listClusters(
  region: string,
  opts: ReadOptions = {},
): Promise<EcsResult<ClusterSummary[]>> {
  const ctx = opts.ctx ?? serverEcsContext();
  return section(
    ctx,
    `clusters:${region}`,
    "ListClusters",
    async () => {
      const arns = await listClusterArns(ctx, region);
      const { clusters } = await describeClusters(ctx, region, arns);
      return clusters.map(toClusterSummary).sort((a, b) => a.name.localeCompare(b.name));
    },
    opts.fresh,
  );
}

async function readCluster(
  ctx: EcsContext,
  region: string,
  cluster: string,
): Promise<ClusterSummary> {
  const { clusters, failures } = await describeClusters(ctx, region, [cluster]);
  const found = clusters.find((c) => c.status !== "INACTIVE");
  if (!found) {
    const reason = failures[0]?.reason ?? (clusters.length ? "INACTIVE" : "MISSING");
    throw new EcsReadError({
      kind: "cluster-not-found",
      action: "ecs:DescribeClusters",
      message: `Cluster "${cluster}" was not found in ${region} (${reason}). Check the name and the region.`,
    });
  }
  return toClusterSummary(found);
}

async function readProviders(
  ctx: EcsContext,
  region: string,
  summary: ClusterSummary,
): Promise<CapacityProvider[]> {
  const fargate = FARGATE_PROVIDERS.filter((n) => summary.capacityProviders.includes(n)).map((n) =>
    fargateProvider(n, true),
  );
  const asgNames = summary.capacityProviders.filter(
    (n) => !(FARGATE_PROVIDERS as readonly string[]).includes(n),
  );
  const { providers } = await describeCapacityProviders(ctx, region, asgNames);
  return [...providers.map((p) => toCapacityProvider(p, true)), ...fargate];
}

async function readInstances(
  ctx: EcsContext,
  region: string,
  cluster: string,
): Promise<ContainerInstance[]> {
  const arns = await listContainerInstanceArns(ctx, region, cluster);
  const described = await describeContainerInstances(ctx, region, cluster, arns);
  return described.map(toContainerInstance);
}

/** Latest ACTIVE revision per family (or exact revision per ARN), each cached and read with bounded concurrency. */
export async function describeTaskDefinitions(
  region: string,
  familiesOrArns: readonly string[],
  opts: ReadOptions = {},
): Promise<Record<string, EcsResult<TaskDefinitionSummary>>> {
  const ctx = opts.ctx ?? serverEcsContext();
  const unique = [...new Set(familiesOrArns)];
  // the limiter inside each call bounds concurrency; Promise.all only queues them
  const results = await Promise.all(
    unique.map((name) =>
      section(
        ctx,
        `td:${region}:${name}`,
        "DescribeTaskDefinition",
        async () => toTaskDefinitionSummary(await describeTaskDefinition(ctx, region, name)),
        opts.fresh,
      ),
    ),
  );
  return Object.fromEntries(unique.map((name, i) => [name, results[i]!]));
}

/**
 * The Auto Scaling groups behind the providers (DescribeAutoScalingGroups by name, 50 a call),
 * or undefined when they cannot be read: the burst rule then says it lacks them.
 */
async function readAutoScalingGroups(
  ctx: EcsContext,
  region: string,
  providers: CapacityProvider[],
  fresh?: boolean,
): Promise<AutoScalingGroup[] | undefined> {
  const names = providers.flatMap((p) => autoScalingGroupName(p.autoScalingGroupArn) ?? []);
  const client = ctx.autoscaling?.(region);
  if (names.length === 0) return [];
  if (!client) return undefined;
  try {
    const { value } = await ctx.cache.get(
      `asgs:${region}:${[...names].sort().join(",")}`,
      async () => {
        const groups: AutoScalingGroup[] = [];
        for (let i = 0; i < names.length; i += 50) {
          const out = await ctx.limiter.run(() =>
            client.send(
              new DescribeAutoScalingGroupsCommand({
                AutoScalingGroupNames: names.slice(i, i + 50),
              }),
            ),
          );
          for (const g of out.AutoScalingGroups ?? [])
            groups.push({
              name: g.AutoScalingGroupName ?? "",
              arn: g.AutoScalingGroupARN ?? "",
              minSize: g.MinSize ?? 0,
              maxSize: g.MaxSize ?? 0,
              desiredCapacity: g.DesiredCapacity ?? 0,
              instanceCount: g.Instances?.length ?? 0,
            });
        }
        return groups;
      },
      { fresh },
    );
    return value;
  } catch {
    return undefined;
  }
}

/** AWS's answer to DescribeTaskDefinition for a family without an ACTIVE revision. */
function isMissingFamily(error: EcsError): boolean {
  return (
    error.kind === "invalid-request" && /unable to describe task definition/i.test(error.message)
  );
}

/** What the registration prediction needs about one family, read once for every deployment using it. */
export type FamilyLatest =
  { ok: true; latest: LatestRevision | "none" } | { ok: false; error: EcsError };

/**
 * The latest ACTIVE revision of each family: one DescribeTaskDefinition per distinct family (not
 * per deployment), cached like every read; a family that does not exist is "none", not an error.
 */
export async function readFamilyLatest(
  region: string,
  families: readonly string[],
  opts: ReadOptions = {},
): Promise<Record<string, FamilyLatest>> {
  const described = await describeTaskDefinitions(region, families, opts);
  return Object.fromEntries(
    Object.entries(described).map(([family, r]): [string, FamilyLatest] => {
      if (r.ok) {
        // toTaskDefinitionSummary always sets `comparable`
        const comparable = (r.data.comparable ?? {}) as JsonObject;
        return [family, { ok: true, latest: { revision: r.data.revision, comparable } }];
      }
      return [family, isMissingFamily(r.error) ? { ok: true, latest: "none" } : r];
    }),
  );
}

/**
 * The number of ACTIVE revisions of a family (ListTaskDefinitions paged; ask lazily, it can be
 * many calls). A family that does not exist counts 0; AccessDenied names ecs:ListTaskDefinitions.
 */
export function countFamilyRevisions(
  region: string,
  family: string,
  opts: ReadOptions = {},
): Promise<EcsResult<number>> {
  const ctx = opts.ctx ?? serverEcsContext();
  return section(
    ctx,
    `tdcount:${region}:${family}`,
    "ListTaskDefinitions",
    () => countTaskDefinitionRevisions(ctx, region, family),
    opts.fresh,
  );
}

/**
 * Reads one cluster: the cluster, its capacity providers, its container instances and the region's
 * task definition families; `describeFamilies` are described too. Sections fail independently.
 */
export async function getClusterSnapshot(
  args: { region: string; cluster: string; describeFamilies?: readonly string[] },
  opts: ReadOptions = {},
): Promise<ClusterSnapshotResult> {
  const ctx = opts.ctx ?? serverEcsContext();
  const { region, cluster } = args;
  const base = `${region}:${cluster}`;
  const clusterP = section(
    ctx,
    `cluster:${base}`,
    "DescribeClusters",
    () => readCluster(ctx, region, cluster),
    opts.fresh,
  );
  // instances and families do not depend on the cluster description, so they start at once
  const instancesP = section(
    ctx,
    `instances:${base}`,
    "ListContainerInstances",
    () => readInstances(ctx, region, cluster),
    opts.fresh,
  );
  const familiesP = section(
    ctx,
    `families:${region}`,
    "ListTaskDefinitionFamilies",
    () => listTaskDefinitionFamilies(ctx, region),
    opts.fresh,
  );
  const tdsP = describeTaskDefinitions(region, args.describeFamilies ?? [], opts);
  const clusterR = await clusterP;
  const providersP: Promise<EcsResult<CapacityProvider[]>> = clusterR.ok
    ? section(
        ctx,
        `providers:${base}`,
        "DescribeCapacityProviders",
        () => readProviders(ctx, region, clusterR.data),
        opts.fresh,
      )
    : Promise.resolve({ ok: false, error: clusterR.error, fetchedAt: clusterR.fetchedAt });
  const [providersR, instancesR, familiesR, tds] = await Promise.all([
    providersP,
    instancesP,
    familiesP,
    tdsP,
  ]);

  const autoScalingGroups =
    clusterR.ok && providersR.ok
      ? await readAutoScalingGroups(ctx, region, providersR.data, opts.fresh)
      : undefined;
  const tdList = Object.values(tds);
  const tdError = tdList.find((r) => !r.ok);
  const status = <T>(r: EcsResult<T>): SectionStatus => ({
    fetchedAt: r.fetchedAt,
    error: r.ok ? null : r.error,
  });
  const sections: Record<SnapshotSection, SectionStatus> = {
    cluster: status(clusterR),
    capacityProviders: clusterR.ok
      ? status(providersR)
      : { fetchedAt: clusterR.fetchedAt, error: null },
    containerInstances: clusterR.ok
      ? status(instancesR)
      : { fetchedAt: clusterR.fetchedAt, error: null },
    taskDefinitionFamilies: status(familiesR),
    taskDefinitions: {
      fetchedAt: tdList.map((r) => r.fetchedAt).sort()[0] ?? new Date().toISOString(),
      error: tdError && !tdError.ok ? tdError.error : null,
    },
  };
  if (!clusterR.ok) return { snapshot: null, sections };
  const fetchedAt = [clusterR, providersR, instancesR, familiesR]
    .map((r) => r.fetchedAt)
    .sort()[0]!;
  return {
    snapshot: {
      fetchedAt,
      region,
      cluster: clusterR.data,
      capacityProviders: providersR.ok ? providersR.data : [],
      containerInstances: instancesR.ok ? instancesR.data : [],
      taskDefinitionFamilies: familiesR.ok ? familiesR.data : [],
      taskDefinitions: tdList.flatMap((r) => (r.ok ? [r.data] : [])),
      ...(autoScalingGroups ? { autoScalingGroups } : {}),
    },
    sections,
  };
}
