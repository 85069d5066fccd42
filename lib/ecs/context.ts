import "server-only";

import { AutoScalingClient } from "@aws-sdk/client-auto-scaling";
import { ECSClient } from "@aws-sdk/client-ecs";

import type { PooldeckConfig } from "@/lib/env/schema";
import { getConfig } from "@/lib/env/server";

import { Limiter } from "./batching";
import { TtlCache } from "@/lib/cache/ttl-cache";
import { defaultRetry, type RetryOptions } from "./retry";

/** The ECS operations Pooldeck calls; every one is a read. */
export const ECS_OPERATIONS = [
  "ListClusters",
  "DescribeClusters",
  "DescribeCapacityProviders",
  "ListContainerInstances",
  "DescribeContainerInstances",
  "ListTaskDefinitionFamilies",
  "DescribeTaskDefinition",
  "DescribeTasks",
  "ListTaskDefinitions",
] as const;
export type EcsOperation = (typeof ECS_OPERATIONS)[number];

/** The IAM actions of ECS_OPERATIONS. */
export const ECS_READ_ACTIONS: readonly string[] = ECS_OPERATIONS.map((op) => `ecs:${op}`);

/** The CloudWatch Logs operations Pooldeck calls (a run's log tail); reads too. */
export const LOGS_OPERATIONS = ["GetLogEvents"] as const;
export type LogsOperation = (typeof LOGS_OPERATIONS)[number];

/** The IAM actions of LOGS_OPERATIONS. */
export const LOGS_READ_ACTIONS: readonly string[] = LOGS_OPERATIONS.map((op) => `logs:${op}`);

/** The other read actions: Auto Scaling groups behind capacity providers (their max size). */
export const AUTOSCALING_READ_ACTIONS: readonly string[] = [
  "autoscaling:DescribeAutoScalingGroups",
];

/** Every IAM action Pooldeck needs in AWS: the least-privilege policy in docs/iam-policy.json must equal this. */
export const AWS_READ_ACTIONS: readonly string[] = [
  ...ECS_READ_ACTIONS,
  ...LOGS_READ_ACTIONS,
  ...AUTOSCALING_READ_ACTIONS,
];

/** The smallest client surface lib/ecs needs, so unit tests can hand in an SDK client with a mocked send. */
export type EcsSender = Pick<ECSClient, "send">;

/** Everything the reads share: clients, the server cache, retry policy and the concurrency bound. */
export interface EcsContext {
  client: (region: string) => EcsSender;
  /** Auto Scaling reads (the groups behind capacity providers); absent: not read */
  autoscaling?: (region: string) => Pick<AutoScalingClient, "send">;
  cache: TtlCache;
  retry: RetryOptions;
  /** at most this many ECS calls in flight per process; AWS throttles reads per account and region */
  limiter: Limiter;
}

/**
 * The deadlines of every AWS client Pooldeck builds (ECS, Auto Scaling, CloudWatch Logs, STS):
 * connecting at most 3 s (or the whole deadline when shorter) and the whole attempt at most
 * POOLDECK_AWS_TIMEOUT_MS (10 s by default). The SDK's own default waits without limit.
 */
export function awsDeadlines(timeouts: PooldeckConfig["timeouts"] = getConfig().timeouts): {
  requestHandler: {
    connectionTimeout: number;
    requestTimeout: number;
    throwOnRequestTimeout: boolean;
  };
} {
  return {
    requestHandler: {
      connectionTimeout: Math.min(3_000, timeouts.awsMs),
      requestTimeout: timeouts.awsMs,
      // without it the SDK only logs a warning when the deadline passes, and keeps waiting
      throwOnRequestTimeout: true,
    },
  };
}

/** The default region when neither the page nor the environment names one. */
export function defaultRegion(): string {
  return getConfig().aws.region ?? "us-east-1";
}

/** Builds a context; the defaults are the server's (15 s cache, 6 calls in flight, 4 retries). */
export function createEcsContext(
  overrides: Partial<EcsContext> & { cacheTtlMs?: number; concurrency?: number } = {},
): EcsContext {
  const clients = new Map<string, ECSClient>();
  const asgClients = new Map<string, AutoScalingClient>();
  return {
    autoscaling:
      overrides.autoscaling ??
      ((region) => {
        let c = asgClients.get(region);
        if (!c) {
          // endpoint: the SDK's own AWS_ENDPOINT_URL(_AUTO_SCALING) handling
          c = new AutoScalingClient({ region, maxAttempts: 1, ...awsDeadlines() });
          asgClients.set(region, c);
        }
        return c;
      }),
    client:
      overrides.client ??
      ((region) => {
        let c = clients.get(region);
        if (!c) {
          const { aws } = getConfig();
          c = new ECSClient({
            region,
            endpoint: aws.ecsEndpoint,
            // credentials: the SDK's default chain (env, AWS_PROFILE, SSO, instance and task roles)
            // lib/ecs retries with its own jittered backoff; SDK retries on top would multiply calls
            maxAttempts: 1,
            ...awsDeadlines(),
          });
          clients.set(region, c);
        }
        return c;
      }),
    cache: overrides.cache ?? new TtlCache(overrides.cacheTtlMs ?? 15_000),
    retry: overrides.retry ?? defaultRetry,
    limiter: overrides.limiter ?? new Limiter(overrides.concurrency ?? 6),
  };
}

const globalForEcs = globalThis as unknown as { __pooldeckEcs?: EcsContext };

/** The process-wide context (one cache and one concurrency bound shared by every request). */
export function serverEcsContext(): EcsContext {
  globalForEcs.__pooldeckEcs ??= createEcsContext();
  return globalForEcs.__pooldeckEcs;
}
